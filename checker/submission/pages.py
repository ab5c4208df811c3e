"""Plain, printable HTML pages for a submission pack: every text escaped, no scripts, no
clock; the same content gives the same bytes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

_CSS = ("body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}"
        "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #999;padding:.3em .5em;"
        "vertical-align:top;text-align:left}th{background:#eee}.meta{color:#555}"
        ".notready{background:#fdd;border:2px solid #a00;padding:.5em 1em}"
        ".ready{background:#dfd;border:2px solid #070;padding:.5em 1em}td{white-space:pre-wrap}")


def page(title: str, provenance: str, body: Iterable[str]) -> str:
    """A whole document: title, the provenance line, then ``body`` (already HTML)."""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            f"<h1>{escape(title)}</h1>\n<p class=\"meta\">{escape(provenance)}</p>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>\n"
                   for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"


def pairs(rows: Iterable[tuple[str, str]]) -> str:
    """A two-column label/value table."""
    return "<table>\n" + "".join(f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>\n"
                                 for label, value in rows) + "</table>"


def heading(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def para(text: str, css: str = "") -> str:
    attribute = f" class=\"{css}\"" if css else ""
    return f"<p{attribute}>{escape(text)}</p>"


def items(texts: Iterable[str]) -> str:
    return "<ul>\n" + "".join(f"<li>{escape(t)}</li>\n" for t in texts) + "</ul>"


def link(path: str, text: str) -> str:
    return f"<a href=\"{escape(path)}\">{escape(text)}</a>"
