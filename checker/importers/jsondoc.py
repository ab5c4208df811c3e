"""JSON exports decoded with the line every object starts on, so that a refusal names
``file:line`` rather than "record #12" (the standard library keeps no positions)."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from checker.errors import InputError
from checker.importers.base import Export

_SPACE = re.compile(r"[ \t\n\r]*")
_SCALAR = json.JSONDecoder()


@dataclass(slots=True)
class Document:
    """A decoded JSON export and the line each of its objects and arrays starts on."""

    value: Any
    lines: dict[int, int] = field(default_factory=dict)

    def line(self, item: object) -> int:
        """The line ``item`` (an object or array of this document) starts on; 0 if unknown."""
        return self.lines.get(id(item), 0)


def load(export: Export) -> Document:
    """Decode ``export`` (UTF-8, with or without BOM); malformed JSON is refused at its line."""
    try:
        text = export.path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError.at(export.at(), f"export is not UTF-8 text: {exc.reason}") from exc
    except OSError as exc:
        raise InputError.at(export.at(), f"cannot read export: {exc.strerror or exc}") from exc
    try:
        json.loads(text)  # C speed for the common error: report it as json words it
    except json.JSONDecodeError as exc:
        raise InputError.at(export.at(exc.lineno, exc.colno), f"not valid JSON: {exc.msg}") \
            from exc
    try:
        return _Decoder(text).document()
    except RecursionError:
        raise InputError.at(export.at(), "JSON nested too deeply to read") from None


class _Decoder:
    """Recursive descent over containers; strings and numbers are decoded by ``json``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.lines: dict[int, int] = {}

    def document(self) -> Document:
        value, _end = self._value(_SPACE.match(self.text, 0).end())  # type: ignore[union-attr]
        return Document(value, self.lines)

    def _skip(self, at: int) -> int:
        return _SPACE.match(self.text, at).end()  # type: ignore[union-attr]

    def _value(self, at: int) -> tuple[Any, int]:
        char = self.text[at]
        if char == "{":
            return self._object(at)
        if char == "[":
            return self._array(at)
        return _SCALAR.raw_decode(self.text, at)

    def _object(self, start: int) -> tuple[dict[str, Any], int]:
        result: dict[str, Any] = {}
        self.lines[id(result)] = bisect_left(self.newlines, start) + 1
        at = self._skip(start + 1)
        if self.text[at] == "}":
            return result, at + 1
        while True:
            name, at = scanstring(self.text, at + 1)
            at = self._skip(self._skip(at) + 1)  # past ':'
            result[name], at = self._value(at)
            at = self._skip(at)
            if self.text[at] == "}":
                return result, at + 1
            at = self._skip(at + 1)  # past ','

    def _array(self, start: int) -> tuple[list[Any], int]:
        result: list[Any] = []
        self.lines[id(result)] = bisect_left(self.newlines, start) + 1
        at = self._skip(start + 1)
        if self.text[at] == "]":
            return result, at + 1
        while True:
            item, at = self._value(at)
            result.append(item)
            at = self._skip(at)
            if self.text[at] == "]":
                return result, at + 1
            at = self._skip(at + 1)
