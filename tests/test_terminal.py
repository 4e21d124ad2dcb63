"""The editor in a real terminal (tmux), driven as a person types: keys in bursts, the
screen read back from the pane, the PO file read back from disk (see tests/terminal.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import polib
import pytest

from tests.conftest import story_project
from tests.terminal import KwbTerminal, read_po, require_tmux


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    """A three-segment project, nothing translated."""
    require_tmux()
    root = story_project(kwb, tmp_path / "proj")
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


FLORES = Path(__file__).parent / "data" / "flores_sample"


@pytest.fixture
def flores(kwb: Any, tmp_path: Path) -> Path:
    """A 43-segment project on real Sorani (the FLORES sample), in a pattern of states: by
    position modulo 4, untranslated, untranslated, fuzzy, translated."""
    require_tmux()
    root = tmp_path / "flores"
    kwb("init", str(root))
    article = root / "seeds" / "flores.txt"
    article.write_bytes((FLORES / "ckb.txt").read_bytes())
    assert kwb("add", str(article), cwd=root).code == 0
    english = (FLORES / "en.txt").read_text(encoding="utf-8").splitlines()
    path = root / "translations" / "flores.po"
    po = polib.pofile(str(path))
    for i, entry in enumerate(e for e in po if not e.obsolete):
        if i % 4 >= 2:
            line = int(entry.occurrences[0][0].split(":p")[1].split("s")[0])
            entry.msgstr = english[line - 1]
            entry.flags = ["fuzzy"] if i % 4 == 2 else []
    po.save(str(path))
    return root


def status_line(screen: str) -> str:
    return screen.splitlines()[0]


def saved_on(segment: int) -> Callable[[str], bool]:
    """The screen shows `segment` with nothing unsaved."""
    return lambda screen: f"segment {segment} of" in screen and "unsaved" not in screen


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
def test_a_burst_of_moves_lands_that_many_segments_on_and_the_editor_goes_idle(
    flores: Path, size: tuple[int, int]
) -> None:
    """Holding ctrl+down: twenty moves in one read of the terminal."""
    po = flores / "translations" / "flores.po"
    before = read_po(po)
    with KwbTerminal.translate(flores, "translations/flores.po", size=size) as term:
        term.wait_for("segment 1 of 43")
        term.keys(*["C-Down"] * 20)
        assert "segment 21 of 43" in status_line(term.wait_for("segment 21 of"))
        term.assert_idle()
        term.keys(*["C-Up"] * 5)
        assert "segment 16 of 43" in status_line(term.wait_for("segment 16 of"))
        term.assert_idle()
        term.type("Draft ")  # segment 16 is translated: this edits it
        assert "unsaved" in status_line(term.wait_for("Draft"))
        term.keys("C-z")
        term.wait_for(lambda screen: "Draft" not in screen)
        term.keys("C-s")
        term.assert_idle()
    after = read_po(po)
    assert [e.msgstr for e in after] == [e.msgstr for e in before]  # undo took it back
    assert [e.flags for e in after] == [e.flags for e in before]


def test_bursts_of_every_moving_key_land_where_that_many_presses_do(flores: Path) -> None:
    """next unfinished, done-and-next and previous, each held down (80×24)."""
    po = flores / "translations" / "flores.po"
    before = read_po(po)
    with KwbTerminal.translate(flores, "translations/flores.po") as term:
        term.wait_for("segment 1 of 43")
        term.keys("C-n", "C-n", "C-n")  # unfinished: 2, 3, 5, 6, 7, 9 … (1-based)
        term.wait_for("segment 5 of 43")
        term.keys("C-Up", "C-Up", "C-Up", "C-Up")
        term.wait_for("segment 1 of 43")
        term.keys(*["C-j"] * 4)  # done and next: segment 3 (fuzzy) is done on the way
        term.wait_for("segment 5 of 43")
        term.assert_idle()
        screen = term.settle()
    assert "segment 5 of 43" in status_line(screen)
    after = read_po(po)
    assert [e.msgstr for e in after] == [e.msgstr for e in before]
    assert ["fuzzy" in e.flags for e in after][:7] == [False] * 6 + [True]


def test_typing_between_moves_in_one_burst_lands_in_the_segments_typed_in(flores: Path) -> None:
    """Words and moves arriving in one read of the terminal (a fast typist, a paste)."""
    po = flores / "translations" / "flores.po"
    draft = read_po(po)[2].msgstr  # segment 3 is a fuzzy draft: typing goes before it
    with KwbTerminal.translate(flores, "translations/flores.po") as term:
        term.wait_for("segment 1 of 43")
        term.keys("The first.", "C-Down", "The second.", "C-Down", "Draft: ", "C-s")
        term.wait_for(saved_on(3), timeout=1.5)  # by ctrl+s, not by the autosave (2 s later)
        term.assert_idle()
    assert [e.msgstr for e in read_po(po)[:3]] == ["The first.", "The second.", "Draft: " + draft]
