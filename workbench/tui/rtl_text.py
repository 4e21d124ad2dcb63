"""A widget that shows Sorani readably in any terminal.

The text is wrapped in logical order to the widget's width, then each line is put in
drawing order (python-bidi's algorithm, through `workbench.rtl`) and right-aligned, with
highlighted spans (glossary hits) kept on the right glyphs. In "terminal" mode the line is
left in logical order for terminals that reorder by themselves.

Lines are painted as strips of runs of equally styled glyphs (Textual's line API), built
once per text and width: the source panel is repainted on every move between segments.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from workbench.rtl import Mode, layout


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
        styles: dict[int, Style] = {}
        for start, end, name in self._spans:
            parsed = Style.parse(name)
            for i in range(start, end):
                styles[i] = parsed
        strips = []
        for line in layout(self._text, width, self.mode):
            runs: list[Segment] = []
            run: list[str] = []
            run_style: Style | None = None
            for index, glyph in line:
                glyph_style = styles.get(index)
                if glyph_style is not run_style and run:
                    runs.append(Segment("".join(run), run_style))
                    run = []
                run_style = glyph_style
                run.append(glyph)
            if run:
                runs.append(Segment("".join(run), run_style))
            drawn = Strip(runs)
            padding = max(0, width - drawn.cell_length)
            strips.append(Strip([Segment(" " * padding), *runs], padding + drawn.cell_length))
        self._painted = (width, strips)
        return strips

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, len(self.lines(width)))

    def render_line(self, y: int) -> Strip:
        width = max(1, self.content_size.width)
        lines = self.lines(width)
        strip = lines[y] if y < len(lines) else Strip.blank(width)
        return strip.crop_extend(0, width, None).apply_style(self.rich_style)
