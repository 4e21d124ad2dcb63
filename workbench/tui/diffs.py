"""What changed, shown in the editor: a TM suggestion's Sorani with the words the current
segment's source lacks marked (as OmegaT marks a fuzzy match), and a fuzzy entry's previous
source (`#| msgid`, left by an update) with the words the new source dropped or changed
marked, the new source's own new words underlined in the source panel.

The marks are styles on spans of `rich.text.Text`; the display path (`display.Bidi`,
`rtl_text.rtl_strips`) keeps a style on its glyphs through bidi reordering, so a marked
Sorani word stays marked however the terminal draws right-to-left text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import polib
from rich.console import Group
from rich.text import Text

from workbench.display.bidi import Mode
from workbench.display.text import Bidi, as_text
from workbench.store.pofile import FUZZY
from workbench.text.diff import WordDiff, word_diff
from workbench.tm.index import Match

REMOVED_STYLE = "bold white on red"
"""Words of the other text (a suggestion's source, the previous source) the current source
does not have."""
ADDED_STYLE = "underline bold"
"""Words of the current source the previous source did not have (over glossary marks)."""
SUGGESTIONS_SHOWN = 5
SOURCES_SHOWN = 1
"""Suggestions shown with their Sorani diffed against the segment's source."""


def marked(text: str, spans: Sequence[tuple[int, int]], style: str = REMOVED_STYLE) -> Text:
    """`text` as user data with each (start, end) span styled."""
    out = as_text(text)
    for start, end in spans:
        out.stylize(style, start, end)
    return out


def suggestion_source(match: Match, current: str) -> Text | None:
    """A suggestion's Sorani with the words `current` lacks marked; None when the two have
    the same words (an exact match needs no second look)."""
    diff = _diff(match.ckb, current)
    return None if diff.same else marked(match.ckb, diff.old_spans)


@lru_cache(maxsize=256)
def _diff(old: str, new: str) -> WordDiff:
    """`word_diff`, remembered: a segment's suggestions are shown again when they arrive and
    when the translator comes back."""
    return word_diff(old, new)


def previous_source(entry: polib.POEntry) -> str | None:
    """The source a fuzzy entry's English was made for, when an update changed it."""
    previous = entry.previous_msgid
    if FUZZY in entry.flags and previous and previous != entry.msgid:
        return str(previous)
    return None


def source_spans(entry: polib.POEntry) -> list[tuple[int, int, str]]:
    """Spans of a fuzzy entry's source new since its previous source (underlined)."""
    previous = previous_source(entry)
    if previous is None:
        return []
    return [(s, e, ADDED_STYLE) for s, e in _diff(previous, entry.msgid).new_spans]


def tm_content(
    entry: polib.POEntry, matches: list[Match] | None, mode: Mode, waiting: str = "…"
) -> Text | Group:
    """The TM panel: a fuzzy entry's previous source with its changes, then each
    suggestion's score and English, and the best one's Sorani with the differences marked.
    Only the Sorani goes through the bidi pass (English lines need none, and a move
    repaints this panel)."""
    parts: list[Text | Bidi] = []
    english = Text()

    def sorani(text: Text) -> None:
        nonlocal english
        if english:
            parts.append(english)
            english = Text()
        parts.append(Bidi(text, mode, "rtl"))

    previous = previous_source(entry)
    if previous is not None:
        english.append("source changed; the English was made for:", style="dim")
        sorani(marked(previous, _diff(previous, entry.msgid).old_spans))
    for n, m in enumerate((matches or [])[:SUGGESTIONS_SHOWN]):
        english.append("\n" if english else "")
        english.append(f"{m.score:3.0f}% ", style="bold cyan")
        english.append(m.en)
        # The best suggestion's Sorani (the one ctrl+t takes): the panel's rows are few,
        # and the others' English is what a translator scans.
        source = suggestion_source(m, entry.msgid) if n < SOURCES_SHOWN else None
        if source is not None:
            sorani(source)
    if not matches:
        english.append("\n" if english else "")
        english.append(waiting if matches is None else "no suggestions", style="dim")
    if english:
        parts.append(english)
    if len(parts) == 1 and isinstance(parts[0], Text):
        return parts[0]
    return Group(*parts)
