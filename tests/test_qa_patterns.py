"""QA on the patterns of real translations: a term rendered mostly one way and a few times
another (through case variants and overlapping renderings), weekdays and months changed,
Sorani weekday spellings, numbers that are not numbers (هەر دوو, both)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import approved_entry
from workbench.qa.model import Unit
from workbench.qa.runner import check_units
from workbench.read.calendar import sorani_named
from workbench.read.dates import sorani_dates
from workbench.terms.glossary import stopwords
from workbench.terms.matcher import Matcher
from workbench.text import key_text

POLICE = approved_entry(
    "police",
    "پۆلیس",
    "police",
    variants=("Police", "police officers", "law enforcement"),
)
US = approved_entry("us", "ئەمریکا", "United States", variants=("U.S.", "US", "USA"), type="place")
MATCHER = Matcher([POLICE, US], stopwords())

POLICE_SOURCE = "پۆلیس ڕایگەیاند کە ڕووداوەکە لێکۆڵینەوەی لەسەر دەکرێت."
US_SOURCE = "ئەمریکا بڕیارەکەی ڕاگەیاند."


def flagged(source: str, targets: list[str]) -> list[str]:
    """The ids (u0, u1 …) of the units term-inconsistent flags, one unit per target."""
    units = [Unit("a.po", f"u{n}", source, target) for n, target in enumerate(targets)]
    return [f.id for f in check_units(units, MATCHER, ["term-inconsistent"])]


# Each case: the renderings the targets use, in order, and the units flagged.
MINORITY_CASES = [
    # Case variants of one rendering are one rendering: nothing to flag.
    ("case variants only", ["police"] * 6 + ["Police"] * 3, []),
    # A minority of 2–3 uses against 5–18 is flagged, whatever case either is written in.
    ("two against five", ["police"] * 5 + ["law enforcement"] * 2, ["u5", "u6"]),
    (
        "three against five, cases mixed",
        ["police", "Police"] * 3 + ["Law enforcement", "law enforcement", "LAW ENFORCEMENT"],
        ["u6", "u7", "u8"],
    ),
    ("two against eighteen", ["Police"] * 18 + ["law enforcement"] * 2, ["u18", "u19"]),
    # A target holding two renderings of the term counts as its longest.
    (
        "overlapping renderings",
        ["police"] * 6 + ["police officers", "Police officers"],
        ["u6", "u7"],
    ),
    # Two renderings in use, not one with exceptions.
    ("an even split", ["police"] * 9 + ["law enforcement"] * 8, []),
    ("an established second rendering", ["police"] * 20 + ["law enforcement"] * 12, []),
    # Too few uses to hold anything to.
    ("two against one", ["police"] * 2 + ["law enforcement"], []),
]


@pytest.mark.parametrize(
    ("renderings", "expected"),
    [case[1:] for case in MINORITY_CASES],
    ids=[case[0] for case in MINORITY_CASES],
)
def test_term_inconsistent_flags_the_few_uses_of_another_rendering(
    renderings: list[str], expected: list[str]
) -> None:
    targets = [f"The {r} said the incident is under investigation." for r in renderings]
    assert flagged(POLICE_SOURCE, targets) == expected


def test_a_longer_rendering_holding_the_majority_is_counted_once() -> None:
    # "Police said … police officers" holds police twice over: it is police officers.
    targets = ["The police said so."] * 5 + [
        "Police said two police officers were hurt.",
        "The police officers said so.",
    ]
    assert flagged(POLICE_SOURCE, targets) == ["u5", "u6"]


def test_renderings_that_stem_alike_are_told_apart_by_their_spelling() -> None:
    targets = ["The U.S. announced its decision."] * 6 + ["The US announced its decision."] * 2
    found = check_units(
        [Unit("a.po", f"u{n}", US_SOURCE, t) for n, t in enumerate(targets)],
        MATCHER,
        ["term-inconsistent"],
    )
    assert [f.id for f in found] == ["u6", "u7"]
    assert found[0].message == "us rendered 'US' here: U.S. 6×, US 2×"
    assert set(found[0].related) == {f"u{n}" for n in range(6)}


def test_a_target_with_the_majority_rendering_too_is_not_a_minority() -> None:
    # An acronym spelled out on first mention: the majority's rendering is there.
    targets = ["The US announced it."] * 5 + ["The United States (US) announced it."]
    assert flagged(US_SOURCE, targets) == []


@settings(max_examples=60, deadline=None)
@given(
    majority=st.integers(min_value=5, max_value=18),
    minority=st.integers(min_value=2, max_value=3),
    cases=st.lists(st.sampled_from([str.lower, str.upper, str.capitalize, str.title]), min_size=1),
    order=st.randoms(use_true_random=False),
)
def test_the_minority_is_flagged_in_any_case_and_order(
    majority: int, minority: int, cases: list, order: object
) -> None:
    """Writing each use in any case changes nothing: exactly the minority is flagged."""
    renderings = ["police"] * majority + ["law enforcement"] * minority
    order.shuffle(renderings)  # type: ignore[attr-defined]
    targets = [f"{cases[n % len(cases)](r)} said it." for n, r in enumerate(renderings)]
    expected = [f"u{n}" for n, r in enumerate(renderings) if r == "law enforcement"]
    assert flagged(POLICE_SOURCE, targets) == expected


# --- weekdays and months ----------------------------------------------------------------

WEEKDAY_SPELLINGS = [
    # (Sorani as written, the weekday: 1 = Monday … 7 = Sunday)
    ("لە دوو شەمەدا گەیشت", 1),  # FLORES-200: "On Monday"
    ("ڕۆژی دووشەممە", 1),
    ("ڕۆژی دووشەمە", 1),
    ("ڕۆژی دوشەممە", 1),
    ("ڕۆژی دوو شەممەی ڕابردوو", 1),
    ("سێشەممە", 2),
    ("لە سێ شەمە", 2),
    ("ڕۆژی چوارشەمەدا", 3),
    ("ڕۆژی چوار شەممە", 3),
    ("ڕۆژی پێنج شەمەدا", 4),
    ("پێنجشەممە", 4),
    ("ڕۆژی هەینی", 5),
    ("ڕۆژی ھەینی", 5),
    ("ڕۆژی جومعە", 5),
    ("ڕۆژی شەممە", 6),
    ("لە شەممەوە", 6),
    ("کۆتایی ڕۆژی یەك شەمە", 7),  # Arabic kaf
    ("یەکشەممەیەک", 7),
]


@pytest.mark.parametrize(("text", "day"), WEEKDAY_SPELLINGS)
def test_sorani_weekdays_are_read_in_their_spellings(text: str, day: int) -> None:
    key = key_text(text)
    assert sorani_named(key, sorani_dates(text, key)).weekdays == {day}


@pytest.mark.parametrize(
    "text",
    [
        "شەمەندەفەرێک هات",  # a train: no شەمە
        "دوو شەو مایەوە",  # two nights
        "شەممەکێشە",  # a name followed by no ending of a name
    ],
)
def test_words_that_begin_like_a_weekday_are_not_one(text: str) -> None:
    key = key_text(text)
    assert sorani_named(key, sorani_dates(text, key)).weekdays == frozenset()


def dates(source: str, target: str) -> list[str]:
    return [
        f.message
        for f in check_units([Unit("a.po", "a/1", source, target)], None)
        if f.check == "date-mismatch"
    ]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # A weekday changed in the English…
        (
            "کۆتایی ڕۆژی یەك شەمە، سەرۆک وتی.",
            "Late on Saturday, the President said.",
            ["the source names Sunday; the translation has Saturday"],
        ),
        ("کۆتایی ڕۆژی یەك شەمە، سەرۆک وتی.", "Late on Sunday, the President said.", []),
        # …or in the Sorani.
        (
            "ڕۆژی چوارشەممە دۆزیانەوە.",
            "They found it on Thursday.",
            ["the source names Wednesday; the translation has Thursday"],
        ),
        ("ڕۆژی پێنجشەممە دۆزیانەوە.", "They found it on Thursday.", []),
        ("At Thursday's show", "At Thursday's show", []),  # no Sorani weekday: nothing to hold
        ("ڕۆژی دووشەممە و سێشەممە", "on Monday and Tuesday", []),
        (
            "ڕۆژی دووشەممە و سێشەممە",
            "on Monday",
            ["the source names Monday, Tuesday; the translation has Monday"],
        ),
        ("ڕۆژی هەینی کۆبوونەوە.", "They met.", []),  # the English names no day at all
    ],
)
def test_weekdays_changed_in_either_language(source: str, target: str, expected: list[str]) -> None:
    assert dates(source, target) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            "گەشتەکە لە مانگی ئەیلوولدا بوو.",
            "The tour was in December.",
            ["the source names September; the translation has December"],
        ),
        ("گەشتەکە لە مانگی ئەیلوولدا بوو.", "The tour was in September.", []),
        ("لە کۆتایی مانگی تەموز ڕاپۆرتکران.", "They were reported in late July.", []),
        ("لە مانگی تشرینی دووهەمدا بکرێت.", "to be held in November.", []),
        (
            "لە مانگی تشرینی دووهەمدا بکرێت.",
            "to be held in October.",
            ["the source names November; the translation has October"],
        ),
        # A month in a date is the date check's: one finding, not two.
        (
            "لە ١٦ی ئەیلوول گەیشتن.",
            "They arrived on 16 December.",
            ["the source says 16 September; the translation has 16 December"],
        ),
        # A Kurdish solar month spans two Gregorian months.
        ("لە مانگی خەرماناندا", "in August", []),
        ("لە مانگی خەرماناندا", "in September", []),
        (
            "لە مانگی خەرماناندا",
            "in June",
            ["the source names August or September; the translation has June"],
        ),
        # "may" is a verb.
        ("لە ئەیلوولدا دەگەڕێتەوە", "he may return in September", []),
        # A month name that is also a word is a month after مانگی only (ئازار: also pain).
        ("ئازاری زۆری هەبوو", "He was in great pain in May", []),
        ("لە گوڵانی باخەکەدا", "among the garden's flowers in May", []),
        (
            "لە مانگی ئازاردا",
            "in May",
            ["the source names March; the translation has May"],
        ),
    ],
)
def test_months_named_without_a_date(source: str, target: str, expected: list[str]) -> None:
    assert dates(source, target) == expected


# --- numbers that are not numbers --------------------------------------------------------


def numbers(source: str, target: str) -> list[str]:
    units = [Unit("a.po", "a/1", source, target)]
    return [f.message for f in check_units(units, None, ["number-mismatch"])]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # هەر دوو is "both": the English may say both, two or 2, and needs none.
        ("هەر دوو وڵات ڕازی بوون.", "Both countries agreed.", []),
        ("هەر دوو وڵات ڕازی بوون.", "The two countries agreed.", []),
        ("هەر دوو وڵات ڕازی بوون.", "The 2 countries agreed.", []),
        ("هەردووکیان ڕازی بوون.", "Both agreed.", []),
        ("هەر دوو ساڵ جارێک", "once every two years", []),
        ("هەر دوو وڵات ڕازی بوون.", "The 3 countries agreed.", ["not in the source: 3"]),
        # A weekday's number is no number.
        ("لە دوو شەمەدا گەیشت.", "He arrived on Monday.", []),
        ("لە سێ شەمە و پێنج شەمەدا", "on Tuesday and Thursday", []),
        # Ordinals: the English may write them in digits, or not as numbers at all.
        ("حەوتەم گەورەترین دورگەیە.", "It is the 7th largest island.", []),
        ("حەوتەم گەورەترین دورگەیە.", "It is the seventh largest island.", []),
        ("بۆ یەکەمین جار", "for the first time", []),
        ("حەوتەم گەورەترین دورگەیە.", "It is the 8th largest island.", ["not in the source: 8"]),
        # A scale word after a word of an indefinite amount is no number.
        ("دەیان ملیۆن دۆلار", "tens of millions of dollars", []),
        ("سەدان هەزار کەس", "hundreds of thousands of people", []),
        ("ملیۆن دۆلار", "tens of dollars", ["missing in the translation: 1,000,000"]),
    ],
)
def test_words_that_look_like_numbers(source: str, target: str, expected: list[str]) -> None:
    assert numbers(source, target) == expected
