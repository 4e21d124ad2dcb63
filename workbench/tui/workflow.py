"""The translator's workflow in the editor: who the user is, comments, QA waivers, terms
proposed from a segment, and the work left.

- Who: `store.identity` names the user (KWB_USER, git's user.name, the per-person
  setting, `[project] reviewer`), looked up off the screen's way when a file opens. With
  no name, the editor asks once, at the first save or review mark, and offers to remember
  the answer in the per-person settings; until then nothing names anyone.
- F4 edits the translator comment, F12 waives one of the segment's QA findings (`w` in the
  QA screen does the same for the finding chosen there), F9 proposes a glossary term: the
  entry is written through the glossary's review workflow as proposed by the user, and the
  open editor matches it at once (its panel marks it proposed).
- The status line counts the segments and Sorani words left (untranslated or fuzzy) in
  the file, live, and in the project: the other files are read once when the file opens.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import App
from textual.screen import Screen
from textual.widgets import TextArea

from workbench.errors import InputError
from workbench.qa.model import Finding, parse_waivers
from workbench.store.comments import comment_parts, note_of_comment
from workbench.store.identity import Identity, identify, remember_name, user_config_path
from workbench.store.remaining import LiveRemaining, Remaining, other_files
from workbench.tui.workflow_dialogs import (
    CommentDialog,
    NameDialog,
    ProposeTermDialog,
    WaiveDialog,
)

if TYPE_CHECKING:
    from workbench.store.project import Project
    from workbench.terms.matcher import Matcher
    from workbench.tui.editor import EditorScreen
    from workbench.tui.qa_screen import QaScreen


@dataclass
class UserState:
    """What the running workbench knows of its user, across the files it opens."""

    looked_up: bool = False
    identity: Identity | None = None
    asked: bool = False
    """The user was asked (once per run: an answer of "not now" is not asked again)."""
    proposed: set[str] = field(default_factory=set)
    """Ids of the terms proposed in this run: the editor matches them beside the approved."""


_USERS: weakref.WeakKeyDictionary[App[None], UserState] = weakref.WeakKeyDictionary()


def user_state(app: App[None]) -> UserState:
    """The running app's user state."""
    state = _USERS.get(app)
    if state is None:
        state = _USERS[app] = UserState()
    return state


class Workflow:
    """The editor's side of the workflow (see the module's docstring)."""

    def __init__(self, editor: EditorScreen) -> None:
        self.editor = editor
        self.live: LiveRemaining | None = None
        self.others: Remaining | None = None
        self._unsigned = False
        """A save happened before the user's name was known: sign the file once it is."""
        self._counting = False

    @property
    def project(self) -> Project:
        return self.editor.app.project  # type: ignore[attr-defined, no-any-return]

    # --- start ---------------------------------------------------------------------------

    def start(self) -> None:
        """After the first frame: who the user is (in a thread), and the work left once the
        project's QA check is done (it needs the processor more), or at once without one."""
        state = user_state(self.editor.app)
        if state.looked_up:
            self._use(state.identity)
        else:
            self.editor.run_worker(self._look_up, thread=True, group="workflow-user")
        if self.editor.session.translations is None:
            self.count()

    def project_checked(self) -> None:
        """The project-wide QA check is done: count the work left, the first time."""
        if self.live is None and not self._counting:
            self.count()

    def _look_up(self) -> None:
        try:
            found = identify(self.project.root, self.project.reviewer)
        except InputError as exc:  # a malformed per-person settings file
            self.editor.app.call_from_thread(self.editor.notify, str(exc), severity="warning")
            found = None
        self.editor.app.call_from_thread(self._looked_up, found)

    def _looked_up(self, found: Identity | None) -> None:
        state = user_state(self.editor.app)
        state.looked_up, state.identity = True, state.identity or found
        self._use(state.identity)
        if self._unsigned:
            self.ask_name(None)

    def _use(self, identity: Identity | None) -> None:
        session = self.editor.session
        if identity is not None:
            session.user, session.email = identity.name, identity.email
            if self._unsigned:
                self._unsigned = False
                self._sign()

    def _sign(self) -> None:
        try:
            self.editor.session.sign()
        except InputError as exc:
            self.editor.notify(str(exc), severity="error")

    # --- who -----------------------------------------------------------------------------

    def ask_name(self, then: Callable[[], None] | None) -> bool:
        """Ask who the user is, once per run, then call `then`. False (nothing asked) when
        the name is known, still being looked up, or was asked for already."""
        state = user_state(self.editor.app)
        if state.identity is not None and not self.editor.session.user:
            self._use(state.identity)  # named meanwhile (in the glossary screen)
        if self.editor.session.user or not state.looked_up or state.asked:
            return False
        state.asked = True

        def answered(result: tuple[str, bool] | None) -> None:
            if result is not None:
                name, remember = result
                state.identity = Identity(name, "asked", self.editor.session.email)
                self._use(state.identity)
                if remember:
                    try:
                        path = remember_name(name)
                        self.editor.notify(f"your name is kept in {path}")
                    except OSError as exc:
                        self.editor.notify(f"could not keep your name: {exc}", severity="warning")
            if then is not None:
                then()

        self.editor.app.push_screen(NameDialog(str(user_config_path())), answered)
        return True

    def saved(self) -> None:
        """A save wrote the file: without a name, it is signed once the name is known."""
        if not self.editor.session.user:
            self._unsigned = True
            self.ask_name(None)

    # --- comment and waivers -------------------------------------------------------------

    def edit_comment(self) -> None:
        editor = self.editor
        editor._take_text()
        session, index = editor.session, editor.session.index
        entry = session.entries[index]

        def done(text: str | None) -> None:
            if text is None or session.entries[index] is not entry:
                return
            session.set_comment(text, index)
            self.entry_updated(index)
            editor.notify("comment saved" if text.strip() else "comment removed")

        note, waivers = comment_parts(entry)
        # The note comes first, the waivers after it (QA reads every line after a waiver
        # as its reason): the cursor waits at the end of the note, on a line of its own.
        text = f"{note}\n{waivers}" if waivers else note
        where = (len(note.splitlines()) - 1, len(note.splitlines()[-1])) if note else (0, 0)
        editor.app.push_screen(CommentDialog(text, str(index + 1), where), done)

    def waive_current(self) -> None:
        editor = self.editor
        editor._take_text()
        findings = editor.session.findings()
        if not findings:
            editor.notify("no QA finding on this segment to waive")
            return
        self.waive(editor.session.index, findings)

    def waive(
        self, index: int, findings: list[Finding], after: Callable[[str, str], None] | None = None
    ) -> None:
        """Ask which of `findings` (of entry `index`) to waive and why; write the waiver."""
        session = self.editor.session
        entry = session.entries[index]

        def done(result: tuple[str, str] | None) -> None:
            if result is None or session.entries[index] is not entry:
                return
            check, reason = result
            session.waive(check, reason, index)
            self.entry_updated(index)
            self.editor.notify(f"{check} waived: {reason}")
            if after is not None:
                after(check, reason)

        self.editor.app.push_screen(WaiveDialog(findings), done)

    def entry_updated(self, index: int) -> None:
        """An entry's comment changed: save it, show the QA panel and the row again."""
        editor = self.editor
        editor.action_save()
        if index == editor.session.index:
            editor._show_findings()
        else:
            editor._refresh_row(index)

    def annotate(self, text: Text) -> None:
        """Add the current entry's comment and waivers to the QA panel's text."""
        entry = self.editor.session.current
        note = note_of_comment(entry.tcomment or "")
        for check, reason in parse_waivers(entry.tcomment or "").items():
            text.append("\n" if text else "")
            text.append(f"{check}: waived", style="green")
            text.append(f" — {reason}" if reason else "", style="dim")
        if note:
            text.append("\n" if text else "")
            text.append("comment: ", style="bold")
            text.append(" ".join(note.split()), style="italic")

    # --- proposing a term ----------------------------------------------------------------

    def propose_term(self) -> None:
        editor = self.editor
        editor._take_text()
        if not editor.session.user:
            if not self.ask_name(self.propose_term):
                editor.notify("a proposed term needs your name (KWB_USER)", severity="warning")
            return
        english = editor.query_one("#target", TextArea).selected_text.strip()
        sentence = editor.session.current.msgid

        def done(result: tuple[str, str, str] | None) -> None:
            if result is not None:
                source, target, note = result
                editor.run_worker(
                    lambda: self._propose(source, target, note),
                    thread=True,
                    group="workflow-propose",
                )

        editor.app.push_screen(ProposeTermDialog(sentence, english), done)

    def _propose(self, source: str, target: str, note: str) -> None:
        """In a thread: write the proposal, then rebuild the editor's matcher with it."""
        from workbench.terms.glossary import load_glossary, master_path, stopwords
        from workbench.terms.matcher import Matcher
        from workbench.terms.proposal import propose_term

        app, user = self.editor.app, self.editor.session.user or ""
        try:
            path = master_path(self.project.glossary)
            entry = propose_term(path, source, target, user, note=note)
        except InputError as exc:
            app.call_from_thread(self.editor.notify, exc.reason, severity="warning")
            return
        state = user_state(app)
        state.proposed.add(entry.id)
        glossary = load_glossary(self.project.glossary)
        matched = [
            e
            for e in glossary.entries
            if e.active or (e.status == "proposed" and e.id in state.proposed)
        ]
        matcher = Matcher(matched, stopwords())
        message = f"proposed {entry.id}: {entry.source} → {entry.target or '(no rendering)'}"
        app.call_from_thread(self._matcher_ready, matcher, message)

    def _matcher_ready(self, matcher: Matcher, message: str) -> None:
        self.editor.app.matcher = matcher  # type: ignore[attr-defined]
        self.editor.session.use_matcher(matcher)
        self.editor.show(self.editor.session.index)
        self.editor.notify(message)

    # --- work left -----------------------------------------------------------------------

    def count(self) -> None:
        """Count the work left in the open file and the others, in a thread."""
        session = self.editor.session
        entries = list(session.entries)
        translations = session.translations

        self._counting = True

        def work() -> None:
            live = LiveRemaining(entries)
            others = other_files(translations, session.path) if translations else Remaining()
            self.editor.app.call_from_thread(self._counted, entries, live, others)

        self.editor.run_worker(work, thread=True, group="workflow-count", exclusive=True)

    def _counted(self, entries: list[object], live: LiveRemaining, others: Remaining) -> None:
        self._counting = False
        session = self.editor.session
        if len(entries) != len(session.entries):
            self.count()  # the file was read again meanwhile
            return
        for i, entry in enumerate(session.entries):
            live.update(i, entry)  # finished meanwhile
        self.live, self.others = live, others
        self.editor._update_title()

    def entry_changed(self, index: int) -> None:
        """Entry `index` may have been finished (or reopened)."""
        if self.live is not None and index < len(self.editor.session.entries):
            self.live.update(index, self.editor.session.entries[index])

    def progress_detail(self) -> str:
        """The status line's count of the work left ("" until counted)."""
        if self.live is None:
            return ""
        here = self.live.total
        text = f" · left {here.segments} seg, {here.words:,} words"
        if self.others is not None and self.editor.session.translations is not None:
            project = here + self.others
            text += f" · project {project.segments} seg, {project.words:,} words"
        return text


def with_user_name(screen: Screen[Any], then: Callable[[str], None]) -> None:
    """Call `then` with the user's name (for a decision recorded under it, such as the
    glossary screen's approvals): as known to the running workbench, else looked up now,
    else asked once. Without a name nothing is recorded, and the screen says so."""
    state = user_state(screen.app)
    if not state.looked_up:
        project = screen.app.project  # type: ignore[attr-defined]
        try:
            state.identity = identify(project.root, project.reviewer)
        except InputError as exc:
            screen.notify(str(exc), severity="warning")
        state.looked_up = True
    if state.identity is not None:
        then(state.identity.name)
        return
    if state.asked:
        screen.notify("no name to record this under: set KWB_USER or git's user.name")
        return
    state.asked = True

    def answered(result: tuple[str, bool] | None) -> None:
        if result is None:
            screen.notify("nothing recorded: it needs your name")
            return
        name, remember = result
        state.identity = Identity(name, "asked")
        if remember:
            try:
                remember_name(name)
            except OSError as exc:
                screen.notify(f"could not keep your name: {exc}", severity="warning")
        then(name)

    screen.app.push_screen(NameDialog(str(user_config_path())), answered)


def waive_in_qa_screen(screen: QaScreen, finding: Finding, index: int) -> None:
    """`w` in the QA screen: waive the chosen finding through the editor beneath."""
    from workbench.tui.editor import EditorScreen

    editor = next((s for s in screen.app.screen_stack if isinstance(s, EditorScreen)), None)
    if editor is None:
        return

    def after(check: str, reason: str) -> None:
        screen.waived(finding, reason)

    editor.workflow.waive(index, [finding], after)
