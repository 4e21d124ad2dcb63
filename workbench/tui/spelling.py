"""Spell checking in the editor: misspelt English words marked as the translator types, and
F8's suggestions for the word at or before the cursor (a digit or enter picks one, `a` adds
the word to the project's word list, esc closes).

Typing stays fast: the marks of a line are computed once per text of the line (only the
changed line is checked again) and each word's verdict once (`qa.speller.Speller`). The
dictionary loads in a worker after the editor opens; until then nothing is marked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from workbench.errors import InputError
from workbench.qa.english_spelling import project_speller
from workbench.qa.speller import Lexicon, Misspelling, Speller, dictionary, latin_words
from workbench.terms.model import Entry
from workbench.terms.wordlist import add_word, read_words, words_path

MISSPELT_STYLE = "underline red"
LINE_CACHE = 4096
"""Lines whose marks are remembered (a file's worth of edited lines)."""
SHOWN = 9


class SpellMarks:
    """The misspelt words of the English: the project's speller and the Latin names of the
    current source, with the marks of each line remembered."""

    def __init__(self, entries: tuple[Entry, ...], glossary_folder: Path | None) -> None:
        self.glossary_folder = glossary_folder
        self.problem: str | None = None
        """Why the word list could not be read (its words are then unknown)."""
        words: tuple[str, ...] = ()
        if glossary_folder is not None:
            try:
                words = read_words(words_path(glossary_folder))
            except InputError as exc:
                self.problem = str(exc)
        self.speller: Speller = project_speller(entries, words)
        self.source_words: Lexicon | None = None
        self._lines: dict[str, list[Misspelling]] = {}

    def for_source(self, sorani: str) -> None:
        """Take the Latin-script words of the segment's source as known."""
        names = latin_words(sorani)
        self.source_words = Lexicon(names) if names else None
        self._lines.clear()

    def line(self, text: str) -> list[Misspelling]:
        """The misspelt words of one line of English."""
        found = self._lines.get(text)
        if found is None:
            if len(self._lines) > LINE_CACHE:
                self._lines.clear()
            found = self._lines[text] = self.speller.misspellings(text, self.source_words)
        return found

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.line(text)]

    def at_cursor(self, lines: list[str], row: int, column: int) -> tuple[int, Misspelling] | None:
        """The misspelt word under the cursor, else the last one before it: (row, word)."""
        for r in range(min(row, len(lines) - 1), -1, -1):
            found = self.line(lines[r])
            if r == row:
                found = [m for m in found if m.start <= column]
            if found:
                return r, found[-1]
        return None

    def add(self, word: str) -> Path:
        """Add `word` to the project's word list and know it from now on."""
        if self.glossary_folder is None:
            raise InputError("words.txt", "no project: there is no word list to add to")
        path = words_path(self.glossary_folder)
        add_word(path, word)
        self.speller.lexicon.add([word])
        self.speller = Speller(self.speller.lexicon)  # verdicts forgotten
        self._lines.clear()
        return path


def load_dictionary() -> None:
    """Load the dictionary (slow the first time: call it from a worker)."""
    dictionary()


def replace_word(area: TextArea, row: int, found: Misspelling, word: str) -> None:
    """Put `word` in place of a misspelt one (an edit the editor's undo takes back)."""
    area.replace(word, (row, found.start), (row, found.end))


class SpellingDialog(ModalScreen[tuple[str, str] | None]):
    """Suggestions for one word: dismisses with ("pick", suggestion), ("add", word) or
    None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="close_spelling"),
        Binding("enter", "pick(1)", "First", id="spelling_first", show=False),
        Binding("a", "add", "Add to word list", id="spelling_add"),
        *[
            Binding(str(n), f"pick({n})", f"Pick {n}", id=f"spelling_pick_{n}", show=False)
            for n in range(1, SHOWN + 1)
        ],
    ]
    DEFAULT_CSS = """
    SpellingDialog { align: center middle; }
    SpellingDialog > Vertical {
        width: 60; height: auto; max-height: 80%;
        border: round $warning; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, word: str, suggestions: list[str]) -> None:
        super().__init__()
        self.word = word
        self.suggestions = suggestions[:SHOWN]

    def compose(self) -> ComposeResult:
        text = Text()
        text.append("Not in the dictionary or the project's words: ", style="dim")
        text.append(self.word, style="bold")
        text.append("\n")
        for n, suggestion in enumerate(self.suggestions, 1):
            text.append(f"{n} ", style="bold cyan")
            text.append(f"{suggestion}\n")
        if not self.suggestions:
            text.append("no suggestion\n", style="dim")
        text.append("1–9 or enter: replace · a: add to glossary/words.txt · esc: close")
        with Vertical():
            yield Static(text, id="spelling-suggestions")

    def action_pick(self, n: int) -> None:
        if 1 <= n <= len(self.suggestions):
            self.dismiss(("pick", self.suggestions[n - 1]))

    def action_add(self) -> None:
        self.dismiss(("add", self.word))

    def action_close(self) -> None:
        self.dismiss(None)


def suggest(
    marks: SpellMarks,
    area: TextArea,
    push: Callable[[SpellingDialog, Callable[[tuple[str, str] | None], None]], object],
    notify: Callable[[str], None],
) -> None:
    """F8: the suggestions for the misspelt word at or before the cursor."""
    row, column = area.cursor_location
    lines = area.text.split("\n")
    found = marks.at_cursor(lines, row, column)
    if found is None:
        notify("no misspelt word at or before the cursor")
        return
    at, word = found
    text = area.text

    def chosen(result: tuple[str, str] | None) -> None:
        if result is None or area.text != text:
            return  # closed, or the English changed meanwhile
        action, value = result
        if action == "pick":
            replace_word(area, at, word, value)
        else:
            try:
                path = marks.add(value)
            except InputError as exc:
                notify(str(exc))
                return
            area.notify_style_update()
            area.refresh()
            notify(f"{value} added to {path.parent.name}/{path.name}")

    push(SpellingDialog(word.word, marks.speller.suggestions(word.word, SHOWN)), chosen)
