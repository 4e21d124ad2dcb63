"""Spelling marks, F8 and the fuzzy diffs in a real terminal (tmux, see tests/terminal.py):
the pane read back with its attributes (a misspelt word underlined, a changed Sorani word
on a background of its own), the PO file and glossary/words.txt read back from disk."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import polib
import pytest

from tests.terminal import KwbTerminal, read_po, require_tmux
from workbench.display.bidi import reorder

STORY = "translations/story.po"
BEFORE = "هێزەکانی ئەمریکا لە سووریا دەمێننەوە و راهێنان دەکەن."
AFTER = "هێزەکانی ئەمریکا لە سووریا نامێننەوە و راهێنان دەکەن."


def attributes_before(styled: str, word: str) -> set[str] | None:
    """The SGR parameters set right before the first `word` on the pane (its attributes
    where it starts; empty when the word follows plain text), None without the word."""
    at = styled.find(word)
    if at < 0:
        return None
    preceding = re.search(r"((?:\x1b\[[0-9;]*m)*)$", styled[:at])
    assert preceding is not None
    params: set[str] = set()
    for sequence in re.findall(r"\x1b\[([0-9;]*)m", preceding[1]):
        params.update(sequence.split(";"))
    return params


def drawn(word: str) -> str:
    return "".join(glyph for _, glyph in reorder(word, "visual"))


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    require_tmux()
    root = tmp_path / "proj"
    assert kwb("init", str(root)).code == 0
    (root / "seeds" / "story.txt").write_text(
        f"مستەفا کازمی لەگەڵ BBC قسەی کرد.  {BEFORE}", encoding="utf-8"
    )
    assert kwb("add", str(root / "seeds" / "story.txt"), cwd=root).code == 0
    return root


def test_a_misspelling_is_underlined_and_f8_replaces_it(project: Path) -> None:
    with KwbTerminal.translate(project, STORY, size=(100, 30)) as term:
        term.wait_for("segment 1 of 2")
        term.type("The BBC goverment spoke")
        term.wait_for("goverment spoke")
        term.wait_for(lambda s: underlined(term, "goverment"))
        assert attributes_before(styled(term), "spoke") == set()
        term.keys("F8")
        term.wait_for("Not in the dictionary")
        term.keys("1")
        term.wait_for("The BBC government spoke")
        term.keys("C-s")
        term.wait_for(lambda s: "unsaved" not in s.splitlines()[0])
    assert read_po(project / STORY)[0].msgstr == "The BBC government spoke"


def styled(term: KwbTerminal) -> str:
    return term.capture_styled()


def underlined(term: KwbTerminal, word: str) -> bool:
    return "4" in (attributes_before(styled(term), word) or ())


def test_f8_a_adds_the_word_to_the_project_word_list(project: Path) -> None:
    words = project / "glossary" / "words.txt"
    with KwbTerminal.translate(project, STORY, size=(100, 30)) as term:
        term.wait_for("segment 1 of 2")
        term.type("Barzanii spoke")
        term.wait_for(lambda s: underlined(term, "Barzanii"))
        term.keys("Left", "Left", "Left", "Left", "Left", "Left", "F8")
        term.wait_for("Not in the dictionary")
        term.keys("a")
        term.wait_for(lambda s: attributes_before(styled(term), "Barzanii") == set())
    assert "Barzanii" in words.read_text("utf-8").splitlines()


def test_a_fuzzy_entry_shows_its_previous_source_with_the_change_marked(
    kwb: Any, project: Path
) -> None:
    po = polib.pofile(str(project / STORY))
    po[1].msgstr = "US forces will stay in Syria and train."
    po.save(str(project / STORY))
    (project / "seeds" / "story.txt").write_text(
        f"مستەفا کازمی لەگەڵ BBC قسەی کرد.  {AFTER}", encoding="utf-8"
    )
    assert kwb("add", str(project / "seeds" / "story.txt"), cwd=project).code == 0
    assert "fuzzy" in read_po(project / STORY)[1].flags
    with KwbTerminal.translate(project, STORY, size=(100, 30)) as term:
        term.wait_for("segment 1 of 2")
        term.keys("C-Down")
        term.wait_for("source changed")
        pane = styled(term)
        # the new source's new word underlined; the previous source's word it replaced on
        # a background of its own, the words around it as they were
        assert "4" in (attributes_before(pane, drawn("نامێننەوە")) or ())
        previous = pane[pane.index("source changed") :]
        removed = attributes_before(previous, drawn("دەمێننەوە")) or set()
        assert "48" in removed or any(p.startswith("4") and len(p) == 2 for p in removed)
        assert attributes_before(previous, " " + drawn("و")) == set()  # unchanged: plain
