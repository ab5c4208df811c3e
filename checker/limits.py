"""Bounds on what one run will read (no heavy imports: the CLI's options use them)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one run will read."""

    max_file_bytes: int = DEFAULT_MAX_BYTES
    max_files: int = 10_000
