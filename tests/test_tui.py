"""The workbench as a translator uses it: real keys through Textual's Pilot, then the PO
file read back from disk after each step."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import polib
import pytest

from tests.conftest import story_project
from workbench.display.bidi import layout, reorder
from workbench.store.project import load_project
from workbench.tui.app import KwbApp
from workbench.tui.editor import EditorScreen
from workbench.tui.panels import WorkView


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    root = story_project(kwb, tmp_path / "proj")
    return root


def entries(root: Path) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(root / "translations" / "story.po")) if not e.obsolete]


def run(root: Path, scenario: Callable[[KwbApp, Any], Awaitable[None]]) -> None:
    async def main() -> None:
        app = KwbApp(load_project(root), root / "translations" / "story.po", "visual")
        async with app.run_test(size=(140, 45)) as pilot:
            await opened(app, pilot)
            await scenario(app, pilot)

    asyncio.run(main())


async def opened(app: KwbApp, pilot: Any) -> None:
    """Wait until the editor has the file (it is read in a worker)."""
    for _ in range(200):
        if isinstance(app.screen, EditorScreen):
            break
        await pilot.pause(0.02)
    await pilot.pause()


def editor(app: KwbApp) -> EditorScreen:
    screen = app.screen
    assert isinstance(screen, EditorScreen)
    return screen


def test_translate_three_segments_with_the_keyboard(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        for text in ("The PMF attacked.", "No combat forces will remain in Iraq.", "It rained."):
            await pilot.press(*text)
            await pilot.press("ctrl+j")
            await pilot.pause()
        assert [e.msgstr for e in entries(project)] == [
            "The PMF attacked.",
            "No combat forces will remain in Iraq.",
            "It rained.",
        ]

    run(project, scenario)


def test_toggle_fuzzy_review_and_glossary_insert_with_undo(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("ctrl+g", "1")  # حەشدی شەعبی → PMF
        await pilot.pause()
        assert editor(app).query_one("#target").text == "PMF"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        assert entries(project)[0].msgstr == "PMF"
        await pilot.press("ctrl+z")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert entries(project)[0].msgstr == ""
        await pilot.press(*"The PMF attacked.")
        await pilot.press("ctrl+u")
        await pilot.pause()
        first = entries(project)[0]
        assert first.msgstr == "The PMF attacked." and "fuzzy" in first.flags
        await pilot.press("ctrl+u", "ctrl+r")
        await pilot.pause()
        assert entries(project)[0].flags == ["reviewed"]

    run(project, scenario)


def test_outside_change_is_reloaded_and_never_overwritten(project: Path) -> None:
    po_path = project / "translations" / "story.po"

    async def scenario(app: KwbApp, pilot: Any) -> None:
        po = polib.pofile(str(po_path))
        po[2].msgstr = "It rained (edited in Poedit)."
        po.save(str(po_path))
        await pilot.pause(2.0)  # the editor polls the file
        session = editor(app).session
        assert session.entries[2].msgstr == "It rained (edited in Poedit)."
        await pilot.press(*"The PMF attacked.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        on_disk = entries(project)
        assert on_disk[0].msgstr == "The PMF attacked."
        assert on_disk[2].msgstr == "It rained (edited in Poedit)."

    run(project, scenario)


def test_next_unfinished_find_and_help(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"Done one.")
        await pilot.press("ctrl+j")
        await pilot.press("ctrl+up")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert editor(app).session.index == 1
        await pilot.press("ctrl+f", *"باران", "enter")
        await pilot.pause()
        assert editor(app).rows == [2]
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"

    run(project, scenario)


def test_keys_are_remappable_from_the_project_config(project: Path) -> None:
    config = project / "kwb.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[keys]\ntoggle_fuzzy = "f9"\n', encoding="utf-8"
    )

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"Draft.")
        await pilot.press("f9")
        await pilot.pause()
        assert "fuzzy" in entries(project)[0].flags

    run(project, scenario)


def test_glossary_screen_approves_a_proposed_entry(kwb: Any, project: Path) -> None:
    kwb(
        "glossary",
        "propose",
        "بارانی بەخوڕ",
        "--target",
        "heavy rain",
        "--id",
        "heavy-rain",
        cwd=project,
    )

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("f2")
        await pilot.pause()
        assert type(app.screen).__name__ == "GlossaryScreen"
        await pilot.press("a")
        await pilot.pause()

    run(project, scenario)
    from workbench.terms import glossary_file

    entry = {e.id: e for e in glossary_file.read(project / "glossary" / "glossary.toml")}[
        "heavy-rain"
    ]
    assert entry.status == "approved" and entry.history[-1].action == "approved"


def test_rtl_lines_read_right_to_left_give_back_the_logical_text() -> None:
    text = "هێزی شەڕکەر لە عێراق نامێنێت و کازمی گەڕایەوە بۆ بەغدا"
    lines = layout(text, 20, "visual")
    assert len(lines) > 1
    rebuilt = " ".join("".join(glyph for _, glyph in reversed(line)) for line in lines)
    assert rebuilt == text
    mixed = "لە ٢٠٢١ BBC گوتی (کورد)"
    order = reorder(mixed, "visual")
    assert sorted(i for i, _ in order) == list(range(len(mixed)))
    drawn = "".join(g for _, g in order)
    assert "BBC" in drawn and "(دروک)" in drawn  # Latin stays left to right; brackets mirror


def test_rtl_widget_paints_lines_that_read_back_with_highlights_on_the_terms() -> None:
    from workbench.tui.rtl_text import RtlText

    text = "هێزی شەڕکەر لە عێراق نامێنێت و کازمی گەڕایەوە بۆ بەغدا"
    term = text.index("عێراق"), text.index("عێراق") + len("عێراق")
    widget = RtlText(mode="visual")
    widget.update(text, [(*term, "bold black on yellow")])
    strips = widget.lines(24)
    assert len(strips) > 1 and all(s.cell_length == 24 for s in strips)  # right-aligned
    drawn = ["".join(seg.text for seg in strip) for strip in strips]
    assert " ".join(line.strip()[::-1] for line in drawn) == text
    highlighted = [seg.text for strip in strips for seg in strip if seg.style and seg.style.bold]
    assert highlighted == ["عێراق"[::-1]]


def test_bundled_project_opens_in_the_overview(committed_demo: Path) -> None:
    async def main() -> None:
        app = KwbApp(load_project(committed_demo), None, "visual")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.5)
            assert type(app.screen).__name__ == "OverviewScreen"
            await pilot.press("enter")
            await opened(app, pilot)
            assert isinstance(app.screen, EditorScreen)

    asyncio.run(main())


def test_tm_suggestion_is_shown_and_inserted(kwb: Any, project: Path) -> None:
    """A sentence translated in another article comes up as a TM suggestion; ctrl+t takes it."""
    other = project / "seeds" / "earlier.txt"
    other.write_text("حەشدی شەعبی هێرشی کرد.  هەواڵێکی نوێ.", encoding="utf-8")
    assert kwb("add", str(other), cwd=project).code == 0
    earlier = project / "translations" / "earlier.po"
    po = polib.pofile(str(earlier))
    po[0].msgstr = "The PMF launched an attack."
    po.save(str(earlier))

    async def scenario(app: KwbApp, pilot: Any) -> None:
        for _ in range(100):  # the TM process syncs first
            await pilot.pause(0.05)
            if "PMF launched" in editor(app).query_one(WorkView).text("tm"):
                break
        assert "100%" in editor(app).query_one(WorkView).text("tm")
        await pilot.press("ctrl+t", "ctrl+s")
        await pilot.pause()
        assert entries(project)[0].msgstr == "The PMF launched an attack."

    run(project, scenario)


def test_the_app_saves_and_leaves_when_its_terminal_is_gone(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"The PMF attacked.")  # not saved yet: autosave waits for a pause
        app.terminal = 0  # as if started in a terminal
        app.check_terminal()  # still there: nothing happens
        assert app.is_running and entries(project)[0].msgstr == ""
        monkeypatch.setattr("workbench.tui.app.os.isatty", lambda fd: False)  # window closed
        app.check_terminal()
        await pilot.pause()
        assert entries(project)[0].msgstr == "The PMF attacked."
        assert not app.is_running

    monkeypatch.setattr("workbench.tui.app.os.isatty", lambda fd: True)
    run(project, scenario)


def test_the_list_follows_the_editor_silently_and_old_list_moves_are_ignored(
    project: Path,
) -> None:
    from workbench.tui.segment_list import SegmentList

    async def scenario(app: KwbApp, pilot: Any) -> None:
        screen = editor(app)
        segments = screen.query_one(SegmentList)
        segments.focus()
        await pilot.press("down", "down")  # the translator's moves in the list
        await pilot.pause()
        assert (screen.session.index, segments.cursor) == (2, 2)
        stale = SegmentList.Highlighted(segments, 0)
        segments.cursor = 1  # the cursor moved on before the message arrived
        assert not stale.current
        screen.post_message(stale)
        await pilot.press("ctrl+up", "ctrl+up")  # the editor's moves: the list follows
        await pilot.pause()
        assert (screen.session.index, segments.cursor) == (0, 0)
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert (screen.session.index, segments.cursor) == (1, 1)

    run(project, scenario)
