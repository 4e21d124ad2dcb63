"""A widget that shows Sorani readably in any terminal.

The text is wrapped in logical order to the widget's width, then each line is put in
drawing order (python-bidi's algorithm, through `workbench.rtl`) and right-aligned, with
highlighted spans (glossary hits) kept on the right glyphs. In "terminal" mode the line is
left in logical order for terminals that reorder by themselves.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
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

    def update(self, text: str, spans: Sequence[tuple[int, int, str]] = ()) -> None:
        """Show `text`, styling each (start, end, style) span of it."""
        self._text = text
        self._spans = list(spans)
        self.refresh(layout=self.styles.height is None or self.styles.height.is_auto)

    def lines(self, width: int) -> list[Text]:
        """The painted lines at `width`, right-aligned."""
        styles: dict[int, str] = {}
        for start, end, style in self._spans:
            for i in range(start, end):
                styles[i] = style
        out = []
        for line in layout(self._text, width, self.mode):
            text = Text(justify="right", no_wrap=True)
            for index, glyph in line:
                text.append(glyph, Style.parse(styles[index]) if index in styles else None)
            padding = max(0, width - text.cell_len)
            out.append(Text(" " * padding) + text)
        return out

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, len(layout(self._text, width, self.mode)))

    def render(self) -> Text:
        width = max(1, self.content_size.width or self.size.width or 40)
        return Text("\n").join(self.lines(width))
