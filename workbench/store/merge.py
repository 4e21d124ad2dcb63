"""Update an article's PO file from a new version of the article, msgmerge-style.

- an unchanged sentence keeps its translation and flags, wherever it moved;
- an edited sentence gets the most similar previous translation, marked fuzzy, with the
  old source kept as `#| msgid` so the translator sees what changed — only when the two
  are similar as whole sentences (`similarity.FUZZY_MINIMUM`, 70 on kwb's word measure),
  never because they share a word;
- a sentence made of two old ones gets both translations joined; a sentence split in two
  gives each half the old translation, to be cut where the editor cut (the two halves
  joined must be similar to the old sentence: each half alone rarely is);
- a removed sentence becomes an obsolete `#~` entry, never silently lost (and comes back
  with its translation if the sentence returns); an old entry whose translation seeded an
  edited sentence lives on in that entry (`#| msgid`) instead.

Seeding is an assignment, not a lookup per sentence: msgmerge gives each new message the
closest old one on its own, so one old message can seed several new ones and a better
match elsewhere is ignored. Here the most similar (new, old) pairs are taken first and
each old entry seeds one edit; a sentence left over may still take an old translation
already used, but only one similar above the same threshold (a sentence duplicated and
edited twice).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import polib

from workbench.store.article import Unit
from workbench.store.pofile import FUZZY, set_flag
from workbench.store.similarity import FUZZY_MINIMUM, sentence_words, word_similarity
from workbench.text import key_text


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
    tcomment: str
    """The translator's comments, which go with the translation (as msgmerge keeps them)."""
    consumed: tuple[str | None, ...]
    """The old entries whose translation this carries (they don't also go obsolete)."""

    @property
    def words(self) -> tuple[str, ...]:
        return sentence_words(self.match_key)


def _previous_translations(old: list[polib.POEntry]) -> list[_Previous]:
    """Old translated entries, plus each pair of neighbours joined (for merged sentences)."""
    singles = [
        _Previous(key_text(e.msgid), e.msgid, e.msgctxt, e.msgstr, e.tcomment, (e.msgctxt,))
        for e in old
        if e.msgstr.strip()
    ]
    pairs = [
        _Previous(
            f"{a.match_key} {b.match_key}",
            f"{a.msgid} {b.msgid}",
            a.msgctxt,
            f"{a.msgstr} {b.msgstr}",
            "\n".join(c for c in (a.tcomment, b.tcomment) if c),
            (a.msgctxt, b.msgctxt),
        )
        for a, b in itertools.pairwise(singles)
    ]
    return singles + pairs


@dataclass(frozen=True, order=True)
class _Seeding:
    """A candidate: new units `units` (one, or two neighbours split from one old sentence)
    take the translation of `previous[source]`, scored by `similarity`."""

    rank: tuple[float, int, int, int]
    """Sort key: best score first, then one-to-one pairs, then article order."""
    units: tuple[int, ...]
    source: int


def _candidates(units: list[Unit], free: list[int], previous: list[_Previous]) -> list[_Seeding]:
    """Every seeding at or above `FUZZY_MINIMUM` of the units not kept as they were, best
    first."""
    out: list[_Seeding] = []
    groups: list[tuple[int, ...]] = [(i,) for i in free]
    groups += [(i, j) for i, j in itertools.pairwise(free) if j == i + 1]
    for group in groups:
        words = tuple(w for i in group for w in sentence_words(units[i].match_key))
        for p, prev in enumerate(previous):
            if len(group) == 2 and len(prev.consumed) == 2:
                continue  # two sentences that became two others: each is matched alone
            score = word_similarity(words, prev.words, FUZZY_MINIMUM)
            if score >= FUZZY_MINIMUM:
                kind = len(group) + len(prev.consumed) - 2
                out.append(_Seeding((-score, kind, group[0], p), group, p))
    out.sort()
    return out


def _assign(
    units: list[Unit], free: list[int], previous: list[_Previous], taken: set[str | None]
) -> dict[int, _Previous]:
    """Which old translation seeds which new unit. First the most similar pairs, each old
    entry seeding one edit (an entry whose sentence is still in the article, `taken`,
    seeds none); then a unit left over takes its most similar old translation even if
    already used."""
    candidates = _candidates(units, free, previous)
    seeds: dict[int, _Previous] = {}
    used = set(taken)
    for c in candidates:
        prev = previous[c.source]
        if any(i in seeds for i in c.units) or any(key in used for key in prev.consumed):
            continue
        for i in c.units:
            seeds[i] = prev
        used.update(prev.consumed)
    for c in candidates:  # best first: the first one-unit candidate of a unit is its best
        if len(c.units) == 1 and c.units[0] not in seeds:
            seeds[c.units[0]] = previous[c.source]
    return seeds


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
    kept = {i for i, unit in enumerate(units) if unit.key in live or unit.key in obsolete}
    used: set[str | None] = {units[i].key for i in kept}
    seeds = _assign(units, [i for i in range(len(units)) if i not in kept], previous, used)
    entries: list[polib.POEntry] = []
    for i, unit in enumerate(units):
        entry = _entry(unit)
        before = live.get(unit.key) or obsolete.get(unit.key)
        if before is not None:
            entry.msgstr = before.msgstr
            entry.flags = list(before.flags)
            entry.tcomment = before.tcomment
            entry.previous_msgid = before.previous_msgid
            entry.previous_msgctxt = before.previous_msgctxt
            report.kept.append(unit.key)
        elif (seed := seeds.get(i)) is not None:
            entry.msgstr = seed.msgstr
            entry.tcomment = seed.tcomment
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
