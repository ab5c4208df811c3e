"""PCI DSS the way councils validate it: one SAQ per payment channel.

``saqlists`` loads the sourced SAQ requirement lists (``controls/pci/saq/``), ``channels``
reads the profile's payment channels and which are eligible, ``scoping`` narrows a run to the
union of the channels' SAQs, ``responses`` maps statuses to the SAQ's answers, ``drafts``
builds the SAQ and AOC drafts and ``render`` writes them as markdown, html, json or xlsx.
"""
