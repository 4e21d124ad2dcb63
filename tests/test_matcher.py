"""Term matching through normalization and Sorani inflection, and what must not match."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, SEED_000, SEED_002, approved_entry
from workbench.terms.glossary import load_glossary, stopwords
from workbench.terms.matcher import Matcher

GLOSSARY = [
    approved_entry("combat-forces", "هێزی شەڕکەر", "combat forces"),
    approved_entry("pmf", "حەشدی شەعبی", "PMF", variants=("Popular Mobilization Forces",)),
    approved_entry("kurds", "کورد", "Kurds"),
    approved_entry("parliament", "پەرلەمان", "parliament"),
    approved_entry("president", "سەرۆک", "president"),
    approved_entry("prime-minister", "سەرۆکوەزیران", "prime minister"),
    approved_entry("region", "ناوچە", "area"),
    approved_entry("process", "پرۆسە", "process"),
    approved_entry("village", "گوند", "village"),
    approved_entry("army", "سوپا", "army"),
    approved_entry(
        "us",
        "ئەمریکا",
        "United States",
        type="place",
        adjectival=("ئەمریکی",),
        adjectival_target="US",
    ),
    approved_entry("trump", "ترەمپ", "Trump", type="person", source_forms=("تڕەمپ",)),
    approved_entry("road", "ڕێگا", "road"),
    approved_entry("rudaw", "ڕووداو", "Rudaw", type="organization", inflection="proper"),
    approved_entry("krg", "حکومەتی هەرێمی کوردستان", "KRG"),
    approved_entry("erbil", "هەولێر", "Erbil", type="place"),
    approved_entry("disputed", "ناوچەی کێشەلەسەر", "disputed territories"),
    approved_entry("budget", "بودجە", "budget"),
    approved_entry("kurdistan-region", "هەرێمی کوردستان", "Kurdistan Region", type="place"),
]
MATCHER = Matcher(GLOSSARY, stopwords())


def found(text: str) -> list[tuple[str, str]]:
    return [(h.surface, h.entry.id) for h in MATCHER.find(text)]


POSITIVE = [
    # (text, expected surface, entry, what)
    ("گوندێک سووتا", "گوندێک", "village", "indefinite ێک after a consonant"),
    ("گوندەکە سووتا", "گوندەکە", "village", "definite ەکە"),
    ("گوندەکان سووتان", "گوندەکان", "village", "definite plural ەکان"),
    ("گوندان چۆڵ بوون", "گوندان", "village", "plural ان"),
    ("ئەو گوندانە", "گوندانە", "village", "demonstrative plural ان + ە"),
    ("گوندی نوێ", "گوندی", "village", "ezafe ی"),
    ("گوندەکانیشیانەوە", "گوندەکانیشیانەوە", "village", "full suffix chain"),
    ("پرۆسەکە تەواو بوو", "پرۆسەکە", "process", "definite کە after ە"),
    ("پرۆسەیەک دەستی پێکرد", "پرۆسەیەک", "process", "indefinite یەک after a vowel"),
    ("سوپاکان هاتن", "سوپاکان", "army", "definite plural کان after ا"),
    ("لە ناوچان", "ناوچان", "region", "final ە dropped before ان"),
    ("ناوچەکانی باکوور", "ناوچەکانی", "region", "plural + ezafe"),
    ("لە گوندەکەدا", "گوندەکەدا", "village", "postposition دا"),
    ("لە گوندەکەوە", "گوندەکەوە", "village", "postposition ەوە"),
    ("گوندیش", "گوندیش", "village", "also یش"),
    ("گوندەکەمان", "گوندەکەمان", "village", "person clitic مان"),
    ("لەگوندەکان", "لەگوندەکان", "village", "glued preposition with a definite suffix"),
    ("گوندـەکان", "گوندـەکان", "village", "tatweel between stem and suffix"),
    ("گوند\u200cەکان", "گوند\u200cەکان", "village", "ZWNJ between stem and suffix"),
    ("گوندەكان", "گوندەكان", "village", "Arabic kaf inside the suffix"),
    ("ئەمریکییەکان هاتن", "ئەمریکییەکان", "us", "adjectival place form, inflected"),
    ("هێزی ئەمریکی", "ئەمریکی", "us", "adjectival place form"),
    ("ترەمپ گوتی", "ترەمپ", "trump", "spelling variant 1"),
    ("تڕەمپ گوتی", "تڕەمپ", "trump", "spelling variant 2"),
    ("رێگاکە داخرا", "رێگاکە", "road", "word-initial ر/ڕ folded"),
    ("بە ڕووداوی گوت", "ڕووداوی", "rudaw", "a name takes ezafe"),
    ("سەرۆکوەزیرانی عێراق", "سەرۆکوەزیرانی", "prime-minister", "longer term wins over سەرۆک"),
    ("سەرۆکی هەرێم", "سەرۆکی", "president", "the short term where it stands alone"),
    ("لەهەولێریش", "لەهەولێریش", "erbil", "a name takes a glued preposition bare"),
    ("ئەو بودجەیە", "بودجەیە", "budget", "copula/demonstrative یە after a vowel"),
    ("هەولێرن", "هەولێرن", "erbil", "copula ن"),
    (
        "لە ناوچە کێشەلەسەرەکاندا",
        "ناوچە کێشەلەسەرەکاندا",
        "disputed",
        "a head ending in ە takes the definite linker invisibly",
    ),
]


@pytest.mark.parametrize(
    ("text", "surface", "entry_id", "what"), POSITIVE, ids=[p[3] for p in POSITIVE]
)
def test_finds_inflected_forms(text: str, surface: str, entry_id: str, what: str) -> None:
    assert (surface, entry_id) in found(text), what


PHRASES = [
    ("هێزی شەڕکەر نییە", "هێزی شەڕکەر", "base form"),
    ("هێزێکی شەڕکەر نامێنێت", "هێزێکی شەڕکەر", "indefinite on the head"),
    ("هێزێکی شەڕکەری بیانی", "هێزێکی شەڕکەری", "ezafe on the last word"),
    ("لە هێزی شەڕکەرەوە", "هێزی شەڕکەرەوە", "postposition on the last word"),
    ("هێزی بیانی شەڕکەر", "هێزی بیانی شەڕکەر", "one adjective in between"),
    ("هێزە شەڕکەرەکان", "هێزە شەڕکەرەکان", "definite phrase: ە on the head"),
    ("لەهێزە شەڕکەرەکان", "لەهێزە شەڕکەرەکان", "glued preposition on a phrase"),
    ("حەشدی شەعبییەکان", "حەشدی شەعبییەکان", "plural on the last word"),
    ("حكومەتی هەرێمی كوردستان", "حكومەتی هەرێمی كوردستان", "three words, Arabic kaf"),
]


@pytest.mark.parametrize(("text", "surface", "what"), PHRASES, ids=[p[2] for p in PHRASES])
def test_finds_phrases(text: str, surface: str, what: str) -> None:
    assert [s for s, _ in found(text)][:1] == [surface], what


NEGATIVE = [
    ("کوردستان جوانە", "kurds", "ستان makes a new word"),
    ("پەرلەمانتارێک", "parliament", "تار makes a new word"),
    ("سەرۆکایەتی هەرێم", "president", "ایەتی makes a new word"),
    ("گوندنشین", "village", "compound"),
    ("سوپاس بۆ تۆ", "army", "a different word that starts with the term"),
    ("ڕووداوەکانی ئەم دواییە", "rudaw", "a name takes no definite/plural suffix"),
    ("بەگوند", "village", "a glued preposition needs a suffix on a single word"),
    ("هێزی زۆر و شەڕکەر", "combat-forces", "more than one word in between"),
    ("هێزی، شەڕکەر", "combat-forces", "punctuation breaks a phrase"),
    ("سەرۆکوەزیرانی عێراق", "president", "no shorter term inside a longer one"),
    ("حکومەتی هەرێمی کوردستان", "kurdistan-region", "no shorter phrase inside a longer one"),
]


@pytest.mark.parametrize(("text", "entry_id", "what"), NEGATIVE, ids=[n[2] for n in NEGATIVE])
def test_does_not_match_other_words(text: str, entry_id: str, what: str) -> None:
    assert entry_id not in [e for _, e in found(text)], what


def test_hits_are_reported_at_original_offsets() -> None:
    text = "\u200fلە گوندـەكانی ئەمه"
    for hit in MATCHER.find(text):
        assert text[hit.start : hit.end] == hit.surface
    assert found(text)[0] == ("گوندـەكانی", "village")


def curated() -> Matcher:
    return Matcher(load_glossary(REPO / "glossary").active(), stopwords())


def test_all_seven_combat_forces_in_the_seeds() -> None:
    matcher = curated()
    surfaces = [
        h.surface
        for seed in (SEED_000, SEED_002)
        for h in matcher.find(seed.read_text(encoding="utf-8"))
        if h.entry.id == "combat-forces" and "شەڕکەر" in h.surface
    ]
    assert len(surfaces) == 7
    assert set(surfaces) == {
        "هێزی شەڕکەر",
        "هێزێکی شەڕکەر",
        "هێزێکی شەڕکەری",
        "هێزی شەڕکەرەوە",
        "هێزی بیانی شەڕکەر",
    }


def test_curated_glossary_is_large_and_has_the_desk_terms() -> None:
    glossary = load_glossary(REPO / "glossary")
    assert len(glossary.active()) >= 150
    pmf = glossary.get("pmf")
    assert pmf is not None and pmf.source == "حەشدی شەعبی" and pmf.target == "PMF"
    assert "Popular Mobilization Forces" in pmf.variants and "Popular Crowd" in pmf.forbidden
    combat = glossary.get("combat-forces")
    assert combat is not None and combat.target == "combat forces"
    months = [e for e in glossary.active() if e.type == "date"]
    assert {"January", "December"} <= {e.target for e in months}


def test_match_json_contract(kwb: Any, tmp_path: Path) -> None:
    text = "کازمی دەڵێت هێزێکی شەڕکەری ئەمریکی لە عێراق نامێنێت.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = kwb("match", "a.txt", "--json", "--project", str(REPO))
    assert result.code == 0, result.err
    rows = result.json_lines()
    assert all(
        list(r) == ["start", "end", "surface", "term", "entry", "target", "variants"] for r in rows
    )
    for r in rows:
        assert text[r["start"] : r["end"]] == r["surface"]
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    combat = next(r for r in rows if r["entry"] == "combat-forces")
    assert combat["surface"] == "هێزێکی شەڕکەری" and combat["term"] == "هێزی شەڕکەر"
    assert combat["target"] == "combat forces"


def test_match_with_a_csv_glossary(kwb: Any, tmp_path: Path) -> None:
    (tmp_path / "g.csv").write_text(
        "source,target,variants,forbidden,note\n"
        "حەشدی شەعبی,PMF,Popular Mobilization Forces|Hashd,Popular Crowd,Iraqi state body\n",
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("گرووپەکانی حەشدی شەعبی هاتن", encoding="utf-8")
    rows = kwb("match", "a.txt", "--glossary", "g.csv", "--json").json_lines()
    assert rows == [
        {
            "start": 11,
            "end": 22,
            "surface": "حەشدی شەعبی",
            "term": "حەشدی شەعبی",
            "entry": "csv-2",
            "target": "PMF",
            "variants": ["Popular Mobilization Forces", "Hashd"],
        }
    ]


def test_match_table_output(kwb: Any) -> None:
    result = kwb("match", str(SEED_002), "--project", str(REPO))
    assert result.code == 0 and "combat forces" in result.out and "glossary hits" in result.out


def test_bad_glossaries_are_one_line_errors(kwb: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("کورد", encoding="utf-8")
    (tmp_path / "nohead.csv").write_text("کورد,Kurds\n", encoding="utf-8")
    (tmp_path / "bad.toml").write_text(
        '# g\n\n[[entry]]\nid = "kurds"\nsource = "کورد"\ntarget = "Kurds"\ntype = "nation"\n'
        'status = "approved"\nproposed_by = "x"\nproposed_on = 2026-01-01\n',
        encoding="utf-8",
    )
    (tmp_path / "broken.toml").write_text('[[entry]]\nid = "x\n', encoding="utf-8")
    for name, line in (("nohead.csv", ":1:"), ("bad.toml", ":7:"), ("broken.toml", ":2:")):
        result = kwb("match", "a.txt", "--glossary", name)
        assert result.code == 2, name
        assert result.err.count("\n") == 1 and f"{name}{line}" in result.err, result.err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After a numeral a word is a noun: soldier with its ezafe, not the adjective.
        ("٢٥٠٠ سەربازی ئەمریکی لە عێراقن", "soldier"),
        ("چوار سەربازی سوپای عێراق کوژران", "soldier"),
        ("چەند سەربازی ئەمریکی ماونەتەوە", "soldier"),
        # Elsewhere the uninflected reading, the adjective, stays first.
        ("هاوکاری سەربازی", "military"),
        ("سەربازی ئەمریکی", "military"),
        ("٢٥٠٠، سەربازی ئەمریکی", "military"),  # a comma between: no numeral before it
    ],
)
def test_a_word_after_a_numeral_is_read_as_a_noun(text: str, expected: str) -> None:
    matcher = Matcher(
        [
            approved_entry("military", "سەربازی", "military"),
            approved_entry("soldier", "سەرباز", "soldier", variants=("troops",)),
        ],
        stopwords(),
    )
    assert [h.entry.id for h in matcher.find(text) if h.surface == "سەربازی"] == [expected]
