"""The `spelling` check: English words neither the dictionary nor the project knows.

Off by default (`kwb check --checks spelling`, or `[qa] spelling = true` in kwb.toml): a
project's first run flags every name its glossary lacks, and the other checks' figures and
speed stay what they were. The project knows the renderings of the glossary the run matches
with (and their variants and adjectival forms), the Latin-script words of each entry's
Sorani source, and the word list `glossary/words.txt` (`Context.known_words`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from workbench.qa.context import Context
from workbench.qa.model import Unit
from workbench.qa.speller import Lexicon, Speller, latin_words
from workbench.terms.model import Entry

SUGGESTIONS = 3
"""Suggestions named in a finding's message (the editor's F8 shows more)."""

_SPELLER = object()
"""The key of the run's speller in `Context.per_entry`."""


def glossary_words(entries: Iterable[Entry]) -> Iterator[str]:
    """The English a glossary admits: renderings, variants and adjectival forms."""
    for entry in entries:
        yield from entry.renderings
        yield from (entry.adjectival_target, *entry.adjectival_variants)


def project_speller(entries: Iterable[Entry], words: Iterable[str]) -> Speller:
    """A speller knowing a glossary's English and a word list."""
    lexicon = Lexicon(glossary_words(entries))
    lexicon.add(words)
    return Speller(lexicon)


def speller_for(ctx: Context) -> Speller:
    """The run's speller, built once from its glossary and word list."""
    speller = ctx.per_entry.get(_SPELLER)
    if not isinstance(speller, Speller):
        entries = ctx.matcher.entries if ctx.matcher is not None else ()
        speller = ctx.per_entry[_SPELLER] = project_speller(entries, ctx.known_words)
    return speller


def message(word: str, suggestions: list[str]) -> str:
    """What a finding says: the word, and what may have been meant."""
    if not suggestions:
        return f'"{word}": not in the dictionary or the project\'s words (no suggestion)'
    return (
        f'"{word}": not in the dictionary or the project\'s words; perhaps {", ".join(suggestions)}'
    )


def spelling(unit: Unit, ctx: Context) -> Iterator[tuple[str, tuple[str, ...]]]:
    """A finding per misspelt word of the English (each word once per entry)."""
    speller = speller_for(ctx)
    names = latin_words(unit.source)
    also = Lexicon(names) if names else None
    seen: set[str] = set()
    for found in speller.misspellings(unit.target, also):
        if found.word not in seen:
            seen.add(found.word)
            yield message(found.word, speller.suggestions(found.word, SUGGESTIONS)), ()
