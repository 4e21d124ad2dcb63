"""The project on disk: discovery and configuration, PO files, atomic writes and locks."""
