"""QA checks over segment pairs: one registry, usable per entry (TUI, PO comments) and per
corpus (kwb check, corpus export)."""
