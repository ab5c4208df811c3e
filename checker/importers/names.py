"""The SOURCE names of ``checker import``, importable without loading any importer (so that
``checker --help`` stays fast); tests check they match the registry."""

from __future__ import annotations

IMPORTER_NAMES = ("entra", "greenbone", "intune", "nessus", "qualys", "sslyze", "testssl")
