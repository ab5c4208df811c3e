"""Per-rule growth: each control's rule timed alone on two estate sizes, to catch quadratic rules.

    python bench/rules.py                        # 10,000 and 50,000 items, best of 5
    python bench/rules.py --sizes 2000 10000 --limit 6 --top 15

For each size the synthetic estate (bench/generate.py, fixed seed) is built in memory and handed
to its own regorus engine as input; then every rule the catalogue queries (the control's
`policy` and its `applies` rule) is evaluated on its own on each engine in turn, the best of
``--repeat`` runs kept (interleaved, so that a machine that slows down half-way through does
not show as growth). A rule whose time grows more than ``--limit`` times while the input
grows five times is reported by name: a linear rule grows about 5x, a quadratic one about
25x. A rule over the limit is timed ``--confirm`` more times before it is named: a rule of a
few milliseconds crosses the line now and then on a noisy machine, a quadratic one stays over.
Each time is net of the engine's cost of answering any query at that size (a trivial query,
timed the same way, grows with the input too); rules under 2 ms net at the larger size are
not judged (their growth is noise).
The exit code is 1 when any rule is over the limit, so the check can gate a benchmark job; it
is never a timed test in the suite.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (a sibling script, not a package)

AS_OF = "2026-11-01"
#: Below this many seconds (net) at the larger size a rule is too quick for its growth to mean
#: much.
NOISE_FLOOR = 0.002
#: A query that reads the input and nothing else: the engine's fixed cost per query.
TRIVIAL = "input.as_of"
#: A query that visits every value of the evidence once: linear by construction. How much it
#: grows from the smaller estate to the larger, beyond the growth of the input, is how much
#: slower the larger engine is at reading memory in this process (where its data landed, how
#: the host is sharing caches), and each rule's growth is divided by it.
REFERENCE = "count([1 | walk(input.evidence, [_, _])])"


def _input(items: int, seed: int) -> str:
    """The Rego input for a synthetic estate of ``items`` items, as the floor builds it."""
    by_kind: dict[str, list[Any]] = defaultdict(list)
    organisation: dict[str, Any] = {}
    for documents in generate.build(items, seed).values():
        for document in documents:
            doc = json.loads(json.dumps(document, default=str))
            by_kind[doc["kind"]].append(doc)
            if doc["kind"] == "organisation":
                organisation = doc["facts"]
    return json.dumps({"as_of": AS_OF, "organisation": organisation, "evidence": by_kind})


def _rules() -> list[str]:
    from checker.catalogue import load_catalogue
    from checker.policies import bundled

    catalogue = load_catalogue(bundled("controls"), "controls")
    rules = {c.policy for c in catalogue.controls} | {
        c.applies_rule for c in catalogue.controls if c.applies_rule}
    return sorted(rules)


def _engine(items: int, seed: int) -> Any:
    """A regorus engine holding the bundled policies and a synthetic estate as its input."""
    import regorus

    from checker.policies import bundled, load_policies

    engine = regorus.Engine()
    for module in load_policies(bundled("policies"), "policies"):
        if not module.is_test:
            engine.add_policy(module.name, module.text)
    engine.set_input_json(_input(items, seed))
    return engine


def time_rules(engines: list[Any], repeat: int, rules: list[str]) -> list[dict[str, float]]:
    """Best-of-``repeat`` seconds per rule on each engine's estate, net of the time the
    engine takes to answer a trivial query on the same input. Each rule is timed on every
    engine in turn, ``repeat`` times, so that the machine slowing down or speeding up while
    the benchmark runs falls on both sizes of a rule alike rather than on its growth."""
    timings: list[dict[str, float]] = [{} for _ in engines]
    for rule in [TRIVIAL, *rules]:
        best = [float("inf")] * len(engines)
        for _ in range(repeat):
            for index, engine in enumerate(engines):
                start = time.perf_counter()
                engine.eval_query_as_json(rule)
                best[index] = min(best[index], time.perf_counter() - start)
        for index, seconds in enumerate(best):
            timings[index][rule] = seconds
    net = []
    for found in timings:
        overhead = found.pop(TRIVIAL)
        net.append({rule: max(seconds - overhead, 1e-6) for rule, seconds in found.items()})
    return net


def _over(rules: list[str], before: dict[str, float], after: dict[str, float],
          limit: float) -> list[str]:
    """The rules judged (at least NOISE_FLOOR at the larger size) that grow more than
    ``limit`` times, the fastest-growing first."""
    return sorted((r for r in rules if after[r] >= NOISE_FLOOR and after[r] / before[r] > limit),
                  key=lambda r: -after[r] / before[r])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[10_000, 50_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=float, default=6.0,
                        help="Report a rule whose time grows more than this many times.")
    parser.add_argument("--top", type=int, default=10, help="Also list the N slowest rules.")
    parser.add_argument("--confirm", type=int, default=20,
                        help="Time a rule over the limit this many more times before naming "
                             "it (0: name it at once).")
    args = parser.parse_args()
    small, large = args.sizes
    rules = _rules()
    engines = [_engine(small, args.seed), _engine(large, args.seed)]
    reference = time_rules(engines, args.repeat, [REFERENCE])
    scale = reference[1][REFERENCE] / reference[0][REFERENCE] / (large / small)
    before, after = time_rules(engines, args.repeat, rules)
    after = {rule: seconds / scale for rule, seconds in after.items()}
    suspects = _over(rules, before, after, args.limit)
    if suspects and args.confirm:
        # a rule of a few milliseconds can cross the line on a noisy machine; a quadratic one
        # (about 25x) stays over however often it is timed
        again = time_rules(engines, args.confirm, suspects)
        for rule in suspects:
            before[rule] = min(before[rule], again[0][rule])
            after[rule] = min(after[rule], again[1][rule] / scale)
    over = _over(rules, before, after, args.limit)
    growth = {r: after[r] / before[r] for r in rules}
    print(f"# per-rule growth {small:,} -> {large:,} items ({large / small:.0f}x input), "
          f"best of {args.repeat} ({len(suspects)} over {args.limit}x timed "
          f"{args.confirm} more times); {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}")
    walk = [reference[0][REFERENCE] * 1000, reference[1][REFERENCE] * 1000]
    print(f"# a full walk of the evidence: {walk[0]:.0f} -> {walk[1]:.0f} ms "
          f"({walk[1] / walk[0]:.1f}x); times at {large:,} below are divided by {scale:.2f}")
    print(f"{'rule':<60} {small:>10,} {large:>10,} {'growth':>7}")
    slowest = sorted(rules, key=lambda r: -after[r])[:args.top]
    for rule in dict.fromkeys([*over, *slowest]):
        mark = "  OVER" if rule in over else ""
        print(f"{rule:<60} {before[rule] * 1000:>8.2f}ms {after[rule] * 1000:>8.2f}ms "
              f"{growth[rule]:>6.1f}x{mark}")
    total_before, total_after = sum(before.values()), sum(after.values())
    print(f"{'all rules':<60} {total_before * 1000:>8.1f}ms {total_after * 1000:>8.1f}ms "
          f"{total_after / total_before:>6.1f}x")
    if over:
        print(f"{len(over)} rule(s) grow more than {args.limit}x: {', '.join(over)}")
        raise SystemExit(1)
    print(f"every rule grows at most {args.limit}x")


if __name__ == "__main__":
    main()
