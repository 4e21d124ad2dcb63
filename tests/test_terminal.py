"""The editor in a real terminal (tmux), driven as a person types: keys in bursts, the
screen read back from the pane, the PO file read back from disk (see tests/terminal.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.terminal import KwbTerminal, read_po, require_tmux

ARTICLE = "حەشدی شەعبی هێرشی کرد.  هێزی شەڕکەر لە عێراق نامێنێت.  باران بارى."


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    """A three-segment project, nothing translated."""
    require_tmux()
    root = tmp_path / "proj"
    kwb("init", str(root))
    article = root / "seeds" / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert kwb("add", str(article), cwd=root).code == 0
    return root


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
def test_typed_translation_is_saved_and_the_editor_goes_idle(
    project: Path, size: tuple[int, int]
) -> None:
    with KwbTerminal.translate(project, "translations/story.po", size=size) as term:
        term.wait_for("segment 1 of 3")
        term.type("The PMF attacked.")
        assert "unsaved" in term.wait_for("The PMF attacked.").splitlines()[0]
        term.keys("C-s")
        term.wait_for(lambda screen: "unsaved" not in screen.splitlines()[0], timeout=1.5)
        term.assert_idle()
    assert [e.msgstr for e in read_po(project / "translations" / "story.po")] == [
        "The PMF attacked.",
        "",
        "",
    ]
