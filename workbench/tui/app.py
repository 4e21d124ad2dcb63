"""The kwb Textual app: overview → editor, with glossary, QA and help screens."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType

from workbench.rtl import Mode, detect_mode
from workbench.store.project import Project
from workbench.terms.matcher import Matcher
from workbench.tm.index import TranslationMemory


class KwbApp(App[None]):
    """The translator's workbench over one project."""

    CSS_PATH = "kwb.tcss"
    TITLE = "kwb"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", id="help"),
    ]

    def __init__(
        self, project: Project, open_path: Path | None = None, rtl: Mode | None = None
    ) -> None:
        super().__init__()
        self.project = project
        self.open_path = open_path
        self.rtl: Mode = rtl or _mode(project.rtl) or detect_mode()
        self.matcher: Matcher | None = None
        self.tm: TranslationMemory | None = None
        self._keymap: dict[str, str] = dict(project.keys)

    def on_mount(self) -> None:
        if self._keymap:
            self.set_keymap(self._keymap)
        self.matcher = _matcher(self.project)
        self._open_tm()
        if self.open_path is not None:
            self.open_file(str(self.open_path))
        else:
            from workbench.tui.overview import OverviewScreen

            self.push_screen(OverviewScreen())

    @work(thread=True, exclusive=True, group="tm-open")
    def _open_tm(self) -> None:
        """Bring the TM index up to date in a separate process (indexing a big file is CPU
        work that would otherwise slow the editor through the GIL), then open it here."""
        import subprocess
        import sys

        from workbench.tm.index import TranslationMemory

        proc = subprocess.run(
            [sys.executable, "-c", _SYNC_TM, str(self.project.root)],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            reason = (proc.stderr.strip().splitlines() or ["unknown error"])[-1]
            self.call_from_thread(
                self.notify, f"translation memory unavailable: {reason}", severity="warning"
            )
            return
        self.tm = TranslationMemory(self.project.root / ".kwb" / "tm.sqlite")

    def open_file(self, name: str) -> None:
        """Open a PO file of the project (a name in translations/, or a path)."""
        from workbench.tui.editor import EditorScreen
        from workbench.tui.session import EditSession

        path = Path(name)
        if not path.is_absolute() and not path.exists():
            path = self.project.translations / name
        session = EditSession(path, self.matcher, self.tm)
        self.push_screen(EditorScreen(session, self.rtl))

    def action_help(self) -> None:
        from workbench.tui.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def on_unmount(self) -> None:
        if self.tm is not None:
            self.tm.close()


_SYNC_TM = (
    "import sys; from pathlib import Path; from workbench.store.project import load_project; "
    "from workbench.tm.index import open_tm; open_tm(load_project(Path(sys.argv[1]))).close()"
)


def _mode(value: str | None) -> Mode | None:
    return value if value in ("visual", "terminal") else None  # type: ignore[return-value]


def _matcher(project: Project) -> Matcher | None:
    from workbench.terms.glossary import load_glossary, stopwords

    try:
        return Matcher(load_glossary(project.glossary).active(), stopwords())
    except Exception:
        return None
