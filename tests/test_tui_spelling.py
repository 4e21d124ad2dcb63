"""Spell checking in the editor, through Textual's Pilot: misspelt words marked as typed,
F8's suggestions picked (and undone), a word added to glossary/words.txt (read back)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import polib
import pytest
from rich.style import Style

from workbench.store.project import load_project
from workbench.tui.app import KwbApp
from workbench.tui.editor import EditorScreen
from workbench.tui.spelling import MISSPELT_STYLE, SpellingDialog
from workbench.tui.widgets import EnglishEditor, StatusLine

ARTICLE = "مستەفا کازمی لەگەڵ BBC قسەی کرد.  باران باری."


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    assert kwb("init", str(root)).code == 0
    article = root / "seeds" / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert kwb("add", str(article), cwd=root).code == 0
    return root


def run(root: Path, scenario: Callable[[KwbApp, Any], Awaitable[None]]) -> None:
    async def main() -> None:
        app = KwbApp(load_project(root), root / "translations" / "story.po", "visual")
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(300):
                screen = app.screen
                if isinstance(screen, EditorScreen) and screen.spelling is not None:
                    break
                await pilot.pause(0.02)
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())


def english(app: KwbApp) -> EnglishEditor:
    return app.screen.query_one("#target", EnglishEditor)


def marked(area: EnglishEditor, row: int = 0) -> list[str]:
    """The words of a line drawn with the misspelling style."""
    line = area.get_line(row)
    wanted = Style.parse(MISSPELT_STYLE)
    return [line.plain[s.start : s.end] for s in line.spans if Style.parse(str(s.style)) == wanted]


def entries(root: Path) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(root / "translations" / "story.po")) if not e.obsolete]


def test_misspelt_words_are_marked_as_typed(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"Mustafa al-Kadhimi told the BBC the goverment")
        await pilot.pause()
        assert marked(english(app)) == ["goverment"]
        await pilot.press(*["backspace"] * 4, *"nment is sure")  # corrected: no mark left
        await pilot.pause()
        assert marked(english(app)) == []

    run(project, scenario)


def test_f8_picks_a_suggestion_and_undo_takes_it_back(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"The goverment spoke.")
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, SpellingDialog)
        assert app.screen.word == "goverment"
        assert app.screen.suggestions[0] == "government"
        await pilot.press("1")
        await pilot.pause()
        assert english(app).text == "The government spoke."
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert english(app).text == "The goverment spoke."
        await pilot.press("f8", "enter", "ctrl+s")
        await pilot.pause()
        assert entries(project)[0].msgstr == "The government spoke."

    run(project, scenario)


def test_f8_a_adds_the_word_to_the_word_list(project: Path) -> None:
    words = project / "glossary" / "words.txt"

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"The goverment of Barzanii")
        await pilot.pause()
        assert marked(english(app)) == ["goverment", "Barzanii"]
        await pilot.press("f8")  # the last misspelt word before the cursor
        await pilot.pause()
        assert isinstance(app.screen, SpellingDialog) and app.screen.word == "Barzanii"
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, SpellingDialog)
        assert marked(english(app)) == ["goverment"]
        await pilot.press("escape")
        await pilot.pause()

    run(project, scenario)
    lines = words.read_text("utf-8").splitlines()
    assert "Barzanii" in lines and lines[0].startswith("#")


def test_esc_closes_the_suggestions_and_nothing_changes(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"A goverment")
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert english(app).text == "A goverment"

    run(project, scenario)
    assert not (project / "glossary" / "words.txt").exists()


def test_an_unreadable_word_list_is_named_and_the_editor_still_marks(project: Path) -> None:
    (project / "glossary" / "words.txt").write_bytes(b"\xff\xfe not utf-8")

    async def scenario(app: KwbApp, pilot: Any) -> None:
        status = str(app.screen.query_one("#status", StatusLine).render())
        assert "words.txt" in status and "UTF-8" in status
        await pilot.press(*"A goverment")
        await pilot.pause()
        assert marked(english(app)) == ["goverment"]

    run(project, scenario)
