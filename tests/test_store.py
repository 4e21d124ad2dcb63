"""PO store: add, re-add with msgmerge semantics, msgfmt-clean files, status, bad input."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import polib
import pytest

from tests.conftest import SEED_000, SEED_002
from workbench.store.pofile import read_catalog, state

ARTICLE = (
    "یەکەم ڕستە دەربارەی حەشدی شەعبی.  دووەم ڕستە دەربارەی هێزی شەڕکەر.  "
    "سێیەم ڕستە دەربارەی بودجە.  چوارەم ڕستە دەربارەی پەرلەمان."
)


def msgfmt_check(path: Path) -> None:
    """gettext's own validator: no error and no warning."""
    proc = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    assert kwb("init", str(root)).code == 0
    return root


def translate_all(po_path: Path, prefix: str = "EN") -> None:
    po = polib.pofile(str(po_path), wrapwidth=79)
    for i, entry in enumerate(e for e in po if not e.obsolete):
        entry.msgstr = f"{prefix} {i}: {entry.msgid[:12]}"
        entry.flags = ["reviewed"] if i == 0 else []
    po.save(str(po_path))


def live(po_path: Path) -> list[polib.POEntry]:
    return read_catalog(po_path).entries


def test_init_refuses_an_existing_project(kwb: Any, project: Path) -> None:
    assert (project / "glossary" / "glossary.toml").is_file()
    assert (project / "seeds").is_dir() and (project / "translations").is_dir()
    again = kwb("init", str(project))
    assert again.code == 2 and "already exists" in again.err


def test_add_writes_a_clean_po_with_conventions(kwb: Any, project: Path) -> None:
    result = kwb("add", str(SEED_002), cwd=project)
    assert result.code == 0, result.err
    po_path = project / "translations" / "002_ea2792f57afd9dbb.po"
    msgfmt_check(po_path)
    po = polib.pofile(str(po_path))
    assert po.metadata["Language"] == "en" and po.metadata["X-Source-Language"] == "ckb"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    entries = [e for e in po if not e.obsolete]
    assert len(entries) == 9
    assert entries[0].occurrences == [("002_ea2792f57afd9dbb.txt:p1s1", "")]
    assert all(e.msgctxt.startswith("002_ea2792f57afd9dbb/") for e in entries)
    assert "glossary: هێزی شەڕکەر → combat forces" in entries[1].comment
    assert (project / "seeds" / SEED_002.name).read_bytes() == SEED_002.read_bytes()


def test_re_adding_an_unchanged_article_changes_nothing(kwb: Any, project: Path) -> None:
    kwb("add", str(SEED_000), cwd=project)
    po_path = project / "translations" / "000_d4781596957db36c.po"
    translate_all(po_path)
    kwb("add", str(SEED_000), cwd=project)
    before = po_path.read_bytes()
    result = kwb("add", str(SEED_000), cwd=project)
    assert result.code == 0 and po_path.read_bytes() == before


def test_edit_move_delete_loses_no_translation(kwb: Any, project: Path, tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    kwb("add", str(article), cwd=project)
    po_path = project / "translations" / "story.po"
    translate_all(po_path)
    old = {e.msgid: e.msgstr for e in live(po_path)}
    # edit sentence 2, move sentence 4 to the front, delete sentence 3
    edited = (
        "چوارەم ڕستە دەربارەی پەرلەمان.  یەکەم ڕستە دەربارەی حەشدی شەعبی.  "
        "دووەم ڕستە دەربارەی هێزی شەڕکەری ئەمریکی."
    )
    (project / "seeds" / "story.txt").write_text(edited, encoding="utf-8")
    result = kwb("add", str(project / "seeds" / "story.txt"), cwd=project)
    assert result.code == 0, result.err
    msgfmt_check(po_path)
    entries = live(po_path)
    assert [e.msgid[:6] for e in entries] == ["چوارەم", "یەکەم ", "دووەم "]
    assert entries[0].msgstr == old["چوارەم ڕستە دەربارەی پەرلەمان."]
    assert (
        entries[1].msgstr == old["یەکەم ڕستە دەربارەی حەشدی شەعبی."]
        and "reviewed" in entries[1].flags
    )
    assert "fuzzy" in entries[2].flags
    assert entries[2].msgstr == old["دووەم ڕستە دەربارەی هێزی شەڕکەر."]
    assert entries[2].previous_msgid == "دووەم ڕستە دەربارەی هێزی شەڕکەر."
    obsolete = [e for e in polib.pofile(str(po_path)) if e.obsolete]
    assert [e.msgstr for e in obsolete] == [old["سێیەم ڕستە دەربارەی بودجە."]]
    assert "kept" in result.out and "obsolete" in result.out


def test_split_and_joined_sentences_get_fuzzy_translations(
    kwb: Any, project: Path, tmp_path: Path
) -> None:
    article = tmp_path / "s.txt"
    article.write_text(
        "ئەمڕۆ باران بارى و ڕووبار هەڵسا. خەڵک ترسان. شار بێدەنگ بوو.", encoding="utf-8"
    )
    kwb("add", str(article), cwd=project)
    po_path = project / "translations" / "s.po"
    translate_all(po_path)
    old = [e.msgstr for e in live(po_path)]
    article.write_text(
        "ئەمڕۆ باران بارى. ڕووبار هەڵسا. خەڵک ترسان و شار بێدەنگ بوو.", encoding="utf-8"
    )
    kwb("add", str(article), cwd=project)
    entries = live(po_path)
    assert all("fuzzy" in e.flags for e in entries)
    assert entries[0].msgstr == old[0]
    assert entries[2].msgstr == f"{old[1]} {old[2]}"


def test_removed_sentence_comes_back_with_its_translation(
    kwb: Any, project: Path, tmp_path: Path
) -> None:
    article = tmp_path / "r.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    kwb("add", str(article), cwd=project)
    po_path = project / "translations" / "r.po"
    translate_all(po_path)
    old = {e.msgid: e.msgstr for e in live(po_path)}
    article.write_text(ARTICLE.replace("سێیەم ڕستە دەربارەی بودجە.  ", ""), encoding="utf-8")
    kwb("add", str(article), cwd=project)
    article.write_text(ARTICLE, encoding="utf-8")
    kwb("add", str(article), cwd=project)
    assert {e.msgid: e.msgstr for e in live(po_path)} == old
    assert not [e for e in polib.pofile(str(po_path)) if e.obsolete]


def test_repeated_sentence_is_one_entry_with_every_reference(
    kwb: Any, project: Path, tmp_path: Path
) -> None:
    article = tmp_path / "d.txt"
    article.write_text("ئاگادارکردنەوە.\nهەواڵێکی تر.\nئاگادارکردنەوە.", encoding="utf-8")
    kwb("add", str(article), cwd=project)
    entries = live(project / "translations" / "d.po")
    assert len(entries) == 2
    assert entries[0].occurrences == [("d.txt:p1s1", ""), ("d.txt:p3s1", "")]


def test_status_counts(kwb: Any, project: Path, tmp_path: Path) -> None:
    article = tmp_path / "st.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    kwb("add", str(article), cwd=project)
    po_path = project / "translations" / "st.po"
    po = polib.pofile(str(po_path))
    entries = [e for e in po if not e.obsolete]
    entries[0].msgstr, entries[0].flags = "One.", ["reviewed"]
    entries[1].msgstr, entries[1].flags = "Two.", ["fuzzy"]
    entries[2].msgstr = "Three."
    po.save(str(po_path))
    rows = kwb("status", "--json", cwd=project).json_lines()
    assert rows[0] == {
        "file": "st.po",
        "segments": 4,
        "words": 18,
        "untranslated": 1,
        "fuzzy": 1,
        "translated": 1,
        "reviewed": 1,
        "percent": 50.0,
    }
    assert rows[-1]["file"] == "total" and rows[-1]["segments"] == 4
    assert [state(e) for e in live(po_path)] == ["reviewed", "fuzzy", "translated", "untranslated"]


def test_malformed_po_is_a_one_line_error_and_nothing_is_written(kwb: Any, project: Path) -> None:
    kwb("add", str(SEED_002), cwd=project)
    po_path = project / "translations" / "002_ea2792f57afd9dbb.po"
    broken = po_path.read_text(encoding="utf-8").replace(
        'msgstr ""\n\n#.', 'msgstr "unclosed\n\n#.', 1
    )
    po_path.write_text(broken, encoding="utf-8")
    for args in (("add", str(SEED_002)), ("status",)):
        result = kwb(*args, cwd=project)
        assert result.code == 2, args
        assert result.err.count("\n") == 1 and "002_ea2792f57afd9dbb.po:" in result.err
    assert po_path.read_text(encoding="utf-8") == broken


def test_commands_find_the_project_upward(kwb: Any, project: Path) -> None:
    (project / "translations" / "deep").mkdir()
    assert kwb("status", cwd=project / "translations" / "deep").code == 0
    assert kwb("status", cwd=project.parent).code == 2


def test_the_repository_is_a_project(kwb: Any) -> None:
    from tests.conftest import REPO

    assert kwb("status", "--project", str(REPO)).code == 0
    shutil.rmtree(REPO / ".kwb", ignore_errors=True)


def test_editing_a_seed_article_shows_only_those_changes(kwb: Any, project: Path) -> None:
    """Change one sentence, move one paragraph, delete one sentence: nothing else moves."""
    import difflib

    seed = project / "seeds" / SEED_000.name
    shutil.copyfile(SEED_000, seed)
    kwb("add", str(seed), cwd=project)
    po_path = project / "translations" / "000_d4781596957db36c.po"
    translate_all(po_path)
    kwb("add", str(seed), cwd=project)
    before_entries = {e.msgid: e.msgstr for e in live(po_path)}
    before = po_path.read_text(encoding="utf-8").splitlines()
    paragraphs = seed.read_text(encoding="utf-8").split("  ")
    paragraphs[0] = paragraphs[0].replace("لە واشنتن بگەڕێتەوە", "لە واشنتنەوە بگەڕێتەوە")
    paragraphs.insert(2, paragraphs.pop(5))  # move one paragraph up
    seventh = paragraphs[7]
    paragraphs[7] = seventh[seventh.index(" سەرەڕای ئەوەش") + 1 :]  # delete its first sentence
    seed.write_text("  ".join(paragraphs), encoding="utf-8")
    result = kwb("add", str(seed), cwd=project)
    assert result.code == 0, result.err
    msgfmt_check(po_path)
    after_entries = {e.msgid: e.msgstr for e in live(po_path)}
    kept = set(before_entries) & set(after_entries)
    assert len(kept) == len(before_entries) - 2
    assert all(after_entries[m] == before_entries[m] for m in kept)
    diff = [
        line
        for line in difflib.unified_diff(
            before, po_path.read_text(encoding="utf-8").splitlines(), n=0
        )
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    changed_refs = {line[1:] for line in diff if line[1:].startswith("#:")}
    assert changed_refs  # references of the moved and following paragraphs changed
    assert all(
        line[1:].startswith(
            ("#:", "#,", "#|", "#~", "msgctxt", "msgid", "msgstr", '"', "#.", '"PO-Revision')
        )
        or line[1:] == ""
        for line in diff
    )
    assert sum(1 for line in diff if line.startswith("+#, fuzzy")) == 1
    assert sum(1 for line in diff if line.startswith("+#~ msgid")) == 1
