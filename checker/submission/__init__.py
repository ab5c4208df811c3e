"""Submission packs: the documents a compliance lead sends, assembled from one assessment.

``psn`` builds the annual PSN compliance submission; ``pack`` holds the files and writes them
to a directory or a byte-reproducible zip with a manifest of digests."""
