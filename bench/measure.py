"""One measurement in a fresh process, printed as JSON: ours, or the floor.

    python bench/measure.py ours DIR    # checker's pipeline, phase by phase, then JSON render
    python bench/measure.py floor DIR   # PyYAML C loader + one regorus evaluation, nothing else

The floor is the least any tool could do with the same files and policies: parse the YAML
with PyYAML's C loader, hand the documents (and the project's parameters) to regorus as one
input, evaluate the same aggregate query once. No locations, no schema validation, no
statuses, no report.

    python bench/measure.py opa-files DIR OUT   # input.json + aggregate.rego for `opa eval`
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

AS_OF = "2026-11-01"


def _as_text(value: Any) -> str:
    """Dates and times as checker's loader writes them (RFC 3339 in UTC), anything else as
    its string."""
    import datetime as dt

    from checker.yamlsource import iso

    return iso(value) if isinstance(value, dt.date) else str(value)


def ours(evidence: Path) -> dict[str, Any]:
    from checker.formats import FORMATS
    from checker.inputs import assess_directory
    from checker.timing import phase, recording

    start = time.perf_counter()
    with recording() as phases:
        assessment = assess_directory(evidence, AS_OF)
        with phase("render"):
            FORMATS["json"].render(assessment)
    return {"seconds": time.perf_counter() - start, "phases": phases,
            "controls": len(assessment.results)}


def floor(evidence: Path) -> dict[str, Any]:
    import regorus
    import yaml

    from checker.catalogue import load_catalogue
    from checker.parameters import effective
    from checker.policies import bundled, load_policies
    from checker.query import QUERY, aggregate_module

    catalogue = load_catalogue(bundled("controls"), "controls")
    parameters = effective(catalogue.parameters, None)
    modules = [m for m in load_policies(bundled("policies"), "policies") if not m.is_test]
    aggregate = aggregate_module(catalogue.controls)
    start = time.perf_counter()
    by_kind: dict[str, list[Any]] = defaultdict(list)
    organisation: dict[str, Any] = {}
    for path in sorted(evidence.rglob("*.yaml")):
        with path.open("rb") as handle:
            for doc in yaml.load_all(handle, Loader=yaml.CSafeLoader):
                doc = json.loads(json.dumps(doc, default=_as_text))  # dates as checker writes them
                by_kind[doc["kind"]].append(doc)
                if doc["kind"] == "organisation":
                    organisation = doc["facts"]
    loaded = time.perf_counter()
    engine = regorus.Engine()
    for module in [*modules, aggregate]:
        engine.add_policy(module.name, module.text)
    engine.set_input_json(json.dumps({"as_of": AS_OF, "organisation": organisation,
                                      "evidence": by_kind, "parameters": parameters}))
    engine.eval_query_as_json(QUERY)
    end = time.perf_counter()
    return {"seconds": end - start, "phases": {"yaml": loaded - start, "evaluate": end - loaded}}


def opa_files(evidence: Path, out: Path) -> dict[str, Any]:
    """Write what `opa eval` needs for the same evaluation as the floor: the input as JSON
    (built as the floor builds it) and the generated query module, into ``out``."""
    import yaml

    from checker.catalogue import load_catalogue
    from checker.parameters import effective
    from checker.policies import bundled
    from checker.query import QUERY, aggregate_module

    catalogue = load_catalogue(bundled("controls"), "controls")
    by_kind: dict[str, list[Any]] = defaultdict(list)
    organisation: dict[str, Any] = {}
    for path in sorted(evidence.rglob("*.yaml")):
        with path.open("rb") as handle:
            for doc in yaml.load_all(handle, Loader=yaml.CSafeLoader):
                doc = json.loads(json.dumps(doc, default=_as_text))
                by_kind[doc["kind"]].append(doc)
                if doc["kind"] == "organisation":
                    organisation = doc["facts"]
    out.mkdir(parents=True, exist_ok=True)
    (out / "input.json").write_text(json.dumps(
        {"as_of": AS_OF, "organisation": organisation, "evidence": by_kind,
         "parameters": effective(catalogue.parameters, None)}), encoding="utf-8")
    (out / "aggregate.rego").write_text(aggregate_module(catalogue.controls).text,
                                        encoding="utf-8")
    return {"query": QUERY, "policies": str(bundled("policies"))}


def main() -> None:
    which, directory = sys.argv[1], Path(sys.argv[2])
    if which == "opa-files":
        print(json.dumps(opa_files(directory, Path(sys.argv[3]))))
        return
    result = {"ours": ours, "floor": floor}[which](directory)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
