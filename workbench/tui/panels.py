"""The editor's work view: the Sorani source and the glossary, TM and QA panels in one
widget, above the English editor.

One widget, so that a new segment, whose parts want a different share of the rows, costs
a repaint of this widget alone: separate widgets of changing heights would make Textual
lay out and repaint the whole screen on every move. The shares follow `layout.py`. A
section longer than its rows shows what fits and, on its last row, how much is hidden
and the key that reaches it ("… 3 more lines (^g)"). Focused (ctrl+g for the glossary,
tab for the others), a section scrolls with ↑ ↓ pgup pgdn home end, and tab moves on to
the next one. A glossary too short for its notes shows its terms without them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from workbench.display.bidi import Mode
from workbench.tui.layout import TITLE_ROWS, work_rows
from workbench.tui.rtl_text import rtl_strips

SECTIONS = ("source", "glossary", "tm", "qa")
_FOCUSED = Style(reverse=True)
_MARK = Style(dim=True, italic=True)


@dataclass
class Section:
    """One part of the view: its title, its content, and where it is scrolled to."""

    title: Text = field(default_factory=Text)
    hint: str = "tab"
    """The key that reaches the section, named in its "more" mark."""
    content: RenderableType = field(default_factory=Text)
    compact: RenderableType | None = None
    """A shorter form shown when the content does not fit (the glossary without notes)."""
    spans: Sequence[tuple[int, int, str]] = ()
    first: int = 0
    lines: tuple[int, list[Strip]] | None = None
    compact_lines: tuple[int, list[Strip]] | None = None
    items: dict[int, tuple[int, list[Strip]]] = field(default_factory=dict)
    """Lines of each part of a Group content, by identity: the compact form shares them."""


def more_mark(above: int, below: int, hint: str, focused: bool) -> Text:
    """The last row of a section cut short: what is hidden and how to reach it."""
    if focused:
        text = f"↑ {above} · ↓ {below} more lines · ↑↓ pgup pgdn · tab next · esc back"
    elif above:
        text = f"↑ {above} · ↓ {below} more lines ({hint})"
    else:
        text = f"… {below} more line{'s' if below != 1 else ''} ({hint})"
    return Text(text, style=_MARK, no_wrap=True, overflow="ellipsis")


class WorkView(Widget, can_focus=True):
    """Source, glossary, TM and QA, sharing the widget's rows (see the module)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_lines(-1)", "Up", show=False),
        Binding("down", "scroll_lines(1)", "Down", show=False),
        Binding("pageup", "scroll_page(-1)", "Page up", show=False),
        Binding("pagedown", "scroll_page(1)", "Page down", show=False),
        Binding("home", "scroll_lines(-1000000)", "Top", show=False),
        Binding("end", "scroll_lines(1000000)", "Bottom", show=False),
        Binding("tab", "next_section(1)", "Next panel", show=False),
        Binding("shift+tab", "next_section(-1)", "Previous panel", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"work-view--title", "work-view--findings"}
    DEFAULT_CSS = """
    WorkView { height: 1fr; }
    WorkView > .work-view--title { color: $text-muted; text-style: bold; }
    WorkView > .work-view--findings { color: $warning; }
    """

    class SectionLeft(Message):
        """The focus left the view (the glossary's digits stop inserting)."""

    def __init__(self, mode: Mode, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.mode = mode
        self.sections = {name: Section() for name in SECTIONS}
        self.section: str | None = None
        """The section the keys scroll while the view has the focus."""
        self._painted_rows: tuple[tuple[int, int], list[Strip]] | None = None
        self._shares: tuple[tuple[int, int], dict[str, int]] | None = None

    # --- content -------------------------------------------------------------------------

    def set_title(self, name: str, title: Text, hint: str = "tab") -> None:
        self.sections[name].title = title
        self.sections[name].hint = hint
        self._changed()

    def set_source(self, text: str, spans: Sequence[tuple[int, int, str]]) -> None:
        """The segment's Sorani, with (start, end, style) spans (glossary hits)."""
        self._set("source", text, spans=spans)

    def set_panel(
        self,
        name: str,
        content: RenderableType,
        compact: RenderableType | None = None,
        alone: bool = False,
    ) -> None:
        """A panel's content (and a shorter form for when it does not fit). `alone`: the
        rest stays as it is (suggestions arriving), so only this panel may need a repaint;
        otherwise (a new segment) nothing is measured until the view is painted, which a
        burst of moves does only for the last one."""
        self._set(name, content, compact, alone=alone)

    def _set(
        self,
        name: str,
        content: RenderableType,
        compact: RenderableType | None = None,
        spans: Sequence[tuple[int, int, str]] = (),
        alone: bool = False,
    ) -> None:
        section = self.sections[name]
        section.content, section.compact, section.spans = content, compact, spans
        section.first = 0
        section.lines = section.compact_lines = None
        section.items = {}
        self._changed(name if alone else None)

    def _changed(self, name: str | None = None) -> None:
        """Paint again: only section `name`'s rows if the shares stay as they were (the TM
        suggestions arriving repaint the TM panel, not the source above it), else all."""
        before = self._shares
        self._painted_rows = None
        self._shares = None
        if name is None or before is None or not self.is_mounted or not self.screen.is_current:
            self.refresh()  # (a screen under a dialog is painted again whole when shown)
            return
        if self.rows() != before[1]:
            self.refresh()
            return
        top = 0
        for other in SECTIONS:
            if other == name:
                break
            top += 1 + before[1][other]
        self.refresh(Region(0, top, self.size.width, 1 + before[1][name]))

    # --- lines ---------------------------------------------------------------------------

    def all_lines(self, name: str, width: int) -> list[Strip]:
        """Every line of a section's content at `width` cells (cached per text)."""
        section = self.sections[name]
        if section.lines is None or section.lines[0] != width:
            section.lines = (width, self._lines_of(name, section.content, width))
        return section.lines[1]

    def _compact_lines(self, name: str, width: int) -> list[Strip]:
        section = self.sections[name]
        if section.compact is None:
            return []
        if section.compact_lines is None or section.compact_lines[0] != width:
            section.compact_lines = (width, self._lines_of(name, section.compact, width))
        return section.compact_lines[1]

    def _lines_of(self, name: str, content: RenderableType, width: int) -> list[Strip]:
        if name == "source":
            text = content if isinstance(content, str) else str(content)
            return rtl_strips(text, self.sections[name].spans, width, self.mode) if text else []
        if isinstance(content, Text) and not content.plain:
            return []
        if isinstance(content, Group):
            strips: list[Strip] = []
            for item in content.renderables:
                strips += self._item_lines(name, item, width)
            return strips
        console = self.app.console
        rendered = console.render_lines(content, console.options.update_width(width))
        while rendered and not "".join(s.text for s in rendered[-1]).strip():
            rendered.pop()  # a last empty line costs a row
        return [Strip(line, width) for line in rendered]

    def _item_lines(self, name: str, item: RenderableType, width: int) -> list[Strip]:
        """Lines of one part of a Group content (cached by identity while it is shown)."""
        items = self.sections[name].items
        cached = items.get(id(item))
        if cached is None or cached[0] != width:
            cached = items[id(item)] = (width, self._lines_of(name, item, width))
        return cached[1]

    def rows(self) -> dict[str, int]:
        """The content rows each section has at the current size."""
        cells = self._cells()
        if self._shares is None or self._shares[0] != cells:
            width, height = cells
            wants = [max(1, len(self.all_lines(name, width))) for name in SECTIONS]
            shares = work_rows(height, wants[0], wants[1:])
            rows = dict(zip(SECTIONS, (shares.source, *shares.panels), strict=True))
            self._shares = (cells, rows)
        return self._shares[1]

    def shown_lines(self, name: str) -> list[Strip]:
        """The lines a section shows in full or in part. A section with a compact form
        that does not fit and does not have the keys shows the compact form's parts (the
        glossary's terms) and, in order, as many of the others (notes) as fit whole, with
        a last line saying where the rest is."""
        width, _ = self._cells()
        section = self.sections[name]
        full = self.all_lines(name, width)
        rows = self.rows()[name]
        content, compact = section.content, section.compact
        if len(full) <= rows or self._has_keys(name) or compact is None:
            return full
        if not isinstance(content, Group) or not isinstance(compact, Group):
            return self._compact_lines(name, width)
        kept = {id(item) for item in compact.renderables}
        parts = [
            (id(item) in kept, self._item_lines(name, item, width)) for item in content.renderables
        ]
        budget = rows - sum(len(lines) for keep, lines in parts if keep) - 1
        shown: list[Strip] = []
        left_out = False
        for keep, lines in parts:
            if keep or len(lines) <= budget:
                shown += lines
                budget -= 0 if keep else len(lines)
            else:
                left_out = True
        if left_out:
            note = Text(f"more notes: {section.hint}", style=_MARK)
            note.truncate(width, pad=True)  # every cell painted: none left from before
            shown.append(Strip(list(note.render(self.app.console)), width))
        return shown

    def hidden(self, name: str) -> tuple[int, int]:
        """Lines of a section hidden above and below at the current size."""
        total, rows = len(self.shown_lines(name)), self.rows()[name]
        if total <= rows:
            return 0, 0
        visible = max(0, rows - 1)
        first = max(0, min(self.sections[name].first, total - visible))
        return first, total - first - visible

    def text(self, name: str) -> str:
        """A section's text as shown in its rows now (for tests and the curious)."""
        rows = self._section_strips(name, self._cells()[0])
        return "\n".join("".join(s.text for s in strip).rstrip() for strip in rows)

    def _cells(self) -> tuple[int, int]:
        return max(1, self.content_size.width), max(TITLE_ROWS + 4, self.content_size.height)

    def _has_keys(self, name: str) -> bool:
        return self.has_focus and self.section == name

    # --- painting ------------------------------------------------------------------------

    def _section_strips(self, name: str, width: int) -> list[Strip]:
        """A section's rows: what fits of its lines, and the mark when anything is cut."""
        rows = self.rows()[name]
        lines = self.shown_lines(name)
        if len(lines) <= rows:
            return lines + [Strip.blank(width)] * (rows - len(lines))
        above, below = self.hidden(name)
        hint = self.sections[name].hint
        mark = more_mark(above, below, hint, self._has_keys(name))
        mark.truncate(width, pad=True)
        return [*lines[above : above + rows - 1], Strip(list(mark.render(self.app.console)))]

    def _paint(self) -> list[Strip]:
        width, height = self._cells()
        if self._painted_rows is not None and self._painted_rows[0] == (width, height):
            return self._painted_rows[1]
        strips: list[Strip] = []
        title_style = self.get_component_rich_style("work-view--title")
        findings = self.get_component_rich_style("work-view--findings")
        for name in SECTIONS:
            title = self.sections[name].title.copy()
            title.stylize(title_style + _FOCUSED if self._has_keys(name) else title_style)
            title.truncate(width, pad=True)
            strips.append(Strip(list(title.render(self.app.console))))
            rows = self._section_strips(name, width)
            strips += [row.apply_style(findings) for row in rows] if name == "qa" else rows
        style = self.rich_style
        strips = [strip.crop_extend(0, width, None).apply_style(style) for strip in strips]
        self._painted_rows = ((width, height), strips)
        return strips

    def render_line(self, y: int) -> Strip:
        strips = self._paint()
        return strips[y] if y < len(strips) else Strip.blank(max(1, self.content_size.width))

    def on_resize(self) -> None:
        self._changed()

    # --- keys ----------------------------------------------------------------------------

    def focus_section(self, name: str) -> None:
        """Give the keys to a section (the caller then focuses the view)."""
        self.section = name
        self._changed()

    def on_focus(self) -> None:
        if self.section is None:
            self.section = "source"
        self._changed()

    def on_blur(self) -> None:
        self.section = None
        self._changed()
        self.post_message(self.SectionLeft())

    def action_next_section(self, step: int) -> None:
        """Tab: the next section; past the last (or before the first), out of the view."""
        at = SECTIONS.index(self.section) if self.section in SECTIONS else 0
        nxt = at + step
        if 0 <= nxt < len(SECTIONS):
            self.focus_section(SECTIONS[nxt])
        elif step > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def _scroll(self, name: str, first: int) -> None:
        total, rows = len(self.shown_lines(name)), self.rows()[name]
        first = max(0, min(first, total - max(1, rows - 1)))
        if first != self.sections[name].first:
            self.sections[name].first = first
            self._changed()

    def action_scroll_lines(self, lines: int) -> None:
        if self.section is not None:
            self._scroll(self.section, self.sections[self.section].first + lines)

    def action_scroll_page(self, pages: int) -> None:
        if self.section is not None:
            page = max(1, self.rows()[self.section] - 2)
            self._scroll(self.section, self.sections[self.section].first + pages * page)
