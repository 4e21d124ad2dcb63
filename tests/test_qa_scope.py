"""What the corpus checks compare an entry with, said in their findings: `kwb check FILE`
(the file), `kwb check` and `--scope project` (the project), and the editor (the project)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import polib
import pytest

from workbench.store.project import load_project
from workbench.terms.glossary import load_glossary, stopwords
from workbench.terms.matcher import Matcher
from workbench.tui.app import KwbApp
from workbench.tui.editor import EditorScreen
from workbench.tui.panels import WorkView
from workbench.tui.session import EditSession

GLOSSARY = "source,target,variants\nحەشدی شەعبی,PMF,Popular Mobilization Forces\n"
SOURCE = "حەشدی شەعبی بەیاننامەیەکی دەرکرد"


def write_po(path: Path, targets: list[str]) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for n, target in enumerate(targets):
        po.append(polib.POEntry(msgctxt=f"{path.stem}/{n}", msgid=f"{SOURCE} {n}.", msgstr=target))
    po.save(str(path))


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    """Two files: a.po renders the PMF once the long way; b.po four times as PMF (the
    project's glossary, the demo's, has the term)."""
    root = tmp_path / "proj"
    assert kwb("init", str(root)).code == 0
    (root / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    write_po(
        root / "translations" / "a.po", ["The Popular Mobilization Forces issued statement 0."]
    )
    write_po(root / "translations" / "b.po", [f"The PMF issued statement {n}." for n in range(4)])
    return root


def term_findings(rows: list[dict[str, Any]]) -> list[tuple[str, Any]]:
    return [(r["id"], r.get("scope")) for r in rows if r["check"] == "term-inconsistent"]


ACROSS = {"over": "project", "files": 2, "entries": 5}


def test_the_scope_a_corpus_check_ran_on_is_in_its_finding(kwb: Any, project: Path) -> None:
    a_po = str(project / "translations" / "a.po")
    csv = ("--glossary", str(project / "g.csv"))
    # The file alone: one use of the term, nothing to compare it with.
    assert term_findings(kwb("check", a_po, *csv, "--json", cwd=project).json_lines()) == []
    # The project: the file's one use against the other file's four.
    assert term_findings(kwb("check", "--json", cwd=project).json_lines()) == [("a/0", ACROSS)]
    # The file compared with the project: the same finding, and only the file's.
    rows = kwb("check", a_po, "--scope", "project", *csv, "--json", cwd=project).json_lines()
    assert term_findings(rows) == [("a/0", ACROSS)]
    assert {r["file"] for r in rows} == {"translations/a.po"}
    # Without files, --scope files compares the project's files with each other: the same.
    rows = kwb("check", "--scope", "files", "--json", cwd=project).json_lines()
    assert term_findings(rows) == [("a/0", {"over": "files", "files": 2, "entries": 5})]
    # Compared with each other, the named files find it too.
    b_po = str(project / "translations" / "b.po")
    rows = kwb("check", a_po, b_po, "--json", cwd=project).json_lines()
    assert term_findings(rows) == [("a/0", {"over": "files", "files": 2, "entries": 5})]


def test_the_report_says_what_the_corpus_checks_compared(kwb: Any, project: Path) -> None:
    a_po = str(project / "translations" / "a.po")
    alone = " ".join(kwb("check", a_po, cwd=project).out.split())
    assert "compared the entries across this file (1 entry)" in alone
    assert "--scope project" in alone
    across = " ".join(kwb("check", cwd=project).out.split())
    assert "across the project (2 files, 5 entries)" in across
    bad = kwb("check", a_po, "--scope", "everything", cwd=project)
    assert bad.code == 2 and "everything" in bad.err and "Traceback" not in bad.err


def test_the_editor_session_holds_the_project_scope_result(project: Path) -> None:
    matcher = Matcher(load_glossary(project / "glossary").active(), stopwords())
    path = project / "translations" / "a.po"
    session = EditSession(path, matcher, translations=project / "translations")
    assert [f.check for f in session.findings(0)] == []  # before the project is checked
    session.check_project()
    found = session.findings(0)
    assert [(f.check, f.id) for f in found] == [("term-inconsistent", "a/0")]
    assert found[0].scope is not None and str(found[0].scope) == (
        "across the project (2 files, 5 entries)"
    )
    # A file outside any project is compared with itself only.
    assert EditSession(path, matcher).check_project().findings == {}


def test_the_editor_panel_shows_the_project_scope_result(project: Path) -> None:
    async def main() -> str:
        app = KwbApp(load_project(project), project / "translations" / "a.po", "visual")
        async with app.run_test(size=(140, 45)) as pilot:
            for _ in range(300):
                screen = app.screen
                # The TM service up too: it is closed when the app ends, not while it starts.
                if (
                    isinstance(screen, EditorScreen)
                    and screen.session.project_qa is not None
                    and app.tm is not None
                ):
                    break
                await pilot.pause(0.05)
            await pilot.pause()
            assert isinstance(screen, EditorScreen)
            return str(screen.query_one(WorkView).sections["qa"].content)

    assert asyncio.run(main()) == (
        "term-inconsistent: pmf rendered 'Popular Mobilization Forces' here: PMF 4×, "
        "Popular Mobilization Forces 1× — across the project (2 files, 5 entries)"
    )
