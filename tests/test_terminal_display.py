"""Every place of the workbench that shows Sorani, read from a real terminal (tmux) that
draws left to right, at 80×24 and 160×45: a Sorani sentence reads from the right end of its
first line down, Sorani inside an English line is turned in place, and the stored (logical)
order never reaches the screen. See tests/terminal.py for the harness."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from tests.conftest import approved_entry
from tests.reading import contains, read_visual, sorani_words
from tests.terminal import KwbTerminal, require_tmux
from workbench.cli import run as kwb
from workbench.terms.glossary_file import format_file

S1 = (
    "هێزی شەڕکەری ئەمریکا لە کۆتایی ئەمساڵدا عێراق بەجێدەهێڵێت و تەنیا ڕاوێژکار و ڕاهێنەری"
    " سەربازی دەمێننەوە."
)
S2 = "سەرۆکوەزیرانی عێراق گەڕایەوە بۆ بەغدا."
GLOSSARY = [
    approved_entry(
        "combat-forces",
        "هێزی شەڕکەر",
        "combat forces",
        variants=("combat troops",),
        note="Seen as هێزێکی شەڕکەر and هێزی شەڕکەرەوە too.",
    ),
    approved_entry("iraq", "عێراق", "Iraq", note="عێراقی is both Iraq's and Iraqi."),
    approved_entry("advisers", "ڕاوێژکار", "adviser", status="proposed"),
]
TERM_DRAWN = "رەکڕەش یزێه"  # هێزی شەڕکەر as a left-to-right terminal must draw it
FOUND_DRAWN = "یرەکڕەش یزێه"  # هێزی شەڕکەری, the form the QA message quotes
LOGICAL = ("هێزی شەڕکەر", "سەرۆکوەزیرانی عێراق", "ڕاوێژکار و")
SIZES = [(80, 24), (160, 45)]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Two segments; the first translated without the glossary's rendering (a QA finding
    that quotes Sorani), a proposed entry with a concordance for the glossary screen."""
    require_tmux()
    root = tmp_path / "proj"
    assert kwb(["init", str(root)]) == 0
    (root / "glossary" / "glossary.toml").write_text(format_file(GLOSSARY), encoding="utf-8")
    (root / "seeds" / "story.txt").write_text(f"{S1}  {S2}\n", encoding="utf-8")
    assert kwb(["add", str(root / "seeds" / "story.txt"), "--project", str(root)]) == 0
    po_path = root / "translations" / "story.po"
    po = polib.pofile(str(po_path))
    po[0].msgstr = "The American troops will leave Iraq; advisers will stay."
    po.save(str(po_path))
    return root


def panel(screen: str) -> list[str]:
    """The editor's work column (right of the segment list, or all of a narrow screen)."""
    lines = screen.splitlines()
    if len(lines) > 1 and "│" not in lines[1]:
        return lines  # a narrow terminal: the list is a view of its own
    return [line.split("│", 1)[1] if "│" in line else "" for line in lines]


def between(lines: list[str], start: str, end: str) -> list[str]:
    """The lines after the one holding `start`, up to the one holding `end`."""
    first = next(i for i, line in enumerate(lines) if start in line)
    last = next(i for i, line in enumerate(lines) if end in line and i > first)
    return lines[first + 1 : last]


def list_rows(term: KwbTerminal, screen: str, count: int) -> list[str]:
    """The segment list's first rows: left of the work column in a wide terminal; in a
    narrow one the list is a view of its own (ctrl+l there and back)."""
    if "│" in screen.splitlines()[1]:
        return [line.split("│", 1)[0] for line in screen.splitlines()[1 : 1 + count]]
    term.keys("C-l")
    shown = term.wait_for(lambda s: "Sorani" not in s)
    term.keys("C-l")
    term.wait_for("Sorani")
    return shown.splitlines()[1 : 1 + count]


def no_logical_sorani(screen: str) -> None:
    for phrase in LOGICAL:
        assert phrase not in screen, f"{phrase!r} in logical order on screen:\n{screen}"


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
def test_every_sorani_panel_reads_in_display_order(project: Path, size: tuple[int, int]) -> None:
    with KwbTerminal.translate(project, "translations/story.po", size=size) as term:
        screen = term.wait_for(lambda s: "segment 1 of 2" in s and "glossary-missing" in s)
        # the segment list: each preview keeps its sentence's beginning, at its right end
        rows = list_rows(term, screen, 2)
        assert sorani_words(rows[0])[-1] == S1.split()[0][::-1], screen
        assert sorani_words(rows[1])[-1] == S2.split()[0][::-1], screen
        # the QA panel: an English message with its Sorani turned in place
        assert f"glossary-missing: {FOUND_DRAWN}" in screen
        no_logical_sorani(screen)
        if "Sorani" not in screen:  # a small terminal: the panels above the English
            term.keys("BTab", "PageUp", "PageUp")
            screen = term.wait_for("Sorani")
        right = panel(screen)
        # the source: all of it, read from the right end of its first line down
        source = [line for line in between(right, "Sorani", "Glossary") if line.strip()]
        assert read_visual(source) == sorani_words(S1), screen
        assert source[0].rstrip().endswith(S1.split()[0][::-1])
        # the glossary: terms and notes, Sorani turned inside English lines
        assert f"1. {TERM_DRAWN} → combat forces" in screen
        assert "Seen as رەکڕەش یکێزێه and" in screen
        assert "یقارێع is both Iraq's" in screen
        no_logical_sorani(screen)

        term.keys("F3")  # the QA screen
        screen = term.wait_for("1 findings")
        row = next(line for line in screen.splitlines() if "glossary-missing" in line)
        assert f"{FOUND_DRAWN} (combat-forces)" in row, screen
        no_logical_sorani(screen)
        term.keys("Escape")
        term.wait_for("segment 1 of 2")

        term.keys("F2")  # the glossary screen: a proposed term and its concordance
        screen = term.wait_for(lambda s: "Concordance" in s and "story.po:" in s)
        assert any(line.lstrip().startswith("راکژێواڕ") for line in screen.splitlines())
        assert "advisers  راکژێواڕ  →  adviser" in screen
        detail = [line[size[0] // 2 :] for line in screen.splitlines()]  # right of the table
        hit = [line for line in between(detail, "story.po:", "→ The") if sorani_words(line)]
        assert contains(sorani_words(S1), read_visual(hit)), screen  # in order
        assert "ڕاوێژکار" in read_visual(hit)
        assert hit[0].rstrip().endswith("…")  # cut before the hit: … at the right end
        no_logical_sorani(screen)
        term.keys("Escape")
        term.wait_for("segment 1 of 2")

        term.keys("C-f")  # the filter box, as typed
        term.wait_for("filter: text")
        term.type("سەرۆکوەزیرانی عێراق")
        screen = term.wait_for("قارێع یناریزەوکۆرەس")
        no_logical_sorani(screen)
        term.keys("Enter")
        screen = term.wait_for("segment 2 of 2")
        row = list_rows(term, screen, 1)[0]  # the one segment the filter shows
        assert sorani_words(row)[-1] == S2.split()[0][::-1]
        term.assert_idle()


def test_commands_draw_for_the_terminal_and_write_logical_text_to_a_file(project: Path) -> None:
    from tests.terminal import kwb_command

    kwb_path = " ".join(kwb_command())
    script = (
        f"{kwb_path} tm search '{S1}' --min 0; {kwb_path} match seeds/story.txt > m.txt; echo done"
    )
    with KwbTerminal(["sh", "-c", script], project, size=(80, 45)) as term:
        screen = term.wait_for(lambda s: "done" in s and term.exited())
    sorani = [line.split("│")[2] for line in screen.splitlines() if line.count("│") == 5]
    assert read_visual(sorani) == sorani_words(S1), screen
    no_logical_sorani(screen)
    written = (project / "m.txt").read_text("utf-8")
    assert S1.split()[0] + " " + S1.split()[1] in written  # logical, as stored
    logical = [w for line in written.splitlines() for w in sorani_words(line)]
    assert contains(logical, sorani_words(S1))
