"""Importers: evidence documents of the existing kinds built from exports councils already
hold (scanners, device management, the directory, TLS scans), with provenance.

One module per source; ``registry`` collects them, ``run`` performs one import."""
