"""Read an evidence directory as it was at a git ref, with git itself."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from checker.errors import InputError, Location


def _git(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise InputError("git is not installed; --base needs it (or use --baseline)") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError.at(Location(str(cwd)), f"git {' '.join(args[:2])}: "
                            f"{message[-1] if message else 'failed'}")
    return done.stdout


def export_at(evidence_dir: Path, ref: str, destination: Path) -> Path | None:
    """Write ``evidence_dir`` as committed at ``ref`` under ``destination``; return its path,
    or None when the directory did not exist at ``ref`` (the commit that adds it).

    A ref that is not a commit of this repository is an input error.
    """
    directory = evidence_dir.resolve()
    top = Path(_git(directory, "rev-parse", "--show-toplevel").decode().strip())
    _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    relative = directory.relative_to(top.resolve()).as_posix()
    listing = _git(top, "ls-tree", "-d", "--name-only", ref, "--", relative or ".")
    if relative and not listing.strip():
        return None
    target = destination / "evidence"
    target.mkdir(parents=True)
    archive = _git(top, "archive", "--format=tar", ref, "--", relative or ".")
    prefix = f"{relative}/" if relative else ""
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if not member.name.startswith(prefix) or not (member.isfile() or member.isdir()):
                continue  # links in history are not followed (see evidence: symlinks)
            member.name = member.name[len(prefix):] or "."
            if hasattr(tarfile, "data_filter"):  # Python >= 3.10.12 / 3.11.4
                tar.extract(member, target, filter="data")
            else:  # pragma: no cover - git refuses '..' and absolute paths in trees
                tar.extract(member, target)
    return target
