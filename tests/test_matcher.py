"""Term matching through normalization and Sorani inflection, and what must not match."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DEMO, SEED_000, SEED_002, approved_entry
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
    return Matcher(load_glossary(DEMO / "glossary").active(), stopwords())


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
    glossary = load_glossary(DEMO / "glossary")
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
    result = kwb("match", "a.txt", "--json", "--project", str(DEMO))
    assert result.code == 0, result.err
    rows = result.json_lines()
    assert all(
        list(r)
        == [
            "start",
            "end",
            "surface",
            "term",
            "entry",
            "target",
            "variants",
            "derived",
            "respelled",
        ]
        for r in rows
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
            "derived": False,
            "respelled": False,
        }
    ]


def test_match_table_output(kwb: Any) -> None:
    result = kwb("match", str(SEED_002), "--project", str(DEMO))
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


# --- nisba adjectives derived from the terms --------------------------------------------------

NISBA_GLOSSARY = [
    approved_entry("iraq", "عێراق", "Iraq", type="place"),
    approved_entry("us", "ئەمریکا", "United States", adjectival_target="US"),
    approved_entry("germany", "ئەڵمانیا", "Germany"),
    approved_entry("europe", "ئەوروپا", "Europe"),
    approved_entry("asia", "ئاسیا", "Asia"),
    approved_entry("austria", "نەمسا", "Austria"),
    approved_entry("nation", "نەتەوە", "nation"),
    approved_entry("tokyo", "تۆکیۆ", "Tokyo", type="place"),
    approved_entry("sulaimani", "سلێمانی", "Sulaimani", type="place"),
    approved_entry("drone-attack", "هێرشی درۆن", "drone attack"),
    approved_entry("kurds", "کورد", "Kurds"),
    approved_entry("parliament", "پەرلەمان", "parliament"),
    approved_entry("president", "سەرۆک", "president"),
    approved_entry("china", "چین", "China", type="place"),
    approved_entry("city", "شار", "city"),
    approved_entry("barzani", "بارزانی", "Barzani", type="person"),
    approved_entry("march", "ئازار", "March", type="date"),
]
NISBA = Matcher(NISBA_GLOSSARY, stopwords())


def nisba_found(text: str, matcher: Matcher = NISBA) -> list[tuple[str, str, bool]]:
    return [(h.surface, h.entry.id, h.derived) for h in matcher.find(text)]


DERIVED = [
    # (text, surface, entry, pattern)
    ("هێزە عێراقییەکان", "عێراقییەکان", "iraq", "consonant stem + ی, then definite plural"),
    ("هێزە عێراقیەکان", "عێراقیەکان", "iraq", "the nisba's ی written once before ەکان"),
    ("پیاوە عێراقییەکە", "عێراقییەکە", "iraq", "nisba + definite یەکە"),
    ("عێراقییەک گیرا", "عێراقییەک", "iraq", "nisba + indefinite: an Iraqi"),
    ("سەربازە ئەمریکییەکان", "ئەمریکییەکان", "us", "final ا dropped before ی"),
    ("هێزی ئەمریکی", "ئەمریکی", "us", "final ا dropped, bare adjective"),
    ("کۆمپانیا ئەمریکاییەکان", "ئەمریکاییەکان", "us", "final ا kept before یی"),
    ("لەئەمریکییەکانەوە", "لەئەمریکییەکانەوە", "us", "glued preposition and postposition"),
    ("لەگەڵ ئەڵمانیەکاندا", "ئەڵمانیەکاندا", "germany", "final یا: ا dropped, the ی serves"),
    ("نەتەوە ئەوروپیەکان", "ئەوروپیەکان", "europe", "ا dropped, single ی before ەکان"),
    ("وڵاتە ئاسیاییەکان", "ئاسیاییەکان", "asia", "final یا kept before یی"),
    ("خانمی نەمساوی", "نەمساوی", "austria", "final ا kept before وی"),
    ("هێزە نەتەوەییەکان", "نەتەوەییەکان", "nation", "final ە + یی"),
    ("تۆکیۆییەکان", "تۆکیۆییەکان", "tokyo", "final ۆ + یی"),
    ("سلێمانییەکان", "سلێمانییەکان", "sulaimani", "a name in ی + ی takes a plural"),
    ("هێرشە درۆنییەکان", "هێرشە درۆنییەکان", "drone-attack", "a phrase's last word"),
    ("گرووپە کوردییەکان", "کوردییەکان", "kurds", "a nation's adjective"),
]


@pytest.mark.parametrize(
    ("text", "surface", "entry_id", "what"), DERIVED, ids=[d[3] for d in DERIVED]
)
def test_finds_nisba_adjectives_the_glossary_does_not_list(
    text: str, surface: str, entry_id: str, what: str
) -> None:
    assert (surface, entry_id, True) in nisba_found(text), what
    plain = Matcher(NISBA_GLOSSARY, stopwords(), derive=False)
    assert (surface, entry_id) not in [(s, e) for s, e, _ in nisba_found(text, plain)], what


NOT_DERIVED = [
    # (text, entry, why)
    ("کوردستان", "kurds", "ستان makes a new word, nisba or not"),
    ("پەرلەمانتارێکی پەرلەمانتارەکان", "parliament", "تار makes a new word"),
    ("سەرۆکایەتی هەرێم", "president", "ایەتی makes a new word"),
    ("چینییەکان", "china", "a three-letter stem: چینی is also 'of the class'"),
    ("وڵاتە شارییەکان", "city", "a three-letter stem: -ی makes everyday words"),
    ("ئاسییەکان", "asia", "ا dropped from ئاسیا leaves a three-letter stem"),
    ("بارزانییەکان", "barzani", "a person's name has no adjective: the Barzanis"),
    ("ئازارییەکان", "march", "a date has no adjective"),
    ("ئەمریکیستان", "us", "a nisba followed by a derivation"),
]


@pytest.mark.parametrize(("text", "entry_id", "why"), NOT_DERIVED, ids=[n[2] for n in NOT_DERIVED])
def test_derivations_that_are_other_words_are_not_found(text: str, entry_id: str, why: str) -> None:
    assert entry_id not in [e for _, e, _ in nisba_found(text)], why


def test_an_ezafe_reading_stays_the_reading_of_a_bare_nisba() -> None:
    # عێراقی is also Iraq + ezafe: the inflection is read, as before nisba forms existed.
    assert nisba_found("سوپای عێراقی") == [("عێراقی", "iraq", False)]
    assert nisba_found("ئەمریکی", Matcher(GLOSSARY, stopwords())) == [("ئەمریکی", "us", False)]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("ئەمریکی", "ئەمریکی"),
        ("ئەمریکییەکان", "ئەمریکییەکان"),
        ("لەئەمریکییەکاندا", "لەئەمریکییەکاندا"),
    ],
)
def test_an_exact_term_wins_over_a_derived_one(text: str, surface: str) -> None:
    matcher = Matcher(
        [
            approved_entry("us", "ئەمریکا", "United States"),
            approved_entry("american", "ئەمریکی", "American"),
        ],
        stopwords(),
    )
    assert nisba_found(text, matcher) == [(surface, "american", False)]
    assert [e.id for e in matcher.readings_at(text, 0)] == ["american", "us"]


def test_a_derived_hit_takes_the_adjectival_rendering_and_names_its_term() -> None:
    (hit,) = NISBA.find("سەربازە ئەمریکییەکان")
    assert hit.derived and hit.adjectival
    assert (hit.form, hit.entry.source, hit.target) == ("ئەمریکا", "ئەمریکا", "US")
    (plain,) = NISBA.find("ئەڵمانیەکاندا")
    assert plain.target == "Germany"


def test_a_word_after_a_numeral_is_not_read_as_a_nisba_noun() -> None:
    matcher = Matcher(
        [
            approved_entry("soldier", "سەرباز", "soldier"),
            approved_entry("military", "سەربازی", "military"),
        ],
        stopwords(),
    )
    assert nisba_found("دوو سەربازی ئەمریکی", matcher)[0] == ("سەربازی", "soldier", False)
    assert nisba_found("سەربازییەکان", matcher) == [("سەربازییەکان", "military", False)]


WORDS = ["عێراق", "ئەمریکا", "نەتەوە", "هێرشی", "درۆن", "کورد", "سەرۆک", "وەزیران", "ئاسیا"]
ENDINGS = ["", "ی", "یی", "ییەکان", "یەکان", "ەکان", "ان", "دا", "ستان", "ایەتی"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(ENDINGS)).map("".join),
        min_size=1,
        max_size=12,
    )
)
def test_deriving_only_adds_hits(words: list[str]) -> None:
    """Every hit found without nisba forms is still found with them, or lies inside a longer
    derived one (a phrase whose last word is a nisba adjective)."""
    glossary = [
        approved_entry("iraq", "عێراق", "Iraq", type="place"),
        approved_entry("us", "ئەمریکا", "United States"),
        approved_entry("nation", "نەتەوە", "nation"),
        approved_entry("drone-attack", "هێرشی درۆن", "drone attack"),
        approved_entry("drone", "درۆن", "drone"),
        approved_entry("kurds", "کورد", "Kurds"),
        approved_entry("pm", "سەرۆک وەزیران", "prime minister"),
    ]
    text = " ".join(words)
    derived = Matcher(glossary, stopwords()).find(text)
    for hit in Matcher(glossary, stopwords(), derive=False).find(text):
        assert hit in derived or any(
            d.derived and d.start <= hit.start and hit.end <= d.end and d != hit for d in derived
        ), (text, hit)


def test_match_json_reports_a_nisba_hit_by_its_term(kwb: Any, tmp_path: Path) -> None:
    (tmp_path / "g.csv").write_text(
        "source,target\nئەمریکا,United States\nئەڵمانیا,Germany\n", encoding="utf-8"
    )
    text = "سەربازە ئەمریکییەکان لە ئەمریکان و ئەڵمانیەکاندا"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    rows = kwb("match", "a.txt", "--glossary", "g.csv", "--json").json_lines()
    assert [(r["surface"], r["term"], r["target"], r["derived"]) for r in rows] == [
        ("ئەمریکییەکان", "ئەمریکا", "United States", True),
        ("ئەمریکان", "ئەمریکا", "United States", False),
        ("ئەڵمانیەکاندا", "ئەڵمانیا", "Germany", True),
    ]
    table = kwb("match", "a.txt", "--glossary", "g.csv").out
    assert "csv-2 (adjective)" in table and "csv-3 (adjective)" in table


NISBA_PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "سەربازە ئەمریکاییەکان گەیشتنە عێراق."
msgstr "{}"
"""


@pytest.mark.parametrize(
    ("glossary", "english", "missing"),
    [
        # A CSV lists no adjectival rendering: the adjective's rendering cannot be looked for.
        ("g.csv", "The American soldiers arrived in Iraq.", []),
        # The project glossary has one for ئەمریکا (US): it is looked for as for a listed form.
        (str(DEMO / "glossary" / "glossary.toml"), "The soldiers arrived in Iraq.", ["US"]),
        (str(DEMO / "glossary" / "glossary.toml"), "The US soldiers arrived in Iraq.", []),
    ],
)
def test_qa_looks_for_a_derived_adjective_only_where_it_has_a_rendering(
    kwb: Any, tmp_path: Path, glossary: str, english: str, missing: list[str]
) -> None:
    (tmp_path / "g.csv").write_text("source,target\nئەمریکا,United States\nعێراق,Iraq\n", "utf-8")
    (tmp_path / "a.po").write_text(NISBA_PO.format(english), encoding="utf-8")
    result = kwb("check", "a.po", "--glossary", glossary, "--json", "--checks", "glossary-missing")
    found = [r["message"] for r in result.json_lines() if r.get("check") == "glossary-missing"]
    assert [m for m in missing if any(m in f for f in found)] == missing
    assert len(found) == len(missing), found
