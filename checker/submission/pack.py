"""A submission pack: named files in memory, a manifest of their sha256 digests, and the two
ways to write them (a new directory, or a zip whose bytes depend only on the contents)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from checker.errors import InputError, Location
from checker.output import emit

MANIFEST = "manifest.sha256"


@dataclass(slots=True)
class Pack:
    """Files by relative POSIX path, each with a one-line description for the index."""

    files: dict[str, bytes] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)

    def add(self, path: str, content: str | bytes, description: str) -> None:
        if path in self.files or path == MANIFEST:
            raise ValueError(f"pack already has {path}")
        self.files[path] = content.encode("utf-8") if isinstance(content, str) else content
        self.descriptions[path] = description

    def digests(self) -> dict[str, str]:
        return {path: sha256(data) for path, data in sorted(self.files.items())}

    def manifest(self) -> bytes:
        """``sha256sum`` format (``sha256sum -c manifest.sha256`` checks an unpacked pack)."""
        return "".join(f"{digest}  {path}\n" for path, digest in self.digests().items()).encode()

    def complete(self) -> dict[str, bytes]:
        """Every file plus the manifest, in path order."""
        return dict(sorted({**self.files, MANIFEST: self.manifest()}.items()))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_directory(pack: Pack, directory: Path) -> None:
    """Write into ``directory``, which must be new or empty (a pack never mixes with old files)."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise InputError.at(Location(str(directory)), "output must be a new or empty directory "
                            "(or a path ending .zip)")
    try:
        for path, data in pack.complete().items():
            target = directory / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    except OSError as exc:
        raise InputError.at(Location(str(directory)), f"cannot write the pack: "
                            f"{exc.strerror or exc}") from exc


def zip_bytes(pack: Pack, as_of: str) -> bytes:
    """The pack as a zip: entries in path order, each dated ``as_of`` 00:00, mode 0644, so the
    same pack gives the same bytes on any machine and day."""
    year, month, day = (int(part) for part in as_of.split("-"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in pack.complete().items():
            entry = zipfile.ZipInfo(path, date_time=(year, month, day, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3  # Unix, whatever the host
            archive.writestr(entry, data, compresslevel=9)
    return buffer.getvalue()


def write(pack: Pack, output: Path, as_of: str) -> None:
    """A ``.zip`` path gets a zip (written atomically); anything else is a directory."""
    if output.suffix.lower() == ".zip":
        emit(zip_bytes(pack, as_of), output)
    else:
        write_directory(pack, output)
