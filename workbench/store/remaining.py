"""What is left to translate: segments and Sorani words of untranslated and fuzzy entries,
counted as `kwb status` counts them (a sentence repeated in an article counts at each of
its occurrences; words are Sorani, Latin and number tokens of the source).

The editor shows it for the open file, live as segments are finished, and for the project
(the other files, read once off the screen's way, plus the open file's live share).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from workbench.errors import InputError
from workbench.store.pofile import read_catalog, state
from workbench.store.status import WORD_KINDS
from workbench.text.tokenization import count_tokens

_KINDS = frozenset(WORD_KINDS)


@dataclass(frozen=True)
class Remaining:
    """Segments and source words still untranslated or fuzzy."""

    segments: int = 0
    words: int = 0

    def __add__(self, other: Remaining) -> Remaining:
        return Remaining(self.segments + other.segments, self.words + other.words)


def entry_size(entry: polib.POEntry) -> Remaining:
    """An entry's segments (its occurrences) and source words, finished or not."""
    times = max(1, len(entry.occurrences))
    words = count_tokens(entry.msgid, _KINDS)
    return Remaining(times, words * times)


def unfinished(entry: polib.POEntry) -> bool:
    """Whether an entry is still to do: untranslated or fuzzy."""
    return state(entry) in ("untranslated", "fuzzy")


def other_files(translations: Path, open_file: Path) -> Remaining:
    """What is left in the project's PO files other than `open_file` (a file that cannot
    be read, being written by another program, is left out)."""
    own = open_file.resolve()
    total = Remaining()
    for path in sorted(translations.glob("*.po")):
        if path.resolve() == own:
            continue
        try:
            entries = read_catalog(path).entries
        except InputError:
            continue
        for entry in entries:
            if unfinished(entry):
                total += entry_size(entry)
    return total


class LiveRemaining:
    """The open file's remaining work, kept up to date one entry at a time: finishing a
    segment costs one lookup, not a count of the whole file."""

    def __init__(self, entries: list[polib.POEntry]) -> None:
        self.sizes = [entry_size(e) for e in entries]
        self.open = [unfinished(e) for e in entries]
        self.total = Remaining()
        for size, left in zip(self.sizes, self.open, strict=True):
            if left:
                self.total += size

    def update(self, i: int, entry: polib.POEntry) -> None:
        """Entry `i` may have changed state."""
        if not 0 <= i < len(self.open):
            return
        now = unfinished(entry)
        if now != self.open[i]:
            size = self.sizes[i]
            sign = 1 if now else -1
            self.total = Remaining(
                self.total.segments + sign * size.segments, self.total.words + sign * size.words
            )
            self.open[i] = now
