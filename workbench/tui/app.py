"""The kwb Textual app: overview → editor, with glossary, QA and help screens."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Label

from workbench.display.bidi import Mode, resolve_mode
from workbench.errors import InputError
from workbench.store.project import Project
from workbench.terms.matcher import Matcher
from workbench.tm.service import TmService, TmUnavailableError
from workbench.tui.keys import label, normalize

if TYPE_CHECKING:
    from workbench.tui.session import EditSession

TERMINAL_CHECK_SECONDS = 1.0
"""How often the app looks whether its terminal is still there."""


class KwbApp(App[None]):
    """The translator's workbench over one project."""

    CSS_PATH = "kwb.tcss"
    TITLE = "kwb"
    ENABLE_COMMAND_PALETTE = False
    """Its key, ctrl+p, is the editor's "previous unfinished"; nothing in it is needed."""
    BINDINGS: ClassVar[list[BindingType]] = [
        # `?` where no text is typed; F1 and ctrl+/ (sent as ctrl+underscore) everywhere.
        Binding("f1,ctrl+underscore,ctrl+slash,question_mark", "help", "Help", id="help"),
    ]

    def __init__(
        self, project: Project, open_path: Path | None = None, rtl: Mode | None = None
    ) -> None:
        super().__init__()
        self.project = project
        self.open_path = open_path
        self.rtl: Mode = resolve_mode(rtl, configured=project.rtl)
        self.matcher: Matcher | None = None
        self.tm: TmService | None = None
        self.keymap: dict[str, str] = normalize(project.keys)
        """`[keys]` of kwb.toml: binding id → keys replacing the defaults."""
        self._tm_started = False
        self.terminal = _terminal()
        """The file descriptor of the terminal the app runs in (None: not a terminal)."""

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
            unknown = sorted(set(self.keymap) - binding_ids())
            if unknown:
                self.notify(
                    f"kwb.toml [keys]: no binding has the id {', '.join(unknown)}"
                    " (the help screen, F1, lists the ids)",
                    severity="warning",
                    timeout=10,
                )
        if self.terminal is not None:
            self.set_interval(TERMINAL_CHECK_SECONDS, self.check_terminal)
        self.matcher = _matcher(self.project)
        if self.open_path is not None:
            self.open_file(str(self.open_path))
        else:
            from workbench.tui.overview import OverviewScreen

            self.push_screen(OverviewScreen())
            self.call_after_refresh(self.start_tm)

    def start_tm(self) -> None:
        """Start the TM service once, after the first screen is drawn: its start-up and
        index sync would otherwise compete with opening the file for the processor."""
        if not self._tm_started:
            self._tm_started = True
            self._open_tm()

    @work(thread=True, exclusive=True, group="tm-open")
    def _open_tm(self) -> None:
        """Start the TM lookup process (it first brings the index up to date): lookups are
        CPU work that, in this process, would slow the editor's screen."""
        service = TmService(self.project.root)
        try:
            service.wait_ready()
        except TmUnavailableError as exc:
            service.close()
            self.call_from_thread(
                self.notify, f"translation memory unavailable: {exc}", severity="warning"
            )
            return
        self.tm = service
        self.call_from_thread(self._tm_ready)

    def _tm_ready(self) -> None:
        from workbench.tui.editor import EditorScreen

        for screen in self.screen_stack:
            if isinstance(screen, EditorScreen):
                screen.tm_ready()

    def open_file(self, name: str, at: str | None = None) -> None:
        """Open a PO file of the project (a name in translations/, or a path), at the entry
        whose msgctxt is `at` if given. The file is read in a worker; a loading screen
        stands in for the editor meanwhile."""
        path = Path(name)
        if not path.is_absolute() and not path.exists():
            path = self.project.translations / name
        self.push_screen(OpeningScreen(path.name))
        self._load(path, at)

    @work(thread=True, exclusive=True, group="open")
    def _load(self, path: Path, at: str | None = None) -> None:
        from workbench.tui.session import EditSession

        try:
            session = EditSession(path, self.matcher, self.tm, self.project.translations)
        except InputError as exc:
            self.call_from_thread(self._not_opened, str(exc))
            return
        if at is not None:
            found = (i for i, e in enumerate(session.entries) if e.msgctxt == at)
            session.index = next(found, session.index)
        self.call_from_thread(self._opened, session)

    def _opened(self, session: EditSession) -> None:
        from workbench.tui.editor import EditorScreen

        self.switch_screen(EditorScreen(session, self.rtl))
        self.call_after_refresh(self.start_tm)

    def _not_opened(self, reason: str) -> None:
        self.pop_screen()
        self.notify(reason, severity="error", timeout=10)
        if not self.screen_stack[1:]:  # opened from the command line: show the overview
            from workbench.tui.overview import OverviewScreen

            self.push_screen(OverviewScreen())

    def get_key_display(self, binding: Binding) -> str:
        """Keys as the help screen and the panel titles write them (`keys.label`)."""
        return binding.key_display or label(binding.key)

    def action_help(self) -> None:
        from workbench.tui.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def check_terminal(self) -> None:
        """Save and leave once the terminal is gone (its window closed, the ssh connection
        dropped): the app would otherwise run on unseen, its input thread reading the
        hung-up terminal in a loop that keeps a processor busy."""
        if self.terminal is None or os.isatty(self.terminal):
            return
        from workbench.tui.editor import EditorScreen

        for screen in self.screen_stack:
            if isinstance(screen, EditorScreen):
                screen.action_save()
        self.exit()

    def on_unmount(self) -> None:
        if self.tm is not None:
            self.tm.close()


def binding_ids() -> set[str]:
    """Every binding id of the workbench's screens: what `[keys]` may remap."""
    from workbench.tui.editor import EditorScreen
    from workbench.tui.glossary_screen import EditEntryDialog, GlossaryScreen
    from workbench.tui.help import HelpScreen
    from workbench.tui.overview import OverviewScreen
    from workbench.tui.qa_screen import QaScreen
    from workbench.tui.replace import ReplaceScreen
    from workbench.tui.search import SearchScreen

    owners: list[type] = [
        KwbApp,
        EditorScreen,
        OverviewScreen,
        GlossaryScreen,
        EditEntryDialog,
        QaScreen,
        HelpScreen,
        SearchScreen,
        ReplaceScreen,
    ]
    return {
        b.id
        for owner in owners
        for b in getattr(owner, "BINDINGS", [])
        if isinstance(b, Binding) and b.id
    }


def _terminal() -> int | None:
    """The standard input's file descriptor, if it is a terminal."""
    try:
        fd = sys.__stdin__.fileno() if sys.__stdin__ is not None else -1
    except (OSError, ValueError):  # closed, or replaced by an object without a descriptor
        return None
    return fd if fd >= 0 and os.isatty(fd) else None


def _matcher(project: Project) -> Matcher | None:
    from workbench.terms.glossary import load_glossary, stopwords

    try:
        return Matcher(load_glossary(project.glossary).active(), stopwords())
    except Exception:
        return None


class OpeningScreen(Screen[None]):
    """Stands in for the editor while a file is read. Still, not animated: an animation
    would take the interpreter from the thread reading the file, 60 times a second."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.file_name = name

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Label(f"Opening {self.file_name}…")
