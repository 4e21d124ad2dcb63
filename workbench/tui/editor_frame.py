"""The editor's frame: how its parts share the terminal, where the keys go, where its
messages appear, and the keys as the user has them in its titles.

Kept apart from the editing itself (`editor.py`): the layout follows `layout.py` (the
source and the English on screen from 80×24 up, the segment list a column or a view of
its own), panels cut short say so and are reached by keyboard, and ctrl+g arms the digits
that insert a glossary term at once, before the focus has moved (a burst of keys arrives
before Textual moves it).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.binding import BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import TextArea

from workbench.tui import keys
from workbench.tui.editor_keys import EDITOR_BINDINGS
from workbench.tui.layout import LIST_MIN_WIDTH, english_rows
from workbench.tui.panels import WorkView
from workbench.tui.segment_list import SegmentList
from workbench.tui.widgets import StatusLine


class EditorFrame(Screen[None]):
    """The editor screen's layout, focus and messages (see the module's docstring)."""

    BINDINGS: ClassVar[list[BindingType]] = EDITOR_BINDINGS

    def __init__(self) -> None:
        super().__init__()
        self._glossary_armed = False
        """ctrl+g was pressed: the next digit inserts a glossary term. Set at once, not when
        the focus has moved (later), so that ctrl+g and a digit in one burst work."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """The editor's messages go to its status line (a toast would cover the English at
        80×24); errors also get a toast, which stays until read. Never markup: messages
        quote the user's text."""
        self.query_one("#status", StatusLine).say(message, severity, timeout or 5.0)
        if severity == "error":
            self.app.notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _key(self, binding_id: str) -> str:
        """The key bound to `binding_id` on this screen, as the user has mapped it."""
        return keys.shown(self.BINDINGS, binding_id, self._keymap())

    def _keymap(self) -> dict[str, str]:
        return getattr(self.app, "keymap", {})

    def _key_title(self, panel: str) -> Text:
        """A panel's title with the keys that act on it, as bound."""
        if panel == "glossary":
            digits = keys.span(
                self.BINDINGS,
                [f"insert_glossary_{n}" for n in range(1, 10)],
                self._keymap(),
            )
            return Text(f"Glossary ({self._key('glossary_pick')}, then {digits} inserts)")
        if panel == "tm":
            return Text(f"Translation memory ({self._key('insert_tm')} uses the best)")
        return Text(f"QA ({self._key('qa_screen')}: the file's report)")

    def view(self) -> WorkView:
        """The source and the panels (see panels.py)."""
        return self.query_one(WorkView)

    def closing(self) -> bool:
        """The screen's widgets are gone or going (the app is quitting, the file closed):
        a worker's late result has nothing left to show itself in."""
        return not self.is_attached or not self.query(WorkView)

    # --- layout --------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def on_mount(self) -> None:
        self._fit(self.app.size.width, self.app.size.height)

    def _fit(self, width: int, height: int) -> None:
        """The terminal's size decides whether the list is a column, and the English
        editor's height (layout.py); moving between segments changes neither."""
        self.set_class(width < LIST_MIN_WIDTH, "-narrow")
        rows = english_rows(max(0, height - 2))  # less the status line and the footer
        english = self.query_one("#target", TextArea)
        if english.styles.height is None or english.styles.height.value != rows:
            english.styles.height = rows

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A glossary key that types a character (the default digits) inserts only after
        ctrl+g; otherwise it is typed. A key remapped to a non-typing one inserts directly."""
        if action == "insert_glossary" and not self._glossary_armed:
            binding = keys.find(self.BINDINGS, f"insert_glossary_{parameters[0]}")
            bound = keys.keys_of(binding, self._keymap()) if binding else []
            return not any(keys.is_typing_key(k) for k in bound)
        return True

    def _glossary_key(self, key: str) -> bool:
        """Whether the English editor lets `key` through to the glossary bindings instead
        of typing it: a term's key just after ctrl+g; and a default digit whose binding
        `[keys]` maps elsewhere (Textual drops the keys a text field types from the screen's
        bindings before it applies the keymap, so the mapping would otherwise be lost)."""
        keymap = self._keymap()
        for n in range(1, 10):
            binding = keys.find(self.BINDINGS, f"insert_glossary_{n}")
            if binding is None:
                continue
            if binding.id in keymap and key in keys.keys_of(binding, {}):
                return True
            if self._glossary_armed and key in keys.keys_of(binding, keymap):
                return True
        return False

    @on(WorkView.SectionLeft)
    def _glossary_left(self) -> None:
        self._glossary_armed = False

    def action_focus_english(self) -> None:
        """Back to the English editor (closing the list's view in a narrow terminal)."""
        self._glossary_armed = False
        self.remove_class("-list")
        self.set_focus(self.query_one("#target", TextArea))  # at once, for the next key

    def action_segments(self) -> None:
        """To the segment list and back; in a narrow terminal the list is a view of its
        own, in place of the source and the English."""
        segments = self.query_one("#segment-list", SegmentList)
        if segments.has_focus:
            self.action_focus_english()
            return
        self.add_class("-list")
        self.set_focus(segments)  # at once: ↓ ↓ enter in one burst move in the list
