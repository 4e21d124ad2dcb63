"""The translator's workflow in the editor, through Textual's Pilot: the translator comment
(F4), waiving a QA finding (F12, and `w` in the QA screen), proposing a glossary term
(F9), the work left in the status line, and who is recorded — each read back from the PO
file or the glossary on disk."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import polib
import pytest

from workbench.qa.model import parse_waivers
from workbench.store.comments import reviewer_of
from workbench.store.identity import user_config_path
from workbench.store.project import load_project
from workbench.terms import glossary_file
from workbench.tui.app import KwbApp
from workbench.tui.editor import EditorScreen
from workbench.tui.widgets import StatusLine
from workbench.tui.workflow import user_state
from workbench.tui.workflow_dialogs import NameDialog, WaiveDialog

ARTICLE = "حەشدی شەعبی هێرشی کرد.  هێزی شەڕکەر لە عێراق نامێنێت.  باران بارى."
OTHER = "پۆلیس گەیشت.  خەڵک ڕۆیشتن."


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    kwb("init", str(root))
    for name, text in (("story.txt", ARTICLE), ("other.txt", OTHER)):
        article = root / "seeds" / name
        article.write_text(text, encoding="utf-8")
        assert kwb("add", str(article), cwd=root).code == 0
    return root


def entries(root: Path) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(root / "translations" / "story.po")) if not e.obsolete]


def run(root: Path, scenario: Callable[[KwbApp, Any], Awaitable[None]]) -> None:
    async def main() -> None:
        app = KwbApp(load_project(root), root / "translations" / "story.po", "visual")
        async with app.run_test(size=(140, 45)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, EditorScreen))
            await until(pilot, lambda: editor(app).workflow.live is not None)
            await scenario(app, pilot)

    asyncio.run(main())


async def until(pilot: Any, condition: Callable[[], bool], tries: int = 300) -> None:
    """Wait (in steps of the app's own pace) until `condition` holds."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the workbench never got there")


def editor(app: KwbApp) -> EditorScreen:
    for screen in app.screen_stack:
        if isinstance(screen, EditorScreen):
            return screen
    raise AssertionError("no editor")


def status(app: KwbApp) -> str:
    line = editor(app).query_one("#status", StatusLine)
    return str(line.render())


def test_f4_writes_the_translator_comment_with_the_entry(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"The PMF attacked.")
        await pilot.press("f4")
        await until(pilot, lambda: type(app.screen).__name__ == "CommentDialog")
        await pilot.press(*"Check the date with the desk")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: entries(project)[0].tcomment != "")
        first = entries(project)[0]
        assert first.tcomment == "Check the date with the desk"
        assert first.msgstr == "The PMF attacked."  # typed before F4: saved with it
        assert "comment: Check the date with the desk" in editor(app)._findings_text().text.plain
        await pilot.press("f4")  # again: the comment is there to edit; esc keeps it
        await until(pilot, lambda: type(app.screen).__name__ == "CommentDialog")
        assert app.screen.query_one("#comment-text").text == first.tcomment  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        assert entries(project)[0].tcomment == "Check the date with the desk"

    run(project, scenario)


def test_f12_waives_the_segments_finding_with_its_reason(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"The militia attacked.")  # حەشدی شەعبی is the PMF: a finding
        await pilot.press("ctrl+s")
        await until(pilot, lambda: bool(editor(app).session.findings()))
        assert "glossary-missing" in {f.check for f in editor(app).session.findings()}
        await pilot.press("f12")
        await until(pilot, lambda: isinstance(app.screen, WaiveDialog))
        dialog = app.screen
        assert isinstance(dialog, WaiveDialog)
        if len(dialog.findings) > 1:  # pick the glossary one
            n = [f.check for f in dialog.findings].index("glossary-missing")
            await pilot.press(*["down"] * n, "enter")
        await pilot.press(*"the desk calls them militia here", "enter")
        await until(pilot, lambda: "kwb-ok" in entries(project)[0].tcomment)
        assert parse_waivers(entries(project)[0].tcomment) == {
            "glossary-missing": "the desk calls them militia here"
        }
        assert "glossary-missing" not in {f.check for f in editor(app).session.findings()}
        shown = editor(app)._findings_text().text.plain
        assert "glossary-missing: waived — the desk calls them militia here" in shown

    run(project, scenario)


def test_f12_with_several_findings_asks_which(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"The militia attacked")  # no PMF, and no final full stop
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(editor(app).session.findings()) >= 2)
        checks = [f.check for f in editor(app).session.findings()]
        assert {"glossary-missing", "punctuation"} <= set(checks)
        await pilot.press("f12")
        await until(pilot, lambda: isinstance(app.screen, WaiveDialog))
        await pilot.press(*["down"] * checks.index("punctuation"), "enter")
        await pilot.press(*"a headline", "enter")
        await until(pilot, lambda: "kwb-ok" in entries(project)[0].tcomment)
        assert parse_waivers(entries(project)[0].tcomment) == {"punctuation": "a headline"}
        left = {f.check for f in editor(app).session.findings()}
        assert "glossary-missing" in left and "punctuation" not in left

    run(project, scenario)


def test_w_in_the_qa_screen_waives_the_selected_finding(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"The militia attacked.")
        await pilot.press("ctrl+s", "f3")
        await until(pilot, lambda: bool(getattr(app.screen, "findings", None)))
        qa = app.screen
        n = next(i for i, f in enumerate(qa.findings) if f.check == "glossary-missing")  # type: ignore[attr-defined]
        await pilot.press(*["down"] * n, "w")
        await until(pilot, lambda: isinstance(app.screen, WaiveDialog))
        await pilot.press(*"house style", "enter")
        await until(pilot, lambda: "kwb-ok" in entries(project)[0].tcomment)
        assert parse_waivers(entries(project)[0].tcomment) == {"glossary-missing": "house style"}
        assert app.screen is qa and qa.findings[n].waived == "house style"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        assert "glossary-missing: waived — house style" in editor(app)._findings_text().text.plain

    run(project, scenario)


def test_f9_proposes_a_term_from_the_segments_words_and_the_selected_english(
    project: Path,
) -> None:
    glossary = project / "glossary" / "glossary.toml"

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("ctrl+down", "ctrl+down")  # باران بارى.
        await pilot.press(*"It rained", *["shift+left"] * 6)  # "rained" selected
        await pilot.press("f9")
        await until(pilot, lambda: type(app.screen).__name__ == "ProposeTermDialog")
        assert app.screen.query_one("#term-source").value == "باران"  # type: ignore[attr-defined]
        assert app.screen.query_one("#term-target").value == "rained"  # type: ignore[attr-defined]
        await pilot.press("left", "right")  # to بارى and back to باران
        await pilot.press("enter", "enter")  # take the word, then on to the English
        await pilot.press(*["backspace"] * 6, *"rain", "enter")
        await until(pilot, lambda: any(e.source == "باران" for e in glossary_file.read(glossary)))
        made = next(e for e in glossary_file.read(glossary) if e.source == "باران")
        assert (made.target, made.status, made.proposed_by) == (
            "rain",
            "proposed",
            "Test Translator",
        )
        assert made.history[0].by == "Test Translator"
        await until(pilot, lambda: bool(editor(app).session.hits()))
        assert [h.entry.id for h in editor(app).session.hits()] == [made.id]
        assert editor(app).query_one("#target").text == "It rained"  # type: ignore[attr-defined]
        await pilot.press("f2")  # the glossary review screen lists it as proposed
        await until(pilot, lambda: type(app.screen).__name__ == "GlossaryScreen")
        await pilot.pause()
        assert made.id in [e.id for e in app.screen.entries if e.status == "proposed"]  # type: ignore[attr-defined]
        await pilot.press("a")  # approved, under the user's name
        await until(pilot, lambda: approved(made.id))
        decided = next(e for e in glossary_file.read(glossary) if e.id == made.id)
        assert decided.reviewed_by == "Test Translator"
        assert decided.history[-1].by == "Test Translator"

    def approved(entry_id: str) -> bool:
        entries = glossary_file.read(glossary)
        return any(e.id == entry_id and e.status == "approved" for e in entries)

    run(project, scenario)


def test_the_status_line_counts_the_work_left_in_the_file_and_the_project(
    project: Path,
) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        # story: 4 + 5 + 2 words; other: 2 + 2 words
        await until(pilot, lambda: "left 3 seg, 11 words" in status(app))
        assert "project 5 seg, 15 words" in status(app)
        await pilot.press(*"The PMF attacked.", "ctrl+j")
        await until(pilot, lambda: "left 2 seg, 7 words" in status(app))
        assert "project 4 seg, 11 words" in status(app)
        await pilot.press("ctrl+up", "ctrl+u")  # a draft again: still to do
        await until(pilot, lambda: "left 3 seg, 11 words" in status(app))

    run(project, scenario)


def test_review_marks_and_last_translator_name_the_user(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"The PMF attacked.", "ctrl+r")
        await until(pilot, lambda: "reviewed" in entries(project)[0].flags)
        assert reviewer_of(entries(project)[0].tcomment) == "Test Translator"
        po = polib.pofile(str(project / "translations" / "story.po"))
        assert po.metadata["Last-Translator"].startswith("Test Translator")
        await pilot.press(*" Again.", "ctrl+s")  # an edit takes the review and its record away
        await until(pilot, lambda: "reviewed" not in entries(project)[0].flags)
        assert reviewer_of(entries(project)[0].tcomment) == ""

    run(project, scenario)


@pytest.fixture
def nobody(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No KWB_USER, no git name, an empty per-person settings folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.delenv("KWB_USER", raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    return home


def test_with_no_name_the_editor_asks_once_and_remembers_it(project: Path, nobody: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await until(pilot, lambda: user_state(app).looked_up)
        assert editor(app).session.user is None
        await pilot.press(*"The PMF attacked.", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, NameDialog))
        on_disk = polib.pofile(str(project / "translations" / "story.po"))
        assert on_disk[0].msgstr == "The PMF attacked."  # saved before asking: nothing lost
        assert on_disk.metadata["Last-Translator"] == "kwb"  # as `kwb add` wrote it
        await pilot.press(*"Ana Writer", "enter")
        await until(pilot, lambda: editor(app).session.user == "Ana Writer")
        await until(
            pilot,
            lambda: (
                polib.pofile(str(project / "translations" / "story.po")).metadata["Last-Translator"]
                == "Ana Writer"
            ),
        )
        assert "Ana Writer" in user_config_path().read_text("utf-8")
        await pilot.press("ctrl+r")  # no second question
        await until(pilot, lambda: "reviewed" in entries(project)[0].flags)
        assert not isinstance(app.screen, NameDialog)
        assert reviewer_of(entries(project)[0].tcomment) == "Ana Writer"

    run(project, scenario)


def test_a_name_declined_is_not_asked_again_and_nobody_is_recorded(
    project: Path, nobody: Path
) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await until(pilot, lambda: user_state(app).looked_up)
        await pilot.press(*"The PMF attacked.", "ctrl+r")
        await until(pilot, lambda: isinstance(app.screen, NameDialog))
        await pilot.press("escape")
        await until(pilot, lambda: "reviewed" in entries(project)[0].flags)
        await pilot.press("ctrl+down", *"No combat forces.", "ctrl+s")
        await until(pilot, lambda: entries(project)[1].msgstr == "No combat forces.")
        assert not isinstance(app.screen, NameDialog)
        po = polib.pofile(str(project / "translations" / "story.po"))
        assert reviewer_of(po[0].tcomment) == ""
        assert po.metadata["Last-Translator"] == "kwb"  # untouched: the editor names nobody
        assert not user_config_path().exists()

    run(project, scenario)
