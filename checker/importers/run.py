"""One import, callable without click: read the exports, build the documents, merge them
into the output file (and, for a large scan, its part files) and write each atomically."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker.importers import writer
from checker.importers.base import Export, Generated, Importer, ImportOptions, Result
from checker.importers.registry import IMPORTERS
from checker.output import emit

_PART = re.compile(r"-part-(\d{3})$")


def part_path(output: Path, part: int) -> Path:
    """Where part ``part`` of a split document goes: ``scan.yaml`` -> ``scan-part-002.yaml``."""
    return output if part == 0 else output.with_name(f"{output.stem}-part-{part:03d}"
                                                     f"{output.suffix}")


def import_exports(source: str, files: Sequence[Path], output: Path,
                   options: ImportOptions) -> writer.Written:
    """Import ``files`` with the ``source`` importer into ``output``; return what was done
    (counts summed over the output and its part files; the text is the output's)."""
    importer = IMPORTERS[source]
    exports = [Export.open(path) for path in files]
    result = importer.read(exports, options)
    try:
        return _write(importer, exports, result, output, options)
    finally:
        result.close()


def _write(importer: Importer, exports: Sequence[Export], result: Result, output: Path,
           options: ImportOptions) -> writer.Written:
    values = [writer.envelope(doc, options.owner, importer.name, importer.tool, exports,
                              result.exports, result.exported) for doc in result.documents]
    writer.check(values, str(output))
    names = ", ".join(sorted(e.path.name for e in exports))
    by_file: dict[int, list[tuple[Generated, dict[str, Any]]]] = {0: []}
    for doc, value in zip(result.documents, values, strict=True):
        by_file.setdefault(doc.part, []).append((doc, value))
    families = {_PART.sub("", doc.id) for doc in result.documents if doc.part}
    families |= {doc.id for doc in result.documents if doc.hosts is not None}
    earlier = {int(m.group(1)) for path in output.parent.glob(f"{output.stem}-part-*"
                                                              f"{output.suffix}")
               if (m := _PART.search(path.stem)) and path.is_file()}
    totals = [0, 0, 0, 0]
    main = ""
    for part in sorted(set(by_file) | earlier):
        path = part_path(output, part)
        written_ids = {doc.id for doc, _ in by_file.get(part, [])}

        def stale(ident: str, written_ids: set[str] = written_ids) -> bool:
            return ident not in written_ids and _PART.sub("", ident) in families

        rendered = [(doc.id, _render(doc, value, importer.name, names, str(path)))
                    for doc, value in by_file.get(part, [])]
        written = writer.merge(path, str(path), rendered, importer.name, stale)
        for i, count in enumerate((written.added, written.replaced, written.kept,
                                   written.removed)):
            totals[i] += count
        if part == 0:
            main = written.text
        if part and not rendered and not written.kept and not written.text.strip():
            path.unlink()
        else:
            emit(written.text, path)
    return writer.Written(main, *totals)


def _render(doc: Generated, value: dict[str, Any], importer: str, names: str,
            display: str) -> str:
    if doc.hosts is None:
        return writer.render(value, importer, names)
    return writer.render_hosts(value, importer, names, doc.hosts(), display)
