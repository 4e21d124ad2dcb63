"""The project overview: PO files with their progress; enter opens one."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Header

from workbench.display.text import Bidi
from workbench.store.status import Progress, file_progress
from workbench.tui.display import app_mode
from workbench.tui.widgets import KeyFooter


class OverviewScreen(Screen[None]):
    """Files of the project with segments, words and progress."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="open_file"),
        Binding("f2", "glossary", "Glossary", id="glossary_screen"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="files", cursor_type="row")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = f"{self.app.project.name}"  # type: ignore[attr-defined]
        self.sub_title = "translation files"
        table = self.query_one("#files", DataTable)
        for column in (
            "file",
            "segments",
            "words",
            "untranslated",
            "fuzzy",
            "translated",
            "reviewed",
            "done",
        ):
            table.add_column(column, key=column)
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        paths = sorted(self.app.project.translations.glob("*.po"))  # type: ignore[attr-defined]
        rows = [file_progress(p) for p in paths]
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[Progress]) -> None:
        table = self.query_one("#files", DataTable)
        table.clear()
        mode = app_mode(self)
        for r in rows:
            table.add_row(
                Bidi(r.name, mode),
                f"{r.segments:,}",
                f"{r.words:,}",
                *(f"{r.states[s]:,}" for s in ("untranslated", "fuzzy", "translated", "reviewed")),
                f"{r.percent:.0f}%",
                key=r.name,
            )
        table.focus()

    @on(DataTable.RowSelected, "#files")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_file(str(event.row_key.value))  # type: ignore[attr-defined]

    def action_open(self) -> None:
        table = self.query_one("#files", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key
            self.app.open_file(str(key.value))  # type: ignore[attr-defined]

    def action_glossary(self) -> None:
        from workbench.tui.glossary_screen import GlossaryScreen

        self.app.push_screen(GlossaryScreen())

    def on_screen_resume(self) -> None:
        self._load()
