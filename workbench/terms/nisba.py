"""Nisba adjectives derived from glossary terms: ئەمریکی from ئەمریکا, نەتەوەیی from نەتەوە.

Glossaries from other tools (CSV, TBX) list a place or a nation but never its adjective, yet
news writes the adjective at least as often (هێزە ئەمریکییەکان, the US forces). The regular
endings (`data/nisba.tsv`) give the adjective of a term's word (of a phrase's last word);
the matcher reads it as a lower-priority reading of the term, so an exact glossary form
always wins over it.

Guards against a derivation that is another word:
- only the regular -ی / -یی endings are derived; -ستان, -ایەتی, -تار … stay different words;
- no adjective of a stem of three letters or fewer before the nisba ending, where -ی makes
  everyday words (شار → شاری, کار → کاری, چین → چینی "class");
- none for people and dates (بارزانییەکان are the Barzani family, not the man).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from workbench.terms.model import Entry, EntryType
from workbench.text.normalize import key_text

MIN_BASE = 4
"""Letters a word must keep before its nisba ending to derive one (ئەمریک-ی, not چین-ی)."""
DERIVING_TYPES: frozenset[EntryType] = frozenset({"place", "organization", "term", "title"})
"""Entry types whose terms have a nisba adjective (a CSV glossary's entries are `term`)."""
CONSONANT = "C"
_NONE = "-"


@dataclass(frozen=True)
class Ending:
    """One row of the endings table: a word ending in `final` drops `drop`, then adds `add`."""

    final: str
    drop: str
    add: str


@cache
def endings() -> dict[str, tuple[Ending, ...]]:
    """The endings table, by final (`CONSONANT` for any ending not listed)."""
    data = resources.files("workbench.terms").joinpath("data/nisba.tsv").read_text("utf-8")
    table: dict[str, list[Ending]] = {}
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not fields[0]:
            raise ValueError(f"nisba.tsv:{number}: expected final, drop, add, example")
        final, drop, add = (key_text(f) if f != _NONE else "" for f in fields[:3])
        if drop and not final.endswith(drop) and final != CONSONANT:
            raise ValueError(f"nisba.tsv:{number}: drops letters the final does not have")
        table.setdefault(final, []).append(Ending(final, drop, add))
    return {final: tuple(rows) for final, rows in table.items()}


def _rows(word: str) -> tuple[Ending, ...]:
    """The rows of the longest final `word` ends in, or the consonant rows."""
    table = endings()
    finals = sorted((f for f in table if f != CONSONANT and word.endswith(f)), key=len)
    return table[finals[-1]] if finals else table.get(CONSONANT, ())


@cache
def nisba_forms(word: str) -> tuple[str, ...]:
    """The nisba adjectives of one word in matching-key spelling (ئەمریکا → ئەمریکی,
    ئەمریکایی), none where the stem before the ending is too short to tell it from an
    everyday word."""
    forms: list[str] = []
    for row in _rows(word):
        stem = word[: len(word) - len(row.drop)]
        derived = stem + row.add
        # The nisba ending is what was added, or the stem's own final ی when nothing was.
        if len(derived) - (len(row.add) or 1) >= MIN_BASE and derived != word:
            forms.append(derived)
    return tuple(dict.fromkeys(forms))


def derived_forms(entry: Entry, key: Callable[[str], str] = key_text) -> Iterable[tuple[str, str]]:
    """(glossary form, the matching key of its nisba form) for each source form of `entry`
    whose nisba is not already one of its own forms; `key` gives a form's matching key (the
    matcher passes a cached one). In a phrase the last word takes the nisba, as the modifier
    it is: هێرشی درۆن → هێرشی درۆنی (هێرشە درۆنییەکان)."""
    own = {key(f) for f in (entry.source, *entry.source_forms, *entry.adjectival)}
    seen: set[str] = set()
    for form in (entry.source, *entry.source_forms):
        for derived in nisba_phrases(entry, key(form), own):
            if derived not in seen:
                seen.add(derived)
                yield form, derived


def nisba_phrases(entry: Entry, keyed: str, own: Collection[str] = ()) -> tuple[str, ...]:
    """The nisba forms of `keyed`, a form of `entry` in matching-key spelling (its last word
    made an adjective), none of them one of the `own` forms; none for an entry of a type
    without adjectives."""
    words = keyed.split()
    if entry.type not in DERIVING_TYPES or not words:
        return ()
    phrases = (" ".join((*words[:-1], adjective)) for adjective in nisba_forms(words[-1]))
    return tuple(p for p in phrases if p not in own)
