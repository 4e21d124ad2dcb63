"""Glossary entries: what a term is, how the desk renders it, and who decided."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Status = Literal["proposed", "approved", "rejected", "deprecated"]
STATUSES: tuple[Status, ...] = ("proposed", "approved", "rejected", "deprecated")

EntryType = Literal["person", "organization", "place", "title", "term", "date"]
TYPES: tuple[EntryType, ...] = ("person", "organization", "place", "title", "term", "date")

Inflection = Literal["full", "proper"]
"""`full`: any Sorani suffix chain (nouns, adjectives). `proper`: a name, which takes ezafe,
clitics and postpositions but not the definite, indefinite or plural suffixes (so the outlet
رووداو is not found in رووداوەکان "the events")."""
INFLECTIONS: tuple[Inflection, ...] = ("full", "proper")


@dataclass(frozen=True)
class HistoryEvent:
    """One recorded change to an entry: who did what, when, and why."""

    on: dt.date
    by: str
    action: str
    comment: str = ""


@dataclass(frozen=True)
class Entry:
    """A glossary term: a Sorani source, its English renderings, and its review state."""

    id: str
    source: str
    target: str = ""
    source_forms: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    adjectival: tuple[str, ...] = ()
    adjectival_target: str = ""
    adjectival_variants: tuple[str, ...] = ()
    type: EntryType = "term"
    domain: str = ""
    note: str = ""
    inflection: Inflection | None = None
    status: Status = "proposed"
    proposed_by: str = ""
    proposed_on: dt.date | None = None
    reviewed_by: str = ""
    reviewed_on: dt.date | None = None
    review_comment: str = ""
    history: tuple[HistoryEvent, ...] = field(default=())

    @property
    def renderings(self) -> tuple[str, ...]:
        """The preferred rendering followed by the admitted variants."""
        return tuple(r for r in (self.target, *self.variants) if r)

    @property
    def proper(self) -> bool:
        """Whether the term inflects as a name (see `Inflection`)."""
        if self.inflection is not None:
            return self.inflection == "proper"
        return self.type in ("person", "place")

    @property
    def active(self) -> bool:
        """Approved entries are the ones matched and checked by default."""
        return self.status == "approved"
