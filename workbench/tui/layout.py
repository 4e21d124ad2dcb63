"""How the editor shares the terminal's rows and columns (pure arithmetic, tested alone).

The English editor keeps a fixed place at the bottom, so the translator's eyes do not
hunt for it from one segment to the next; the Sorani source sits at the top and grows with
its text up to a little over half of what is left; the glossary, TM and QA panels share
the rest, each getting all it needs when that fits and an equal share otherwise. A panel
cut short shows a "more" mark on its last row (see `panels.py`). The segment list is a
column of its own when the terminal is wide enough, and a view of its own otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LIST_MIN_WIDTH = 120
"""Below this many columns the segment list and the work column take turns (ctrl+l)."""
TITLE_ROWS = 4
"""One title row each for the source, glossary, TM and QA (the English editor's title
sits in its border)."""


@dataclass(frozen=True)
class Rows:
    """Content rows given to the source and to each panel of the work view."""

    source: int
    panels: tuple[int, ...]


def share(available: int, wants: Sequence[int], floor: int = 1) -> list[int]:
    """Rows for panels wanting `wants` rows out of `available`: each gets what it wants if
    everything fits; otherwise the small ones get all they want and the others an equal
    share of the rest (water-filling). Every panel gets at least `floor` rows (its first
    line, or its "more" mark), even when that overflows a tiny terminal."""
    wants = [max(floor, w) for w in wants]
    if sum(wants) <= available:
        return list(wants)
    rows = [floor] * len(wants)
    left = max(0, available - floor * len(wants))
    while left > 0:
        open_ = [i for i, want in enumerate(wants) if rows[i] < want]
        if not open_:
            break
        each = left // len(open_)
        if each == 0:  # fewer rows left than panels wanting: one more each, in order
            for i in open_[:left]:
                rows[i] += 1
            break
        give = min(each, min(wants[i] - rows[i] for i in open_))
        for i in open_:
            rows[i] += give
        left -= give * len(open_)
    return rows


def english_rows(height: int) -> int:
    """The English editor's rows (two are its border) in a work column of `height` rows:
    three lines of text at 80×24, up to eight in a tall terminal. Fixed for a terminal
    size, so that the English keeps its place from one segment to the next."""
    return max(5, min(10, height // 4))


def work_rows(height: int, source_lines: int, panel_lines: Sequence[int]) -> Rows:
    """Share the work view's `height` rows (its section titles included) between the
    source (which wants `source_lines`) and the panels (`panel_lines` each)."""
    rest = max(0, height - TITLE_ROWS)
    room_for_source = max(1, rest - len(panel_lines))
    source = max(1, min(source_lines, max(3, rest * 11 // 20), room_for_source))
    panels = share(rest - source, panel_lines)
    spare = rest - source - sum(panels)
    if spare > 0 and source < source_lines:  # the panels need less: the source takes it
        source += min(spare, source_lines - source)
    return Rows(source, tuple(panels))
