"""Safe, located YAML: every document and key keeps its file, line and column.

PyYAML composes the node graph (with its C parser where available); values are built
here so that duplicate keys, merge keys, object-constructing tags and alias bombs are
refused with a location instead of being silently accepted or expanded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.errors import InputError, Location
from checker.limits import DEFAULT_MAX_BYTES

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

PathKey = tuple[str | int, ...]

MAX_DEPTH = 64
_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_SCALAR = yaml.SafeLoader("")  # only its stateless scalar constructors are used


Mark = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Document:
    """One YAML document: its value and the location of every key and item in it.

    Locations are kept compactly: ``marks`` holds line and column of every key and list item
    as two machine integers, in the order a depth-first walk of ``value`` meets them (keys in
    insertion order). A path is found by walking down to it: each container on the way learns,
    once, where each of its children starts in ``marks``. A large inventory costs 8 bytes a
    key for its locations, and 4 bytes a child of each container a finding has walked through.
    """

    value: Any
    location: Location
    marks: array[int] = field(repr=False)
    #: id(container) -> where each child's mark lies, counted from the container's first child
    _starts: dict[int, array[int]] = field(default_factory=dict, repr=False, compare=False)

    def locate(self, path: PathKey) -> Location:
        """The location of ``path``, or of its nearest located ancestor."""
        position, value, found = -1, self.value, None
        for key in path:
            index = _child_index(value, key)
            if index is None:
                break
            position += 1 + self._child_starts(value)[index]
            found = position
            value = value[key]
        if found is None:
            return self.location
        return Location(self.location.file, self.marks[2 * found], self.marks[2 * found + 1])

    def _child_starts(self, container: dict[str, Any] | list[Any]) -> array[int]:
        starts = self._starts.get(id(container))
        if starts is None:
            starts, offset = array("i"), 0
            for child in _children(container):
                starts.append(offset)
                offset += 1 + _marks_within(child)
            self._starts[id(container)] = starts
        return starts


def _children(value: Any) -> Iterable[Any]:
    if isinstance(value, dict):
        return value.values()
    return value if isinstance(value, list) else ()


def _marks_within(value: Any) -> int:
    """How many keys and items ``value`` holds at any depth (each has one mark)."""
    total, pending = 0, [value] if isinstance(value, (dict, list)) else []
    while pending:
        node = pending.pop()
        children = node.values() if isinstance(node, dict) else node
        total += len(children)
        pending += [child for child in children if isinstance(child, (dict, list))]
    return total


def _child_index(value: Any, key: str | int) -> int | None:
    """Where ``key`` is among ``value``'s children, or None when it is not one of them."""
    if isinstance(value, list):
        if isinstance(key, int) and not isinstance(key, bool) and 0 <= key < len(value):
            return key
        return None
    if isinstance(value, dict) and isinstance(key, str) and key in value:
        return list(value).index(key)
    return None


def parse_path(text: str) -> PathKey:
    """``facts.hosts[2].name`` -> ``("facts", "hosts", 2, "name")``."""
    parts: list[str | int] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", text):
        parts.append(int(index) if index else (int(name) if name.isdigit() else name))
    return tuple(parts)


def read_text(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Read a UTF-8 text file and its sha256, refusing oversized, binary, BOM-prefixed or
    undecodable ones."""
    where = Location(display)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError.at(where, f"file is {size} bytes, over the {max_bytes}-byte limit")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError.at(where, f"cannot read file: {exc.strerror or exc}") from exc
    if raw.startswith(b"\xef\xbb\xbf"):
        raise InputError.at(Location(display, 1, 1), "file starts with a byte-order mark; "
                            "save it as UTF-8 without BOM")
    if b"\x00" in raw:
        raise InputError.at(where, "file contains NUL bytes; it is binary, not YAML")
    try:
        return raw.decode("utf-8"), hashlib.sha256(raw).hexdigest()
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError.at(Location(display, line), "file is not valid UTF-8") from exc


def load_documents(text: str, display: str) -> Iterator[Document]:
    """Yield each non-empty document in ``text``; raise InputError on anything unsafe."""
    budget = _Budget(limit=len(text) + 1000)
    _refuse_deep_flow(text, display)
    try:
        for node in yaml.compose_all(text, Loader=_Loader):
            if node is None:
                continue
            marks = array("i")
            value = _build(node, (), marks, display, budget, 0)
            yield Document(value, _at(display, node), marks)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
        problem = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        raise InputError.at(where, f"invalid YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise InputError.at(Location(display), f"invalid YAML: {exc}") from exc
    except RecursionError as exc:
        raise InputError.at(Location(display), "YAML nested too deeply") from exc


_BRACKETS = re.compile(r"[\[\]{}]")
_FLOW_DEPTH_GUARD = 1000  # far above MAX_DEPTH; below what the C composer's stack survives


def _refuse_deep_flow(text: str, display: str) -> None:
    """Refuse flow nesting (``[[[[...``) too deep for PyYAML's recursive C composer, which
    would crash the process before our own depth check sees a node. Brackets inside quoted
    strings count too: harmless, as no real document has hundreds of unclosed ones."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > _FLOW_DEPTH_GUARD:
            line = text.count("\n", 0, match.start()) + 1
            raise InputError.at(Location(display, line), f"YAML nested deeper than "
                                f"{MAX_DEPTH} levels")


#: Strings up to this long (keys, dates, enumerations) are shared between their uses in one
#: file: an inventory repeats a few dozen of them thousands of times.
_SHARED_UP_TO = 24


@dataclass(slots=True)
class _Budget:
    """One file's building state: the cap on nodes built (so aliases cannot expand without
    bound) and the short strings shared between uses."""

    limit: int
    used: int = 0
    strings: dict[str, str] = field(default_factory=dict)

    def share(self, text: str) -> str:
        """``text``, or an equal string met before in this file."""
        if len(text) > _SHARED_UP_TO:
            return text
        return self.strings.setdefault(text, text)


def _at(display: str, node: yaml.Node) -> Location:
    return Location(display, *_mark(node))


def _mark(node: yaml.Node) -> Mark:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(node: yaml.Node, path: PathKey, marks: array[int],
           display: str, budget: _Budget, depth: int) -> Any:
    budget.used += 1
    if budget.used > budget.limit:
        raise InputError.at(_at(display, node), "YAML expands to far more nodes than the file "
                            "holds (alias bomb?); refusing to expand it")
    if depth > MAX_DEPTH:
        raise InputError.at(_at(display, node), f"YAML nested deeper than {MAX_DEPTH} levels")
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, display)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _TAG + "seq":
            raise InputError.at(_at(display, node), f"unsupported YAML tag {node.tag}")
        items = []
        for index, child in enumerate(node.value):
            marks.extend(_mark(child))
            items.append(_build(child, (*path, index), marks, display, budget, depth + 1))
        return items
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, path, marks, display, budget, depth)
    raise InputError.at(_at(display, node), "unsupported YAML node")  # pragma: no cover


def _mapping(node: yaml.MappingNode, path: PathKey, marks: array[int],
             display: str, budget: _Budget, depth: int) -> dict[str, Any]:
    if node.tag != _TAG + "map":
        raise InputError.at(_at(display, node), f"unsupported YAML tag {node.tag}")
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.tag != _STR or not isinstance(key_node, yaml.ScalarNode):
            where = _at(display, key_node)
            if key_node.tag == _TAG + "merge":
                raise InputError.at(where, "merge keys (<<) are not supported in evidence; "
                                    "write the keys out")
            raise InputError.at(where, f"mapping key {_describe(key_node)} must be a string; "
                                "quote it")
        key = budget.share(key_node.value)
        if key in result:
            first = next(k for k, _ in node.value if k.value == key)
            raise InputError.at(_at(display, key_node), f"duplicate key '{key}' (first "
                                f"defined at line {_mark(first)[0]})")
        marks.extend(_mark(key_node))
        if value_node.tag == _STR and isinstance(value_node, yaml.ScalarNode):
            budget.used += 1  # the common leaf, without a call per string
            result[key] = budget.share(value_node.value)
        else:
            result[key] = _build(value_node, (*path, key), marks, display, budget, depth + 1)
    return result


def _describe(node: yaml.Node) -> str:
    return repr(node.value) if isinstance(node, yaml.ScalarNode) else f"of type {node.id}"


def _scalar(node: yaml.ScalarNode, display: str) -> Any:
    try:
        return _construct(node, display)
    except (ValueError, KeyError, IndexError, AttributeError, TypeError) as exc:
        # ValueError: 2026-02-30, hour 25, an integer of 5,000 digits; the others: a value
        # that an explicit tag makes impossible (!!bool maybe, !!int '', !!timestamp x)
        raise InputError.at(_at(display, node), _impossible(node, exc)) from exc


_NULLS = ("", "~", "null", "Null", "NULL")


def _impossible(node: yaml.ScalarNode, exc: Exception) -> str:
    name = node.tag.removeprefix(_TAG)
    if isinstance(exc, ValueError) and name == "timestamp" and node.value[:1].isdigit():
        return f"invalid date {node.value!r}: {exc}"
    if isinstance(exc, ValueError) and name in ("int", "float") and \
            len(node.value) > 20 and node.value.lstrip("+-").replace("_", "").isdigit():
        return f"number {node.value[:20]!r}... is too long to be a number"
    return f"{node.value[:40]!r} is not a valid {name} (tag !!{name}); remove the tag or " \
           "correct the value"


def _construct(node: yaml.ScalarNode, display: str) -> Any:
    tag = node.tag
    if tag == _TAG + "str":
        return node.value
    if tag == _TAG + "null":
        if node.value not in _NULLS:  # PyYAML would read any text tagged !!null as null
            raise ValueError(node.value)
        return None
    if tag == _TAG + "bool":
        return _SCALAR.construct_yaml_bool(node)
    if tag in (_TAG + "int", _TAG + "float") and ":" in node.value:
        # YAML 1.1 base 60: `1:20` would be read as 80, `12:30` as 750; never what was meant
        raise InputError.at(_at(display, node), f"{node.value!r} would be read as a base-60 "
                            "(YAML 1.1 sexagesimal) number; write the number, or quote it")
    if tag == _TAG + "int":
        return _SCALAR.construct_yaml_int(node)
    if tag == _TAG + "float":
        number = _SCALAR.construct_yaml_float(node)
        if math.isnan(number) or math.isinf(number):
            raise InputError.at(_at(display, node), f"number {node.value!r} is not finite")
        return number
    if tag == _TAG + "timestamp":
        return iso(_SCALAR.construct_yaml_timestamp(node))
    raise InputError.at(_at(display, node), f"unsupported YAML tag {tag}; evidence may only "
                        "hold plain strings, numbers, booleans, dates, lists and mappings")


def iso(value: dt.date) -> str:
    """A date as ``YYYY-MM-DD``; a datetime as RFC 3339 in UTC (naive means UTC, as in YAML)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.isoformat(timespec="seconds") + "Z"
    return value.isoformat()
