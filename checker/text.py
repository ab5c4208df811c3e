"""Untrusted text made safe for each kind of output: the one place reports neutralise it.

Evidence is written by people we do not trust, and its titles, owners, fact values and file
names reach every report. A character that could change how a report reads or parses is
replaced by *visible* escape text, never dropped: C0 and C1 controls (so ESC, and with it
every ANSI/OSC sequence), DEL, lone surrogates (a file name that is not UTF-8), U+FFFE and
U+FFFF (both illegal in XML 1.0), line and paragraph separators, and the bidirectional
controls that can reorder what a reader sees. ESC becomes ``\\x1b``, U+202E ``\\u202e``,
a newline (where a value must stay on one line) ``\\n``.

- :func:`visible` keeps newlines and tabs: documents (XML, JSON, CSV, HTML, xlsx).
- :func:`for_terminal` escapes those too: one value is one line (tables, error messages);
  :func:`for_terminal_lines` does the same to each line of a text, keeping the newlines.
- :func:`for_markdown` also escapes what Markdown would render (HTML, links, images,
  emphasis, table pipes, autolinks, mentions, math), for a PR comment or job summary.
- :func:`in_data` applies :func:`visible` to every string in JSON-like data.
"""

from __future__ import annotations

import re
from typing import Any

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff\ufffe\uffff]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str, keep: str = "\n\t") -> str:
    """``text`` with every unsafe character but those in ``keep`` shown as escape text."""
    if text.isascii() and text.isprintable():  # the common case: nothing to replace
        return text
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m.group()), text)


def for_terminal(text: str) -> str:
    """One line of plain text: no terminal escape sequence, no newline can come through."""
    return visible(text, keep="")


#: _UNSAFE without the newline (\x0a), which separates the lines.
_UNSAFE_IN_LINES = re.compile(_UNSAFE.pattern.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f"))


def for_terminal_lines(text: str) -> str:
    """Lines of plain text: each line as :func:`for_terminal` makes it, the newlines between
    them kept. One pass over the whole text, and ``text`` itself when nothing needs escaping
    (a 50 MB table is not copied to find that out)."""
    if not _UNSAFE_IN_LINES.search(text):
        return text
    return _UNSAFE_IN_LINES.sub(lambda m: _escape(m.group()), text)


#: ASCII punctuation that Markdown (GitHub flavour) may act on inline, backslash-escaped.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~$:#!])")
_MARKDOWN_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def for_markdown(text: str) -> str:
    """Inline Markdown that renders as exactly ``text``: no tag, link, image, emphasis, cell
    break or heading. ``:`` is escaped (no ``http://`` autolink), ``www.`` loses its dot's
    meaning, and ``@`` is followed by a zero-width space (no e-mail link, no @mention)."""
    text = for_terminal(text)
    text = re.sub("[&<>]", lambda m: _MARKDOWN_HTML[m.group()], text)
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    text = re.sub(r"(?i)\b(www)\.", r"\1\\.", text)
    return text.replace("@", "@&#8203;")


def in_data(value: Any) -> Any:
    """JSON-like ``value`` with :func:`visible` applied to every string, keys included.

    Containers are copied only where a string in them changed: a large report of clean text
    is returned as it is, not duplicated on its way to the encoder."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        items = [(in_data(k), in_data(v)) for k, v in value.items()]
        if all(k is old_k and v is old_v
               for (k, v), (old_k, old_v) in zip(items, value.items(), strict=True)):
            return value
        return dict(items)
    if isinstance(value, (list, tuple)):
        cleaned = [in_data(v) for v in value]
        if all(new is old for new, old in zip(cleaned, value, strict=True)):
            return value
        return cleaned
    return value
