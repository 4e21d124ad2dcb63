"""Every place of the workbench that shows Sorani, read back from what it paints (Pilot):
in visual mode a Sorani sentence reads from the right end of its first line down, Sorani
inside an English line is turned in place, and typed Sorani is drawn the same way; in
terminal mode the text stays in logical order."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import polib
import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable

from tests.conftest import approved_entry
from tests.reading import contains, read_visual, sorani_words
from workbench.cli import run as kwb
from workbench.store.project import load_project
from workbench.terms.glossary_file import format_file
from workbench.tui.app import KwbApp
from workbench.tui.editor import EditorScreen
from workbench.tui.panels import WorkView

S1 = (
    "هێزی شەڕکەری ئەمریکا لە کۆتایی ئەمساڵدا عێراق بەجێدەهێڵێت و تەنیا ڕاوێژکار و ڕاهێنەری"
    " سەربازی دەمێننەوە."
)
S2 = "سەرۆکوەزیرانی عێراق گەڕایەوە بۆ بەغدا."
TERM = "هێزی شەڕکەر"
FOUND = "هێزی شەڕکەری"  # the term as the sentence inflects it, quoted by the QA message


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with a glossary of its own, its first sentence translated without the
    glossary's rendering of هێزی شەڕکەر."""
    root = tmp_path / "proj"
    assert kwb(["init", str(root)]) == 0
    (root / "glossary" / "glossary.toml").write_text(format_file(GLOSSARY), encoding="utf-8")
    (root / "seeds" / "story.txt").write_text(f"{S1}  {S2}\n", encoding="utf-8")
    (root / "seeds" / "هەواڵ.txt").write_text(f"{S2}\n", encoding="utf-8")
    for name in ("story.txt", "هەواڵ.txt"):
        assert kwb(["add", str(root / "seeds" / name), "--project", str(root)]) == 0
    po_path = root / "translations" / "story.po"
    po = polib.pofile(str(po_path))
    po[0].msgstr = "The American troops will leave Iraq; advisers will stay."
    po.save(str(po_path))
    return root


GLOSSARY = [
    approved_entry(
        "combat-forces",
        TERM,
        "combat forces",
        variants=("combat troops",),
        note="Seen as هێزێکی شەڕکەر and هێزی شەڕکەرەوە too.",
    ),
    approved_entry("iraq", "عێراق", "Iraq", note="عێراقی is both Iraq's and Iraqi."),
    approved_entry("advisers", "ڕاوێژکار", "adviser", status="proposed"),
]

Scenario = Callable[[KwbApp, Any], Awaitable[None]]


def run(
    root: Path,
    scenario: Scenario,
    mode: str = "visual",
    open_file: bool = True,
    name: str = "story.po",
) -> None:
    async def main() -> None:
        path = root / "translations" / name if open_file else None
        app = KwbApp(load_project(root), path, mode)  # type: ignore[arg-type]
        async with app.run_test(size=(120, 45)) as pilot:
            for _ in range(300):
                screen = app.screen
                ready = not open_file or (
                    isinstance(screen, EditorScreen) and screen.session.project_qa is not None
                )
                if ready and type(screen).__name__ != "OpeningScreen":
                    break
                await pilot.pause(0.03)
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())


def drawn(widget: Widget) -> list[str]:
    """The lines a widget paints (padding and border included), as text."""
    width, height = widget.outer_size
    strips = widget.render_lines(Region(0, 0, width, height))
    return ["".join(segment.text for segment in strip) for strip in strips]


def section(screen: Any, name: str) -> list[str]:
    """The rows a part of the editor's work view (source, glossary, tm, qa) paints."""
    return str(screen.query_one(WorkView).text(name)).splitlines()


def test_editor_panels_draw_sorani_in_display_order(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        screen = app.screen
        # the source: read from the right end of the first line, lines from the top
        source = [line for line in section(screen, "source") if line.strip()]
        assert len(source) > 1
        assert source[0].rstrip().endswith(S1.split()[0][::-1])
        assert read_visual(source) == sorani_words(S1)
        # the glossary: an English line with the term turned in place, its number first
        glossary = section(screen, "glossary")
        line = next(line for line in glossary if "combat forces" in line)
        assert line.lstrip().startswith("1. " + "رەکڕەش یزێه" + " → combat forces")
        assert TERM not in "\n".join(glossary)
        # notes: English with Sorani in it, read left to right with the Sorani turned, even
        # a note that opens with a Sorani word
        assert any("Seen as رەکڕەش یکێزێه and" in line for line in glossary)
        assert any(line.strip().startswith("یقارێع is both Iraq's") for line in glossary)
        # the QA panel: the message's Sorani turned, the English around it as written
        qa = "\n".join(section(screen, "qa"))
        assert "glossary-missing: یرەکڕەش یزێه (combat-forces) should be" in qa
        assert FOUND not in qa
        # the segment list: the preview keeps the sentence's beginning, at its right end
        rows = drawn(screen.query_one("#segment-list"))
        first = sorani_words(rows[0])
        assert first[-1] == S1.split()[0][::-1] and "…" in rows[0]

    run(project, scenario)


def test_terminal_mode_leaves_the_text_in_logical_order(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        screen = app.screen
        source = [line.strip() for line in section(screen, "source") if line.strip()]
        assert source[0].startswith(S1.split()[0]) and " ".join(source) == S1
        glossary = section(screen, "glossary")
        assert any(f"1. {TERM} → combat forces" in line for line in glossary)
        assert FOUND in "\n".join(section(screen, "qa"))

    run(project, scenario, mode="terminal")


def test_qa_screen_draws_the_messages_sorani_in_display_order(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("f3")
        for _ in range(200):
            if app.screen.sub_title.endswith("findings"):
                break
            await pilot.pause(0.03)
        await pilot.pause()
        lines = drawn(app.screen.query_one("#findings", DataTable))
        row = next(line for line in lines if "glossary-missing" in line)
        assert "یرەکڕەش یزێه (combat-forces) should be" in row and FOUND not in row

    run(project, scenario)


def test_glossary_screen_table_entry_and_concordance_in_display_order(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("f2", "s")  # proposed → approved entries
        await pilot.pause(0.3)
        screen = app.screen
        table = screen.query_one("#glossary-entries", DataTable)
        row = next(i for i, key in enumerate(table.rows) if key.value == "combat-forces")
        table.move_cursor(row=row)
        for _ in range(200):  # the concordance is looked up in a worker
            if screen.concordance:  # type: ignore[attr-defined]
                break
            await pilot.pause(0.03)
        await pilot.pause(0.2)
        rows = drawn(table)
        assert any(line.lstrip().startswith("رەکڕەش یزێه") for line in rows)
        info = drawn(screen.query_one("#entry-info"))
        assert info[0].startswith("combat-forces  رەکڕەش یزێه  →  combat forces")
        concordance = [line for line in drawn(screen.query_one("#entry-concordance")) if line]
        sorani = [line for line in concordance if sorani_words(line) and "→" not in line]
        read = read_visual(sorani)
        assert contains(read, sorani_words(S1)[:6])
        assert sorani[0].rstrip().endswith(S1.split()[0][::-1])  # the sentence's beginning

    run(project, scenario)


def test_typed_sorani_in_the_filter_is_drawn_in_display_order(project: Path) -> None:
    typed = "سەرۆکوەزیرانی عێراق"

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("ctrl+f")
        await pilot.press(*["space" if c == " " else c for c in typed])
        await pilot.pause()
        box = app.screen.query_one("#filter")
        line = drawn(box)[1 if len(drawn(box)) > 1 else 0]
        assert "قارێع یناریزەوکۆرەس" in line and typed not in line
        # right-aligned, the cursor (an extra cell) to the left of the text
        assert line.rstrip(" ▎").endswith("قارێع یناریزەوکۆرەس")
        await pilot.press("enter")
        await pilot.pause()
        assert editor(app).rows == [1]  # the filter still matches in logical order

    run(project, scenario)


def editor(app: KwbApp) -> EditorScreen:
    screen = app.screen
    assert isinstance(screen, EditorScreen)
    return screen


def test_the_overview_draws_sorani_file_names_in_display_order(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        for _ in range(200):
            if app.screen.query("#files") and app.screen.query_one("#files", DataTable).row_count:
                break
            await pilot.pause(0.03)
        lines = drawn(app.screen.query_one("#files", DataTable))
        assert any("po.ڵاوەه" in line for line in lines)
        assert not any("هەواڵ" in line for line in lines)

    run(project, scenario, open_file=False)


def test_a_sorani_file_name_is_drawn_in_display_order(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        status = drawn(app.screen.query_one("#status"))[0]
        assert "ڵاوەه.po" in status and "هەواڵ" not in status
        await pilot.press("f3")
        await pilot.pause(0.2)
        assert app.screen.title == "QA: ڵاوەه.po"

    run(project, scenario, name="هەواڵ.po")
