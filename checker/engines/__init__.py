"""Rego engines behind one interface; only the modules here import an engine."""

from __future__ import annotations

from checker.engines.base import Engine, RuleIndex, RuleKind

ENGINES = ("regorus",)


def create(name: str = "regorus") -> Engine:
    """A fresh engine by name."""
    if name == "regorus":
        from checker.engines.regorus import RegorusEngine

        return RegorusEngine()
    raise ValueError(f"unknown engine {name!r}")


__all__ = ["ENGINES", "Engine", "RuleIndex", "RuleKind", "create"]
