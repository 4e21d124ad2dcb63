"""The editor shows what changed: a TM suggestion's Sorani with the words the current source
lacks marked, and a fuzzy entry's previous source diffed against the new one. Read from
the painted rows (the marked glyphs in the terminal's drawing order) and the PO file."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import polib
import pytest
from rich.style import Style

from workbench.display.bidi import reorder
from workbench.store.project import load_project
from workbench.tui.app import KwbApp
from workbench.tui.diffs import ADDED_STYLE, REMOVED_STYLE
from workbench.tui.editor import EditorScreen
from workbench.tui.panels import WorkView

EARLIER = "هێزەکانی ئەمریکا لە عێراق دەمێننەوە و راهێنان دەکەن."
STORY = "هێزەکانی ئەمریکا لە سووریا دەمێننەوە و راهێنان دەکەن."


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    """story.po, whose one sentence is an earlier article's with one word changed; the
    earlier one is translated."""
    root = tmp_path / "proj"
    assert kwb("init", str(root)).code == 0
    for name, text in (("earlier", EARLIER), ("story", STORY)):
        (root / "seeds" / f"{name}.txt").write_text(text, encoding="utf-8")
        assert kwb("add", str(root / "seeds" / f"{name}.txt"), cwd=root).code == 0
    earlier = root / "translations" / "earlier.po"
    po = polib.pofile(str(earlier))
    po[0].msgstr = "US forces will stay in Iraq and train."
    po.save(str(earlier))
    return root


def run(root: Path, scenario: Callable[[KwbApp, Any], Awaitable[None]]) -> None:
    async def main() -> None:
        app = KwbApp(load_project(root), root / "translations" / "story.po", "visual")
        async with app.run_test(size=(140, 45)) as pilot:
            for _ in range(200):
                if isinstance(app.screen, EditorScreen):
                    break
                await pilot.pause(0.02)
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())


def painted(view: WorkView, name: str, style: str) -> list[str]:
    """The runs of glyphs a section paints in `style` (as the terminal shows them)."""
    want = Style.parse(style)
    wanted = (want.bold, want.bgcolor, want.underline)
    runs = []
    for strip in view.shown_lines(name):
        for segment in strip:
            st = segment.style
            if st is None or not segment.text.strip():
                continue
            if (st.bold, st.bgcolor, st.underline) == wanted:
                runs.append(segment.text)
    return runs


def drawn(word: str) -> str:
    """A Sorani word as a left-to-right terminal draws it in visual mode."""
    return "".join(glyph for _, glyph in reorder(word, "visual"))


def test_a_tm_suggestion_shows_its_source_with_the_differences_marked(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        view = app.screen.query_one(WorkView)
        for _ in range(200):  # the TM process syncs first
            if "Iraq" in view.text("tm"):
                break
            await pilot.pause(0.05)
        assert "US forces will stay in Iraq" in view.text("tm")
        # the suggestion's Sorani is there, its word the current source lacks marked
        assert painted(view, "tm", REMOVED_STYLE) == [drawn("عێراق")]

    run(project, scenario)


def test_a_fuzzy_entry_from_an_update_shows_its_previous_source_diffed(
    kwb: Any, project: Path
) -> None:
    story = project / "translations" / "story.po"
    po = polib.pofile(str(story))
    po[0].msgstr = "US forces will stay in Syria and train."
    po.save(str(story))
    (project / "seeds" / "story.txt").write_text(
        "هێزەکانی ئەمریکا لە سووریا نامێننەوە و راهێنان دەکەن.", encoding="utf-8"
    )
    assert kwb("add", str(project / "seeds" / "story.txt"), cwd=project).code == 0
    entry = polib.pofile(str(story))[0]
    assert "fuzzy" in entry.flags and entry.previous_msgid == STORY

    async def scenario(app: KwbApp, pilot: Any) -> None:
        view = app.screen.query_one(WorkView)
        await pilot.pause()
        assert "source changed" in view.text("tm")
        # the previous source's changed word marked in the TM panel …
        assert painted(view, "tm", REMOVED_STYLE) == [drawn("دەمێننەوە")]
        # … and the new source's own word underlined in the source panel
        assert painted(view, "source", ADDED_STYLE) == [drawn("نامێننەوە")]

    run(project, scenario)
