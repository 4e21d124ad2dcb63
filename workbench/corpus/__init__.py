"""Parallel corpora: filtered, deduplicated, split exports of reviewed segment pairs."""
