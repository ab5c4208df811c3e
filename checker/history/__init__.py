"""Posture history: each run's result kept in an embedded SQLite store (``store``), read
back as trends (``trend``) that the formats render as the history view."""
