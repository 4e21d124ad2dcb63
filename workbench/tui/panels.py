"""The editor's panels: text cut to the rows the layout gives them, with a "more" mark.

A panel whose text is longer than its rows shows what fits and, on its last row, how much
is hidden and the key that reaches it ("… 3 more lines (^g)"). Focused (ctrl+g for the
glossary, tab for the others), it scrolls with ↑ ↓ pgup pgdn home end. Panels paint
through Textual's line API from lines wrapped once per text and width, and their height is
set by the screen, so a new segment's text repaints a panel without a new layout unless the
layout's share of rows changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Console
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from workbench.rtl import Mode
from workbench.tui.rtl_text import RtlText

SCROLL_BINDINGS: list[BindingType] = [
    Binding("up", "scroll_lines(-1)", "Up", show=False),
    Binding("down", "scroll_lines(1)", "Down", show=False),
    Binding("pageup", "scroll_page(-1)", "Page up", show=False),
    Binding("pagedown", "scroll_page(1)", "Page down", show=False),
    Binding("home", "scroll_lines(-1000000)", "Top", show=False),
    Binding("end", "scroll_lines(1000000)", "Bottom", show=False),
]


def more_mark(above: int, below: int, hint: str, focused: bool) -> Text:
    """The last row of a panel cut short: what is hidden and how to reach it."""
    if focused:
        text = f"↑ {above} · ↓ {below} more lines · ↑↓ pgup pgdn · esc back"
    elif above:
        text = f"↑ {above} · ↓ {below} more lines ({hint})"
    else:
        text = f"… {below} more line{'s' if below != 1 else ''} ({hint})"
    return Text(text, style="dim italic", no_wrap=True, overflow="ellipsis")


class ClippedPanel(Widget, can_focus=True):
    """Lines cut to the widget's height, scrolled by keys when focused, with a mark on the
    last row when anything is hidden. Subclasses say what the lines are (`all_lines`)."""

    BINDINGS: ClassVar[list[BindingType]] = SCROLL_BINDINGS

    def __init__(self, *args: object, hint: str = "tab", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.hint = hint
        """The key that reaches the panel, named in its "more" mark."""
        self.first_line = 0

    def all_lines(self, width: int) -> list[Strip]:
        """Every line of the content at `width` (subclasses)."""
        raise NotImplementedError

    def wanted(self, width: int) -> int:
        """Rows needed to show everything at `width` cells."""
        return max(1, len(self.all_lines(max(1, width))))

    def visible_lines(self, width: int) -> list[Strip]:
        """The lines the panel shows (cut to its height): all of them, unless a subclass
        has a shorter form for a panel too small."""
        return self.all_lines(width)

    def hidden(self) -> tuple[int, int]:
        """Lines hidden above and below at the current size."""
        total = len(self.visible_lines(max(1, self.content_size.width)))
        height = self.content_size.height
        if total <= height:
            return 0, 0
        visible = max(0, height - 1)
        offset = max(0, min(self.first_line, total - visible))
        return offset, total - offset - visible

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return self.wanted(width)

    def render_line(self, y: int) -> Strip:
        width = max(1, self.content_size.width)
        height = self.content_size.height
        lines = self.visible_lines(width)
        if len(lines) <= height:
            strip = lines[y] if y < len(lines) else Strip.blank(width)
        else:
            above, below = self.hidden()
            if y == height - 1:
                mark = more_mark(above, below, self.hint, self.has_focus)
                mark.truncate(width, pad=True)
                strip = Strip(list(mark.render(self.app.console)), width)
            else:
                strip = lines[above + y]
        return strip.crop_extend(0, width, None).apply_style(self.rich_style)

    def _show_from(self, offset: int) -> None:
        total = len(self.visible_lines(max(1, self.content_size.width)))
        visible = max(1, self.content_size.height - 1)
        offset = max(0, min(offset, total - visible))
        if offset != self.first_line:
            self.first_line = offset
            self.refresh()

    def action_scroll_lines(self, lines: int) -> None:
        self._show_from(self.first_line + lines)

    def action_scroll_page(self, pages: int) -> None:
        self._show_from(self.first_line + pages * max(1, self.content_size.height - 2))

    def on_focus(self) -> None:
        self.refresh()  # the mark tells the scrolling keys

    def on_blur(self) -> None:
        self.refresh()
        self.post_message(self.Left(self))

    class Left(Message):
        """The panel lost the focus."""

        def __init__(self, panel: ClippedPanel) -> None:
            super().__init__()
            self.panel = panel

        @property
        def control(self) -> ClippedPanel:
            return self.panel


class TextPanel(ClippedPanel):
    """A panel of rich Text (user text arrives as Text, never as markup)."""

    def __init__(self, hint: str = "tab", **kwargs: object) -> None:
        super().__init__(hint=hint, **kwargs)
        self._text = Text()
        self._lines: tuple[int, list[Strip]] | None = None

    def update(self, text: Text) -> None:
        """Show `text` from its first line."""
        text = text.copy()
        text.rstrip()  # a last newline would cost a row
        self._text = text
        self._lines = None
        self.first_line = 0
        self.refresh()

    @property
    def text(self) -> Text:
        return self._text

    def all_lines(self, width: int) -> list[Strip]:
        if self._lines is None or self._lines[0] != width:
            self._lines = (width, text_lines(self.app.console, self._text, width))
        return self._lines[1]


def text_lines(console: Console, text: Text, width: int) -> list[Strip]:
    """`text` wrapped to `width` cells, as strips (none for an empty text)."""
    if not text.plain:
        return []
    rendered = console.render_lines(text, console.options.update_width(width))
    return [Strip(line, width) for line in rendered]


class GlossaryPanel(TextPanel):
    """The glossary hits of the segment, numbered. Too short for the terms with their
    notes, it shows the terms alone and says where the notes are; focused (ctrl+g), it
    shows everything and scrolls (the digits that insert a term are the screen's)."""

    def __init__(self, hint: str = "tab", **kwargs: object) -> None:
        super().__init__(hint=hint, **kwargs)
        self._compact = Text()
        self._compact_lines: tuple[int, list[Strip]] | None = None

    def show_terms(self, full: Text, compact: Text) -> None:
        """The terms with their notes (`full`) and without (`compact`)."""
        compact = compact.copy()
        compact.rstrip()
        self._compact = compact
        self._compact_lines = None
        self.update(full)

    def visible_lines(self, width: int) -> list[Strip]:
        full = self.all_lines(width)
        height = self.content_size.height
        if self.has_focus or len(full) <= height or not self._compact.plain:
            return full
        if self._compact_lines is None or self._compact_lines[0] != width:
            lines = text_lines(self.app.console, self._compact, width)
            self._compact_lines = (width, lines)
        lines = self._compact_lines[1]
        if len(lines) < height:
            note = Text(f"notes: {self.hint}", style="dim italic")
            lines = [*lines, *text_lines(self.app.console, note, width)]
        return lines


class SourcePanel(ClippedPanel, RtlText):
    """The segment's Sorani source, drawn right to left with glossary terms highlighted."""

    def __init__(self, mode: Mode | None = None, hint: str = "tab", **kwargs: object) -> None:
        super().__init__(hint=hint, mode=mode, **kwargs)

    def update(self, text: str, spans: Sequence[tuple[int, int, str]] = ()) -> None:
        self.first_line = 0
        super().update(text, spans)

    def all_lines(self, width: int) -> list[Strip]:
        return self.lines(width)
