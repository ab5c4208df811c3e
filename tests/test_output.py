"""Reports are written a piece at a time: a report of several pieces arrives whole, byte for
byte, in a file and on standard output."""

from __future__ import annotations

import pytest

from checker import output

#: Several pieces of 7 characters and a partial one, text beyond ASCII across a boundary.
TEXT = "control ok\nt\u00e9l\u00e9phone \u2018quoted\u2019 \U0001f3dd\ntail\n"


@pytest.fixture(autouse=True)
def small_pieces(monkeypatch):
    monkeypatch.setattr(output, "_PIECE", 7)


def test_a_report_of_several_pieces_is_written_whole_to_a_file(tmp_path):
    target = tmp_path / "report.txt"
    output.emit(TEXT, target)
    assert target.read_bytes() == TEXT.encode("utf-8")


def test_a_report_of_several_pieces_is_printed_whole(capsysbinary):
    output.emit(TEXT, None)
    assert capsysbinary.readouterr().out == TEXT.encode("utf-8")
