"""A widget that shows Sorani readably in any terminal: the editor's source panel.

The text goes through the one display path (`workbench.display`): wrapped in logical
order to the widget's width, each line put in drawing order and right-aligned, with
highlighted spans (glossary hits) kept on the right glyphs. In "terminal" mode the lines
stay in logical order for terminals that reorder by themselves.

Lines are painted as strips (Textual's line API), built once per text and width: the
source panel is repainted on every move between segments.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from workbench.display.bidi import Mode
from workbench.display.text import as_text, bidi_lines, line_segments


class RtlText(Widget):
    """Right-to-left text with highlights; call `update(text, spans)`."""

    DEFAULT_CSS = """
    RtlText { height: auto; }
    """

    def __init__(self, text: str = "", mode: Mode | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._text = text
        self._spans: list[tuple[int, int, str]] = []
        self.mode = mode
        self._painted: tuple[int, list[Strip]] | None = None

    def update(self, text: str, spans: Sequence[tuple[int, int, str]] = ()) -> None:
        """Show `text`, styling each (start, end, style) span of it."""
        self._text = text
        self._spans = list(spans)
        self._painted = None
        self.refresh(layout=self.styles.height is None or self.styles.height.is_auto)

    def lines(self, width: int) -> list[Strip]:
        """The painted lines at `width`: runs of glyphs, right-aligned."""
        if self._painted is not None and self._painted[0] == width:
            return self._painted[1]
        strips = rtl_strips(self._text, self._spans, width, self._mode())
        self._painted = (width, strips)
        return strips

    def _mode(self) -> Mode:
        if self.mode is not None:
            return self.mode
        from workbench.tui.display import app_mode

        return app_mode(self)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, len(self.lines(width)))

    def render_line(self, y: int) -> Strip:
        width = max(1, self.content_size.width)
        lines = self.lines(width)
        strip = lines[y] if y < len(lines) else Strip.blank(width)
        return strip.crop_extend(0, width, None).apply_style(self.rich_style)


def rtl_strips(
    text: str, spans: Sequence[tuple[int, int, str]], width: int, mode: Mode
) -> list[Strip]:
    """Sorani `text` wrapped at `width`, each line in drawing order and right-aligned, each
    (start, end, style) span styled on its glyphs: lines for Textual's line API."""
    styled: Text = as_text(text)
    for start, end, style in spans:
        styled.stylize(style, start, end)
    strips = []
    for line in bidi_lines(styled, width, mode, "rtl"):
        runs = line_segments(line)
        padding = max(0, width - line.cell_len)
        strips.append(Strip([Segment(" " * padding), *runs], padding + line.cell_len))
    return strips
