"""F5 in the editor builds the open article's English (through Textual's Pilot): what was
typed is saved and in the file, unfinished segments make it a draft, and the status line
says where it went. The same through a real terminal: test_terminal_build.py."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import polib
import pytest

from tests.conftest import STORY, story_project
from workbench.store.project import load_project
from workbench.tui.app import KwbApp
from workbench.tui.editor import EditorScreen
from workbench.tui.widgets import StatusLine


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    """Three one-sentence paragraphs, the first translated."""
    root = story_project(kwb, tmp_path / "proj")
    po = polib.pofile(str(root / STORY))
    po[0].msgstr = "The PMF attacked."
    po.save(str(root / STORY))
    return root


def sorani(root: Path, n: int) -> str:
    return [e for e in polib.pofile(str(root / STORY)) if not e.obsolete][n].msgid


def status(app: KwbApp) -> str:
    screen = app.screen
    assert isinstance(screen, EditorScreen)
    return str(screen.query_one("#status", StatusLine).render())


def test_f5_saves_and_builds_the_article_as_a_draft_and_says_where(project: Path) -> None:
    async def main() -> None:
        app = KwbApp(load_project(project), project / STORY, "visual")
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(200):
                if isinstance(app.screen, EditorScreen):
                    break
                await pilot.pause(0.02)
            await pilot.press("ctrl+down")
            await pilot.press(*"No combat forces will remain.")
            await pilot.press("f5")
            await pilot.pause()
            assert "built output/story.txt (draft: 1 unfinished)" in status(app)
            await pilot.press("f5")
            await pilot.pause()
            assert "built, unchanged: output/story.txt (draft: 1 unfinished)" in status(app)

    asyncio.run(main())
    built = (project / "output" / "story.txt").read_text("utf-8")
    assert built == (
        f"The PMF attacked.\n\nNo combat forces will remain.\n\n[{sorani(project, 2)}]\n"
    )
