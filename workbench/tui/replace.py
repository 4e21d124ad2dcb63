"""Replace in the English of the open file (F7 in the editor): OLD and NEW typed, every
change previewed (before and after, the change marked), then applied as edits: a reviewed
segment loses its review as when typed, and ctrl+z takes the whole replacement back.

The open file, not the project: a translator replaces in the article in front of them and
sees each change land; `kwb replace` does the whole project from the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

import polib
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Checkbox, DataTable, Footer, Header, Input, TextArea

from workbench.display.text import highlighted
from workbench.errors import InputError
from workbench.search.replace import compile_replacer
from workbench.tui.session import EditSession

if TYPE_CHECKING:
    from workbench.tui.editor import EditorScreen

OLD_STYLE = "bold red strike"
NEW_STYLE = "bold green"


@dataclass(frozen=True)
class Replacement:
    """One segment's English before and after a replacement, and its flags before."""

    index: int
    entry: polib.POEntry
    before: str
    after: str
    flags: tuple[str, ...]
    comment: str
    """The translator comment before (its review line goes with the review)."""


ReplaceBatch = list[Replacement]
"""The segments one replacement changed: what ctrl+z puts back."""


class ReplaceScreen(Screen[list[tuple[int, str]] | None]):
    """OLD, NEW, whole words, regex; enter previews; F7 applies (dismissed with the
    changes as (entry index, new English)); esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f7", "apply", "Replace all", id="apply_replace", priority=True),
        Binding("escape", "close", "Cancel", id="close_replace"),
        # Priority: the focus moves at once, so the NEW typed right after enter goes there
        # (a burst reaches the app before a text field's own enter would move it).
        Binding("enter", "enter", "Preview", id="preview_replace", priority=True),
    ]

    def __init__(self, session: EditSession, old: str = "") -> None:
        super().__init__()
        self.session = session
        self.initial = old
        self.changes: list[tuple[int, str]] = []
        self._previewed: tuple[str, str, bool, bool] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(value=self.initial, placeholder="replace this English", id="old")
        yield Input(placeholder="with (\\1 for a group with regex), then enter", id="new")
        with Horizontal(id="replace-options"):
            yield Checkbox("whole words", id="word")
            yield Checkbox("regex", id="regex")
        yield DataTable(id="changes", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Replace in the English"
        self.sub_title = f"of {self.session.path.name}: enter previews every change"
        table = self.query_one("#changes", DataTable)
        half = max(20, (self.app.size.width - 12) // 2)  # before and after side by side
        table.add_column("#", key="#", width=5)
        table.add_column("before", key="before", width=half)
        table.add_column("after", key="after", width=half)
        self.query_one("#old", Input).focus()

    def _settings(self) -> tuple[str, str, bool, bool]:
        return (
            self.query_one("#old", Input).value,
            self.query_one("#new", Input).value,
            self.query_one("#regex", Checkbox).value,
            self.query_one("#word", Checkbox).value,
        )

    def action_enter(self) -> None:
        """From OLD, to NEW; on an option, switch it; elsewhere, preview (once the keys
        typed before enter are in)."""
        focused = self.focused
        if isinstance(focused, Checkbox):
            focused.toggle()
        elif focused is self.query_one("#old", Input):
            self.set_focus(self.query_one("#new", Input))
        else:
            self._in_key_order(self.preview)

    def _in_key_order(self, action: Callable[[], None]) -> None:
        """Run `action` after the keys already on their way to the focused widget."""
        focused = self.focused
        if focused is None or not focused.call_later(action):
            action()

    @on(Checkbox.Changed)
    def _option(self, event: Checkbox.Changed) -> None:
        if self._previewed is not None:
            self.preview()

    def preview(self) -> None:
        """Every change the replacement would make to the open file, before and after."""
        old, new, regex, word = settings = self._settings()
        table = self.query_one("#changes", DataTable)
        table.clear()
        self.changes = []
        self._previewed = None
        try:
            replacer = compile_replacer(old, new, regex, word)
        except InputError as exc:
            self.sub_title = exc.reason
            return
        for i, entry in enumerate(self.session.entries):
            done = replacer.apply(entry.msgstr) if entry.msgstr else None
            if done is None:
                continue
            self.changes.append((i, done.after))
            table.add_row(
                Text(str(i + 1)),
                highlighted(done.before, done.old_spans, OLD_STYLE),
                highlighted(done.after, done.new_spans, NEW_STYLE),
                key=str(i),
                height=None,
            )
        self._previewed = settings
        count = len(self.changes)
        self.sub_title = f"{count} changes: F7 replaces all" if count else "nothing to replace"

    def action_apply(self) -> None:
        self._in_key_order(self._apply)

    def _apply(self) -> None:
        if self._previewed != self._settings():
            self.preview()  # apply only what was shown
            return
        if self.changes:
            self.dismiss(self.changes)

    def action_close(self) -> None:
        self.dismiss(None)


def open_replace(editor: EditorScreen) -> None:
    """F7: take what was typed, then replace in the open file's English."""
    editor.action_save()

    def done(changes: list[tuple[int, str]] | None) -> None:
        if changes:
            apply_replacement(editor, changes)
        editor.call_after_refresh(editor.action_focus_english)

    editor.app.push_screen(ReplaceScreen(editor.session), done)


def apply_replacement(editor: EditorScreen, changes: list[tuple[int, str]]) -> None:
    """Make the changes as edits (a reviewed segment is demoted), remember them for ctrl+z,
    show them and save."""
    session = editor.session
    batch: ReplaceBatch = []
    for index, after in changes:
        entry = session.entries[index]
        batch.append(
            Replacement(index, entry, entry.msgstr, after, tuple(entry.flags), entry.tcomment)
        )
        session.set_target(after, index)
    editor.replaced.append(batch)
    _shown(editor, batch)
    demoted = sum("reviewed" in r.flags and "reviewed" not in r.entry.flags for r in batch)
    line = f"replaced in {len(batch)} segments ({editor.undo_key()} takes it back)"
    if demoted:
        line += f"; {demoted} reviewed segments need review again"
    editor.notify(line)


def undo_replace(editor: EditorScreen) -> bool:
    """Take back the last replacement, if the English editor has nothing newer of its own
    to undo; a segment edited by hand since keeps the hand edit. False if nothing to do."""
    if not editor.replaced or editor.query_one("#target", TextArea).history.undo_stack:
        return False
    batch = editor.replaced.pop()
    session = editor.session
    restored = [
        r
        for r in batch
        if r.index < len(session.entries)
        and session.entries[r.index] is r.entry
        and r.entry.msgstr == r.after
    ]
    for r in restored:
        session.restore(r.index, r.before, r.flags, r.comment)
    _shown(editor, restored)
    editor.notify(f"replacement undone in {len(restored)} segments")
    return True


def _shown(editor: EditorScreen, batch: ReplaceBatch) -> None:
    """Repaint the changed rows and the current segment, then save."""
    for r in batch:
        editor.refresh_row(r.index)
    editor.show(editor.session.index)
    editor.action_save()
