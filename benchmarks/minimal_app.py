"""The smallest Textual program the TUI benchmark compares kwb with: one line of text that
changes on ctrl+down. Its start-up and key-to-frame times are Textual's own floor."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Static


class Minimal(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [("ctrl+down", "next", "Next")]
    count = 0

    def compose(self) -> ComposeResult:
        yield Static("segment 1 of 1", id="line")

    def action_next(self) -> None:
        self.count += 1
        self.query_one(Static).update(f"segment {self.count + 1} of many")


if __name__ == "__main__":
    Minimal().run()
