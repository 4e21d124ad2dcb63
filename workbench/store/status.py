"""Translation progress of PO files: segments, Sorani words, and entries by state."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.store.pofile import STATES, State, read_catalog, state
from workbench.text import tokenize

WORD_KINDS = ("word", "latin", "number")


@dataclass
class Progress:
    """Counts for one file (or a total). Repeated sentences count at every occurrence."""

    name: str
    segments: int = 0
    words: int = 0
    states: dict[State, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))

    @property
    def done(self) -> int:
        """Segments translated or reviewed."""
        return self.states["translated"] + self.states["reviewed"]

    @property
    def percent(self) -> float:
        return 100.0 * self.done / self.segments if self.segments else 0.0

    def add(self, other: Progress) -> None:
        self.segments += other.segments
        self.words += other.words
        for key in STATES:
            self.states[key] += other.states[key]

    def as_json(self) -> dict[str, object]:
        row: dict[str, object] = {"file": self.name, "segments": self.segments, "words": self.words}
        row.update({str(key): count for key, count in self.states.items()})
        row["percent"] = round(self.percent, 1)
        return row


def file_progress(path: Path, name: str | None = None) -> Progress:
    """Progress of one PO file."""
    progress = Progress(name or path.name)
    for entry in read_catalog(path).entries:
        times = max(1, len(entry.occurrences))
        words = sum(1 for t in tokenize(entry.msgid) if t.kind in WORD_KINDS)
        progress.segments += times
        progress.words += words * times
        progress.states[state(entry)] += times
    return progress


def total(rows: list[Progress]) -> Progress:
    """The sum of several files' progress."""
    result = Progress("total")
    for row in rows:
        result.add(row)
    return result
