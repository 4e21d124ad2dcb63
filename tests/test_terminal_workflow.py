"""The translator's workflow keys in a real terminal (tmux, see tests/terminal.py): F9
proposes a glossary term, F12 and the QA screen's `w` waive a finding, F4 writes a
comment; the glossary and the PO file read back from disk, the status line read from the
screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import STORY, story_project
from tests.terminal import KwbTerminal, read_po, require_tmux
from workbench.qa.model import parse_waivers
from workbench.terms import glossary_file


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    require_tmux()
    root = story_project(kwb, tmp_path / "proj")
    return root


def test_f9_proposes_a_term_picked_from_the_sorani_with_the_selected_english(
    project: Path,
) -> None:
    glossary = project / "glossary" / "glossary.toml"
    with KwbTerminal.translate(project, STORY, size=(100, 30)) as term:
        term.wait_for("left 3 seg")
        term.keys("C-Down", "C-Down")
        term.wait_for("segment 3 of 3")
        term.type("It rained")
        term.keys(*["S-Left"] * 6)  # "rained" selected
        term.keys("F9")
        term.wait_for("Propose a glossary term")
        term.keys("Left")  # the next word (the text reads right to left)
        term.wait_for(lambda s: "یراب" in s.split("Sorani term")[1].split("English")[0])
        term.keys("Right")  # and back
        term.wait_for(lambda s: "ناراب" in s.split("Sorani term")[1].split("English")[0])
        term.keys("Enter", "Enter")  # take the word, on to the English
        term.keys(*["BSpace"] * 6)
        term.type("rain")
        term.keys("Enter")
        screen = term.wait_for("proposed rain")
        assert "proposed" in screen  # the glossary panel shows the new term, marked
        term.assert_idle()
    made = next(e for e in glossary_file.read(glossary) if e.source == "باران")
    assert (made.id, made.target, made.status) == ("rain", "rain", "proposed")
    assert made.proposed_by == "Test Translator"


def test_f12_and_w_waive_findings_with_their_reasons_and_f4_comments(project: Path) -> None:
    with KwbTerminal.translate(project, STORY, size=(160, 45)) as term:
        term.wait_for("left 3 seg")
        term.type("The militia attacked.")
        term.keys("C-s")
        term.wait_for("glossary-missing")
        term.keys("F12")
        screen = term.wait_for("Why is it right as it is?")
        assert "Which finding?" not in screen  # one finding: the reason is asked at once
        term.type("the desk calls them militia")
        term.keys("Enter")
        term.wait_for("glossary-missing: waived")
        term.keys("C-Down")
        term.wait_for("segment 2 of 3")
        term.type("No forces will stay in Iraq.")
        term.keys("C-s", "F3")
        term.wait_for("findings")
        term.keys("w")
        term.wait_for("Why is it right as it is?")
        term.type("the source says so")
        term.keys("Enter")
        term.wait_for("waived")
        term.keys("Escape")
        term.wait_for("segment 2 of 3")
        term.keys("F4")
        term.wait_for("Translator comment of segment 2")
        term.type("Ask the desk about combat forces")
        term.keys("C-s")
        term.wait_for("comment: Ask the desk")
        term.assert_idle()
    first, second, _ = read_po(project / STORY)
    assert parse_waivers(first.tcomment) == {"glossary-missing": "the desk calls them militia"}
    assert list(parse_waivers(second.tcomment).values()) == ["the source says so"]
    assert second.tcomment.startswith("Ask the desk about combat forces\nkwb-ok: ")
