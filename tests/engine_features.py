"""The builtin functions and language constructs a set of Rego modules uses, read from
regorus's AST (``Engine.get_ast_as_json``), for the engine contract suite.

A feature is a string: ``builtin:<name>`` (``builtin:object.get``) or ``construct:<name>``
(``construct:every``, ``construct:not-call-on-ref``...). Calls to functions the modules
define, directly or through an import, are not builtins.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import regorus

_OPS = {"Eq": "==", "Ne": "!=", "Lt": "<", "Le": "<=", "Gt": ">", "Ge": ">=",
        "Add": "+", "Sub": "-", "Mul": "*", "Div": "/", "Mod": "%",
        "Union": "|", "Intersection": "&", "ColEq": ":=", "Eq=": "="}


def features(modules: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """feature -> the "file:line" places using it, over ``(name, text)`` modules."""
    engine = regorus.Engine()
    for name, text in modules:
        engine.add_policy(name, text)
    ast = json.loads(engine.get_ast_as_json())
    functions = {_package(m) + "." + ".".join(_parts(r["Spec"]["head"]["Func"]["refr"]))
                 for m in ast for r in m["ast"].get("rules", ())
                 if "Func" in r.get("Spec", {}).get("head", {})}
    found: dict[str, set[str]] = {}
    for module in ast:
        package = _package(module)
        aliases = {_alias(i) for i in module["ast"].get("imports", ())}
        for name, line in _features(module["ast"].get("rules", ()), package, aliases,
                                    functions):
            found.setdefault(name, set()).add(f"{module['source']['file']}:{line}")
    return found


def _package(module: dict[str, Any]) -> str:
    return ".".join(_parts(module["ast"]["package"]["refr"]))


def _alias(imported: dict[str, Any]) -> str:
    if imported.get("as"):
        alias = imported["as"]
        return str(alias[1] if isinstance(alias, list) else alias)
    return _parts(imported["refr"])[-1]


def _parts(ref: dict[str, Any]) -> list[str]:
    if "Var" in ref:
        return [ref["Var"]["value"]]
    if "RefDot" in ref:
        return [*_parts(ref["RefDot"]["refr"]), ref["RefDot"]["field"][1]]
    if "RefBrack" in ref:
        return [*_parts(ref["RefBrack"]["refr"]), "[]"]
    return ["?"]


def _line(node: dict[str, Any]) -> int:
    span = node.get("span") or {}
    return int(span.get("line", 0))


def _features(rules: Iterable[dict[str, Any]], package: str, aliases: set[str],
              functions: set[str]) -> Iterator[tuple[str, int]]:
    for rule in rules:
        if "Default" in rule:
            yield "construct:default-rule", _line(rule["Default"])
        spec = rule.get("Spec", {})
        head = spec.get("head", {})
        line = _line(spec)
        if "Set" in head:
            bracket = "[]" in _parts(head["Set"]["refr"])
            yield ("construct:ref-head-contains" if bracket else "construct:contains-rule"), line
        if "Compr" in head:
            bracket = "[]" in _parts(head["Compr"]["refr"])
            yield ("construct:ref-head-value" if bracket else "construct:value-rule"), line
        if "Func" in head:
            yield "construct:function-rule", line
        for body in spec.get("bodies", ()):
            if body.get("assign") is not None and body.get("is_else") is False and \
                    spec["bodies"].index(body) > 0:
                yield "construct:else", line
            if body.get("is_else"):
                yield "construct:else", line
        yield from _walk(rule, package, aliases, functions)


def _walk(node: Any, package: str, aliases: set[str],
          functions: set[str]) -> Iterator[tuple[str, int]]:
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, package, aliases, functions)
        return
    if not isinstance(node, dict):
        return
    for tag, value in node.items():
        if not isinstance(value, dict):
            if tag in ("with_mods",) and value:
                for modifier in value:
                    target = _parts(modifier["refr"])[0]
                    if target in aliases:  # `with alias.rule as`: a rule of data replaced
                        target = "data"
                    yield f"construct:with-{target}", _line(modifier)
            if isinstance(value, list):
                yield from _walk(value, package, aliases, functions)
            continue
        line = _line(value)
        if tag == "Call":
            name = ".".join(_parts(value["fcn"]))
            head = name.split(".", 1)[0]
            local = f"{package}.{name}" in functions
            if not (local or head in aliases or head == "data"):
                yield f"builtin:{name}", line
        elif tag == "NotExpr":
            yield "construct:not", line
            inner = value.get("expr") or {}
            if "Call" in inner and any(_is_ref(p) for p in inner["Call"]["params"]):
                yield "construct:not-call-on-ref", line
        elif tag == "SomeIn":
            yield ("construct:some-key-value-in" if value.get("key") else
                   "construct:some-in"), line
        elif tag == "Membership":
            yield ("construct:key-value-in" if value.get("key") else "construct:in"), line
        elif tag == "Every":
            yield ("construct:every-key-value" if value.get("key") else "construct:every"), line
        elif tag in ("ArrayCompr", "SetCompr", "ObjectCompr"):
            yield f"construct:{tag[:-5].lower()}-comprehension", line
        elif tag in ("BoolExpr", "ArithExpr", "BinExpr"):
            yield f"construct:operator {_OPS.get(value['op'], value['op'])}", line
        elif tag == "AssignExpr":
            yield f"construct:operator {_OPS[value['op']] if value['op'] == 'ColEq' else '='}", \
                line
        elif tag == "RefBrack":
            yield "construct:ref-brackets", line
        elif tag == "RawString":
            yield "construct:raw-string", line
        yield from _walk(value, package, aliases, functions)


def _is_ref(term: dict[str, Any]) -> bool:
    return "RefDot" in term or "RefBrack" in term
