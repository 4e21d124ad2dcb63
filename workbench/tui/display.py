"""The workbench's side of the one display path: the drawing mode of the running app, and
an input box that draws typed Sorani in display order."""

from __future__ import annotations

from rich.text import Text
from textual.dom import DOMNode
from textual.strip import Strip
from textual.widgets import Input

from workbench.display.bidi import MODES, Mode, base_direction, has_rtl, resolve_mode
from workbench.display.text import drawing_order, line_segments


def app_mode(node: DOMNode) -> Mode:
    """The mode the app draws Sorani in (`KwbApp.rtl`), or the one the environment implies
    for a widget running in another app."""
    chosen = getattr(node.app, "rtl", None)
    return chosen if chosen in MODES else resolve_mode()


class BidiInput(Input):
    """An `Input` that draws typed Sorani in display order.

    Textual's Input draws its value in logical order, so Sorani typed into it reads
    backwards on a terminal that draws left to right. This one lets the Input paint its
    line (cursor, selection, scrolling and all) and then puts the painted glyphs in
    drawing order, the cursor and selection styles travelling with their characters: the
    text grows leftwards from the right edge, as in any right-to-left editor. Editing keys
    keep their logical meaning (left/right move through the text in logical order).
    """

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        mode = app_mode(self)
        if y != 0 or mode == "terminal" or not has_rtl(self.value):
            return strip
        painted = Text(end="")
        for segment in strip:
            painted.append(segment.text, segment.style)
        line = drawing_order(painted, mode, base_direction(self.value))
        drawn = Strip(line_segments(line), strip.cell_length)
        # The Input paints a cell more than it shows (room for the cursor after the text);
        # in drawing order that spare cell is at the left end, so the left end is cut.
        shown = self.scrollable_content_region.width
        return drawn.crop(max(0, drawn.cell_length - shown), drawn.cell_length)
