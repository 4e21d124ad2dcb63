"""Project search (F6) and replace in the English (F7) in the editor, through Textual's
Pilot: the search jumps to a segment of another file, opening it; a replacement is
previewed, applied as edits (reviewed segments demoted), saved, and taken back by ctrl+z;
each step read back from the PO files."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import polib
from textual.widgets import DataTable, Input

from workbench.store.comments import review_line, set_reviewer
from workbench.store.project import load_project
from workbench.tui.app import KwbApp
from workbench.tui.editor import EditorScreen
from workbench.tui.replace import ReplaceScreen
from workbench.tui.search import SearchScreen

PO_000 = "000_d4781596957db36c.po"
PO_002 = "002_ea2792f57afd9dbb.po"


def run(root: Path, name: str, scenario: Callable[[KwbApp, Any], Awaitable[None]]) -> None:
    async def main() -> None:
        app = KwbApp(load_project(root), root / "translations" / name, "visual")
        async with app.run_test(size=(140, 45)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, EditorScreen))
            await scenario(app, pilot)

    asyncio.run(main())


async def until(pilot: Any, condition: Callable[[], bool]) -> None:
    """Wait (a bounded number of short pauses) for the app to reach `condition`."""
    for _ in range(300):
        if condition():
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError("the app never got there")


def entries(root: Path, name: str) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(root / "translations" / name)) if not e.obsolete]


def editor(app: KwbApp) -> EditorScreen:
    assert isinstance(app.screen, EditorScreen)
    return app.screen


def test_f6_finds_an_inflected_form_and_enter_opens_its_file_at_the_segment(
    committed_demo: Path,
) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"Draft")  # typed, unsaved: searching saves it first
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen))
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert entries(committed_demo, PO_000)[0].msgstr.startswith("Draft")
        screen.query_one("#query", Input).value = "هێزی شەڕکەر"
        await pilot.press("enter")
        table = screen.query_one("#hits", DataTable)
        await until(pilot, lambda: table.row_count == 7)
        chosen = next(n for n, h in enumerate(screen.hits) if h.file.endswith(PO_002))
        hit = screen.hits[chosen]
        assert hit.text[hit.start : hit.end] == "هێزێکی شەڕکەر"
        table.move_cursor(row=chosen)
        await pilot.press("enter")
        await until(
            pilot,
            lambda: isinstance(app.screen, EditorScreen) and app.screen.session.path.name == PO_002,
        )
        session = editor(app).session
        assert session.current.msgctxt == hit.id
        assert "هێزێکی شەڕکەر" in session.current.msgid
        await pilot.press(*"Checked ")  # the English of the segment found has the keys
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not editor(app).session.dirty)
        by_id = {e.msgctxt: e for e in entries(committed_demo, PO_002)}
        assert by_id[hit.id].msgstr.startswith("Checked ")

    run(committed_demo, PO_000, scenario)


def test_f6_in_the_open_file_moves_to_the_segment_and_esc_comes_back(
    committed_demo: Path,
) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen))
        await pilot.press(*"combat forces", "enter")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        table = screen.query_one("#hits", DataTable)
        await until(pilot, lambda: table.row_count >= 8)
        assert {h.side for h in screen.hits} == {"target"}
        await pilot.press("down", "enter")  # the second hit, in the open file
        second = screen.hits[1]
        await until(pilot, lambda: isinstance(app.screen, EditorScreen))
        assert editor(app).session.path.name == PO_000
        assert editor(app).session.current.msgctxt == second.id
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, EditorScreen))
        assert editor(app).session.current.msgctxt == second.id

    run(committed_demo, PO_000, scenario)


def test_f7_previews_replaces_demotes_saves_and_ctrl_z_takes_it_all_back(
    committed_demo: Path,
) -> None:
    before = (committed_demo / "translations" / PO_000).read_bytes()
    wanted = [e.msgctxt for e in entries(committed_demo, PO_000) if "combat forces" in e.msgstr]
    assert len(wanted) >= 5

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, ReplaceScreen))
        await pilot.press(*"combat forces", "enter", *"fighting forces", "enter")
        screen = app.screen
        assert isinstance(screen, ReplaceScreen)
        assert screen.query_one("#changes", DataTable).row_count == len(wanted)
        assert (committed_demo / "translations" / PO_000).read_bytes() == before  # a preview
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, EditorScreen))
        await until(pilot, lambda: not editor(app).session.dirty)
        changed = {e.msgctxt: e for e in entries(committed_demo, PO_000)}
        for msgctxt in wanted:
            assert "fighting forces" in changed[msgctxt].msgstr
            assert "combat forces" not in changed[msgctxt].msgstr
            assert "reviewed" not in changed[msgctxt].flags
        await pilot.press("ctrl+z")
        await until(pilot, lambda: not editor(app).replaced and not editor(app).session.dirty)
        back = {e.msgctxt: e for e in entries(committed_demo, PO_000)}
        for msgctxt in wanted:
            assert "combat forces" in back[msgctxt].msgstr
            assert "reviewed" in back[msgctxt].flags

    run(committed_demo, PO_000, scenario)
    after = (committed_demo / "translations" / PO_000).read_bytes()
    # everything as it was but the header's revision date and translator
    changed = [a for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert all(line.startswith((b'"PO-Revision-Date', b'"Last-Translator')) for line in changed)


def test_ctrl_z_after_a_replacement_gives_back_the_reviewer_too(committed_demo: Path) -> None:
    """A replacement takes the review away with the line naming the reviewer; undone, the
    entry is reviewed again, by the same person on the same day."""
    path = committed_demo / "translations" / PO_000
    po = polib.pofile(str(path))
    wanted = [e for e in po if "combat forces" in e.msgstr and "reviewed" in e.flags]
    assert wanted
    for entry in wanted:
        set_reviewer(entry, "Ana Reviewer")
    po.save(str(path))
    line = review_line(wanted[0].tcomment)
    assert line.startswith("kwb-reviewed: Ana Reviewer")

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, ReplaceScreen))
        await pilot.press(*"combat forces", "enter", *"fighting forces", "enter", "f7")
        await until(pilot, lambda: isinstance(app.screen, EditorScreen))
        await until(pilot, lambda: not editor(app).session.dirty)
        demoted = {e.msgctxt: e for e in entries(committed_demo, PO_000)}
        assert all(review_line(demoted[e.msgctxt].tcomment) == "" for e in wanted)
        await pilot.press("ctrl+z")
        await until(pilot, lambda: not editor(app).replaced and not editor(app).session.dirty)

    run(committed_demo, PO_000, scenario)
    back = {e.msgctxt: e for e in entries(committed_demo, PO_000)}
    for entry in wanted:
        assert "reviewed" in back[entry.msgctxt].flags
        assert review_line(back[entry.msgctxt].tcomment) == line
