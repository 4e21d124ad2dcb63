"""The project search screen (F6 in the editor): a query over every PO file and article of
the project, as `kwb search` runs it, the hits in their context; enter goes to the hit's
segment, opening its file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input

from workbench.display.bidi import Direction
from workbench.display.context import in_context
from workbench.display.text import Bidi
from workbench.errors import InputError
from workbench.search.concordance import SearchHit, search_project
from workbench.search.query import compile_query
from workbench.store.project import Project
from workbench.tui.display import BidiInput, app_mode

if TYPE_CHECKING:
    from workbench.tui.editor import EditorScreen

SHOWN = 2000
"""Hits listed at most: more is a query to narrow, and a table that long is slow to fill."""


class SearchScreen(Screen[SearchHit | None]):
    """Type a query, enter: the hits; enter on one: dismissed with it (None: esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="close_search"),
        Binding("ctrl+f", "query", "Query", id="search_query", tooltip="back to the query"),
    ]

    def __init__(self, project: Project, query: str = "") -> None:
        super().__init__()
        self.project = project
        self.initial = query
        self.hits: list[SearchHit] = []
        self.context_width = 40
        """Cells of the context column: the hit is shown a third of the way in."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield BidiInput(
            value=self.initial,
            placeholder="search the project: Sorani (through inflection), English, then enter",
            id="query",
        )
        yield DataTable(id="hits", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Search the project"
        self.sub_title = "Sorani finds its inflected forms; English, whole words"
        table = self.query_one("#hits", DataTable)
        widths = {"file": min(24, self.app.size.width // 5), "segment": 8, "side": 6}
        for column, width in widths.items():
            table.add_column(column, key=column, width=width)
        # The context takes the rest of the line: wider, the table would scroll sideways and
        # cut a right-to-left line's beginning off at the right edge.
        rest = self.app.size.width - sum(widths.values()) - 2 * (len(widths) + 1) - 2
        self.context_width = max(20, rest)
        table.add_column("context", key="context", width=self.context_width)
        self.query_one("#query", Input).focus()

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.run_query(event.value)

    def run_query(self, query: str) -> None:
        """Search for `query` (in a worker: a big project takes a moment)."""
        try:
            compiled = compile_query(query)
        except InputError as exc:
            self.sub_title = exc.reason
            return
        self.sub_title = "searching…"
        self._search(compiled.text)

    @work(thread=True, exclusive=True)
    def _search(self, query: str) -> None:
        try:
            hits = search_project(self.project, compile_query(query))
        except InputError as exc:
            self.app.call_from_thread(setattr, self, "sub_title", str(exc))
            return
        self.app.call_from_thread(self._show, query, hits)

    def _show(self, query: str, hits: list[SearchHit]) -> None:
        self.hits = hits[:SHOWN]
        table = self.query_one("#hits", DataTable)
        table.clear()
        mode = app_mode(self)
        for n, hit in enumerate(self.hits):
            before = max(6, (self.context_width - (hit.end - hit.start)) // 3)
            context = in_context(hit.text, hit.start, hit.end, before, after=self.context_width)
            direction: Direction = "rtl" if hit.side == "source" else "ltr"
            table.add_row(
                Text(Path(hit.file).name),
                Text(hit.segment or "—"),
                Text(hit.side),
                Bidi(context, mode, direction, no_wrap=True),
                key=str(n),
            )
        more = f" (the first {SHOWN})" if len(hits) > SHOWN else ""
        self.sub_title = f"{len(hits)} hits{more} for “{query}”" if hits else f"no hits: {query}"
        if hits:
            table.focus()

    @on(DataTable.RowSelected, "#hits")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.dismiss(self.hits[int(str(event.row_key.value))])

    def action_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)


def open_search(editor: EditorScreen) -> None:
    """F6: save what was typed, search the project, go where the chosen hit is."""
    editor.action_save()
    project: Project | None = getattr(editor.app, "project", None)
    if project is None:
        editor.notify("search needs a project (kwb.toml)", severity="warning")
        return

    def jump(hit: SearchHit | None) -> None:
        if hit is None:
            editor.call_after_refresh(editor.action_focus_english)
            return
        go_to(editor, project, hit)

    editor.app.push_screen(SearchScreen(project), jump)


def go_to(editor: EditorScreen, project: Project, hit: SearchHit) -> None:
    """To the hit's segment: in the open file, or in its own file opened in the editor's
    place (the open one saved first, as leaving a file always does)."""
    if not hit.id:
        editor.notify(
            f"{hit.file} is not added yet: kwb add {hit.file} makes its PO file",
            severity="warning",
        )
        editor.call_after_refresh(editor.action_focus_english)
        return
    path = project.root / hit.file
    session = editor.session
    if path.resolve() == session.path.resolve():
        index = next((i for i, e in enumerate(session.entries) if e.msgctxt == hit.id), None)
        if index is None:
            editor.notify(f"{hit.id} is no longer in this file", severity="warning")
            return
        editor.go_to_entry(index)
        return
    editor.action_save()
    if editor.session.dirty:
        return  # not saved (a conflict, said in the status line): stay with the work
    app = editor.app
    app.pop_screen()
    app.open_file(str(path), at=hit.id)  # type: ignore[attr-defined]
