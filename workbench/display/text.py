"""The one display path for text that may hold Sorani, in the CLI and in the workbench.

`bidi_lines` wraps logical text (a `rich.text.Text`, styles included) at a width and gives
the lines in drawing order for the mode. `Bidi` is the same as a Rich renderable: it wraps
at the width Rich or Textual gives it (a table column, a panel), so a table cell is wrapped
before it is reordered and a long Sorani sentence reads from its first line down.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from workbench.display.bidi import (
    ELLIPSIS,
    Direction,
    Mode,
    base_direction,
    clip,
    reorder,
    wrap_spans,
)

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, JustifyMethod, RenderResult

HIT_STYLE = "bold black on yellow"
"""Glossary terms in Sorani text, in the CLI and the workbench alike."""

ELLIPSIS_TEXT = Text(ELLIPSIS)
_CONTROL_PICTURES = {i: 0x2400 + i for i in range(0x20) if chr(i) not in "\n\t\r"} | {
    0x7F: 0x2421,
    0x0D: 0x20,  # the rest of a Windows line end: a space keeps every offset where it was
}


def visible(text: str) -> str:
    """User text with control characters shown as their Unicode pictures (␛ for escape):
    a stray escape in a PO file or an article must not drive the terminal."""
    return text.translate(_CONTROL_PICTURES)


def as_text(text: Text | str, style: str | Style = "") -> Text:
    """`text` as a `Text` of user data: never parsed as markup, control characters shown."""
    if isinstance(text, str):
        return Text(visible(text), style=style)
    shown = visible(text.plain)
    if shown == text.plain and not style:
        return text
    out = text.copy()
    out.plain = shown
    if style:
        out.stylize(style)
    return out


def highlighted(text: str, spans: Iterable[tuple[int, int]], style: str = HIT_STYLE) -> Text:
    """`text` as user data (never markup) with each (start, end) span styled."""
    out = Text(visible(text))
    for start, end in spans:
        out.stylize(style, start, end)
    return out


def bidi_lines(
    text: Text | str,
    width: int,
    mode: Mode,
    direction: Direction = "auto",
    no_wrap: bool = False,
) -> list[Text]:
    """`text` wrapped at `width` cells in logical order, each line in drawing order.

    Every paragraph (a newline ends one) gets its own direction ("auto": its first letter's)
    and is wrapped on its own; with `no_wrap` each paragraph is one line, cut at `width`
    from its logical start with …. Styles follow their characters through the reordering.
    """
    source = as_text(text)
    width = max(1, width)
    lines: list[Text] = []
    for paragraph in source.split("\n", allow_blank=True):
        plain = paragraph.plain
        base = base_direction(plain, direction)
        if no_wrap:
            clipped = clip(plain, width)
            piece = paragraph[: len(clipped) - 1] + ELLIPSIS_TEXT if clipped != plain else paragraph
            lines.append(drawing_order(piece, mode, base))
            continue
        for start, end in wrap_spans(plain, width):
            lines.append(drawing_order(paragraph[start:end], mode, base))
    return lines or [Text()]


def drawing_order(line: Text, mode: Mode, direction: Direction = "auto") -> Text:
    """One logical line of styled text in drawing order, its styles on the same glyphs;
    every character kept (spaces included), so it fits where the logical line did."""
    order = reorder(line.plain, mode, direction)
    if [i for i, _ in order] == list(range(len(line.plain))) and all(
        line.plain[i] == glyph for i, glyph in order
    ):
        return line
    styles = _char_styles(line, with_base=False)
    out = Text(style=line.style, end="")
    run: list[str] = []
    run_styles: list[Style | str] | None = None
    for index, glyph in order:
        if styles[index] != run_styles and run:
            out.append("".join(run), _combined(run_styles or []))
            run = []
        run_styles = styles[index]
        run.append(glyph)
    if run:
        out.append("".join(run), _combined(run_styles or []))
    return out


def _char_styles(line: Text, with_base: bool) -> list[list[Style | str]]:
    """The styles on each character of `line`, in the order Rich applies them."""
    base: list[Style | str] = [line.style] if with_base and line.style else []
    styles = [list(base) for _ in line.plain]
    for span in line.spans:
        for i in range(span.start, min(span.end, len(styles))):
            styles[i].append(span.style)
    return styles


def _combined(styles: Sequence[Style | str]) -> Style | None:
    if not styles:
        return None
    return Style.combine(Style.parse(s) if isinstance(s, str) else s for s in styles)


def line_segments(line: Text) -> list[Segment]:
    """One drawn line as Rich segments (runs of equally styled glyphs), without a console:
    what a Textual strip is made of."""
    styles = _char_styles(line, with_base=True)
    segments: list[Segment] = []
    start = 0
    for end in range(1, len(styles) + 1):
        if end == len(styles) or styles[end] != styles[start]:
            segments.append(Segment(line.plain[start:end], _combined(styles[start])))
            start = end
    return segments


class Bidi:
    """A Rich renderable of text that may hold Sorani, for tables, panels and widgets.

    It is wrapped at the width it is given, then each line is put in drawing order
    (`bidi_lines`). Right-to-left paragraphs are aligned right, others left, unless
    `justify` says otherwise. With `no_wrap` (or a Rich/Textual container that asks for
    no wrapping, such as a one-line table row) each paragraph is one line, keeping its
    logical beginning. `indent` leaves that many cells on the side where lines start.
    """

    def __init__(
        self,
        text: Text | str,
        mode: Mode,
        direction: Direction = "auto",
        *,
        justify: JustifyMethod | None = None,
        no_wrap: bool = False,
        style: str | Style = "",
        indent: int = 0,
    ) -> None:
        self.text = as_text(text, style)
        if self.text.plain.endswith("\n"):
            self.text = self.text.copy()  # it ends the last paragraph, opens none
            self.text.right_crop(1)
        self.mode = mode
        self.direction = direction
        self.justify = justify
        self.no_wrap = no_wrap
        self.indent = indent
        self._cache: dict[tuple[int, bool], list[tuple[Text, str]]] = {}

    @property
    def plain(self) -> str:
        """The logical text."""
        return self.text.plain

    def __str__(self) -> str:
        return self.text.plain

    def lines(self, width: int, no_wrap: bool = False) -> list[tuple[Text, str]]:
        """The drawn lines at `width`, each with its alignment ("left", "right", "center")."""
        key = (width, no_wrap or self.no_wrap)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        out: list[tuple[Text, str]] = []
        for paragraph in self.text.split("\n", allow_blank=True):
            align = self.justify or (
                "right" if base_direction(paragraph.plain, self.direction) == "rtl" else "left"
            )
            drawn = bidi_lines(paragraph, width - self.indent, self.mode, self.direction, key[1])
            out.extend((line, "left" if align in ("default", "full") else align) for line in drawn)
        self._cache[key] = out
        return out

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        paragraphs = self.plain.split("\n")
        widest = max((cell_len(p) for p in paragraphs), default=0)
        if self.no_wrap:
            least = min(widest, 1)
        else:
            words = (cell_len(w) for p in paragraphs for w in p.split())
            least = min(max(words, default=0), widest)
        measured = Measurement(least + self.indent, widest + self.indent)
        return measured.clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width)
        indent = Segment(" " * self.indent)
        for line, align in self.lines(width, bool(options.no_wrap)):
            room = max(0, width - self.indent - line.cell_len)
            if align == "right" and room:
                yield Segment(" " * room)
            elif align == "center" and room // 2:
                yield Segment(" " * (room // 2))
            if align != "right":
                yield indent
            yield from line.render(console, end="")
            if align == "right":
                yield indent
            yield Segment.line()
