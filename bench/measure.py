"""One measurement in a fresh process, printed as JSON: ours, or the floor.

    python bench/measure.py ours DIR    # checker's pipeline, phase by phase, then JSON render
    python bench/measure.py floor DIR   # PyYAML C loader + one regorus evaluation, nothing else

The floor is the least any tool could do with the same files and policies: parse the YAML
with PyYAML's C loader, hand the documents to regorus as one input, evaluate the same
aggregate query once. No locations, no schema validation, no statuses, no report.
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
    from checker.policies import bundled, load_policies
    from checker.query import QUERY, aggregate_module

    catalogue = load_catalogue(bundled("controls"), "controls")
    modules = [m for m in load_policies(bundled("policies"), "policies") if not m.is_test]
    aggregate = aggregate_module(catalogue.controls)
    start = time.perf_counter()
    by_kind: dict[str, list[Any]] = defaultdict(list)
    organisation: dict[str, Any] = {}
    for path in sorted(evidence.rglob("*.yaml")):
        with path.open("rb") as handle:
            for doc in yaml.load_all(handle, Loader=yaml.CSafeLoader):
                doc = json.loads(json.dumps(doc, default=str))  # dates to strings, as we do
                by_kind[doc["kind"]].append(doc)
                if doc["kind"] == "organisation":
                    organisation = doc["facts"]
    loaded = time.perf_counter()
    engine = regorus.Engine()
    for module in [*modules, aggregate]:
        engine.add_policy(module.name, module.text)
    engine.set_input_json(json.dumps({"as_of": AS_OF, "organisation": organisation,
                                      "evidence": by_kind}))
    engine.eval_query_as_json(QUERY)
    end = time.perf_counter()
    return {"seconds": end - start, "phases": {"yaml": loaded - start, "evaluate": end - loaded}}


def main() -> None:
    which, directory = sys.argv[1], Path(sys.argv[2])
    result = {"ours": ours, "floor": floor}[which](directory)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
