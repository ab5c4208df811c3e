"""The located YAML loader: safe values, locations, and refusals with file:line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.errors import InputError, Location
from checker.yamlsource import load_documents, parse_path


def load(text: str) -> list:
    return list(load_documents(text, "e.yaml"))


def refusal(text: str) -> str:
    with pytest.raises(InputError) as caught:
        load(text)
    [problem] = caught.value.problems
    return str(problem)


def test_every_key_and_item_is_located():
    [doc] = load("kind: x\nfacts:\n  items:\n    - name: a\n    - name: b\n")
    assert doc.locate(("facts", "items", 1, "name")) == Location("e.yaml", 5, 7)
    assert doc.locate(("facts", "items", 1)) == Location("e.yaml", 5, 7)
    assert doc.locate(("facts", "nope", 3)) == Location("e.yaml", 2, 1)


def test_several_documents_per_file_keep_their_own_lines():
    docs = load("a: 1\n---\nb: 2\n")
    assert [d.location.line for d in docs] == [1, 3]


def test_dates_become_iso_strings_and_timestamps_rfc3339_utc():
    [doc] = load("d: 2026-01-05\nt: 2026-01-05 10:00:00\nz: 2026-01-05T10:00:00+01:00\n")
    assert doc.value == {"d": "2026-01-05", "t": "2026-01-05T10:00:00Z",
                         "z": "2026-01-05T09:00:00Z"}


def test_duplicate_key_is_refused_naming_both_lines():
    message = refusal("id: a\ntitle: t\nid: b\n")
    assert message == "e.yaml:3:1: duplicate key 'id' (first defined at line 1)"


def test_merge_key_is_refused():
    assert "merge keys" in refusal("base: &b {x: 1}\nother:\n  <<: *b\n")


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['true']",
                                 "!!python/name:os.system", "!custom 1", "!!binary aGk="])
def test_object_constructing_and_unknown_tags_are_refused(tag):
    assert "unsupported YAML tag" in refusal(f"x: {tag}\n")


def test_alias_bomb_is_refused_before_it_expands():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        prev = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]")
    assert "alias bomb" in refusal("\n".join(lines) + "\n")


def test_deep_nesting_is_refused():
    text = "x: " + "[" * 200 + "]" * 200 + "\n"
    assert "nested deeper" in refusal(text)


def test_non_string_keys_are_refused():
    assert "must be a string" in refusal("1: a\n")
    assert "must be a string" in refusal("? [a, b]\n: c\n")


def test_not_a_number_is_refused():
    assert "not finite" in refusal("x: .nan\n")


@pytest.mark.parametrize("value", ["1:20", "-1:20", "12:30", "1:20.5", "!!int 1:20"])
def test_base_sixty_number_is_refused_not_read_as_sixty_times(value):
    assert refusal(f"kind: x\nestate_devices: {value}\n").startswith(
        f"e.yaml:2:17: {value.removeprefix('!!int ')!r} would be read as a base-60")


def test_quoted_time_stays_text():
    [doc] = load("a: '1:20'\nb: 12\n")
    assert doc.value == {"a": "1:20", "b": 12}


def test_syntax_error_names_line_and_column():
    message = refusal("a: 1\nb: [1, 2\n")
    assert message.startswith("e.yaml:")
    assert "invalid YAML" in message


def test_tab_indentation_is_a_located_error():
    message = refusal("a:\n\tb: 1\n")
    assert message.startswith("e.yaml:2:")


def test_parse_path_reads_dotted_and_indexed_paths():
    assert parse_path("facts.hosts[2].patches[0].id") == ("facts", "hosts", 2, "patches", 0, "id")
    assert parse_path("facts") == ("facts",)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!<>'\"#\n\t |?,.01@%")), max_size=80))
def test_arbitrary_text_either_loads_or_is_a_located_input_error(text):
    try:
        load(text)
    except InputError as exc:
        assert all(p.location.file == "e.yaml" for p in exc.problems)


@pytest.mark.parametrize(("value", "expected"), [
    ("!!bool maybe", "e.yaml:2:8: 'maybe' is not a valid bool (tag !!bool)"),
    ("!!int ''", "e.yaml:2:8: '' is not a valid int (tag !!int)"),
    ("!!timestamp x", "e.yaml:2:8: 'x' is not a valid timestamp (tag !!timestamp)"),
    ("!!float abc", "e.yaml:2:8: 'abc' is not a valid float (tag !!float)"),
    ("!!null maybe", "e.yaml:2:8: 'maybe' is not a valid null (tag !!null)"),
])
def test_explicit_tag_with_an_impossible_value_is_a_located_refusal(value, expected):
    assert refusal(f"kind: x\nvalue: {value}\n").startswith(expected)


def test_explicit_tags_with_possible_values_still_load():
    [doc] = load("a: !!bool yes\nb: !!int '7'\nc: !!float 1\nd: !!null ''\n"
                 "e: !!timestamp 2026-01-05\n")
    assert doc.value == {"a": True, "b": 7, "c": 1.0, "d": None, "e": "2026-01-05"}
