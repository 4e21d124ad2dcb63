"""Glossary terms found through the spelling variants of real Sorani text, and what must not be."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import approved_entry
from workbench.terms.glossary import stopwords
from workbench.terms.matcher import Matcher
from workbench.terms.spelling import alternations, is_name, lexicon, word_variants
from workbench.text.normalize import key_text

GLOSSARY = [
    approved_entry("iraq", "عێراق", "Iraq", type="place"),
    approved_entry("people", "خەڵک", "people"),
    approved_entry("italy", "ئیتاڵیا", "Italy"),
    approved_entry("aircraft", "فڕۆکە", "aircraft"),
    approved_entry("police", "پۆلیس", "police"),
    approved_entry("south-africa", "ئەفریقای باشوور", "South Africa"),
    approved_entry("africa", "ئەفریقا", "Africa"),
    approved_entry("un", "نەتەوەیەکگرتووەکان", "United Nations"),
    approved_entry("culture", "کەلتور", "culture"),
    approved_entry("israel", "ئیسرائیل", "Israel", type="place"),
    approved_entry("asaib", "عەسایب", "Asa'ib", type="organization"),
    approved_entry("philippines", "فیلیپین", "Philippines"),
    approved_entry("denmark", "دانمارک", "Denmark"),
    approved_entry("britain", "بەریتانیا", "Britain"),
    approved_entry("singapore-short", "سنگاپور", "Singapore"),
    approved_entry("australia", "ئوسترالیا", "Australia"),
    approved_entry("singapore", "سەنگافورە", "Singapore"),
    approved_entry("putin", "ڤلادیمیر پوتین", "Vladimir Putin", type="person"),
    approved_entry("eric", "ئێریک", "Eric", type="person"),
]
MATCHER = Matcher(GLOSSARY, stopwords())


def found(text: str, matcher: Matcher = MATCHER) -> list[tuple[str, str, bool]]:
    return [(h.surface, h.entry.id, h.respelled) for h in matcher.find(text)]


POSITIVE = [
    # (text, surface, entry, alternation)
    ("لە عیراق ماوەتەوە", "عیراق", "iraq", "ێ written ی"),
    ("خەلکی شارەکە", "خەلکی", "people", "ڵ written ل, a four-letter word"),
    ("لە ئیتالیاوە هات", "ئیتالیاوە", "italy", "ڵ written ل, with a postposition"),
    ("فرۆکەکان گەیشتن", "فرۆکەکان", "aircraft", "ڕ written ر inside a word"),
    ("پولیسەکان هاتن", "پولیسەکان", "police", "ۆ written و"),
    ("ئەفریقای باشور", "ئەفریقای باشور", "south-africa", "وو written و in a phrase's word"),
    ("کامپەکانی نەتەوەیەکگرتوەکان", "نەتەوەیەکگرتوەکان", "un", "وو written و"),
    ("کەلتووری کوردی", "کەلتووری", "culture", "و written وو, the dictionary's spelling"),
    ("ئیریک گوتی", "ئیریک", "eric", "a name the dictionary lists in both spellings"),
    ("سوپای ئیسرایل", "ئیسرایل", "israel", "ائی written ای"),
    ("گرووپی عەسائیب", "عەسائیب", "asaib", "ای of the glossary written ائی"),
    ("حکومەتی فلیپین", "فلیپین", "philippines", "a name's vowel ی dropped"),
    ("مێژووی دانیمارک", "دانیمارک", "denmark", "a vowel ی inserted in a name"),
    ("شاری بریتانیا", "بریتانیا", "britain", "a name's vowel ە dropped"),
    ("لە سەنگاپور", "سەنگاپور", "singapore-short", "a vowel ە inserted in a name"),
    ("ئوستورالیا", "ئوستورالیا", "australia", "a vowel و inserted in a name"),
    ("وەزیرانی سەنگاپورە", "سەنگاپورە", "singapore", "a name's ف written پ"),
    ("فلادیمیر پوتین گوتی", "فلادیمیر پوتین", "putin", "a name's ڤ written ف, first letter"),
]


@pytest.mark.parametrize(
    ("text", "surface", "entry_id", "alternation"), POSITIVE, ids=[p[3] for p in POSITIVE]
)
def test_finds_a_term_in_a_spelling_variant(
    text: str, surface: str, entry_id: str, alternation: str
) -> None:
    assert (surface, entry_id, True) in found(text), alternation
    exact = Matcher(GLOSSARY, stopwords(), respell=False)
    assert entry_id not in [e for _, e, _ in found(text, exact)], alternation


INFLECTED = [
    # (text, surface, entry, derived): inflection and nisba on the variant stem
    ("هێزە عیراقییەکان", "عیراقییەکان", "iraq", True),
    ("لە عیراقدا", "عیراقدا", "iraq", False),
    ("خەلکەکە", "خەلکەکە", "people", False),
    ("خەلکانی فەرەنسی", "خەلکانی", "people", False),
    ("تیپە ئیتالیەکان", "ئیتالیەکان", "italy", True),
    ("وێنەگرە فلیپینیەکانیش", "فلیپینیەکانیش", "philippines", True),
    ("کۆریای باکوری", "کۆریای باکوری", "north-korea", False),
]


@pytest.mark.parametrize(("text", "surface", "entry_id", "derived"), INFLECTED)
def test_a_variant_stem_takes_inflections_and_its_nisba(
    text: str, surface: str, entry_id: str, derived: bool
) -> None:
    matcher = Matcher(
        [*GLOSSARY, approved_entry("north-korea", "کۆریای باکوور", "North Korea")], stopwords()
    )
    hits = [(h.surface, h.entry.id, h.derived) for h in matcher.find(text) if h.respelled]
    assert (surface, entry_id, derived) in hits


NEGATIVE = [
    # (glossary source, type, text, why)
    ("گۆڕان", "term", "گۆرانی دەڵێت", "گۆران and گۆڕان are both words (song, change)"),
    ("شێر", "term", "شیر دەخوات", "a three-letter word: شیر is milk, شێر a lion"),
    ("وێنە", "term", "وینەکان", "a four-letter word gets no ێ → ی variant"),
    ("بەسرە", "place", "دەست بەسەرە", "a vowel inserted only in names of seven letters or more"),
    ("دەرمانک", "place", "دەرمانەکە", "the variant begins دەرمان + ەکە, another word"),
    ("چۆنکە", "term", "چونکە", "the variant is a stop word (because)"),
    ("سروشت", "term", "سرشت", "a vowel inserted or dropped only in a name"),
    ("رووار", "place", "بەرواری ئەمڕۆ", "a variant takes no glued preposition: بەروار is date"),
    ("عێراق", "place", "عیراقستان", "a variant is no derivation either"),
    ("عێراق", "place", "عێراقی", "the glossary's last letter is never respelled"),
    ("نەتەوە", "term", "نەتەووە", "و after a vowel is /w/: never doubled"),
    ("بڕدرا", "term", "بردرا", "بردرا was taken, بڕدرا was cut: both words"),
]


@pytest.mark.parametrize(("source", "kind", "text", "why"), NEGATIVE, ids=[n[3] for n in NEGATIVE])
def test_a_variant_that_is_another_word_is_not_read_as_the_term(
    source: str, kind: str, text: str, why: str
) -> None:
    matcher = Matcher([approved_entry("term", source, "Term", type=kind)], stopwords())
    assert not [h for h in matcher.find(text) if h.respelled], why


def test_a_variant_of_one_term_that_is_another_term_is_that_term() -> None:
    matcher = Matcher(
        [
            approved_entry("iraq", "عێراق", "Iraq", type="place"),
            approved_entry("other", "عیراق", "Other", type="place"),
        ],
        stopwords(),
    )
    assert found("عیراق و عیراقدا", matcher) == [
        ("عیراق", "other", False),
        ("عیراقدا", "other", False),
    ]


def test_a_variant_two_terms_would_share_is_read_as_neither() -> None:
    # کەلیم respells کەڵیم (ڵ → ل) and کەلێم (ێ → ی): which one it stands for is a guess.
    matcher = Matcher(
        [approved_entry("a", "کەڵیم", "A"), approved_entry("b", "کەلێم", "B")], stopwords()
    )
    assert found("کەلیم", matcher) == []
    assert found("کەڵیم کەلێم", matcher) == [("کەڵیم", "a", False), ("کەلێم", "b", False)]


def test_an_exact_reading_and_a_nisba_both_win_over_a_variant_of_the_same_span() -> None:
    matcher = Matcher(
        [
            approved_entry("iraq", "عێراق", "Iraq", type="place"),
            approved_entry("iraqi", "عیراقی", "Iraqi"),
            approved_entry("italy", "ئیتاڵیا", "Italy"),
            approved_entry("italian", "ئیتالیا", "Italian"),
        ],
        stopwords(),
    )
    # عیراقی: the term عیراقی exactly beats عێراق's variant with an ezafe.
    assert found("عیراقی", matcher) == [("عیراقی", "iraqi", False)]
    # ئیتالی: the nisba of the term ئیتالیا beats ئیتاڵیا's variant ئیتالیا's nisba.
    hits = matcher.find("ئیتالیەکان")
    assert [(h.entry.id, h.derived, h.respelled) for h in hits] == [("italian", True, False)]


def test_a_longer_term_in_a_variant_spelling_wins_over_a_shorter_exact_one() -> None:
    assert found("ئەفریقای باشور") == [("ئەفریقای باشور", "south-africa", True)]
    assert found("ئەفریقای باشوور") == [("ئەفریقای باشوور", "south-africa", False)]


def test_a_variant_never_cuts_into_a_term_read_as_written() -> None:
    # ئەفریقای ئەفریقای باشوری could be South Africa respelled (with an adjective between),
    # but it would cut ئەفریقای باشوری باشوور, South Africa as written: that stays.
    assert found("ئەفریقای ئەفریقای باشوری باشوور") == [
        ("ئەفریقای", "africa", False),
        ("ئەفریقای باشوری باشوور", "south-africa", False),
    ]


def test_a_variant_hit_names_the_glossary_spelling_it_comes_from() -> None:
    (hit,) = MATCHER.find("هێزە عیراقییەکان")[-1:]
    assert (hit.form, hit.entry.source, hit.target) == ("عێراق", "عێراق", "Iraq")
    assert hit.respelled and hit.derived and hit.adjectival


def test_names_are_typed_places_people_organizations_or_capitalized_terms() -> None:
    assert is_name(approved_entry("a", "فیلیپین", "Philippines"))
    assert is_name(approved_entry("b", "عێراق", "iraq", type="place"))
    assert not is_name(approved_entry("c", "پۆلیس", "police"))
    assert not is_name(approved_entry("d", "ئازار", "March", type="date"))


WORDS = [
    "عێراق",
    "عیراق",
    "خەڵک",
    "خەلک",
    "فیلیپین",
    "فلیپین",
    "ئەفریقای",
    "ئەفریقا",
    "باشوور",
    "باشور",
    "گۆڕان",
    "گۆران",
    "کەلتور",
    "کەلتوور",
]
ENDINGS = ["", "ی", "یی", "ییەکان", "ەکان", "ەکە", "دا", "ەوە", "ستان", "انی"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(ENDINGS)).map("".join),
        min_size=1,
        max_size=10,
    )
)
def test_variants_never_displace_an_exact_hit(words: list[str]) -> None:
    """Every hit found without spelling variants is still found with them, or lies inside
    a longer variant hit (a phrase: ئەفریقای باشور over ئەفریقای); and no variant hit
    covers a span some exact reading covers."""
    glossary = [
        approved_entry("iraq", "عێراق", "Iraq", type="place"),
        approved_entry("people", "خەڵک", "people"),
        approved_entry("philippines", "فیلیپین", "Philippines"),
        approved_entry("africa", "ئەفریقا", "Africa"),
        approved_entry("south-africa", "ئەفریقای باشوور", "South Africa"),
        approved_entry("change", "گۆڕان", "change"),
        approved_entry("culture", "کەلتوور", "culture"),
    ]
    text = " ".join(words)
    respelled = Matcher(glossary, stopwords()).find(text)
    exact = Matcher(glossary, stopwords(), respell=False).find(text)
    for hit in exact:
        assert hit in respelled or any(
            r.respelled and r.start <= hit.start and hit.end <= r.end and r.end - r.start
            for r in respelled
            if (r.start, r.end) != (hit.start, hit.end)
        ), (text, hit)
    spans = {(h.start, h.end) for h in exact}
    assert not [r for r in respelled if r.respelled and (r.start, r.end) in spans], text


@pytest.mark.parametrize(
    "row", alternations(), ids=lambda r: f"{r.written or '-'}>{r.typed or '-'}"
)
def test_each_alternation_gives_the_spelling_it_stands_for(row: Any) -> None:
    """Built from the row itself: a word long enough, with the glossary's letters inside
    (between two consonants for a vowel), gets the text's spelling as a variant."""
    written, typed = row.written, row.typed
    word = "بەرد" + written + "مانک"
    expected = "بەرد" + typed + "مانک"
    assert expected in word_variants(word, True)
    if row.names_only:
        assert expected not in word_variants(word, False)


EXAMPLE = re.compile(r"([^\s,():]+) ~ ([^\s,():]+)")


def test_the_table_examples_are_what_its_rows_give() -> None:
    """Each row's examples (glossary ~ text) differ by that row's letters alone."""
    data = resources.files("workbench.terms").joinpath("data/spelling.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in data.splitlines() if line and not line.startswith("#")]
    for glossary_side, text_side, ways, _, scope, examples in rows:
        pairs = EXAMPLE.findall(examples)
        assert pairs, examples
        for written, typed in pairs:
            variants = word_variants(key_text(written), scope == "name")
            reverse = word_variants(key_text(typed), scope == "name")
            assert key_text(typed) in variants or (ways == "both" and written in reverse), (
                glossary_side,
                text_side,
                written,
                typed,
            )


def test_the_dictionary_is_in_matching_key_spelling() -> None:
    known = lexicon()
    assert len(known) > 20_000
    assert known["شێر"] and known["شیر"] and not known["فلیپین"]
    assert all(key_text(w) == w and len(w) >= 3 for w in known)


def test_match_json_reports_a_variant_hit_by_its_term(kwb: Any, tmp_path: Path) -> None:
    (tmp_path / "g.csv").write_text(
        "source,target\nعێراق,Iraq\nفیلیپین,Philippines\n", encoding="utf-8"
    )
    text = "لە عیراق و عێراق، هێزە عیراقییەکان و فلیپین"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    rows = kwb("match", "a.txt", "--glossary", "g.csv", "--json").json_lines()
    assert [(r["surface"], r["term"], r["derived"], r["respelled"]) for r in rows] == [
        ("عیراق", "عێراق", False, True),
        ("عێراق", "عێراق", False, False),
        ("عیراقییەکان", "عێراق", True, True),
        ("فلیپین", "فیلیپین", False, True),
    ]
    assert all(text[r["start"] : r["end"]] == r["surface"] for r in rows)
    table = kwb("match", "a.txt", "--glossary", "g.csv").out
    assert "csv-2 (spelling)" in table and "csv-2 (adjective, spelling)" in table


VARIANT_PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "سەربازەکان گەیشتنە عیراق."
msgstr "{}"
"""


@pytest.mark.parametrize(
    ("english", "missing"),
    [("The soldiers arrived in the country.", True), ("The soldiers arrived in Iraq.", False)],
)
def test_qa_wants_a_variant_spelled_term_rendered_as_the_term(
    kwb: Any, tmp_path: Path, english: str, missing: bool
) -> None:
    (tmp_path / "g.csv").write_text("source,target\nعێراق,Iraq\n", encoding="utf-8")
    (tmp_path / "a.po").write_text(VARIANT_PO.format(english), encoding="utf-8")
    result = kwb("check", "a.po", "--glossary", "g.csv", "--json", "--checks", "glossary-missing")
    found = [r["message"] for r in result.json_lines() if r.get("check") == "glossary-missing"]
    assert bool(found) == missing, found
    assert all("Iraq" in f for f in found)
