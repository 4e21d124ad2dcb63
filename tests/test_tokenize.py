"""Tokenization: glued suffixes stay in their word, numbers are one token, full coverage."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.text import tokenize

CASES = [
    ("ده\u200cڵێت", [("ده\u200cڵێت", "word")], "ZWNJ inside a word"),
    ("کـوردستان", [("کـوردستان", "word")], "tatweel inside a word"),
    ("٢٠٢١ـدا", [("٢٠٢١ـدا", "number")], "tatweel-glued suffix on a number"),
    ("١٨ساڵ", [("١٨ساڵ", "number")], "suffix glued to a number"),
    ("BBCی", [("BBCی", "latin")], "Kurdish suffix on a Latin word"),
    ("AMەکان", [("AMەکان", "latin")], "plural suffix on a Latin word"),
    ("SS١٩ی", [("SS١٩ی", "latin")], "Latin, digits and suffix"),
    ("٧٣٫٤", [("٧٣٫٤", "number")], "Arabic decimal separator"),
    ("۲.۵", [("۲.۵", "number")], "Persian digits with a point"),
    ("2,500", [("2,500", "number")], "thousands separator"),
    (
        "٢٠٢١ ـەوە",
        [("٢٠٢١", "number"), ("ـەوە", "suffix")],
        "a suffix glued by tatweel after a space",
    ),
    (
        '"ڕێبەر"ـی',
        [('"', "punct"), ("ڕێبەر", "word"), ('"', "punct"), ("ـی", "suffix")],
        "a suffix glued by tatweel after a quote",
    ),
    (
        "هەولێر، دهۆک؛ کەرکووک؟",
        [
            ("هەولێر", "word"),
            ("،", "punct"),
            ("دهۆک", "word"),
            ("؛", "punct"),
            ("کەرکووک", "word"),
            ("؟", "punct"),
        ],
        "punctuation is separate",
    ),
    (
        "www.kurdnews.krd/a.html.",
        [("www.kurdnews.krd/a.html", "url"), (".", "punct")],
        "URL without its final period",
    ),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_tokens(text: str, expected: list[tuple[str, str]], why: str) -> None:
    assert [(t.text, t.kind) for t in tokenize(text)] == expected, why


def test_offsets() -> None:
    text = "لە ٢٠٢١ـدا BBCی گوتی"
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ئابکەیێۆڵ\u200c\u0640٢٣.٫,AZb ،؟\"'()-@/:w\n", max_size=80))
def test_tokens_cover_every_non_space_character(text: str) -> None:
    covered = [False] * len(text)
    previous = 0
    for t in tokenize(text):
        assert previous <= t.start < t.end
        assert text[t.start : t.end] == t.text
        assert not any(c.isspace() for c in t.text)
        covered[t.start : t.end] = [True] * (t.end - t.start)
        previous = t.end
    assert all(c or ch.isspace() for c, ch in zip(covered, text, strict=True))
