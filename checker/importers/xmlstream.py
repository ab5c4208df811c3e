"""XML exports streamed with defusedxml: elements are handed over one record at a time, with
the line they start on, and cleared afterwards so a gigabyte scan fits in bounded memory."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, iterparse

from checker.errors import InputError
from checker.importers.base import Export

#: Attributes under which the start line and column of every element are kept (not names
#: XML allows).
LINE = "{urn:checker}line"
COLUMN = "{urn:checker}column"


class _LineBuilder(ET.TreeBuilder):
    """A tree builder that stamps each element with the line its start tag is on."""

    def __init__(self) -> None:
        super().__init__()
        self.expat: Any = None

    def start(self, tag: Any, attrs: Any) -> ET.Element:
        element = super().start(tag, attrs)
        if self.expat is not None:
            element.set(LINE, str(self.expat.CurrentLineNumber))
            element.set(COLUMN, str(self.expat.CurrentColumnNumber + 1))
        return element


def line(element: ET.Element) -> int:
    return int(element.get(LINE, "0"))


def column(element: ET.Element) -> int:
    """The 1-based column of the element's start tag (0 when not known)."""
    return int(element.get(COLUMN, "0"))


def local(tag: str) -> str:
    """A tag without its namespace."""
    return tag.rsplit("}", 1)[-1]


def records(export: Export, names: frozenset[str], root: frozenset[str],
            headers: frozenset[str] = frozenset()) -> Iterator[tuple[list[str], ET.Element]]:
    """Yield ``(ancestor tags, element)`` for each complete element named in ``names`` (not
    nested in another such element), and for each element named in ``headers`` outside them,
    as soon as it ends. Record elements are cleared and detached once the caller has them."""
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder)
    builder.expat = parser.parser
    stack: list[ET.Element] = []
    depth_in_record = 0
    try:
        for event, element in iterparse(str(export.path), events=("start", "end"),
                                        parser=parser):
            name = local(element.tag)
            if event == "start":
                if not stack and name not in root:
                    expected = " or ".join(f"<{r}>" for r in sorted(root))
                    raise InputError.at(export.at(line(element)), f"root element is "
                                        f"<{name}>, expected {expected}")
                stack.append(element)
                depth_in_record += name in names
                continue
            stack.pop()
            if name in names:
                depth_in_record -= 1
                if depth_in_record == 0:
                    yield [local(e.tag) for e in stack], element
                    element.clear()
                    if stack:
                        stack[-1].remove(element)
            elif name in headers and depth_in_record == 0:
                yield [local(e.tag) for e in stack], element
    except ET.ParseError as exc:
        row, column = exc.position
        raise InputError.at(export.at(row, column + 1), f"malformed XML: {exc.msg}") from exc
    except DefusedXmlException as exc:
        raise InputError.at(export.at(), f"refused XML: {exc}") from exc
    except OSError as exc:
        raise InputError.at(export.at(), f"cannot read export: {exc.strerror or exc}") from exc


def text(element: ET.Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def child(element: ET.Element, name: str) -> ET.Element | None:
    for item in element:
        if local(item.tag) == name:
            return item
    return None


def children(element: ET.Element, name: str) -> list[ET.Element]:
    return [item for item in element if local(item.tag) == name]
