"""`kwb practice` (what `make run` opens): a copy of the project whose articles a newcomer
translates again, while the reviewed demo stays exactly as it is."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import polib

from tests.conftest import REPO
from tests.terminal import KwbTerminal, read_po, require_tmux


def files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def live(path: Path) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(path)) if not e.obsolete]


def test_practice_copy_holds_the_articles_to_translate_again(
    kwb: Any, committed_demo: Path
) -> None:
    before = files(committed_demo)
    made = kwb("practice", cwd=committed_demo)
    assert made.code == 0, made.err
    assert "practice copy" in made.out and "kwb translate --project practice" in made.out
    practice = committed_demo / "practice"
    assert {k: v for k, v in files(committed_demo).items() if not k.startswith("practice/")} == (
        before
    )  # the reviewed demo is untouched
    for folder in ("seeds", "glossary"):
        assert files(practice / folder) == files(committed_demo / folder)
    for original in sorted((committed_demo / "translations").glob("*.po")):
        copy = practice / "translations" / original.name
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(copy)], check=True)
        pairs = list(zip(live(original), live(copy), strict=True))
        assert all(o.msgid == c.msgid and o.msgctxt == c.msgctxt for o, c in pairs)
        assert all("reviewed" not in c.flags for _, c in pairs)
        translated = [(o, c) for o, c in pairs if o.msgstr.strip()]
        for n, (o, c) in enumerate(translated, 1):  # every third a draft to review
            expected = (o.msgstr, ["fuzzy"]) if n % 3 == 0 else ("", [])
            assert (c.msgstr, c.flags) == expected
    status = kwb("status", "--json", "--project", str(practice)).json_lines()[-1]
    assert status["reviewed"] == 0 and status["translated"] == 0
    assert status["fuzzy"] == 10 and status["untranslated"] == 22


def test_an_existing_practice_copy_is_kept(kwb: Any, committed_demo: Path) -> None:
    assert kwb("practice", cwd=committed_demo).code == 0
    po = committed_demo / "practice" / "translations" / "002_ea2792f57afd9dbb.po"
    catalog = polib.pofile(str(po))
    catalog[0].msgstr = "My first try."
    catalog.save(str(po))
    practised = po.read_bytes()
    again = kwb("practice", cwd=committed_demo)
    assert again.code == 0 and "Kept your practice copy" in again.out
    assert po.read_bytes() == practised


def test_practice_copy_keeps_display_and_key_settings(kwb: Any, committed_demo: Path) -> None:
    config = committed_demo / "kwb.toml"
    text = config.read_text(encoding="utf-8").replace("# rtl = ", "rtl = ")
    config.write_text(text.replace('# done_next = "ctrl+j"', 'toggle_fuzzy = "f9"'), "utf-8")
    assert kwb("practice", "elsewhere/try", cwd=committed_demo).code == 0
    from workbench.store.project import load_project

    copy = load_project(committed_demo / "elsewhere" / "try")
    assert (copy.keys, copy.rtl) == ({"toggle_fuzzy": "f9"}, "visual")
    assert copy.name.endswith("(practice)")


def test_a_folder_that_is_not_a_project_is_refused(kwb: Any, committed_demo: Path) -> None:
    taken = committed_demo / "notes"
    taken.mkdir()
    (taken / "todo.txt").write_text("mine", encoding="utf-8")
    refused = kwb("practice", "notes", cwd=committed_demo)
    assert refused.code == 2 and refused.err.count("\n") == 1 and "notes" in refused.err
    assert [p.name for p in taken.iterdir()] == ["todo.txt"]
    assert not list(committed_demo.glob(".notes.*"))  # no half-made copy left behind


def test_make_run_opens_a_practice_copy_git_ignores() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "kwb practice" in run and "kwb translate --project practice" in run
    assert "practice/" in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_a_newcomer_translates_in_the_practice_copy(kwb: Any, committed_demo: Path) -> None:
    """What `make run` gives: the overview of the practice copy, a file to translate."""
    require_tmux()
    assert kwb("practice", cwd=committed_demo).code == 0
    practice = committed_demo / "practice"
    with KwbTerminal.translate(committed_demo, "--project", "practice") as term:
        overview = term.wait_for("000_d4781596957db36c.po")
        # segments, words, untranslated, fuzzy, translated, reviewed: the practice copy's
        assert re.search(r"000_d4781596957db36c\.po +23 +969 +16 +7 +0 +0", overview)
        term.keys("Enter")
        assert "untranslated" in term.wait_for("segment 1 of 23")
        term.type("Iraq's prime minister says the talks go beyond military matters.")
        term.wait_for("beyond military")
        term.keys("C-s")
        term.wait_for(lambda screen: "unsaved" not in screen.splitlines()[0], timeout=1.5)
    first = read_po(practice / "translations" / "000_d4781596957db36c.po")[0]
    assert first.msgstr.startswith("Iraq's prime minister says")
    demo = read_po(committed_demo / "translations" / "000_d4781596957db36c.po")[0]
    assert "reviewed" in demo.flags and not demo.msgstr.startswith("Iraq's prime minister says")
