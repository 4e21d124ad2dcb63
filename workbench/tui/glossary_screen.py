"""The glossary maintainer's screen: proposed entries with their concordance and the
English that co-occurs with them; approve, reject or edit with a comment (the same
functions as `kwb glossary`, so every decision lands in the entry's history)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.coordinate import Coordinate
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Header, Input, Label, Static

from workbench.display.text import Bidi, highlighted
from workbench.errors import InputError
from workbench.terms import glossary_file
from workbench.terms.concordance import Occurrence
from workbench.terms.model import Entry
from workbench.terms.review import decide, edit, find, replace_entry, update_glossary
from workbench.tui.display import BidiInput, app_mode
from workbench.tui.widgets import KeyFooter

STATUS_CYCLE = ("proposed", "approved", "all")
SORANI_WIDTH = 24
"""Cells of the entries' Sorani column: a longer term is cut at its logical end (its left
end on screen), so the table scrolling sideways never hides the term's beginning."""


class EditEntryDialog(ModalScreen[tuple[str, str] | None]):
    """Ask for a new preferred rendering and a comment; esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel_edit")
    ]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-body"):
            yield Label(f"{self.entry.id}: preferred English rendering")
            yield BidiInput(self.entry.target, id="dialog-target")
            yield Label("comment (recorded in history)")
            yield BidiInput(id="dialog-comment")
            with Horizontal():
                yield Button("Save", variant="primary", id="dialog-save")
                yield Button("Cancel", id="dialog-cancel")

    @on(Button.Pressed, "#dialog-save")
    @on(Input.Submitted, "#dialog-comment")
    def _save(self) -> None:
        self.dismiss(
            (
                self.query_one("#dialog-target", Input).value,
                self.query_one("#dialog-comment", Input).value,
            )
        )

    @on(Button.Pressed, "#dialog-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class GlossaryScreen(Screen[None]):
    """Review proposed glossary entries."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "decide('approved')", "Approve", id="approve"),
        Binding("r", "decide('rejected')", "Reject", id="reject"),
        Binding("d", "decide('deprecated')", "Deprecate", id="deprecate"),
        Binding("e", "edit", "Edit", id="edit_entry"),
        Binding("s", "cycle_status", "Status filter", id="status_filter"),
        Binding("escape", "app.pop_screen", "Back", id="close_glossary"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.status = "proposed"
        self.entries: list[Entry] = []
        self.concordance: dict[str, list[Occurrence]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield DataTable(id="glossary-entries", cursor_type="row")
            with VerticalScroll(id="glossary-detail"):
                yield Static(id="entry-info")
                yield Static("English that co-occurs", classes="panel-title")
                yield Static(id="entry-english")
                yield Static("Concordance", classes="panel-title")
                yield Static(id="entry-concordance")
        yield KeyFooter()

    @property
    def path(self) -> Path:
        from workbench.terms.glossary import master_path

        return master_path(self.app.project.glossary)  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        table = self.query_one("#glossary-entries", DataTable)
        table.add_column("Sorani", key="ckb", width=SORANI_WIDTH)
        table.add_column("id", key="id")
        table.add_column("English", key="en")
        table.add_column("status", key="status")
        self._reload()
        self._load_concordance()

    def _reload(self) -> None:
        self.entries = glossary_file.read(self.path)
        shown = [e for e in self.entries if self.status == "all" or e.status == self.status]
        table = self.query_one("#glossary-entries", DataTable)
        table.clear()
        mode = app_mode(self)
        for e in shown:
            cells = (Bidi(e.source, mode, "rtl"), Text(e.id), Bidi(e.target, mode), e.status)
            table.add_row(*cells, key=e.id)
        self.title = "Glossary review"
        self.sub_title = f"{len(shown)} {self.status} entries"
        if shown:
            self._show(shown[0].id)
        table.focus()

    @work(thread=True, exclusive=True)
    def _load_concordance(self) -> None:
        from workbench.store.pairs import project_pairs
        from workbench.terms.concordance import concordance
        from workbench.terms.glossary import stopwords
        from workbench.terms.matcher import Matcher

        entries = [e for e in self.entries if e.status in ("approved", "proposed")]
        found = concordance(Matcher(entries, stopwords()), project_pairs(self.app.project))  # type: ignore[attr-defined]
        self.app.call_from_thread(self._concordance_ready, found)

    def _concordance_ready(self, found: dict[str, list[Occurrence]]) -> None:
        self.concordance = found
        entry_id = self._current_id()
        if entry_id:
            self._show(entry_id)

    def _current_id(self) -> str | None:
        table = self.query_one("#glossary-entries", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value)

    @on(DataTable.RowHighlighted, "#glossary-entries")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is not None:
            self._show(str(event.row_key.value))

    def _show(self, entry_id: str) -> None:
        from workbench.terms.extract import _english_ngrams, english_stopwords

        entry = next((e for e in self.entries if e.id == entry_id), None)
        if entry is None:
            return
        mode = app_mode(self)
        head = Text(f"{entry.id}  ", style="bold")
        head.append(f"{entry.source}  →  {entry.target or '(no rendering)'}")
        info = [Bidi(head, mode, "ltr")]
        if entry.variants:
            info.append(Bidi(f"admitted: {', '.join(entry.variants)}", mode, "ltr", style="green"))
        if entry.forbidden:
            info.append(Bidi(f"forbidden: {', '.join(entry.forbidden)}", mode, "ltr", style="red"))
        if entry.note:
            info.append(Bidi(entry.note, mode, style="italic"))
        for h in entry.history:
            info.append(Bidi(f"{h.on} {h.by}: {h.action} {h.comment}", mode, "ltr", style="dim"))
        self.query_one("#entry-info", Static).update(Group(*info))
        occurrences = self.concordance.get(entry.id, [])
        counts: Counter[str] = Counter()
        for occ in occurrences:
            counts.update(_english_ngrams(occ.en, english_stopwords()))
        english = ", ".join(f"{g} ({n})" for g, n in counts.most_common(8) if n > 1) or "—"
        self.query_one("#entry-english", Static).update(Text(english))
        lines: list[Bidi] = []
        for occ in occurrences[:20]:
            lines.append(Bidi(f"{occ.file}:{occ.segment}", mode, style="dim"))
            lines.append(Bidi(_in_context(occ), mode, "rtl"))
            if occ.en:
                lines.append(Bidi(f"  → {occ.en[:160]}", mode, "ltr", style="green"))
        self.query_one("#entry-concordance", Static).update(
            Group(*lines) if lines else Text("no occurrences yet", style="dim")
        )

    def action_decide(self, status: str) -> None:
        from workbench.tui.workflow import with_user_name

        entry_id = self._current_id()
        if entry_id is not None:
            with_user_name(self, lambda by: self._decide(entry_id, status, by))

    def _decide(self, entry_id: str, status: str, by: str) -> None:
        """Record the decision under the user's name (see `workflow.with_user_name`)."""
        try:
            update_glossary(
                self.path,
                lambda entries: replace_entry(entries, decide(find(entries, entry_id), status, by)),  # type: ignore[arg-type]
            )
        except InputError as exc:
            self.notify(exc.reason, severity="error")
            return
        self.notify(f"{entry_id}: {status}")
        self._reload()

    def action_cycle_status(self) -> None:
        self.status = STATUS_CYCLE[(STATUS_CYCLE.index(self.status) + 1) % len(STATUS_CYCLE)]
        self._reload()

    def action_edit(self) -> None:
        entry_id = self._current_id()
        if entry_id is None:
            return
        entry = find(self.entries, entry_id)

        def apply(result: tuple[str, str] | None) -> None:
            from workbench.tui.workflow import with_user_name

            if result is not None:
                with_user_name(self, lambda by: save(by, *result))

        def save(by: str, target: str, comment: str) -> None:
            try:
                update_glossary(
                    self.path,
                    lambda entries: replace_entry(
                        entries, edit(find(entries, entry_id), {"target": target}, by, comment)
                    ),
                )
            except InputError as exc:
                self.notify(exc.reason, severity="error")
                return
            self._reload()

        self.app.push_screen(EditEntryDialog(entry), apply)


CONTEXT = 40
"""Characters of the sentence shown on each side of a concordance hit (whole words)."""


def _in_context(occ: Occurrence) -> Text:
    """The hit with about `CONTEXT` characters of its sentence on each side, cut between
    words (… where cut), the term highlighted: logical text for the display path."""
    text = occ.ckb
    start = max(0, occ.start - CONTEXT)
    end = min(len(text), occ.end + CONTEXT)
    if start > 0:
        space = text.find(" ", start, occ.start)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", occ.end, end)
        end = space if space >= 0 else end
    before = "… " if start > 0 else ""
    after = " …" if end < len(text) else ""
    shown = before + text[start:end] + after
    offset = len(before) - start
    return highlighted(shown, [(occ.start + offset, occ.end + offset)])
