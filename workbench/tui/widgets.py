"""Small display pieces shared by the screens."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static, TextArea

from workbench.display.bidi import Mode, resolve_mode
from workbench.display.text import bidi_lines, drawing_order

STATE_MARKS = {
    "untranslated": ("·", "dim"),
    "fuzzy": ("~", "yellow"),
    "translated": ("✓", "green"),
    "reviewed": ("★", "bold green"),
}
QA_MARK = ("!", "bold red")
HIT_STYLE = "bold black on yellow"


def rtl_preview(text: str, width: int, mode: Mode | None) -> Text:
    """A one-line Sorani preview in exactly `width` cells, drawn right-to-left and aligned
    right. It is cut in logical order first, so it shows the sentence's beginning (its right
    end on screen), then what is left is put in drawing order."""
    width = max(1, width)
    flat = " ".join(text[: width * 2].split())
    line = bidi_lines(flat, width, mode or resolve_mode(), "rtl", no_wrap=True)[0]
    line.truncate(width, overflow="crop")
    return Text(" " * (width - line.cell_len)) + line


def mark(state: str, has_findings: bool = False) -> Text:
    """The status column of the segment list."""
    symbol, style = STATE_MARKS[state]
    text = Text(symbol, style=style)
    if has_findings:
        text.append(QA_MARK[0], style=QA_MARK[1])
    return text


class StatusLine(Static):
    """The editor's top line (file, unsaved marker, position, state). Unlike Textual's
    Header, updating it repaints one line instead of re-laying out the screen."""

    DEFAULT_CSS = """
    StatusLine {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        padding: 0 1;
    }
    """

    def show(self, title: str, detail: str) -> None:
        from workbench.tui.display import app_mode

        line = Text(title, style="bold")
        line.append(f"  {detail}", style="dim")
        self.update(drawing_order(line, app_mode(self), "ltr"), layout=False)


class EnglishEditor(TextArea):
    """The English editor. The stylesheet fixes its height, so a new segment's text changes
    only its own scrolling: its virtual size is set without asking the screen for a new
    layout (which Textual otherwise does, repainting the whole screen a frame or two after
    every move). Scrollbars still appear and disappear, through their own layout."""

    def _refresh_size(self) -> None:
        if not self.soft_wrap:
            super()._refresh_size()
            return
        self.set_reactive(Widget.virtual_size, Size(0, self.wrapped_document.height))
        self._refresh_scrollbars()
        self.refresh()
