"""The editor's default keys, layout and states in a real terminal (tmux, see
tests/terminal.py): keys as a terminal sends them (ctrl+g and a digit in one burst, ctrl+p
that Textual's command palette would take, `?` that must type), the screen read back at
80×24 and 160×45, the PO file read back from disk."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import polib
import pytest

from tests.conftest import SEED_000, STORY, story_project
from tests.terminal import KwbTerminal, read_po, require_tmux

SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
ARABIC = re.compile(r"[\u0600-\u06ff]{3,}")


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    """Three short segments, nothing translated; and a real article of 23 segments."""
    require_tmux()
    root = story_project(kwb, tmp_path / "proj")
    assert kwb("add", str(SEED_000), cwd=root).code == 0
    return root


def set_entries(root: Path, rows: list[tuple[str, list[str]]]) -> None:
    po = polib.pofile(str(root / STORY))
    for entry, (text, flags) in zip(po, rows, strict=False):
        entry.msgstr, entry.flags = text, list(flags)
    po.save(str(root / STORY))


def english_lines(screen: str) -> list[str]:
    """The rows of the English editor's box (between its top and bottom borders)."""
    rows = screen.splitlines()
    top = next(i for i, r in enumerate(rows) if "English" in r and "▔" in r)
    bottom = next(i for i in range(top + 1, len(rows)) if "▁▁▁" in rows[i])
    return rows[top + 1 : bottom]


@SIZES
def test_glossary_insert_with_ctrl_g_and_a_digit_in_one_burst(
    project: Path, size: tuple[int, int]
) -> None:
    with KwbTerminal.translate(project, STORY, size=size) as term:
        term.wait_for("segment 1 of 3")
        term.keys("C-g", "1")  # as fast as a terminal delivers them
        term.wait_for(lambda s: "PMF" in "\n".join(english_lines(s)))
        term.type(" attacked.")
        term.keys("C-s")
        term.wait_for(lambda s: "unsaved" not in s.splitlines()[0] and "attacked" in s)
    assert read_po(project / STORY)[0].msgstr == "PMF attacked."


def test_next_and_previous_unfinished_and_no_command_palette(project: Path) -> None:
    set_entries(project, [("", []), ("Done.", []), ("", []), ("", [])])
    with KwbTerminal.translate(project, STORY) as term:
        term.wait_for("segment 1 of 3")
        term.keys("C-n")
        term.wait_for("segment 3 of 3")
        term.keys("C-p")
        screen = term.wait_for("segment 1 of 3")
        assert "Search for commands" not in screen  # Textual's palette stays shut
        set_entries(project, [("One.", []), ("Two.", []), ("Three.", [])])
        term.wait_for("One.")  # read again from disk
        term.keys("C-n")
        term.wait_for("nothing unfinished")


@SIZES
def test_done_and_next_with_ctrl_j_keeps_the_text_and_clears_the_draft(
    project: Path, size: tuple[int, int]
) -> None:
    set_entries(project, [("", []), ("No forces will stay", ["fuzzy"])])
    with KwbTerminal.translate(project, STORY, size=size) as term:
        term.wait_for("segment 1 of 3")
        term.type("The PMF attacked.")
        term.keys("C-j")
        term.wait_for("segment 2 of 3 · fuzzy")
        term.keys("End")
        term.type(" in Iraq.")
        term.keys("C-j")
        term.wait_for("segment 3 of 3")
    first, second, _ = read_po(project / STORY)
    assert (first.msgstr, first.flags) == ("The PMF attacked.", [])
    assert (second.msgstr, second.flags) == ("No forces will stay in Iraq.", [])


def test_editing_keys_typed_in_one_burst_act_in_the_order_pressed(project: Path) -> None:
    """Backspace, arrows and End between characters, as a fast typist or a held key sends
    them: each acts where it was pressed (Textual would run them after the characters
    that follow them)."""
    with KwbTerminal.translate(project, STORY) as term:
        term.wait_for("segment 1 of 3")
        term.keys("a", "b", "c", "BSpace", "BSpace", "x", "y", "Left", "!", "End", ".")
        term.wait_for(lambda s: "ax!y." in "\n".join(english_lines(s)))
        term.keys("C-s")
        term.wait_for(lambda s: "unsaved" not in s.splitlines()[0])
    assert read_po(project / STORY)[0].msgstr == "ax!y."


@SIZES
def test_help_opens_on_f1_and_ctrl_slash_and_question_mark_types(
    project: Path, size: tuple[int, int]
) -> None:
    with KwbTerminal.translate(project, STORY, size=size) as term:
        term.wait_for("segment 1 of 3")
        term.type("Why?")
        term.wait_for(lambda s: "Why?" in "\n".join(english_lines(s)))
        for key in ("F1", "C-_"):  # ctrl+/ sends what C-_ sends
            term.keys(key)
            screen = term.wait_for("done_next")
            assert "[keys]" in screen and "^j" in screen
            term.keys("Escape")
            term.wait_for(lambda s: "done_next" not in s)
        term.keys("C-s")
        term.wait_for(lambda s: "unsaved" not in s.splitlines()[0])
    assert read_po(project / STORY)[0].msgstr == "Why?"


@SIZES
def test_typing_with_the_source_and_the_english_on_screen(
    project: Path, size: tuple[int, int]
) -> None:
    """The longest segment (832 characters): its first lines, a mark for the rest, and the
    English being typed, all on screen with the footer."""
    news = f"translations/{SEED_000.stem}.po"
    with KwbTerminal.translate(project, news, size=size) as term:
        term.wait_for("segment 1 of 23")
        term.keys(*["C-Down"] * 10)
        term.wait_for("segment 11 of 23")
        term.type("Talks between Iraq and the United States")
        screen = term.wait_for("Talks between Iraq")
        rows = screen.splitlines()
        sorani = [i for i, r in enumerate(rows) if ARABIC.search(r)]
        english = next(i for i, r in enumerate(rows) if "Talks between Iraq" in r)
        assert sorani and sorani[0] < english < len(rows) - 1
        assert "Sorani" in rows[sorani[0] - 1] or "Sorani" in screen.split("\n", 2)[1]
        if size == (80, 24):
            assert re.search(r"… \d+ more lines \(tab\)", screen)  # the source cut short
        assert "F1" in rows[-1] or "Help" in rows[-1]
        term.keys("C-s")
        term.wait_for(lambda s: "unsaved" not in s.splitlines()[0])
    assert read_po(project / news)[10].msgstr == "Talks between Iraq and the United States"


def test_editing_a_reviewed_segment_is_no_longer_reviewed(kwb: Any, project: Path) -> None:
    set_entries(project, [("The PMF attacked.", ["reviewed"])])
    with KwbTerminal.translate(project, STORY) as term:
        term.wait_for("segment 1 of 3 · reviewed")
        term.keys("End")
        term.type(" again")
        term.wait_for("now translated")
        term.keys("C-s")
        term.wait_for(lambda s: "unsaved" not in s.splitlines()[0])
    story = {r["file"]: r for r in kwb("status", "--json", cwd=project).json_lines()}["story.po"]
    assert (story["reviewed"], story["translated"]) == (0, 1)


def test_filter_named_in_the_status_line_and_esc_clears_it(project: Path) -> None:
    with KwbTerminal.translate(project, STORY) as term:
        term.wait_for("segment 1 of 3")
        term.keys("C-f")  # and what follows in the same burst goes to the filter
        term.type("untranslated")
        term.keys("Enter")
        term.wait_for("filter “untranslated” 3")
        term.keys("Escape")
        screen = term.wait_for(lambda s: "filter" not in s.splitlines()[0])
        assert "segment 1 of 3" in screen  # still in the editor


def test_esc_in_a_file_opened_directly_shows_its_projects_files(project: Path) -> None:
    with KwbTerminal.translate(project, STORY) as term:
        term.wait_for("segment 1 of 3")
        term.type("The PMF attacked.")
        term.keys("Escape")
        screen = term.wait_for("translation files")
        assert "story.po" in screen and "segment 1 of 3" not in screen
        term.assert_idle()
    assert read_po(project / STORY)[0].msgstr == "The PMF attacked."
