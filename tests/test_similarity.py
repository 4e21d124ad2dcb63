"""The fuzzy-match score: similarity of whole sentences word by word, never one shared word."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.store.similarity import (
    FUZZY_MINIMUM,
    SUGGESTION_MINIMUM,
    same_word,
    similarity,
)
from workbench.text import key_text

BASE = "سەرۆکی هەرێم ئەمڕۆ لە هەولێر لەگەڵ شاندێکی ئەمریکی کۆبووەوە بەیانی"
"""Ten words: each one replaced costs 10 points, each one re-inflected 5."""


def score(a: str, b: str) -> float:
    return similarity(key_text(a), key_text(b))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # the same sentence (through normalization: Arabic kaf, Persian digits)
        ("حەشدی شەعبی هێرشی کرد.", "حەشدی شەعبی هێرشی كرد.", 100.0),
        # only punctuation differs: as close as it gets without being exact
        ("هێزەکان گەیشتنە کەرکووک.", "هێزەکان گەیشتنە کەرکووک؟", 99.0),
        # one word of four replaced
        ("هێزە عێراقییەکان گەیشتنە کەرکووک.", "هێزە عێراقییەکان گەیشتنە دهۆک.", 75.0),
        # one word of four re-inflected, or with a typo fixed: half the cost
        ("هێزە عێراقییەکان گەیشتنە کەرکووک.", "هێزە عێراقییەکە گەیشتنە کەرکووک.", 87.5),
        ("شاندەکە گەیشتە هەولیر ئەمڕۆ.", "شاندەکە گەیشتە هەولێر ئەمڕۆ.", 87.5),
        # a word re-inflected and a word added (of six)
        ("دووەم ڕستە دەربارەی هێزی شەڕکەر.", "دووەم ڕستە دەربارەی هێزی شەڕکەری ئەمریکی.", 75.0),
        # a derivation is another word, not a form of the same one
        ("پەرلەمانی کوردی کۆبووەوە.", "پەرلەمانی کوردستان کۆبووەوە.", 200 / 3),
        # two-word sentences sharing one word: at most half
        ("بۆ هەولێر.", "بۆ بەغدا.", 50.0),
        ("the meeting", "the budget", 50.0),
        # Latin words are compared without case
        ("The committee met.", "the committee met.", 99.0),
        # the threshold itself: three words of ten replaced
        (
            BASE,
            BASE.replace("ئەمڕۆ", "دوێنێ").replace("هەولێر", "بەغدا").replace("ئەمریکی", "فەرەنسی"),
            70.0,
        ),
        # and just under it: one more word re-inflected
        (
            BASE,
            BASE.replace("ئەمڕۆ", "دوێنێ")
            .replace("هەولێر", "بەغدا")
            .replace("ئەمریکی", "فەرەنسی")
            .replace("شاندێکی", "شاندەکە"),
            65.0,
        ),
    ],
)
def test_score_table(old: str, new: str, expected: float) -> None:
    assert score(old, new) == pytest.approx(expected)
    assert score(new, old) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # the case that made fuzzy matches meaningless: rapidfuzz's WRatio gave these 85.5
        (
            "ئەنجومەنی وەزیران بڕیاری دا بودجەی ساڵی داهاتوو بۆ پەرلەمانی کوردستان بنێرێت "
            "و داوای کرد زووتر دەنگی لەسەر بدرێت.",
            "ئەمە ڕستەیەکی نوێیە بۆ تاقیکردنەوە.",
        ),
        (
            "هێزەکانی پێشمەرگە لە سنووری پارێزگای کەرکووک هێرشێکی داعشیان تێکشکاند.",
            "باران لە شار بارى.",
        ),
        (
            "خەڵکی شارەکە و گوندەکانی دەوروبەر بە هەزاران کەس ڕژانە سەر شەقامەکان.",
            "شار و گوند بێدەنگ بوون.",
        ),
        (
            "The committee met for three hours on Tuesday to discuss the budget for next "
            "year and the one after it.",
            "this is a new sentence for testing",
        ),
    ],
)
def test_one_common_word_is_not_similarity(old: str, new: str) -> None:
    assert score(old, new) < 30


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("هێزی", "هێزەکان", True),  # ezafe / definite plural
        ("هێزێکی", "هێزە", True),
        ("عێراقی", "عێراقییەکان", True),
        ("بەغدا", "بەغداوە", True),  # postposition after a vowel
        ("هەولیر", "هەولێر", True),  # a letter fixed in a word of 4+
        ("کوردی", "کوردستان", False),  # derivation
        ("پەرلەمان", "پەرلەمانتار", False),
        ("کەر", "کەڕ", False),  # three letters: two words
        ("بۆ", "بۆیە", False),  # a stem needs three letters
        ("باران", "بەغدا", False),
    ],
)
def test_forms_of_one_word(a: str, b: str, same: bool) -> None:
    assert same_word(key_text(a), key_text(b)) is same
    assert same_word(key_text(b), key_text(a)) is same


def test_thresholds_are_stated_in_order() -> None:
    """One shared word of two (50) is below what is shown, which is below what is written."""
    assert 50 < SUGGESTION_MINIMUM < FUZZY_MINIMUM


# Words over two disjoint alphabets are never forms of one another.
LEFT = st.text(alphabet="بپتجچحخد", min_size=2, max_size=7)
RIGHT = st.text(alphabet="زژسشعغفڤ", min_size=2, max_size=7)
COMMON = st.sampled_from(["بۆ", "لە", "و", "the", "for"])


@given(st.lists(LEFT, min_size=1, max_size=25), st.lists(RIGHT, min_size=1, max_size=25), COMMON)
def test_one_shared_word_never_reaches_a_threshold(
    left: list[str], right: list[str], common: str
) -> None:
    a = " ".join([*left[: len(left) // 2], common, *left[len(left) // 2 :]])
    b = " ".join([common, *right])
    assert score(a, b) <= 50 < SUGGESTION_MINIMUM


@given(st.lists(LEFT, min_size=4, max_size=40), st.data())
def test_one_word_replaced_stays_a_fuzzy_match(words: list[str], data: st.DataObject) -> None:
    edited = list(words)
    edited[data.draw(st.integers(0, len(words) - 1))] = data.draw(RIGHT)
    assert score(" ".join(words), " ".join(edited)) >= FUZZY_MINIMUM


@given(st.text(max_size=60), st.text(max_size=60))
def test_score_is_symmetric_bounded_and_100_only_when_exact(a: str, b: str) -> None:
    s = score(a, b)
    assert s == score(b, a)
    assert 0 <= s <= 100
    assert (s == 100) == (key_text(a) == key_text(b))
