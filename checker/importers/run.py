"""One import, callable without click: read the exports, build the documents, merge them
into the output file and write it atomically."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from checker.importers import writer
from checker.importers.base import Export, ImportOptions
from checker.importers.registry import IMPORTERS
from checker.output import emit


def import_exports(source: str, files: Sequence[Path], output: Path,
                   options: ImportOptions) -> writer.Written:
    """Import ``files`` with the ``source`` importer into ``output``; return what was done."""
    importer = IMPORTERS[source]
    exports = [Export.open(path) for path in files]
    result = importer.read(exports, options)
    values = [writer.envelope(doc, options.owner, importer.name, importer.tool, exports,
                              result.exports, result.exported) for doc in result.documents]
    display = str(output)
    writer.check(values, display)
    names = ", ".join(sorted(e.path.name for e in exports))
    rendered = [(v["id"], writer.render(v, importer.name, names)) for v in values]
    written = writer.merge(output, display, rendered, importer.name)
    emit(written.text, output)
    return written
