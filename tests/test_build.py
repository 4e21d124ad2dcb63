"""`kwb build` on a real project: the demo's two English articles with the source's
paragraphs, every translation once, the same bytes (and no write) on a second build;
unfinished segments stop it unless --draft; unknown ids and unsafe folders are refused."""

from __future__ import annotations

import os
from pathlib import Path

import polib
import pytest

from tests.conftest import REPO
from workbench.cli import run
from workbench.deliver.prose import collapse

ARTICLES = {"000_d4781596957db36c": 19, "002_ea2792f57afd9dbb": 7}
"""The demo's articles and their paragraphs in the seeds."""
SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html", "review": ".review.html"}


def kwb(*args: str) -> int:
    return run(list(args))


def seed_paragraphs(demo: Path, article: str) -> int:
    text = (demo / "seeds" / f"{article}.txt").read_text("utf-8")
    from workbench.text import segment

    return len({s.paragraph for s in segment(text)})


def test_the_demo_builds_into_its_english_articles(
    committed_demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kwb("build", "--project", str(committed_demo)) == 0
    for article, paragraphs in ARTICLES.items():
        assert seed_paragraphs(committed_demo, article) == paragraphs
        text = (committed_demo / "output" / f"{article}.txt").read_text("utf-8")
        assert len(text.rstrip("\n").split("\n\n")) == paragraphs
        po = polib.pofile(str(committed_demo / "translations" / f"{article}.po"))
        translations = [collapse(e.msgstr) for e in po if not e.obsolete]
        assert translations and all(text.count(t) == 1 for t in translations)
        positions = [text.index(t) for t in translations]
        assert positions == sorted(positions)
    wrote = capsys.readouterr().out.splitlines()
    assert [line.rsplit("/", 1)[-1] for line in wrote] == [f"{a}.txt" for a in ARTICLES]
    assert all(line.startswith("wrote ") for line in wrote)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "review"])
def test_a_second_build_is_byte_identical_and_writes_nothing(
    committed_demo: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kwb("build", "--format", fmt, "--project", str(committed_demo)) == 0
    files = sorted((committed_demo / "output").iterdir())
    assert [f.name for f in files] == [f"{a}{SUFFIX[fmt]}" for a in ARTICLES]
    before = {f: (f.read_bytes(), f.stat().st_mtime_ns, f.stat().st_ino) for f in files}
    capsys.readouterr()
    assert kwb("build", "--format", fmt, "--project", str(committed_demo)) == 0
    after = {f: (f.read_bytes(), f.stat().st_mtime_ns, f.stat().st_ino) for f in files}
    assert after == before
    assert capsys.readouterr().out.count("unchanged ") == 2


def unfinish(root: Path, article: str) -> None:
    """Take the first entry's English away and make the second a fuzzy draft."""
    path = root / "translations" / f"{article}.po"
    po = polib.pofile(str(path))
    live = [e for e in po if not e.obsolete]
    live[0].msgstr = ""
    live[0].flags = []
    live[1].flags = ["fuzzy"]
    po.save(str(path))


def test_unfinished_segments_stop_the_build_unless_draft(
    committed_demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(committed_demo)
    unfinish(committed_demo, "002_ea2792f57afd9dbb")
    assert kwb("build") == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "translations/002_ea2792f57afd9dbb.po\tp1s1\tuntranslated",
        "translations/002_ea2792f57afd9dbb.po\tp2s1\tfuzzy",
    ]
    assert "2 unfinished segments; nothing written" in err
    assert not (committed_demo / "output").exists()  # not even the finished article

    assert kwb("build", "--draft") == 0
    assert "(draft: 2 unfinished)" in capsys.readouterr().out
    text = (committed_demo / "output" / "002_ea2792f57afd9dbb.txt").read_text("utf-8")
    po = polib.pofile(str(committed_demo / "translations" / "002_ea2792f57afd9dbb.po"))
    first, second = [e for e in po if not e.obsolete][:2]
    assert text.startswith(f"[{collapse(first.msgid)}]")
    assert f"[fuzzy: {collapse(second.msgstr)}]" in text

    # the review page is built whatever the states: it shows them
    assert kwb("build", "--format", "review", "002_ea2792f57afd9dbb") == 0
    page = (committed_demo / "output" / "002_ea2792f57afd9dbb.review.html").read_text("utf-8")
    assert '<tr class="untranslated paragraph" id="p1s1">' in page
    assert '<span class="status fuzzy">fuzzy</span>' in page


def test_ids_choose_the_articles_and_an_unknown_one_is_a_one_line_error(
    committed_demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = ("--project", str(committed_demo))
    assert kwb("build", "002_ea2792f57afd9dbb", "--format", "markdown", *project) == 0
    assert [p.name for p in (committed_demo / "output").iterdir()] == ["002_ea2792f57afd9dbb.md"]
    capsys.readouterr()
    assert kwb("build", "no_such_article", *project) == 2
    err = capsys.readouterr().err
    assert err.startswith("kwb: error: no_such_article: no such article") and err.count("\n") == 1
    assert kwb("build", "--format", "pdf", *project) == 2
    assert "unknown format" in capsys.readouterr().err


def test_the_default_folder_must_be_inside_the_project_a_named_one_may_be_anywhere(
    committed_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, committed_demo / "output")
    assert kwb("build", "--project", str(committed_demo)) == 2
    assert "resolves outside the project" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []
    named = tmp_path / "handover"
    assert kwb("build", "--out", str(named), "--project", str(committed_demo)) == 0
    assert sorted(p.name for p in named.iterdir()) == [f"{a}.txt" for a in ARTICLES]


def test_a_build_of_a_project_without_articles_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kwb("init", str(tmp_path / "p")) == 0
    assert kwb("build", "--project", str(tmp_path / "p")) == 2
    assert "no articles to build" in capsys.readouterr().err


def test_the_output_folder_is_ignored_by_git() -> None:
    lines = (REPO / ".gitignore").read_text("utf-8").splitlines()
    assert "output/" in lines
