"""The engine contract: regorus (a third-party build, pinned) is verified, not trusted.

Every builtin function and language construct the bundled policies (and the generated query
module) use is read from the parsed Rego (tests/engine_features.py); each must have a case in
tests/data/engine_contract/cases.yaml whose answer is written by hand from OPA's policy
reference. The cases run on regorus always and on a real OPA where one is available, so an
upgrade of the pinned wheel (or of OPA) that changes any answer our policies rely on fails
here. A new builtin or construct in a policy fails until someone writes its case.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import regorus
import yaml
from engine_features import features
from opa_server import NO_OPA, opa_binary, real_opa

from checker.engines.opa import OpaEngine
from checker.inputs import load_sources
from checker.policies import PolicyModule
from checker.query import aggregate_module

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "engine_contract" / "cases.yaml").read_text("utf-8"))
UNDEFINED = "<undefined>"


def _name(index: int) -> str:
    return f"contract/c{index:03d}.rego"


def _module(index: int) -> str:
    """The case's Rego in its own package; ``data.contract.SELF`` in it names that package."""
    package = f"contract.c{index:03d}"
    return (f"package {package}\n\nimport future.keywords.not\nimport rego.v1\n\n"
            + CASES[index]["rego"].replace("data.contract.SELF", f"data.{package}"))


def _query(index: int) -> str:
    return f"data.contract.c{index:03d}.answer"


def _expected(case: dict[str, Any]) -> Any:
    return UNDEFINED if case.get("undefined") else case["expect"]


def _canonical(value: Any) -> Any:
    """JSON values compared as OPA compares them: 2 == 2.0, but true is not 1."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return Decimal(str(value)).normalize()
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    raise TypeError(f"not a JSON value: {value!r}")


IDS = [f"{i:03d}-{case['covers'][0]}" for i, case in enumerate(CASES)]


def _policy_modules() -> list[tuple[str, str]]:
    """The bundled policies and the query module generated from the bundled catalogue."""
    sources = load_sources(None, None)
    query = aggregate_module(sources.catalogue.controls)
    return [(m.name, m.text) for m in (*sources.modules, query)]


def test_every_builtin_and_construct_the_policies_use_has_a_case() -> None:
    used = features(_policy_modules())
    covered = {feature for case in CASES for feature in case["covers"]}
    missing = {feature: sorted(places)[:3] for feature, places in used.items()
               if feature not in covered}
    assert missing == {}, "add a case to tests/data/engine_contract/cases.yaml for each"


def test_the_feature_scan_finds_a_new_builtin_and_construct() -> None:
    """The guard above is only as good as the scan: an unseen builtin and `every` over
    key/value pairs (which no policy uses yet) are reported, user functions are not."""
    text = ("package p\n\nimport rego.v1\n\nimport data.lib.finding\n\n"
            "_mine(x) := x\n\n"
            "r if {\n\tevery k, v in input.o {\n\t\tstartswith(k, \"a\")\n\t\tv == _mine(1)\n\t}\n"
            "\tfinding.of(1, 2, 3)\n}\n")
    found = features([("p.rego", text)])
    assert "builtin:startswith" in found
    assert "construct:every-key-value" in found
    assert not {"builtin:_mine", "builtin:finding.of"} & set(found)
    assert found["builtin:startswith"] == {"p.rego:11"}


@pytest.mark.parametrize("index", range(len(CASES)), ids=IDS)
def test_each_case_uses_what_it_claims_to_cover(index: int) -> None:
    case = CASES[index]
    assert case["source"].startswith("OPA v1.22.3 ")
    assert ("expect" in case) != bool(case.get("undefined"))
    assert set(case["covers"]) <= set(features([(_name(index), _module(index))]))


def test_every_bundled_module_uses_the_improved_negation() -> None:
    """Without `import future.keywords.not` (or rego.v2), OPA evaluates a negated call's
    arguments outside the `not`: `not is_string(doc.facts.dated)` then fails the rule when
    `dated` is missing, and the finding never fires (a false pass on OPA; regorus negates
    the whole expression). docs/policy-authors.md asks every module for the import."""
    lacking = [name for name, text in _policy_modules()
               if name.startswith("policies/") and "import future.keywords.not\n" not in text
               and "import rego.v2\n" not in text]
    assert lacking == []


@pytest.fixture(scope="module")
def regorus_answers() -> list[Any]:
    engine = regorus.Engine()
    for index in range(len(CASES)):
        engine.add_policy(_name(index), _module(index))
    answers = []
    for index, case in enumerate(CASES):
        engine.set_input_json(json.dumps(case.get("input", {})))
        result = json.loads(engine.eval_query_as_json(_query(index))).get("result") or []
        answers.append(result[0]["expressions"][0]["value"] if result else UNDEFINED)
    return answers


@pytest.mark.parametrize("index", range(len(CASES)), ids=IDS)
def test_regorus_gives_the_documented_answer(index: int, regorus_answers: list[Any]) -> None:
    assert _canonical(regorus_answers[index]) == _canonical(_expected(CASES[index]))


@pytest.fixture(scope="module")
def opa_answers() -> Iterator[list[Any]]:
    binary = opa_binary()
    if binary is None:
        pytest.skip(NO_OPA)
    with real_opa(binary) as url:
        engine = OpaEngine(url, timeout=60)
        engine.load([PolicyModule(_name(i), _module(i), "") for i in range(len(CASES))], {})
        answers = []
        for index, case in enumerate(CASES):
            answer = engine.evaluate(_query(index), case.get("input", {}))
            answers.append(UNDEFINED if answer is None else answer)
        yield answers


@pytest.mark.parametrize("index", range(len(CASES)), ids=IDS)
def test_opa_gives_the_documented_answer(index: int, opa_answers: list[Any]) -> None:
    assert _canonical(opa_answers[index]) == _canonical(_expected(CASES[index]))
