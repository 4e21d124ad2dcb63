"""An article in reading order, read from its PO file.

A PO entry is a distinct Sorani sentence; its `#:` references (`file.txt:p3s1`) say where
the sentence stands in the article, once per occurrence (a repeated sentence has one entry
and several references). The article is every occurrence sorted by paragraph and sentence:
the source's paragraph structure, whatever order the entries are kept in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.store.pofile import State, places, read_catalog, state


@dataclass(frozen=True)
class Segment:
    """One sentence of the article where it stands: its place, both texts, its state."""

    key: str
    """The entry's msgctxt (article id / hash of the sentence)."""
    id: str
    """`p<P>s<S>`, or "" for an entry that says nowhere where it stands."""
    paragraph: int
    sentence: int
    source: str
    target: str
    state: State
    comment: str = ""
    """The translator comment (waivers of QA checks live there)."""

    @property
    def unfinished(self) -> bool:
        """Untranslated or fuzzy: not ready for the published article."""
        return self.state in ("untranslated", "fuzzy")


@dataclass(frozen=True)
class Article:
    """The segments of one PO file in reading order."""

    id: str
    """The PO file's stem: the article id, and the name of the built files."""
    path: Path
    segments: tuple[Segment, ...]

    @property
    def paragraphs(self) -> list[list[Segment]]:
        """The segments grouped by paragraph, in order."""
        groups: list[list[Segment]] = []
        last: int | None = None
        for seg in self.segments:
            if last is None or seg.paragraph != last:
                groups.append([])
                last = seg.paragraph
            groups[-1].append(seg)
        return groups

    @property
    def unfinished(self) -> list[Segment]:
        """The segments not ready to publish (untranslated or fuzzy), in order."""
        return [s for s in self.segments if s.unfinished]


def article_of(path: Path) -> Article:
    """The article a PO file holds (`InputError` if it cannot be read).

    An entry without a place (added by another tool) stays after the entry before it in the
    file, as a sentence of that paragraph; one before any placed entry opens the article."""
    catalog = read_catalog(path)
    placed: list[tuple[tuple[int, int, int], Segment]] = []
    previous = (0, 0)
    for order, entry in enumerate(catalog.entries):
        where = places(entry)
        ids = [f"p{p}s{s}" for p, s in where]
        if not where:
            where, ids = [previous], [""]
        for (paragraph, sentence), seg_id in zip(where, ids, strict=True):
            seg = Segment(
                entry.msgctxt or "",
                seg_id,
                max(paragraph, 1),
                sentence,
                entry.msgid,
                entry.msgstr,
                state(entry),
                entry.tcomment or "",
            )
            placed.append(((paragraph, sentence, order), seg))
        previous = where[-1]
    placed.sort(key=lambda item: item[0])
    return Article(path.stem, path, tuple(seg for _, seg in placed))
