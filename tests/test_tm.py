"""Translation memory: exact and fuzzy lookups, ranking, sync with files, TMX import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
import pytest

from workbench.store.project import load_project
from workbench.store.similarity import FUZZY_MINIMUM, SUGGESTION_MINIMUM, similarity
from workbench.text import key_text
from workbench.tm.index import Unit, open_tm

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ckb" datatype="plaintext" segtype="sentence"
 adminlang="en" creationtool="test" creationtoolversion="1" o-tmf="none"/>
<body>
<tu tuid="a"><tuv xml:lang="ckb"><seg>پەرلەمانی کوردستان کۆبوونەوەی کرد.</seg></tuv>
<tuv xml:lang="en-GB"><seg>The Kurdistan parliament <ph>x</ph>met.</seg></tuv></tu>
<tu tuid="b"><tuv xml:lang="ckb"><seg>باران بارى.</seg></tuv>
<tuv xml:lang="fr"><seg>Il a plu.</seg></tuv></tu>
</body></tmx>
"""


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    kwb("init", str(root))
    article = root / "seeds" / "a.txt"
    article.write_text(
        "هێزە عێراقییەکان گەیشتنە کەرکووک.  حەشدی شەعبی هێرشی کرد.  باران بارى.", encoding="utf-8"
    )
    kwb("add", str(article), cwd=root)
    po_path = root / "translations" / "a.po"
    po = polib.pofile(str(po_path))
    live = [e for e in po if not e.obsolete]
    live[0].msgstr = "Iraqi forces reached Kirkuk."
    live[1].msgstr, live[1].flags = "The PMF attacked.", ["reviewed"]
    live[2].msgstr, live[2].flags = "It rained.", ["fuzzy"]
    po.save(str(po_path))
    return root


def test_exact_match_through_normalization(project: Path) -> None:
    with open_tm(load_project(project)) as tm:
        found = tm.exact("حەشدی شەعبی هێرشی كرد.")  # Arabic kaf
        assert [(m.score, m.en) for m in found] == [(100.0, "The PMF attacked.")]
        assert tm.exact("باران بارى.") == []  # fuzzy entries are not in the TM


def test_fuzzy_matches_are_ranked_by_sentence_similarity(project: Path) -> None:
    """The score is kwb's word-level similarity of the whole sentences; a unit that shares
    one word or two with the query is no suggestion at all."""
    query = "هێزە عێراقییەکان گەیشتنە دهۆک."
    with open_tm(load_project(project)) as tm:
        tm.replace(
            "extra",
            [
                Unit(
                    "x1",
                    "هێزە عێراقییەکە گەیشتنە دهۆک.",
                    "The Iraqi force reached Duhok.",
                    "imported",
                ),
                Unit("x2", "هێزەکان گەیشتن.", "The forces arrived.", "imported"),
                Unit(
                    "x3",
                    "خەڵک گەیشتنە دهۆک بۆ کڕینی نان.",
                    "People came to Duhok for bread.",
                    "imported",
                ),
            ],
        )
        found = tm.search(query, minimum=50)
        assert [(m.score, m.en) for m in found] == [
            (87.5, "The Iraqi force reached Duhok."),  # one word re-inflected of four
            (75.0, "Iraqi forces reached Kirkuk."),  # one word replaced of four
        ]
        assert all(m.score == similarity(key_text(query), key_text(m.ckb)) for m in found)
        assert tm.search("هێزە عێراقییەکان گەیشتنە کەرکووک.")[0].score == 100.0
        assert [m.score for m in tm.search("هێزە عێراقییەکان گەیشتنە کەرکووک؟")][:1] == [99.0]


@pytest.mark.parametrize(
    "query",
    [
        "ئەمە ڕستەیەکی نوێیە بۆ تاقیکردنەوە.",  # بۆ
        "ئەوان لە بازاڕ نان دەکڕن.",  # لە
        "باران و بەفر بارى.",  # و
        "this is a new sentence for testing the memory",  # for, the
    ],
)
def test_a_shared_common_word_is_no_suggestion(project: Path, query: str) -> None:
    with open_tm(load_project(project)) as tm:
        tm.replace(
            "extra",
            [
                Unit(
                    "long",
                    "ئەنجومەنی وەزیران بڕیاری دا بودجەی ساڵی داهاتوو بۆ پەرلەمانی کوردستان "
                    "بنێرێت و داوای کرد لە زووترین کاتدا دەنگی لەسەر بدرێت.",
                    "The cabinet decided to send next year's budget to parliament.",
                    "imported",
                ),
                Unit(
                    "english",
                    "The committee met for three hours on Tuesday to discuss the budget for "
                    "next year.",
                    "The committee met.",
                    "imported",
                ),
            ],
        )
        assert tm.search(query) == []
        assert tm.search(query, minimum=SUGGESTION_MINIMUM) == []


def test_index_follows_the_files(project: Path) -> None:
    po_path = project / "translations" / "a.po"
    with open_tm(load_project(project)) as tm:
        assert len(tm) == 2
    po = polib.pofile(str(po_path))
    next(e for e in po if e.msgstr == "It rained.").flags = []
    po.save(str(po_path))
    with open_tm(load_project(project)) as tm:
        assert len(tm) == 3
    po_path.unlink()
    with open_tm(load_project(project)) as tm:
        assert len(tm) == 0


def test_tm_cli_import_and_search(kwb: Any, project: Path, tmp_path: Path) -> None:
    tmx = tmp_path / "memory.tmx"
    tmx.write_text(TMX, encoding="utf-8")
    result = kwb("tm", "import", str(tmx), cwd=project)
    assert result.code == 0, result.err
    assert "Imported 1 " in result.out and (project / "tm" / "memory.tmx").is_file()
    rows = kwb(
        "tm", "search", "پەرلەمانی کوردستان کۆبوونەوەی کرد.", "--json", cwd=project
    ).json_lines()
    assert rows[0] == {
        "score": 100.0,
        "ckb": "پەرلەمانی کوردستان کۆبوونەوەی کرد.",
        "en": "The Kurdistan parliament met.",
        "source": "tm/memory.tmx",
        "id": "a",
    }
    rows = kwb(
        "tm", "search", "پەرلەمانی کوردستان دانیشتنی کرد.", "--json", "--min", "70", cwd=project
    )
    assert all(r["score"] >= 70 for r in rows.json_lines())


@pytest.mark.parametrize(
    "xml",
    [
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        "<tmx><body>&lol2;</body></tmx>",
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><tmx>&e;</tmx>',
        "<tmx><body><tu>",
    ],
)
def test_hostile_or_broken_tmx_is_refused(
    kwb: Any, project: Path, tmp_path: Path, xml: str
) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text(xml, encoding="utf-8")
    result = kwb("tm", "import", str(bad), cwd=project)
    assert result.code == 2 and result.err.count("\n") == 1 and "bad.tmx" in result.err
    assert not (project / "tm" / "bad.tmx").exists()


def test_pretranslate_fills_exact_matches_from_other_articles(kwb: Any, project: Path) -> None:
    other = project / "seeds" / "b.txt"
    other.write_text("حەشدی شەعبی هێرشی کرد.  هەواڵێکی نوێ.", encoding="utf-8")
    result = kwb("add", str(other), "--pretranslate", cwd=project)
    assert result.code == 0, result.err
    entries = [e for e in polib.pofile(str(project / "translations" / "b.po")) if not e.obsolete]
    assert entries[0].msgstr == "The PMF attacked." and "fuzzy" in entries[0].flags
    assert entries[1].msgstr == ""
    other.write_text("حەشدی شەعبی هێرشی کرد.  هەواڵێکی تر.", encoding="utf-8")
    (project / "translations" / "b.po").unlink()
    kwb("add", str(other), "--pretranslate", "--trust-exact", cwd=project)
    entries = [e for e in polib.pofile(str(project / "translations" / "b.po")) if not e.obsolete]
    assert entries[0].msgstr == "The PMF attacked." and "fuzzy" not in entries[0].flags


def test_lookup_service_answers_like_the_index(project: Path) -> None:
    """The workbench's TM process syncs the project's TM and returns what the index does."""
    from workbench.tm.service import TmService

    query = "هێزە عێراقییەکان گەیشتنە دهۆک."
    with open_tm(load_project(project)) as tm:
        expected = tm.search(query, 50, 5)
    service = TmService(project)
    try:
        service.wait_ready()
        assert service.search(query, 50, 5) == expected
        assert service.search("باران بارى.", 100, 5) == []  # drafts are not in the TM
        assert expected and expected[0].en == "Iraqi forces reached Kirkuk."
    finally:
        service.close()


def test_a_damaged_index_is_rebuilt_from_the_files(project: Path) -> None:
    index = project / ".kwb" / "tm.sqlite"
    index.parent.mkdir(exist_ok=True)
    index.write_bytes(b"not a database" * 100)
    with open_tm(load_project(project)) as tm:
        assert len(tm) == 2


def test_lookup_service_reports_a_project_it_cannot_read(project: Path) -> None:
    from workbench.tm.service import TmService, TmUnavailableError

    (project / "kwb.toml").write_text("name = [unclosed", encoding="utf-8")
    service = TmService(project)
    try:
        with pytest.raises(TmUnavailableError, match=r"kwb\.toml"):
            service.wait_ready()
    finally:
        service.close()


BASE = "سەرۆکی هەرێم ئەمڕۆ لە هەولێر لەگەڵ شاندێکی ئەمریکی کۆبووەوە بەیانی."
"""Ten words: each one replaced costs 10 points of similarity, each one re-inflected 5."""
LONG = (
    "ئەنجومەنی وەزیران بڕیاری دا بودجەی ساڵی داهاتوو بۆ پەرلەمانی کوردستان بنێرێت "
    "و داوای کرد زووتر دەنگی لەسەر بدرێت."
)
MEMORY = f"""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ckb" datatype="plaintext" segtype="sentence"
 adminlang="en" creationtool="test" creationtoolversion="1" o-tmf="none"/>
<body>
<tu tuid="base"><tuv xml:lang="ckb"><seg>{BASE}</seg></tuv>
<tuv xml:lang="en"><seg>The president met a US delegation in Erbil today.</seg></tuv></tu>
<tu tuid="long"><tuv xml:lang="ckb"><seg>{LONG}</seg></tuv>
<tuv xml:lang="en"><seg>The cabinet decided to send the budget to parliament.</seg></tuv></tu>
</body></tmx>
"""


def edit(sentence: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in sentence
        sentence = sentence.replace(old, new)
    return sentence


def test_pretranslate_fills_similar_sentences_as_fuzzy_and_never_from_one_shared_word(
    kwb: Any, project: Path, tmp_path: Path
) -> None:
    (project / "tm").mkdir()
    (project / "tm" / "memory.tmx").write_text(MEMORY, encoding="utf-8")
    three = (("ئەمڕۆ", "دوێنێ"), ("هەولێر", "بەغدا"), ("ئەمریکی", "فەرەنسی"))
    sentences = {
        "one word replaced (90)": edit(BASE, ("هەولێر", "سلێمانی")),
        "at the threshold (70)": edit(BASE, *three),
        "under it (65)": edit(BASE, *three, ("شاندێکی", "شاندەکە")),
        "shares بۆ": "ئەمە ڕستەیەکی نوێیە بۆ تاقیکردنەوە.",
        "shares و": "ئەوان و ئێمە گەیشتینە کەرکووک.",
        "shares for, the": "this is a new sentence for testing the memory.",
    }
    article = project / "seeds" / "b.txt"
    article.write_text("\n".join(sentences.values()), encoding="utf-8")
    result = kwb("add", str(article), "--pretranslate", "--trust-exact", cwd=project)
    assert result.code == 0, result.err
    po = polib.pofile(str(project / "translations" / "b.po"))
    got = {e.msgid: e for e in po if not e.obsolete}
    filled = {name for name, s in sentences.items() if got[s].msgstr}
    assert filled == {"one word replaced (90)", "at the threshold (70)"}
    for name in filled:
        entry = got[sentences[name]]
        assert entry.msgstr == "The president met a US delegation in Erbil today."
        assert "fuzzy" in entry.flags  # a similar sentence is a draft, trusted or not
        assert entry.previous_msgid == BASE
        assert similarity(key_text(entry.msgid), key_text(BASE)) >= FUZZY_MINIMUM
    for name in set(sentences) - filled:
        assert "fuzzy" not in got[sentences[name]].flags
        assert got[sentences[name]].previous_msgid is None


def test_search_json_score_is_the_sentence_similarity(kwb: Any, project: Path) -> None:
    (project / "tm").mkdir()
    (project / "tm" / "memory.tmx").write_text(MEMORY, encoding="utf-8")
    query = edit(BASE, ("ئەمڕۆ", "دوێنێ"), ("شاندێکی", "شاندەکە"))  # 85
    rows = kwb("tm", "search", query, "--json", "--min", "0", cwd=project).json_lines()
    assert rows and rows[0]["id"] == "base" and rows[0]["score"] == 85.0
    for row in rows:
        assert row["score"] == round(similarity(key_text(query), key_text(row["ckb"])), 1)
    shared = "ئەمە ڕستەیەکی نوێیە بۆ تاقیکردنەوە."
    assert kwb("tm", "search", shared, "--json", cwd=project).json_lines() == []


def test_search_shows_from_the_suggestion_minimum_by_default() -> None:
    import inspect

    from workbench.cli.tm import search

    assert inspect.signature(search).parameters["minimum"].default == SUGGESTION_MINIMUM


def test_the_tm_panel_suggests_by_sentence_similarity(kwb: Any, project: Path) -> None:
    """The workbench's TM panel: an edited sentence is suggested with its similarity; one
    sharing a common word with a translated sentence is not."""
    from workbench.tui.session import EditSession

    (project / "tm").mkdir()
    (project / "tm" / "memory.tmx").write_text(MEMORY, encoding="utf-8")
    edited = edit(BASE, ("هەولێر", "سلێمانی"))
    article = project / "seeds" / "c.txt"
    article.write_text(f"{edited}\nئەمە ڕستەیەکی نوێیە بۆ تاقیکردنەوە.", encoding="utf-8")
    assert kwb("add", str(article), cwd=project).code == 0
    with open_tm(load_project(project)) as tm:
        session = EditSession(project / "translations" / "c.po", tm=tm)
        assert [(m.score, m.ctx) for m in session.suggestions(0)] == [(90.0, "base")]
        assert session.suggestions(1) == []
