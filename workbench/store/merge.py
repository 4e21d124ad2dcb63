"""Update an article's PO file from a new version of the article, msgmerge-style.

- an unchanged sentence keeps its translation and flags, wherever it moved;
- an edited sentence gets the closest previous translation, marked fuzzy, with the old
  source kept as `#| msgid` so the translator sees what changed (a sentence made of two
  old ones gets both translations joined);
- a removed sentence becomes an obsolete `#~` entry, never silently lost (and comes back
  with its translation if the sentence returns); an old entry whose translation seeded an
  edited sentence lives on in that entry (`#| msgid`) instead.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import polib
from rapidfuzz import fuzz, process

from workbench.store.article import Unit
from workbench.store.pofile import FUZZY, set_flag
from workbench.text import key_text

SIMILARITY = 75.0
"""Minimum rapidfuzz WRatio (0–100) for an old translation to seed an edited sentence
(WRatio weighs partial matches, so each half of a split sentence finds the old whole)."""


@dataclass
class MergeReport:
    """What happened to each entry."""

    kept: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    obsolete: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.fuzzy or self.new or self.obsolete)


@dataclass(frozen=True)
class _Previous:
    """An old translation that can seed a new entry."""

    match_key: str
    msgid: str
    msgctxt: str | None
    msgstr: str
    consumed: tuple[str | None, ...]
    """The old entries whose translation this carries (they don't also go obsolete)."""


def _previous_translations(old: list[polib.POEntry]) -> list[_Previous]:
    """Old translated entries, plus each pair of neighbours joined (for merged sentences)."""
    singles = [
        _Previous(key_text(e.msgid), e.msgid, e.msgctxt, e.msgstr, (e.msgctxt,))
        for e in old
        if e.msgstr.strip()
    ]
    pairs = [
        _Previous(
            f"{a.match_key} {b.match_key}",
            f"{a.msgid} {b.msgid}",
            a.msgctxt,
            f"{a.msgstr} {b.msgstr}",
            (a.msgctxt, b.msgctxt),
        )
        for a, b in itertools.pairwise(singles)
    ]
    return singles + pairs


def _entry(unit: Unit) -> polib.POEntry:
    return polib.POEntry(
        msgctxt=unit.key,
        msgid=unit.msgid,
        msgstr="",
        occurrences=list(unit.references),
        comment="\n".join(unit.notes),
    )


def merge(old: polib.POFile | None, units: list[Unit]) -> tuple[list[polib.POEntry], MergeReport]:
    """The new list of entries (live ones in article order, then obsolete ones)."""
    report = MergeReport()
    old_entries = list(old) if old is not None else []
    live = {e.msgctxt: e for e in old_entries if not e.obsolete}
    obsolete = {e.msgctxt: e for e in old_entries if e.obsolete}
    previous = _previous_translations([e for e in old_entries if e.msgstr.strip()])
    choices = [p.match_key for p in previous]
    entries: list[polib.POEntry] = []
    used: set[str | None] = set()
    for unit in units:
        entry = _entry(unit)
        before = live.get(unit.key) or obsolete.get(unit.key)
        if before is not None:
            entry.msgstr = before.msgstr
            entry.flags = list(before.flags)
            entry.tcomment = before.tcomment
            entry.previous_msgid = before.previous_msgid
            entry.previous_msgctxt = before.previous_msgctxt
            used.add(unit.key)
            report.kept.append(unit.key)
        else:
            best = process.extractOne(
                unit.match_key, choices, scorer=fuzz.WRatio, score_cutoff=SIMILARITY
            )
            if best is not None:
                seed = previous[best[2]]
                entry.msgstr = seed.msgstr
                set_flag(entry, FUZZY, True)
                entry.previous_msgid = seed.msgid
                entry.previous_msgctxt = seed.msgctxt
                used.update(seed.consumed)
                report.fuzzy.append(unit.key)
            else:
                report.new.append(unit.key)
        entries.append(entry)
    for key, e in live.items():
        if key not in used and _keep_obsolete(e):
            entries.append(e)
            report.obsolete.append(str(key))
    for key, e in obsolete.items():
        if key not in used and _keep_obsolete(e):
            entries.append(e)
    return entries, report


def _keep_obsolete(entry: polib.POEntry) -> bool:
    """Turn a removed entry obsolete; only translated or commented ones are worth keeping
    (as msgmerge does: an empty entry carries nothing)."""
    entry.obsolete = True
    entry.occurrences = []
    return bool(entry.msgstr.strip() or entry.tcomment)
