"""Project search (F6) and replace in the English (F7) in a real terminal (tmux): keys sent
as a person types them, the screen read from the pane, the PO files read back from disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.terminal import KwbTerminal, read_po, require_tmux
from workbench.search.concordance import search_project
from workbench.search.query import compile_query
from workbench.store.project import load_project

PO_000 = "translations/000_d4781596957db36c.po"
PO_002 = "translations/002_ea2792f57afd9dbb.po"


@pytest.fixture
def demo(committed_demo: Path) -> Path:
    require_tmux()
    return committed_demo


def test_f6_search_enter_opens_the_other_file_at_the_hit(demo: Path) -> None:
    hits = search_project(load_project(demo), compile_query("combat forces"))
    last = hits[-1]
    assert last.file == PO_002
    with KwbTerminal.translate(demo, PO_000, size=(120, 36)) as term:
        term.wait_for("segment 1 of")
        term.keys("F6")
        term.wait_for("Search the project")
        term.type("combat forces")
        term.keys("Enter")
        term.wait_for("hits for “combat forces”")
        term.keys(*["Down"] * (len(hits) - 1), "Enter")  # the last hit: in the other file
        screen = term.wait_for("002_ea2792f57afd9dbb.po")
        assert "segment 1 of" not in screen.splitlines()[0]
        term.type("Found: ")
        term.keys("C-s")
        term.wait_for(lambda s: "Found: " in s and "unsaved" not in s.splitlines()[0])
    by_id = {e.msgctxt: e for e in read_po(demo / PO_002)}
    assert by_id[last.id].msgstr.startswith("Found: ")
    assert "combat forces" in by_id[last.id].msgstr


def test_f7_replace_previews_applies_and_ctrl_z_takes_it_back(demo: Path) -> None:
    path = demo / PO_000
    before = {e.msgctxt: (e.msgstr, e.flags) for e in read_po(path)}
    wanted = [k for k, (text, _) in before.items() if "combat forces" in text]
    with KwbTerminal.translate(demo, PO_000, size=(120, 36)) as term:
        term.wait_for("segment 1 of")
        term.keys("F7")
        term.wait_for("Replace in the English")
        term.type("combat forces")
        term.keys("Enter")
        term.type("fighting forces")
        term.keys("Enter")
        screen = term.wait_for(f"{len(wanted)} changes: F7 replaces all")
        assert "fighting forces" in screen  # the preview shows the English after
        assert {e.msgctxt: (e.msgstr, e.flags) for e in read_po(path)} == before
        term.keys("F7")
        term.wait_for(f"replaced in {len(wanted)} segments")
        term.wait_for(lambda s: "unsaved" not in s.splitlines()[0])
        replaced = {e.msgctxt: e for e in read_po(path)}
        for key in wanted:
            assert "fighting forces" in replaced[key].msgstr
            assert "reviewed" not in replaced[key].flags
        term.keys("C-z")
        term.wait_for(f"replacement undone in {len(wanted)} segments")
        term.wait_for(lambda s: "unsaved" not in s.splitlines()[0])
    assert {e.msgctxt: (e.msgstr, e.flags) for e in read_po(path)} == before
