"""A segment pair on its way to a corpus file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportPair:
    """One exported pair: segment id (msgctxt), document, the two sides, its PO state."""

    id: str
    doc: str
    ckb: str
    en: str
    status: str
