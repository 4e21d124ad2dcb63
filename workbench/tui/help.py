"""The help screen: every key of the screen below, with its binding id (for `[keys]`)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """Keys of `screen`, as currently mapped."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close")
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.target = screen

    def compose(self) -> ComposeResult:
        table = Table(title='Keys (remap with [keys] in kwb.toml: id = "keys")', expand=True)
        for column in ("keys", "does", "id"):
            table.add_column(column)
        keymap = getattr(self.app, "_keymap", {}) or {}
        for binding in self.target.BINDINGS:
            if not isinstance(binding, Binding):
                continue
            keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
            table.add_row(keys, binding.description or binding.action, binding.id or "")
        with VerticalScroll(id="help-body"):
            yield Static(table)
            yield Static("\n? or F1: this help · F2: glossary · F3: QA · Esc: back")
