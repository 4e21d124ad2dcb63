"""The editor's list of segments: a virtual list that paints only the rows on screen.

A 10,000-segment file must open in well under a second and move in milliseconds, so rows
are drawn on demand (and cached), and moving the cursor repaints just two lines.

Only the translator's own moves in the list (keys while it has the focus, a click) post
`Highlighted`; the editor setting the cursor to the segment it shows posts nothing. A message
posted for every cursor change comes back to the editor after later moves, which would take
it for a move of its own: under a burst of keys the two chased each other forever.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

RowText = Callable[[int, int], Text]
"""(position in the list, width) → the row's text."""


class SegmentList(ScrollView, can_focus=True):
    """Rows of segments; up/down/page keys and clicks move the cursor and post
    `Highlighted`. Setting `cursor` from code moves it silently."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "move(-20)", "Page up", show=False),
        Binding("pagedown", "move(20)", "Page down", show=False),
        Binding("home", "move(-1000000)", "First", show=False),
        Binding("end", "move(1000000)", "Last", show=False),
    ]
    DEFAULT_CSS = """
    SegmentList { height: 1fr; }
    SegmentList.-long { overflow-y: scroll; }
    """

    cursor: reactive[int] = reactive(0, repaint=False)  # `watch_cursor` repaints two rows

    class Highlighted(Message):
        """The translator moved the cursor to position `row` of the list (`current` tells
        whether the list still stands there)."""

        def __init__(self, segment_list: SegmentList, row: int) -> None:
            super().__init__()
            self.segment_list = segment_list
            self.row = row
            self.generation = segment_list.generation

        @property
        def current(self) -> bool:
            """False once the cursor has moved on or the rows were replaced since: such a
            message is history, not a move to make."""
            sl = self.segment_list
            return self.generation == sl.generation and self.row == sl.cursor < sl.count

    def __init__(self, row_text: RowText, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.row_text = row_text
        self.count = 0
        self.generation = 0
        """Counts `set_count` calls: a row number means something only within one."""
        self._cache: dict[tuple[int, int], Strip] = {}

    def set_count(self, count: int) -> None:
        """Show `count` rows (the caller's data changed wholesale)."""
        self.count = count
        self.generation += 1
        self._cache.clear()
        self.set_class(count > self.app.size.height, "-long")
        self.virtual_size = Size(self.size.width, count)
        self.set_reactive(SegmentList.cursor, min(self.cursor, max(0, count - 1)))
        self.refresh()

    def refresh_row(self, row: int) -> None:
        """Repaint one row (its content changed)."""
        self._cache = {k: v for k, v in self._cache.items() if k[0] != row}
        self._refresh_screen_row(row)

    def _refresh_screen_row(self, row: int) -> None:
        y = row - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_screen_row(old)
        self._refresh_screen_row(new)
        top, height = round(self.scroll_offset.y), self.size.height
        if height and not top <= new < top + height:
            # Off screen: bring it to the middle, with context on both sides, so the next
            # moves repaint two rows instead of scrolling the whole list one line at a time.
            self.scroll_to(y=max(0, new - height // 2), animate=False, immediate=True)

    def _user_move(self, row: int) -> None:
        """The translator moved the cursor: move it and tell the screen."""
        self.cursor = row
        self.post_message(self.Highlighted(self, row))

    def action_move(self, step: int) -> None:
        if self.count:
            self._user_move(max(0, min(self.count - 1, self.cursor + step)))

    def on_click(self, event: events.Click) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < self.count:
            self._user_move(row)

    def render_line(self, y: int) -> Strip:
        row = y + self.scroll_offset.y
        width = self.size.width
        if row >= self.count or width <= 0:
            return Strip.blank(width)
        key = (row, width)
        strip = self._cache.get(key)
        if strip is None:
            text = self.row_text(row, width)
            text.truncate(width, overflow="crop", pad=True)
            strip = Strip(list(text.render(self.app.console)), width)
            if len(self._cache) > 4000:
                self._cache.clear()
            self._cache[key] = strip
        if row == self.cursor:
            highlight = (
                Style(reverse=True) if not self.has_focus else Style(bgcolor="blue", bold=True)
            )
            strip = Strip([Segment(s.text, (s.style or Style()) + highlight) for s in strip], width)
        return strip
