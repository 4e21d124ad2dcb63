"""The help screen: every key of the screen below, with its binding id (for `[keys]`),
written from the bindings as the user has mapped them, never from a hand-kept list."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from workbench.tui.keys import is_typing_key, keys_of, label, span

_NUMBERED = re.compile(r"_\d+$")
EVERYWHERE = "Everywhere"
TITLE = 'Keys — remap any of them in kwb.toml: [keys] then id = "keys", e.g. done_next = "f9"'


class HelpScreen(ModalScreen[None]):
    """Keys of `screen`, as currently mapped."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,f1,question_mark,ctrl+underscore,ctrl+slash",
            "dismiss",
            "Close",
            id="close_help",
        )
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.target = screen

    def compose(self) -> ComposeResult:
        keymap: dict[str, str] = getattr(self.app, "keymap", {})
        self.table = table = Table(title=Text(TITLE), expand=True, title_justify="left")
        for column in ("keys", "does", "id"):
            table.add_column(column)
        for n, (heading, bindings) in enumerate(sections(self.target, self.app)):
            table.add_row(Text(heading, style="bold"), Text(), Text())
            in_text = n == 0 or heading == EVERYWHERE  # the English editor may have the keys
            for family in families(bindings):
                table.add_row(*row(family, keymap, in_text))
        with VerticalScroll(id="help-body"):
            yield Static(table)
            yield Static(
                Text(
                    "^ is ctrl. A key that types a character (?) works where no text is typed."
                    " esc closes this help.",
                    style="dim",
                )
            )


def sections(screen: Screen[object], app: App[object]) -> list[tuple[str, list[Binding]]]:
    """Headed groups of bindings: the screen's, the widgets' it holds that have keys of
    their own (the glossary panel), and the app's."""
    groups = [(type(screen).__name__.removesuffix("Screen") or "Screen", _own(screen.BINDINGS))]
    seen: set[type] = {type(screen)}
    for widget in screen.query("*"):
        kind = type(widget)
        if kind in seen or not kind.__module__.startswith("workbench."):
            continue
        seen.add(kind)
        own = [b for b in _own(kind.__dict__.get("BINDINGS", [])) if b.id or b.description]
        if own:
            groups.append((f"{_name(kind.__name__)} (when it has the focus)", own))
    everywhere = _own(type(app).BINDINGS) + [b for b in _own(App.BINDINGS) if b.action == "quit"]
    groups.append((EVERYWHERE, everywhere))
    return groups


def families(bindings: list[Binding]) -> list[list[Binding]]:
    """Bindings, with a numbered family (insert_glossary_1 … _9) on one line."""
    out: list[list[Binding]] = []
    for binding in bindings:
        stem = _NUMBERED.sub("", binding.id or "")
        if out and stem and stem != binding.id and _NUMBERED.sub("", out[-1][0].id or "") == stem:
            out[-1].append(binding)
        else:
            out.append([binding])
    return out


def row(
    family: list[Binding], keymap: dict[str, str], in_text: bool = True
) -> tuple[Text, Text, Text]:
    """One line of the table: the keys as bound, what they do, the id to remap them (a
    numbered family: its first and last). Where a text field may have the keys
    (`in_text`), a key that types is said to work outside text only."""
    binding = family[0]
    if len(family) > 1:
        ids = [b.id or "" for b in family]
        keys = span(family, ids, keymap)
        does = (binding.tooltip or binding.description).replace(" 1", " n", 1)
        return Text(keys), Text(does), Text(f"{ids[0]} … {ids[-1]}", style="dim")
    shown: dict[str, None] = {}
    for key in keys_of(binding, keymap):
        typing = in_text and is_typing_key(key)
        shown[f"{label(key)} (outside text)" if typing else label(key)] = None
    does = binding.tooltip or binding.description or binding.action
    return Text(" · ".join(shown)), Text(does), Text(binding.id or "", style="dim")


def _own(bindings: Iterable[BindingType]) -> list[Binding]:
    return [b for b in bindings if isinstance(b, Binding)]


def _name(class_name: str) -> str:
    """GlossaryPanel → glossary panel."""
    words: list[str] = []
    for char in class_name:
        if char.isupper() and words:
            words.append(" ")
        words.append(char.lower())
    return "".join(words)
