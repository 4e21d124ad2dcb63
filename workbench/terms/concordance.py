"""Concordance: every occurrence of a glossary entry in the project, with its English."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.terms.matcher import Matcher
from workbench.terms.segments import Segment


@dataclass(frozen=True)
class Occurrence:
    """One place an entry occurs: the segment, the matched words, the English given there."""

    file: str
    segment: str
    ckb: str
    surface: str
    start: int
    end: int
    en: str

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "segment": self.segment,
            "surface": self.surface,
            "start": self.start,
            "end": self.end,
            "ckb": self.ckb,
            "en": self.en,
        }


def concordance(matcher: Matcher, segments: Iterable[Segment]) -> dict[str, list[Occurrence]]:
    """Occurrences of every entry of `matcher`, by entry id, in project order."""
    found: dict[str, list[Occurrence]] = {}
    for seg in segments:
        for hit in matcher.find(seg.ckb):
            found.setdefault(hit.entry.id, []).append(
                Occurrence(seg.file, seg.id, seg.ckb, hit.surface, hit.start, hit.end, seg.en)
            )
    return found


def renderings_used(renderings: Iterable[str], occurrences: Iterable[Occurrence]) -> Counter[str]:
    """How often each of an entry's renderings appears in the English of its occurrences."""
    counts: Counter[str] = Counter()
    options = [r for r in renderings if r]
    for occ in occurrences:
        text = occ.en.casefold()
        for rendering in options:
            if rendering.casefold() in text:
                counts[rendering] += 1
    return counts
