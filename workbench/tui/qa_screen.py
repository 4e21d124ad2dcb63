"""The QA report of the open file (every check; the corpus ones compare it across the
project, as `kwb check` does); enter jumps there."""

from __future__ import annotations

import dataclasses
from typing import ClassVar, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Header

from workbench.display.text import Bidi, drawing_order
from workbench.qa.model import Finding
from workbench.tui.display import app_mode
from workbench.tui.session import EditSession
from workbench.tui.widgets import KeyFooter


class QaScreen(Screen[int | None]):
    """Findings of `kwb check` for one file; dismisses with the chosen entry's index."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="close_qa"),
        Binding("w", "waive", "Waive", id="waive_finding", tooltip="waive the finding, with why"),
    ]

    def __init__(self, session: EditSession) -> None:
        super().__init__()
        self.session = session
        self.findings: list[Finding] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="findings", cursor_type="row")
        yield KeyFooter()

    def on_mount(self) -> None:
        title = Text(f"QA: {self.session.path.name}")
        self.title = drawing_order(title, app_mode(self), "ltr").plain
        table = self.query_one("#findings", DataTable)
        for column in ("#", "check", "severity", "message"):
            table.add_column(column)
        self.sub_title = "checking…"
        self._run()

    @work(thread=True, exclusive=True)
    def _run(self) -> None:
        from workbench.qa.runner import check_units

        self.session.save()
        units = self.session.project_units()
        scope: Literal["files", "project"] = (
            "project" if self.session.translations is not None else "files"
        )
        found = check_units(
            units, self.session.matcher, scope=scope, report={self.session.path.name}
        )
        self.app.call_from_thread(self._show, [f for f in found if f.waived is None])

    def _show(self, findings: list[Finding]) -> None:
        self.findings = findings
        index = {e.msgctxt: i for i, e in enumerate(self.session.entries)}
        table = self.query_one("#findings", DataTable)
        mode = app_mode(self)
        for n, f in enumerate(findings):
            message = Text(f.message)
            if f.scope is not None:
                message.append(f" — {f.scope}", style="dim")
            row = (str(index.get(f.id, -1) + 1), f.check, f.severity, Bidi(message, mode, "ltr"))
            table.add_row(*row, key=str(n))
        self.sub_title = f"{len(findings)} findings"
        table.focus()

    @on(DataTable.RowSelected, "#findings")
    def _jump(self, event: DataTable.RowSelected) -> None:
        finding = self.findings[int(str(event.row_key.value))]
        index = next(
            (i for i, e in enumerate(self.session.entries) if e.msgctxt == finding.id), None
        )
        self.dismiss(index)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_waive(self) -> None:
        """Waive the selected finding with the translator's reason (see workflow.py)."""
        from workbench.tui.workflow import waive_in_qa_screen

        table = self.query_one("#findings", DataTable)
        if not self.findings or table.cursor_row >= len(self.findings):
            return
        finding = self.findings[table.cursor_row]
        index = next(
            (i for i, e in enumerate(self.session.entries) if e.msgctxt == finding.id), None
        )
        if index is None or finding.waived is not None:
            self.notify("this finding cannot be waived here" if index is None else "waived already")
            return
        waive_in_qa_screen(self, finding, index)

    def waived(self, finding: Finding, reason: str) -> None:
        """Show the finding as waived, with the reason."""
        n = next((n for n, f in enumerate(self.findings) if f is finding), None)
        if n is None:
            return
        self.findings[n] = dataclasses.replace(finding, waived=reason)
        table = self.query_one("#findings", DataTable)
        table.update_cell_at(Coordinate(n, 2), "waived")
        table.update_cell_at(Coordinate(n, 3), Text(f"{finding.message} — waived: {reason}"))
        waived = sum(f.waived is not None for f in self.findings)
        self.sub_title = f"{len(self.findings)} findings ({waived} waived)"
