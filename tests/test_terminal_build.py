"""F5 through a real terminal (tmux, see tests/terminal.py): the article typed so far is
built into output/, as a draft while segments are left, and the screen says where."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
import pytest

from tests.conftest import STORY, story_project
from tests.terminal import KwbTerminal, require_tmux


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    """Three one-sentence paragraphs, nothing translated."""
    require_tmux()
    root = story_project(kwb, tmp_path / "proj")
    return root


def test_f5_builds_the_open_article_and_says_where_it_went(project: Path) -> None:
    with KwbTerminal.translate(project, STORY, size=(100, 30)) as term:
        term.wait_for("segment 1 of 3")
        term.type("The PMF attacked.")
        term.keys("C-j")
        term.wait_for("segment 2 of 3")
        term.type("No combat forces will remain.")
        term.keys("C-j")
        term.wait_for("segment 3 of 3")
        term.keys("F5")
        term.wait_for("output/story.txt (draft: 1 unfinished)")
    entries = [e for e in polib.pofile(str(project / STORY)) if not e.obsolete]
    built = (project / "output" / "story.txt").read_text("utf-8")
    assert built == (
        f"The PMF attacked.\n\nNo combat forces will remain.\n\n[{entries[2].msgid}]\n"
    )
