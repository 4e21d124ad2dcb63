"""Search a whole project: every PO file's entries and the sentences of articles not added
yet, each hit at its offsets in the side's whole text.

A seed without a PO file is segmented as `kwb add` would (canonical text, `p<P>s<S>` ids),
so its hits point at the sentences the translator will get; such a hit has no entry id.
A sentence repeated in an article is one PO entry with a reference per place: a hit in it
is reported at every segment it stands in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import polib

from workbench.search.query import Query
from workbench.store.pofile import places, read_catalog
from workbench.store.project import Project
from workbench.text import canonical, segment
from workbench.text.decode import read_text

Side = Literal["source", "target"]
SIDES: tuple[Side, ...] = ("source", "target")


@dataclass(frozen=True)
class Unit:
    """One entry (or unadded sentence) of the project: where it is and both its sides."""

    file: str
    """The PO file or seed, relative to the project root."""
    path: Path
    id: str
    """The entry's msgctxt; "" for a sentence of an article not added yet."""
    segments: tuple[str, ...]
    """The `p<P>s<S>` ids of the places the sentence stands in."""
    source: str
    target: str

    def side(self, side: Side) -> str:
        return self.source if side == "source" else self.target


@dataclass(frozen=True)
class SearchHit:
    """One place a query was found: `text[start:end]` is the hit, `text` the side's text."""

    file: str
    id: str
    segment: str
    side: Side
    start: int
    end: int
    text: str

    def as_json(self) -> dict[str, object]:
        """The JSON object of `kwb search --json` (its fields are a public contract)."""
        return {
            "file": self.file,
            "id": self.id,
            "segment": self.segment,
            "side": self.side,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


def relative(project: Project, path: Path) -> str:
    """`path` as the project names it: relative to its root where it lies inside."""
    try:
        return path.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return str(path)


def segment_ids(entry: polib.POEntry) -> tuple[str, ...]:
    """The `p<P>s<S>` ids of an entry's references (`file.txt:p3s1`), in order."""
    found = [f"p{paragraph}s{sentence}" for paragraph, sentence in places(entry)]
    return tuple(dict.fromkeys(found)) or ("",)


def po_units(project: Project, path: Path) -> Iterator[Unit]:
    """The live entries of one PO file, in file order."""
    name = relative(project, path)
    for entry in read_catalog(path).entries:
        yield Unit(name, path, entry.msgctxt or "", segment_ids(entry), entry.msgid, entry.msgstr)


def seed_units(project: Project, path: Path) -> Iterator[Unit]:
    """The sentences of an article as `kwb add` would make them (no id, no English)."""
    name = relative(project, path)
    for s in segment(read_text(path)):
        yield Unit(name, path, "", (s.id,), canonical(s.text).text, "")


def project_units(project: Project) -> Iterator[Unit]:
    """Every PO file's entries, then the sentences of the articles with no PO file."""
    po_files = sorted(project.translations.glob("*.po"))
    for path in po_files:
        yield from po_units(project, path)
    added = {p.stem for p in po_files}
    for path in project.articles():
        if path.stem not in added:
            yield from seed_units(project, path)


def search_units(
    query: Query, units: Sequence[Unit], sides: Sequence[Side] = SIDES
) -> list[SearchHit]:
    """The hits of `query` in `units`, in project order: by unit, segment, side, offset."""
    found = {side: query.find_each([u.side(side) for u in units]) for side in sides}
    hits: list[SearchHit] = []
    for n, unit in enumerate(units):
        for segment_id in unit.segments:
            for side in sides:
                text = unit.side(side)
                hits += [
                    SearchHit(unit.file, unit.id, segment_id, side, start, end, text)
                    for start, end in found[side][n]
                ]
    return hits


def search_project(
    project: Project, query: Query, sides: Sequence[Side] = SIDES
) -> list[SearchHit]:
    """`search_units` over the whole project."""
    return search_units(query, list(project_units(project)), sides)
