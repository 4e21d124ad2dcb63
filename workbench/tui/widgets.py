"""Small display pieces shared by the screens."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from workbench.rtl import Mode, visual_line

STATE_MARKS = {
    "untranslated": ("·", "dim"),
    "fuzzy": ("~", "yellow"),
    "translated": ("✓", "green"),
    "reviewed": ("★", "bold green"),
}
QA_MARK = ("!", "bold red")
HIT_STYLE = "bold black on yellow"


class LazyRtl:
    """A one-line Sorani preview put in drawing order only when rendered, so a list of
    10,000 segments costs nothing until its rows scroll into view."""

    __slots__ = ("_drawn", "mode", "text")

    def __init__(self, text: str, mode: Mode | None) -> None:
        self.text = text
        self.mode = mode
        self._drawn: tuple[int, Text] | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - 1)
        if self._drawn is None or self._drawn[0] != width:
            # Cut in logical order first, so the row shows the sentence's beginning (its
            # right end on screen), then reorder what is left; keep it for repaints.
            text = " ".join(self.text[: width * 2].split())
            logical = text if len(text) <= width else text[: width - 1] + "…"
            line = logical if self.mode == "terminal" else visual_line(logical)
            self._drawn = (width, Text(line, justify="right", no_wrap=True, overflow="crop"))
        yield self._drawn[1]


def mark(state: str, has_findings: bool = False) -> Text:
    """The status column of the segment list."""
    symbol, style = STATE_MARKS[state]
    text = Text(symbol, style=style)
    if has_findings:
        text.append(QA_MARK[0], style=QA_MARK[1])
    return text
