"""PO store: add, re-add with msgmerge semantics, msgfmt-clean files, status, bad input."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEED_000, SEED_002
from workbench.store.article import article_units
from workbench.store.merge import MergeReport, merge
from workbench.store.pofile import read_catalog, state
from workbench.store.similarity import FUZZY_MINIMUM, similarity
from workbench.text import key_text

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


def test_init_starts_from_the_curated_glossary_a_variable_names(
    kwb: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An organisation keeps its own curated glossary: KWB_CURATED_GLOSSARY names it."""
    own = tmp_path / "house.toml"
    own.write_text("# the house glossary\n", encoding="utf-8")
    monkeypatch.setenv("KWB_CURATED_GLOSSARY", str(own))
    assert kwb("init", str(tmp_path / "p")).code == 0
    assert (tmp_path / "p" / "glossary" / "glossary.toml").read_bytes() == own.read_bytes()
    monkeypatch.setenv("KWB_CURATED_GLOSSARY", str(tmp_path / "missing.toml"))
    failed = kwb("init", str(tmp_path / "q"))
    assert failed.code == 2 and failed.err.count("\n") == 1 and "missing.toml" in failed.err
    assert not (tmp_path / "q" / "kwb.toml").exists()


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
    # An old revision date makes a needless touch visible, whatever minute the test runs in.
    dated = re.sub(
        rb'"PO-Revision-Date: [^"]*"',
        lambda _: rb'"PO-Revision-Date: 2000-01-01 00:00+0000\n"',
        po_path.read_bytes(),
    )
    po_path.write_bytes(dated)
    result = kwb("add", str(SEED_000), cwd=project)
    assert result.code == 0 and po_path.read_bytes() == dated


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


def test_an_edited_sentence_keeps_the_translators_comment(
    kwb: Any, project: Path, tmp_path: Path
) -> None:
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    kwb("add", str(article), cwd=project)
    po_path = project / "translations" / "story.po"
    translate_all(po_path)
    po = polib.pofile(str(po_path), wrapwidth=79)
    second = next(e for e in po if e.msgid.startswith("دووەم"))
    second.tcomment = "note: the desk wants 'combat troops' here"
    po.save(str(po_path))
    edited = ARTICLE.replace("هێزی شەڕکەر.", "هێزی شەڕکەری ئەمریکی.")
    (project / "seeds" / "story.txt").write_text(edited, encoding="utf-8")
    assert kwb("add", str(project / "seeds" / "story.txt"), cwd=project).code == 0
    fuzzy = next(e for e in live(po_path) if e.msgid.startswith("دووەم"))
    assert "fuzzy" in fuzzy.flags
    assert fuzzy.tcomment == "note: the desk wants 'combat troops' here"


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


def test_the_repository_is_a_project(kwb: Any, committed_demo: Path) -> None:
    result = kwb("status", "--json", "--project", str(committed_demo))
    assert result.code == 0
    assert [row["file"] for row in result.json_lines()[:-1]] == [
        "000_d4781596957db36c.po",
        "002_ea2792f57afd9dbb.po",
    ]


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


# --- fuzzy seeding: similarity of whole sentences, never one shared word --------------

BASE = "سەرۆکی هەرێم ئەمڕۆ لە هەولێر لەگەڵ شاندێکی ئەمریکی کۆبووەوە بەیانی."
"""Ten words: each one replaced costs 10 points of similarity, each one re-inflected 5."""
KEPT = "ئەم ڕستەیە وەک خۆی دەمێنێتەوە."
LONG = (
    "ئەنجومەنی وەزیران بڕیاری دا بودجەی ساڵی داهاتوو بۆ پەرلەمانی کوردستان بنێرێت "
    "و داوای کرد زووتر دەنگی لەسەر بدرێت."
)


def replaced(sentence: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in sentence
        sentence = sentence.replace(old, new)
    return sentence


def remerge(old: list[str], new: list[str]) -> tuple[list[polib.POEntry], MergeReport]:
    """Merge article `new` into the PO of article `old` whose entries are translated
    `EN <sentence number>`."""
    entries, _ = merge(None, article_units("a", "a.txt", "\n".join(old), None))
    po = polib.POFile()
    for i, entry in enumerate(entries):
        entry.msgstr = f"EN {i}"
        po.append(entry)
    return merge(po, article_units("a", "a.txt", "\n".join(new), None))


@pytest.mark.parametrize(
    ("old", "new", "fuzzy"),
    [
        # an edited sentence keeps its translation as a fuzzy draft
        (BASE, replaced(BASE, ("هەولێر", "سلێمانی")), True),
        ("هێزەکان گەیشتنە کەرکووک ئەمڕۆ.", "هێزەکان گەیشتنە دهۆک ئەمڕۆ.", True),
        # exactly at the threshold (70): three words of ten replaced
        (
            BASE,
            replaced(BASE, ("ئەمڕۆ", "دوێنێ"), ("هەولێر", "بەغدا"), ("ئەمریکی", "فەرەنسی")),
            True,
        ),
        # just under it (65): one more word re-inflected
        (
            BASE,
            replaced(
                BASE,
                ("ئەمڕۆ", "دوێنێ"),
                ("هەولێر", "بەغدا"),
                ("ئەمریکی", "فەرەنسی"),
                ("شاندێکی", "شاندەکە"),
            ),
            False,
        ),
        # unrelated sentences sharing one common word (بۆ, لە, و, for, the)
        (LONG, "ئەمە ڕستەیەکی نوێیە بۆ تاقیکردنەوە.", False),
        (LONG, "ئەوان و ئێمە.", False),
        ("هێزەکانی پێشمەرگە لە سنووری کەرکووک هێرشێکیان تێکشکاند.", "باران لە شار بارى.", False),
        (
            "The committee met for three hours on Tuesday to discuss the budget for next year.",
            "this is a new sentence for testing",
            False,
        ),
        ("the minister resigned", "the weather", False),
    ],
)
def test_an_old_translation_seeds_only_a_similar_sentence(old: str, new: str, fuzzy: bool) -> None:
    entries, report = remerge([KEPT, old], [KEPT, new])
    assert entries[0].msgstr == "EN 0" and report.kept == [entries[0].msgctxt]
    edited = entries[1]
    if fuzzy:
        assert edited.msgstr == "EN 1" and "fuzzy" in edited.flags
        assert edited.previous_msgid == old
        assert [e.msgid for e in entries if e.obsolete] == []
    else:
        assert edited.msgstr == "" and "fuzzy" not in edited.flags
        assert edited.previous_msgid is None
        assert [(e.msgid, e.msgstr) for e in entries if e.obsolete] == [(old, "EN 1")]


def test_each_old_translation_seeds_one_edit_when_edits_compete() -> None:
    """Two edits both closest to the first old sentence: the better takes it, the other
    the second old sentence it is also similar to; no old translation goes obsolete."""
    second_old = replaced(BASE, ("لەگەڵ", "دژی"), ("بەیانی", "ئێوارە"))
    first_new = replaced(BASE, ("ئەمڕۆ", "دوێنێ"))
    second_new = replaced(BASE, ("سەرۆکی", "وەزیری"))
    entries, report = remerge([KEPT, BASE, second_old], [KEPT, first_new, second_new])
    assert [e.previous_msgid for e in entries[1:]] == [BASE, second_old]
    assert [e.msgstr for e in entries[1:]] == ["EN 1", "EN 2"]
    assert not report.obsolete


def test_an_old_translation_seeds_a_second_sentence_only_when_that_is_similar_too() -> None:
    twice = replaced(BASE, ("ئەمڕۆ", "دوێنێ"), ("بەیانی", "ئێوارە"))  # 80: similar too
    unrelated = "ئەوان لە بازاڕ نان دەکڕن."  # shares لە only
    entries, report = remerge(
        [KEPT, BASE], [KEPT, replaced(BASE, ("ئەمڕۆ", "دوێنێ")), twice, unrelated]
    )
    assert [e.msgstr for e in entries[1:4]] == ["EN 1", "EN 1", ""]
    assert [e.previous_msgid for e in entries[1:4]] == [BASE, BASE, None]
    assert report.new == [entries[3].msgctxt] and not report.obsolete


def test_a_sentence_split_in_two_gives_each_half_the_old_translation() -> None:
    """Each half alone is about half the old sentence (too little to seed it); joined they
    are the old sentence, so both halves get its translation to cut where the editor cut."""
    old = (
        "سەرۆکی هەرێم ئەمڕۆ لە هەولێر لەگەڵ شاندێکی ئەمریکی کۆبووەوە، "
        "هەردوولا باسیان لە پەیوەندییەکانی نێوان هەرێم و واشنتن کرد."
    )
    halves = [
        "سەرۆکی هەرێم ئەمڕۆ لە هەولێر لەگەڵ شاندێکی ئەمریکی کۆبووەوە.",
        "هەردوولا باسیان لە پەیوەندییەکانی نێوان هەرێم و واشنتن کرد.",
    ]
    entries, report = remerge([KEPT, old, LONG], [KEPT, *halves, LONG])
    assert [(e.msgstr, e.previous_msgid) for e in entries[1:3]] == [("EN 1", old)] * 2
    assert all("fuzzy" in e.flags for e in entries[1:3])
    assert entries[3].msgstr == "EN 2" and not report.obsolete


def test_re_adding_an_edited_article_offers_no_fuzzy_from_one_shared_word(
    kwb: Any, project: Path, tmp_path: Path
) -> None:
    """Through the real command: an edited sentence is fuzzy with `#| msgid`; a new sentence
    that shares only بۆ with a long old one stays untranslated, and the old one goes
    obsolete with its translation."""
    article = tmp_path / "news.txt"
    article.write_text(f"{KEPT}  {BASE}  {LONG}", encoding="utf-8")
    assert kwb("add", str(article), cwd=project).code == 0
    po_path = project / "translations" / "news.po"
    translate_all(po_path)
    old = {e.msgid: e.msgstr for e in live(po_path)}
    edited = replaced(BASE, ("هەولێر", "سلێمانی"))
    fresh = "ئەمە ڕستەیەکی نوێیە بۆ تاقیکردنەوە."
    article.write_text(f"{KEPT}  {edited}  {fresh}", encoding="utf-8")
    result = kwb("add", str(article), cwd=project)
    assert result.code == 0, result.err
    msgfmt_check(po_path)
    po = polib.pofile(str(po_path))
    by_id = {e.msgid: e for e in po if not e.obsolete}
    assert by_id[KEPT].msgstr == old[KEPT]
    assert by_id[edited].msgstr == old[BASE] and "fuzzy" in by_id[edited].flags
    assert by_id[edited].previous_msgid == BASE
    assert by_id[fresh].msgstr == "" and "fuzzy" not in by_id[fresh].flags
    assert [(e.msgid, e.msgstr) for e in po if e.obsolete] == [(LONG, old[LONG])]


SMALL_VOCABULARY = st.sampled_from(
    [
        "هێز",
        "هێزی",
        "هێزەکان",
        "شار",
        "شاری",
        "گەیشت",
        "گەیشتنە",
        "بۆ",
        "لە",
        "و",
        "سەرۆک",
        "سەرۆکی",
        "کۆبووەوە",
        "ئەمڕۆ",
        "دوێنێ",
        "هەولێر",
        "بەغدا",
        "باران",
        "بارى",
        "پەرلەمان",
        "بودجە",
    ]
)
SENTENCE = st.lists(SMALL_VOCABULARY, min_size=1, max_size=9).map(lambda w: " ".join(w) + ".")


@settings(max_examples=150, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=6), st.lists(SENTENCE, min_size=1, max_size=6))
def test_every_fuzzy_seed_is_similar_as_a_whole(old: list[str], new: list[str]) -> None:
    """Whatever the edit, a fuzzy entry's old source is similar to it (≥ FUZZY_MINIMUM), or
    to it joined with its neighbour that took the same old translation (a split)."""
    entries, report = remerge(old, new)
    live_entries = [e for e in entries if not e.obsolete]
    for i, entry in enumerate(live_entries):
        if "fuzzy" not in entry.flags:
            assert entry.previous_msgid is None
            continue
        before = key_text(entry.previous_msgid)
        alone = similarity(key_text(entry.msgid), before)
        joined = [
            similarity(key_text(f"{a.msgid} {b.msgid}"), before)
            for a, b in itertools.pairwise(live_entries[max(0, i - 1) : i + 2])
            if entry in (a, b) and a.previous_msgid == b.previous_msgid
        ]
        assert max([alone, *joined]) >= FUZZY_MINIMUM
    assert len(report.kept) + len(report.fuzzy) + len(report.new) == len(live_entries)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text("بپتجچحخد", min_size=2, max_size=8), min_size=1, max_size=20),
    st.lists(st.text("زژسشعغفڤ", min_size=2, max_size=8), min_size=1, max_size=20),
    st.sampled_from(["بۆ", "لە", "و", "the", "for"]),
)
def test_a_sentence_sharing_one_word_never_takes_an_old_translation(
    old_words: list[str], new_words: list[str], common: str
) -> None:
    old = " ".join([*old_words, common]) + "."
    new = " ".join([common, *new_words]) + "."
    entries, report = remerge([KEPT, old], [KEPT, new])
    assert report.fuzzy == [] and entries[1].msgstr == ""
    assert [e.msgid for e in entries if e.obsolete] == [old]
