"""Rego engines behind one interface; only the modules here import an engine."""

from __future__ import annotations

from typing import Any

from checker.engines.base import Engine, RuleIndex, RuleKind

ENGINES = ("regorus", "opa")


def create(name: str = "regorus", **options: Any) -> Engine:
    """A fresh engine by name; ``options`` configure it (opa: ``url``, ``timeout``)."""
    if name == "regorus":
        from checker.engines.regorus import RegorusEngine

        return RegorusEngine()
    if name == "opa":
        from checker.engines.opa import OpaEngine

        return OpaEngine(**options)
    raise ValueError(f"unknown engine {name!r}")


__all__ = ["ENGINES", "Engine", "RuleIndex", "RuleKind", "create"]
