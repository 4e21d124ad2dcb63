"""Small display pieces shared by the screens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.timer import Timer
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

    MESSAGE_STYLES: ClassVar[dict[str, str]] = {
        "information": "bold reverse",
        "warning": "bold black on yellow",
        "error": "bold white on red",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._parts: tuple[str, str, Text | None] = ("", "", None)
        self._message: Text | None = None
        self._clear_timer: Timer | None = None

    def show(self, title: str, detail: str, extra: Text | None = None) -> None:
        """File and unsaved mark, position and state, and `extra` (the filter in force)
        first, where no width cuts it off. All in logical order: the line is put in
        display order as a whole (a file name or a filter may be Sorani)."""
        self._parts = (title, detail, extra)
        self._paint()

    def say(self, message: str, severity: str = "information", seconds: float = 5.0) -> None:
        """A message for a few seconds, at the start of the line. The editor's messages
        come here rather than in a toast, which at 80×24 would cover the English."""
        self._message = Text(f" {message} ", style=self.MESSAGE_STYLES.get(severity, "reverse"))
        self._paint()
        if self._clear_timer is not None:
            self._clear_timer.stop()
        self._clear_timer = self.set_timer(seconds, self._unsay)

    @property
    def message(self) -> str:
        """The message shown now ("" for none)."""
        return self._message.plain.strip() if self._message is not None else ""

    def _unsay(self) -> None:
        self._message = None
        self._paint()

    def _paint(self) -> None:
        from workbench.tui.display import app_mode

        title, detail, extra = self._parts
        line = Text()
        for part in (self._message, extra):
            if part is not None:
                line.append_text(part)
                line.append("  ")
        line.append(title, style="bold")
        line.append(f"  {detail}", style="dim")
        self.update(drawing_order(line, app_mode(self), "ltr"), layout=False)


class EnglishEditor(TextArea):
    """The English editor. The stylesheet fixes its height, so a new segment's text changes
    only its own scrolling: its virtual size is set without asking the screen for a new
    layout (which Textual otherwise does, repainting the whole screen a frame or two after
    every move). Scrollbars still appear and disappear, through their own layout."""

    _OWN_KEYS: ClassVar[dict[str, str]] = {
        key.strip(): binding.action
        for binding in TextArea.BINDINGS
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    }
    """The text area's own keys (arrows, home/end, backspace, ctrl+←, undo …) → action."""

    async def on_key(self, event: events.Key) -> None:
        """The text area's own keys act as they arrive. Textual runs a widget's bindings
        once the key has travelled up to the app, by which time characters typed right
        after it (a burst: a held key, a fast typist) are already in: End then "x" would
        put the x before the end, backspaces would eat what was typed after them."""
        action = self._OWN_KEYS.get(event.key)
        if action is not None and await self.app.run_action(action, self):
            event.stop()
            event.prevent_default()

    let_through: Callable[[str], bool] | None = None
    """Keys that, for now, reach the screen's bindings instead of being typed (a digit just
    after ctrl+g, which the focus has not yet left the editor for)."""

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        if self.let_through is not None and self.let_through(key):
            return False
        return super().check_consume_key(key, character)

    marks: Callable[[str], list[tuple[int, int]]] | None = None
    """The spans of a line to mark as misspelt (set once the dictionary is loaded)."""
    mark_style: str = "underline red"

    def get_line(self, line_index: int) -> Text:
        """A line of the English, its misspelt words marked."""
        line = super().get_line(line_index)
        if self.marks is not None:
            for start, end in self.marks(line.plain):
                line.stylize(self.mark_style, start, end)
        return line

    def _refresh_size(self) -> None:
        if not self.soft_wrap:
            super()._refresh_size()
            return
        self.set_reactive(Widget.virtual_size, Size(0, self.wrapped_document.height))
        self._refresh_scrollbars()
        self.refresh()


class KeyFooter(Widget):
    """The footer: the keys of the place in focus, as Textual's `Footer` shows them (key,
    then what it does), drawn in one line with the screen's first frame. Textual's footer
    builds a widget per key only after the first frame, so opening a file showed a second,
    late redraw of the bottom line; here the keys are read from the screen's active bindings
    whenever the line is drawn. A click on a key runs its action, as in Textual's."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"footer-key--key", "footer-key--description"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, str]] = []
        """Cells of each key on the line last drawn, with its action."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        self._spans = []
        shown: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in shown:
                continue
            shown.add(binding.action)
            start = line.cell_len
            line.append(f" {self.app.get_key_display(binding)} ", key_style)
            line.append(f"{binding.description} ", description_style)
            if not enabled:
                line.stylize("dim", start)
            self._spans.append((start, line.cell_len, binding.action))
        return line

    async def on_click(self, event: events.Click) -> None:
        for start, end, action in self._spans:
            if start <= event.x < end:
                await self.screen.run_action(action)
                return
