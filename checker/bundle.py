"""An OPA bundle of the catalogue: what an OPA fleet loads from its bundle service.

Layout (paths inside the tarball)::

    .manifest                      {"revision", "roots", "metadata"}
    policies/<path>.rego           every runtime module (tests left out)
    checker/aggregate.rego         the query module for the selected controls
    checker/catalogue/data.json    control metadata, at data.checker.catalogue

The tarball is deterministic: sorted entries, mtime 0, uid/gid 0, no gzip name or time, so
two builds of the same inputs are byte-identical.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import io
import json
import tarfile
from collections.abc import Sequence
from typing import Any

from checker import __version__
from checker.catalogue import Catalogue
from checker.model import Control
from checker.policies import PolicyModule
from checker.query import MODULE_NAME, aggregate_module
from checker.runner import inputs_digest

DATA_ROOT = "checker/catalogue"


def build_bundle(catalogue: Catalogue, modules: Sequence[PolicyModule],
                 frameworks: tuple[str, ...] = (), revision: str | None = None) -> bytes:
    """The gzipped tarball of the bundle for the selected frameworks (all when none)."""
    controls = catalogue.select(frameworks)
    runtime = [m for m in modules if not m.is_test]
    aggregate = aggregate_module(controls)
    # The query module is in the revision: bundles of different --framework selections differ.
    revision = revision or inputs_digest(
        catalogue.files, {m.digest_name or m.name: m.digest for m in runtime},
        {MODULE_NAME: hashlib.sha256(aggregate.text.encode()).hexdigest()})
    files: dict[str, bytes] = {m.name.lstrip("/"): m.text.encode() for m in runtime}
    files[MODULE_NAME] = aggregate.text.encode()
    files[f"{DATA_ROOT}/data.json"] = _json(catalogue_data(catalogue, controls))
    manifest = {"revision": revision, "roots": roots([*runtime, aggregate]),
                "metadata": {"generator": f"checker {__version__}",
                             "frameworks": sorted({c.framework for c in controls})}}
    files[".manifest"] = _json(manifest)
    return _tarball(files)


def roots(modules: Sequence[PolicyModule]) -> list[str]:
    """The first segment of every package, and the data root, without overlaps."""
    found = {package.split(".")[0] for m in modules if (package := m.package)}
    tops = sorted(found)
    if DATA_ROOT.split("/")[0] not in found:
        tops.append(DATA_ROOT)
    return sorted(tops)




def catalogue_data(catalogue: Catalogue, controls: Sequence[Control]) -> dict[str, Any]:
    """Frameworks and control metadata by id, as plain JSON data."""
    keys = {c.framework for c in controls}
    return {
        "frameworks": {f.key: {"name": f.name, "version": f.version}
                       for f in catalogue.frameworks if f.key in keys},
        "controls": {c.id: _control(c) for c in controls},
    }


def _control(control: Control) -> dict[str, Any]:
    fields = dataclasses.asdict(control)
    fields.pop("id")
    fields["source"] = str(control.source)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in fields.items()
            if v not in (None, ())}


def _json(value: Any) -> bytes:
    return (json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def _tarball(files: dict[str, bytes]) -> bytes:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name in sorted(files):
            info = tarfile.TarInfo(name)
            info.size = len(files[name])
            info.mode = 0o644
            info.mtime = 0
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(files[name]))
    packed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=packed, mtime=0) as gz:
        gz.write(raw.getvalue())
    return packed.getvalue()
