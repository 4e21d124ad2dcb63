"""The small dialogs of the translator's workflow: who the user is, the translator comment,
a QA waiver with its reason, and a glossary term proposed from the segment. Keyboard only:
enter moves on or saves, esc cancels, every field is reached with tab."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, OptionList, TextArea

from workbench.display.text import Bidi, highlighted
from workbench.qa.model import Finding
from workbench.store.status import WORD_KINDS
from workbench.text import tokenize
from workbench.tui.display import BidiInput, app_mode
from workbench.tui.widgets import EnglishEditor

DIALOG_CSS = """
{name} {{
    align: center middle;
}}
{name} > Vertical {{
    width: 100%;
    max-width: 100;
    height: auto;
    max-height: 90%;
    background: $panel;
    border: thick $primary;
    padding: 1 2;
}}
{name} Label.hint {{
    color: $text-muted;
}}
"""


class FieldInput(BidiInput):
    """A dialog's text field whose own keys (backspace, arrows, enter …) act as they arrive,
    in the order typed. Textual runs a widget's bindings once the key has travelled up to
    the app, by which time the characters typed after it are in, and a dialog closed by the
    next key would lose them (see `EnglishEditor.on_key`)."""

    _OWN_KEYS: ClassVar[dict[str, str]] = {
        key.strip(): binding.action
        for binding in Input.BINDINGS
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    }

    async def on_key(self, event: events.Key) -> None:
        action = self._OWN_KEYS.get(event.key)
        if action is not None and await self.app.run_action(action, self):
            event.stop()
            event.prevent_default()


def _cancel(binding_id: str) -> Binding:
    return Binding("escape", "cancel", "Cancel", id=binding_id, tooltip="close without saving")


class NameDialog(ModalScreen[tuple[str, bool] | None]):
    """Ask once who the user is: the name kwb records as translator, reviewer, proposer."""

    DEFAULT_CSS = DIALOG_CSS.format(name="NameDialog")
    BINDINGS: ClassVar[list[BindingType]] = [_cancel("cancel_name")]

    def __init__(self, where: str) -> None:
        super().__init__()
        self.where = where
        """Where a remembered name is kept (shown beside the check box)."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(
                "Who is translating? kwb records this name in the PO file (Last-Translator),"
                " on review marks and on proposed glossary terms."
            )
            yield FieldInput(placeholder="your name", id="name-input")
            yield Checkbox(f"remember it for next time ({self.where})", True, id="name-remember")
            yield Label("enter: OK · esc: not now", classes="hint")

    @on(Input.Submitted, "#name-input")
    def _done(self, event: Input.Submitted) -> None:
        name = " ".join(event.value.split())
        if name:
            self.dismiss((name, self.query_one("#name-remember", Checkbox).value))

    def action_cancel(self) -> None:
        self.dismiss(None)


class CommentDialog(ModalScreen[str | None]):
    """Write or edit the entry's translator comment (a note, and waivers `kwb-ok: …`)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="CommentDialog") + (
        "CommentDialog TextArea { height: 8; }"
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="save_comment", priority=True, tooltip="save"),
        _cancel("cancel_comment"),
    ]

    def __init__(self, comment: str, segment: str, cursor: tuple[int, int] = (0, 0)) -> None:
        super().__init__()
        self.comment = comment
        self.segment = segment
        self.cursor = cursor
        """Where typing starts: the end of the note, before any waiver."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Translator comment of segment {self.segment}")
            # The English editor's text area: its own keys act in the order typed.
            yield EnglishEditor(self.comment, id="comment-text", soft_wrap=True)
            yield Label("ctrl+s: save · esc: cancel · empty: no comment", classes="hint")

    def on_mount(self) -> None:
        area = self.query_one("#comment-text", TextArea)
        area.focus()
        area.move_cursor(self.cursor)

    def _action_save(self) -> None:
        """ctrl+s (bound with priority, so run as soon as it is read): save once the keys
        typed before it are in the text."""
        area = self.query_one("#comment-text", TextArea)
        if not area.call_later(self.action_save):
            self.action_save()

    def action_save(self) -> None:
        self.dismiss(self.query_one("#comment-text", TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class WaiveDialog(ModalScreen[tuple[str, str] | None]):
    """Waive a QA finding with its reason: pick the finding (if several), type the reason."""

    DEFAULT_CSS = DIALOG_CSS.format(name="WaiveDialog") + (
        "WaiveDialog OptionList { height: auto; max-height: 8; }"
    )
    BINDINGS: ClassVar[list[BindingType]] = [_cancel("cancel_waive")]

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__()
        self.findings = findings
        self.chosen = 0

    def compose(self) -> ComposeResult:
        with Vertical():
            if len(self.findings) > 1:
                yield Label("Which finding? (↑ ↓, enter)")
                yield OptionList(
                    *(Text(f"{f.check}: {f.message}") for f in self.findings), id="waive-which"
                )
            else:
                finding = self.findings[0]
                yield Label(Text(f"Waive {finding.check}: {finding.message}"))
            yield Label("Why is it right as it is? (recorded as kwb-ok: check — reason)")
            yield FieldInput(placeholder="reason", id="waive-reason")
            yield Label("enter: waive · esc: cancel", classes="hint")

    def on_mount(self) -> None:
        if len(self.findings) > 1:
            options = self.query_one("#waive-which", OptionList)
            options.highlighted = 0
            options.focus()
        else:
            self.query_one("#waive-reason", Input).focus()

    @on(OptionList.OptionSelected, "#waive-which")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.chosen = event.option_index
        self.query_one("#waive-reason", Input).focus()

    @on(Input.Submitted, "#waive-reason")
    def _done(self, event: Input.Submitted) -> None:
        reason = " ".join(event.value.split())
        if not reason:
            self.notify("say why the finding is right to waive it", severity="warning")
            return
        if len(self.findings) > 1:
            highlighted_row = self.query_one("#waive-which", OptionList).highlighted
            self.chosen = highlighted_row if highlighted_row is not None else self.chosen
        self.dismiss((self.findings[self.chosen].check, reason))

    def action_cancel(self) -> None:
        self.dismiss(None)


class WordPicker(Widget, can_focus=True):
    """The segment's Sorani with a span of its words selected. The text reads right to
    left, so ← goes to the next word and → to the previous one; shift widens or narrows
    the span at its end. What is selected goes to the term's field."""

    DEFAULT_CSS = """
    WordPicker { height: auto; padding: 0 1; border: round $primary-darken-2; }
    WordPicker:focus { border: round $accent; }
    """
    KEYS: ClassVar[dict[str, tuple[str, int]]] = {
        "left": ("move", 1),
        "right": ("move", -1),
        "shift+left": ("widen", 1),
        "shift+right": ("widen", -1),
    }
    """Keys acted on as they arrive (not as bindings, which Textual runs later: an enter
    typed right after would take the words before these keys had chosen them)."""

    class Picked(Message):
        """The selected words changed."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, sentence: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.sentence = sentence
        self.words = [t for t in tokenize(sentence) if t.kind in WORD_KINDS]
        self.first = 0
        self.last = 0
        self.target: Input | None = None
        """The field the picked words go to."""

    @property
    def selected(self) -> str:
        """The selected words as written in the sentence ("" for a sentence without any)."""
        if not self.words:
            return ""
        return self.sentence[self.words[self.first].start : self.words[self.last].end]

    def render(self) -> Bidi:
        spans = [(self.words[self.first].start, self.words[self.last].end)] if self.words else []
        return Bidi(highlighted(self.sentence, spans), app_mode(self), "rtl")

    def on_key(self, event: events.Key) -> None:
        found = self.KEYS.get(event.key)
        if found is not None:
            event.stop()
            event.prevent_default()
            (self.action_move if found[0] == "move" else self.action_widen)(found[1])

    def action_move(self, step: int) -> None:
        if self.words:
            self.first = self.last = max(0, min(len(self.words) - 1, self.last + step))
            self._changed()

    def action_widen(self, step: int) -> None:
        if self.words:
            self.last = max(self.first, min(len(self.words) - 1, self.last + step))
            self._changed()

    def _changed(self) -> None:
        self.refresh(layout=True)
        self.post_message(self.Picked(self.selected))
        if self.target is not None:  # at once: an enter right after takes these words
            self.target.value = self.selected
            self.target.cursor_position = len(self.target.value)


class ProposeTermDialog(ModalScreen[tuple[str, str, str] | None]):
    """Propose a glossary term from the segment: its Sorani picked from the segment's
    words (or typed), its English (from the English editor's selection, or typed), and a
    note for the reviewer."""

    DEFAULT_CSS = DIALOG_CSS.format(name="ProposeTermDialog")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Propose", id="save_term", priority=True, tooltip="propose"),
        Binding(
            "enter",
            "next_field",
            "Next",
            id="next_field",
            priority=True,
            tooltip="take the words, on to the next field; in the last fields: propose",
        ),
        _cancel("cancel_term"),
    ]

    def __init__(self, sentence: str, english: str) -> None:
        super().__init__()
        self.sentence = sentence
        self.english = english

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Propose a glossary term: pick its words (← → move, shift widens), enter")
            yield WordPicker(self.sentence, id="term-words")
            yield Label("Sorani term (as picked, or typed)")
            yield FieldInput(id="term-source", select_on_focus=False)
            yield Label("English rendering")
            yield FieldInput(self.english, id="term-target", select_on_focus=False)
            yield Label("note for the reviewer (optional)")
            yield FieldInput(id="term-note", select_on_focus=False)
            yield Label(
                "enter: next field, then propose · ctrl+s: propose · esc: cancel", classes="hint"
            )

    def on_mount(self) -> None:
        picker = self.query_one(WordPicker)
        picker.target = self.query_one("#term-source", Input)
        picker.target.value = picker.selected
        for field in self.query(Input):  # typing and backspace act at the end from the start
            field.cursor_position = len(field.value)
        picker.focus()

    def action_next_field(self) -> None:
        """Enter: from the words to the Sorani field, then to the English; from the English
        or the note, propose. The key is bound with priority, so it acts as soon as it is
        read: the focus moves at once (the keys typed after it go to the next field), and
        proposing waits for the characters typed before it (see `_action_save`)."""
        focused = self.focused
        if isinstance(focused, WordPicker):
            self.set_focus(self.query_one("#term-source", Input))
        elif focused is not None and focused.id == "term-source":
            self.set_focus(self.query_one("#term-target", Input))
        else:
            self._action_save()

    def _action_save(self) -> None:
        """ctrl+s or enter (bound with priority): propose once the keys typed before it are
        in the field (Textual runs `_action_` before `action_` for a key)."""
        focused = self.focused
        if focused is None or not focused.call_later(self.action_save):
            self.action_save()

    def action_save(self) -> None:
        source = " ".join(self.query_one("#term-source", Input).value.split())
        if not source:
            self.notify("pick or type the Sorani term", severity="warning")
            return
        self.dismiss(
            (
                source,
                self.query_one("#term-target", Input).value.strip(),
                self.query_one("#term-note", Input).value.strip(),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
