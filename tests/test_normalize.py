"""Normalization: every row of the Sorani character rules, both levels, offsets, idempotence."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.text import canonical, canonical_text, change_stats, key_text, matching_key

ZWNJ, ZWJ, TATWEEL = "\u200c", "\u200d", "\u0640"

CANONICAL = [
    # (raw, canonical, why)
    ("كوردستان", "کوردستان", "Arabic kaf → Kurdish ک"),
    ("ڪتێب", "کتێب", "swash kaf → ک"),
    ("يەكێتی", "یەکێتی", "Arabic yeh → ی"),
    ("سلێمانى", "سلێمانی", "alef maksura → ی"),
    ("هەولێرے", "هەولێری", "yeh barree → ی"),
    ("ناوۍ", "ناوی", "yeh with tail → ی"),
    ("خانة", "خانە", "teh marbuta → ە"),
    ("خانه\u200cکان", "خانەکان", "ه + ZWNJ is an old spelling of ە"),
    ("ئەمه دەبێت", "ئەمە دەبێت", "word-final ه → ە"),
    ("١٤٤٢ هـ", "١٤٤٢ هـ", "word-final ه stays when tatweel follows (هـ = Hijri)"),
    ("ئەمه\u200d", "ئەمه\u200d", "word-final ه stays when ZWJ follows"),
    ("شاه", "شاه", "final ه after ا is /h/ (شاه, گوناه)"),
    ("ھەولێر", "هەولێر", "heh doachashmee before a letter → ه"),
    ("ڒووداو", "ڕووداو", "ڒ is a typo for ڕ"),
    ("ﻛﻮﺭﺩ", "کورد", "presentation forms → base letters"),
    ("ﻻ", "لا", "lam-alef ligature → two letters"),
    ("دَرْس", "درس", "harakat removed"),
    ("ی\u0654ەوە", "ئەوە", "ی + combining hamza → ئ"),
    ("ا\u0653و", "آو", "NFC composes alef + madda"),
    ("کورد\u200f ستان", "کورد ستان", "RLM removed"),
    ("\u202bکورد\u202c", "کورد", "bidi embedding removed"),
    ("کورد\u00a0و\u2009عەرەب", "کورد و عەرەب", "space variants → space"),
    ("کـــورد", "کورد", "tatweel between letters removed"),
    ("٢٠٢١ـدا", "٢٠٢١ـدا", "tatweel gluing a suffix to a digit kept"),
    ("٢٠٢١ ـەوە", "٢٠٢١ ـەوە", "tatweel gluing a suffix after a space kept"),
    ('"ڕێبەر"ـی', '"ڕێبەر"ـی', "tatweel gluing a suffix to a quote kept"),
    ("دەست\u200cپێکرد", "دەست\u200cپێکرد", "ZWNJ between two joining letters kept"),
    ("کورد\u200cی", "کوردی", "ZWNJ after a non-joining letter removed"),
    ("کورد\u200c ", "کورد ", "ZWNJ before a space removed"),
    ("سەرۆک\u200c\u200cی", "سەرۆک\u200cی", "ZWNJ run collapsed"),
    ("رێگا", "رێگا", "initial ر not rewritten to ڕ in canonical text"),
    ("٣١ ۳۱ 31", "٣١ ۳۱ 31", "digits kept as written"),
    ("أحمد إبراهیم مؤمن", "أحمد إبراهیم مؤمن", "hamza forms kept as written"),
    ("BBC and CNN, e.g. café", "BBC and CNN, e.g. café", "Latin text untouched"),
]

KEY = [
    ("دەست\u200cپێکرد", "دەستپێکرد", "ZWNJ removed"),
    ("ب\u200dە", "بە", "ZWJ removed"),
    ("٢٠٢١ـدا", "2021دا", "tatweel removed, digits ASCII"),
    ("۱۹۹۱", "1991", "Persian digits → ASCII"),
    ("٧٣٫٤ ٢٬٥٠٠ ١٠٪", "73.4 2,500 10%", "Arabic separators and percent"),
    ("ڕێگا", "رێگا", "word-initial ڕ folded"),
    ("لە ڕێگای", "لە رێگای", "initial after a space folded"),
    ("کەڕ کەر", "کەڕ کەر", "ڕ inside a word never folded"),
    ("آزاد أحمد إبراهیم", "ازاد احمد ابراهیم", "alef variants folded"),
    ("مؤمن", "مۆمن", "ؤ → ۆ"),
    ("شاه", "شاە", "final /h/ spellings folded"),
    ("ھێز", "هێز", "ھ folded"),
    ("كوردستان", "کوردستان", "key is canonical first"),
    ("Peshmerga BBC", "Peshmerga BBC", "Latin text untouched"),
]


@pytest.mark.parametrize(("raw", "expected", "why"), CANONICAL, ids=[c[2] for c in CANONICAL])
def test_canonical(raw: str, expected: str, why: str) -> None:
    assert canonical_text(raw) == expected, why


@pytest.mark.parametrize(("raw", "expected", "why"), KEY, ids=[c[2] for c in KEY])
def test_matching_key(raw: str, expected: str, why: str) -> None:
    assert key_text(raw) == expected, why


def test_persian_style_folding_never_happens() -> None:
    sorani = "ئەو ێ ڕ ڵ ە ۆ"
    assert canonical_text(sorani) == sorani
    assert "ڵ" in key_text(sorani) and "ە" in key_text(sorani) and "ێ" in key_text(sorani)


def test_offsets_point_back_to_the_original() -> None:
    raw = "\u200fده\u200cڵێت كـورد ٢٠٢١ـدا"
    key = matching_key(raw)
    assert key.text == "دەڵێت کورد 2021دا"
    start = key.text.index("کورد")
    a, b = key.original_span(start, start + len("کورد"))
    assert raw[a:b] == "كـورد"
    a, b = key.original_span(0, len("دەڵێت"))
    assert raw[a:b] == "ده\u200cڵێت"


def test_stats_count_each_kind_of_change() -> None:
    stats = change_stats("كورد كورد يەك خانه\u200cکان")
    assert stats["ك U+0643 → ک U+06A9"] == 3
    assert stats["ي U+064A → ی U+06CC"] == 1
    assert stats["ه + ZWNJ → ە"] == 1


SORANI_ALPHABET = (
    "ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ"
    "كيىةھڒ"  # look-alikes
    "\u200c\u200d\u0640\u064e\u0650\u0654\u200f\u202b\ufefb\ufedb"
    "٠١٢٣۴۵0123٫٬٪آأإؤ"
    'AbZ .،؟!"\u00a0\n'
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=SORANI_ALPHABET, max_size=60))
def test_canonical_is_idempotent(text: str) -> None:
    once = canonical_text(text)
    assert canonical_text(once) == once


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=SORANI_ALPHABET, max_size=60))
def test_key_is_idempotent(text: str) -> None:
    once = key_text(text)
    assert key_text(once) == once


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=SORANI_ALPHABET, max_size=60))
def test_offset_map_is_monotonic_and_in_bounds(text: str) -> None:
    for norm in (canonical(text), matching_key(text)):
        previous = (0, 0)
        for i in range(len(norm.text) + 1):
            a, b = norm.original_span(i, i)
            assert 0 <= a <= len(text) and 0 <= b <= len(text)
            assert a >= previous[0]
            previous = (a, b)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=SORANI_ALPHABET.replace(" ", "").replace("\n", "").replace("\u00a0", ""),
            min_size=1,
            max_size=8,
        ),
        max_size=8,
    )
)
def test_each_key_word_maps_back_to_its_original_word(words: list[str]) -> None:
    text = " ".join(words)
    key = matching_key(text)
    for m in re.finditer(r"\S+", key.text):
        a, b = key.original_span(m.start(), m.end())
        assert key_text(text[a:b]) == m.group()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=SORANI_ALPHABET, max_size=60), st.data())
def test_batch_span_mapping_equals_one_by_one(text: str, data: st.DataObject) -> None:
    from workbench.text.offsets import map_spans

    key = matching_key(text)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(key.text)), max_size=8)))
    spans = list(zip(cuts[::2], cuts[1::2], strict=False))
    assert map_spans(key.offsets, spans) == [key.original_span(s, e) for s, e in spans]
