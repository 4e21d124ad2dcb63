"""Segmentation: each rule of SORANI.md §3, the seeds' exact counts, and invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEED_000, SEED_002
from workbench.text import segment


def sentences(text: str) -> list[str]:
    return [s.text for s in segment(text)]


def layout(text: str) -> list[list[str]]:
    """Sentences grouped by paragraph."""
    paragraphs: list[list[str]] = []
    for s in segment(text):
        if s.sentence == 1:
            paragraphs.append([])
        paragraphs[-1].append(s.text)
    return paragraphs


SPLITS = [
    # (text, expected sentences, rule)
    (
        "باران بارى. ڕووبار هەڵسا؟ خەڵک ترسان! شار بێدەنگ بوو…",
        ["باران بارى.", "ڕووبار هەڵسا؟", "خەڵک ترسان!", "شار بێدەنگ بوو…"],
        "ends at . ؟ ! …",
    ),
    (
        "ئەو ڕۆیشت... دواتر گەڕایەوە.",
        ["ئەو ڕۆیشت...", "دواتر گەڕایەوە."],
        "three dots end a sentence",
    ),
    (
        "بۆچی نەهات?! کەس نازانێت.",
        ["بۆچی نەهات?!", "کەس نازانێت."],
        "rare ASCII ? and clusters",
    ),
    (
        "نرخی نەوت بەرز بووەوە، بازاڕ جووڵا؛ بازرگانان وتیان: ئەمە باشە.",
        ["نرخی نەوت بەرز بووەوە، بازاڕ جووڵا؛ بازرگانان وتیان: ئەمە باشە."],
        "، ؛ : never end a sentence",
    ),
    (
        'وەزیر گوتی: "هەموو شتێک ئامادەیە. " دواتر کۆبوونەوە کۆتایی هات.',
        ['وەزیر گوتی: "هەموو شتێک ئامادەیە. "', "دواتر کۆبوونەوە کۆتایی هات."],
        "a closing quote after a space belongs to its sentence",
    ),
    (
        'پارێزگار گوتی "ئاو نییە". خەڵکەکە ناڕازین.',
        ['پارێزگار گوتی "ئاو نییە".', "خەڵکەکە ناڕازین."],
        "quote then period",
    ),
    (
        'پارێزگار گوتی "ئاو نییە." خەڵکەکە ناڕازین.',
        ['پارێزگار گوتی "ئاو نییە."', "خەڵکەکە ناڕازین."],
        "period then quote",
    ),
    (
        'بەڕێوەبەر دەڵێت: "کارەبا دەگەڕێتەوە. ئێمە هەوڵ دەدەین." ئینجا ڕۆیشت.',
        ['بەڕێوەبەر دەڵێت: "کارەبا دەگەڕێتەوە.', 'ئێمە هەوڵ دەدەین."', "ئینجا ڕۆیشت."],
        "a sentence end inside a quotation ends a sentence",
    ),
    (
        'پرسیاری کرد: "ئەگەر ئاومان نەبێت چی بکەین؟" و گوتی داوایان کردووە. ئەوان ڕۆیشتن.',
        [
            'پرسیاری کرد: "ئەگەر ئاومان نەبێت چی بکەین؟" و گوتی داوایان کردووە.',
            "ئەوان ڕۆیشتن.",
        ],
        "a quotation the sentence carries on after (و, کە) ends nothing",
    ),
    (
        "ڕێژەکە ٢.٥ لە سەدە و ٧٣٫٤ ملیۆن و 3.75 دۆلار بوو. ئەمە زۆرە.",
        ["ڕێژەکە ٢.٥ لە سەدە و ٧٣٫٤ ملیۆن و 3.75 دۆلار بوو.", "ئەمە زۆرە."],
        "decimals in every digit system",
    ),
    (
        "ڕاپۆرتەکە لە www.kurdnews.krd/a/12.html بڵاوکرایەوە. بیخوێننەوە.",
        ["ڕاپۆرتەکە لە www.kurdnews.krd/a/12.html بڵاوکرایەوە.", "بیخوێننەوە."],
        "URLs",
    ),
    (
        "گۆرانیبێژ پی. دیدی هاتە هەولێر. جەی. دی. ڤانس قسەی کرد. J. K. Rowling نووسی.",
        ["گۆرانیبێژ پی. دیدی هاتە هەولێر.", "جەی. دی. ڤانس قسەی کرد.", "J. K. Rowling نووسی."],
        "Latin initials",
    ),
    (
        "د. شیرین ئەحمەد وتارێکی پێشکەش کرد. ئامادەبووان زۆر بوون.",
        ["د. شیرین ئەحمەد وتارێکی پێشکەش کرد.", "ئامادەبووان زۆر بوون."],
        "the title د. does not end a sentence",
    ),
    (
        "شاندەکە گەیشتە بەغداد. دوای ئەوە کۆبوونەوەکە دەستی پێکرد.",
        ["شاندەکە گەیشتە بەغداد.", "دوای ئەوە کۆبوونەوەکە دەستی پێکرد."],
        "a word ending in د still ends a sentence",
    ),
    (
        "سەرۆکی بەرنامەکە، ن. وەین هەیڵ، ڕایگەیاند. کارەکە دواخرا.",
        ["سەرۆکی بەرنامەکە، ن. وەین هەیڵ، ڕایگەیاند.", "کارەکە دواخرا."],
        "a single Sorani letter with a period is an initial",
    ),
    (
        "کۆمپانیاکە لە بازاڕی approx. bigger بوو. ئەمە گرنگە.",
        ["کۆمپانیاکە لە بازاڕی approx. bigger بوو.", "ئەمە گرنگە."],
        "a period before a lowercase Latin word ends nothing",
    ),
    (
        "ئەوانی دی. هەموویان ڕۆیشتن.",
        ["ئەوانی دی.", "هەموویان ڕۆیشتن."],
        "دی. ends a sentence unless it follows another initial",
    ),
    (
        "لیژنەکە بڕیارەکەی دا (هەموو ئەندامان دەنگیان دا.) کۆبوونەوەکە تەواو بوو.",
        ["لیژنەکە بڕیارەکەی دا (هەموو ئەندامان دەنگیان دا.)", "کۆبوونەوەکە تەواو بوو."],
        "a full stop inside brackets closes at the bracket",
    ),
    (
        "ساڵی ٢٠١٩ـدا پرۆژەکە دەستی پێکرد. تەواو نەبوو.",
        ["ساڵی ٢٠١٩ـدا پرۆژەکە دەستی پێکرد.", "تەواو نەبوو."],
        "tatweel-glued suffix",
    ),
]


@pytest.mark.parametrize(("text", "expected", "rule"), SPLITS, ids=[c[2] for c in SPLITS])
def test_sentence_rules(text: str, expected: list[str], rule: str) -> None:
    assert sentences(text) == expected, rule


# Quotation marks as wire copy and translated news really have them: whatever the marks before
# or after, every sentence below ends where its own terminator (and its closing mark) is.
UNBALANCED = [
    (
        ['وەزیر گوتی: "ئاو نییە.', "خەڵکەکە ناڕازین.", "پارێزگار بێدەنگ بوو."],
        "a quotation opened and never closed",
    ),
    (
        ['وەزیر گوتی ئاو نییە."', "خەڵکەکە ناڕازین.", "پارێزگار بێدەنگ بوو."],
        "a quotation closed and never opened",
    ),
    (
        ['شاشەیەکی ٥٥" کڕی.', 'گوتی: "نرخەکەی زۆرە."', "دواتر ڕۆیشت.", "بازاڕ داخرا."],
        "an inch mark before a quotation",
    ),
    (
        ['"بەیانی دەگەینە هەولێر.', "ئەوێ کۆبوونەوەمان هەیە.", 'دواتر دەگەڕێینەوە،" گوتی.'],
        "a quotation that runs over three sentences",
    ),
    (
        ['تەلەفزیۆنێکی ٣٢" هێنا.', 'گوتی: "ئەمە باش نییە. "', "ئینجا ڕۆیشت."],
        "a closing quote after a space, with an inch mark earlier in the paragraph",
    ),
    (
        ["گوتی: «ئامادەین.", "هیچ کێشەیەک نییە.", "دواتر ڕۆیشت."],
        "a guillemet never closed",
    ),
]


@pytest.mark.parametrize(("expected", "rule"), UNBALANCED, ids=[c[1] for c in UNBALANCED])
def test_quotation_marks_never_swallow_sentence_ends(expected: list[str], rule: str) -> None:
    assert sentences(" ".join(expected)) == expected, rule


def test_a_headline_that_opens_an_article_runs_into_the_body_after_two_spaces() -> None:
    text = (
        "لافاو لە دهۆک زیانی زۆری لێکەوت  باران دوو ڕۆژ بەردەوام بوو، ترسناکە و  دۆخی "
        "خەڵک خراپە. زیانی زۆر کەوتەوە.  سبەینێ دەبێتەوە."
    )
    assert layout(text) == [
        ["لافاو لە دهۆک زیانی زۆری لێکەوت"],
        ["باران دوو ڕۆژ بەردەوام بوو، ترسناکە و  دۆخی خەڵک خراپە.", "زیانی زۆر کەوتەوە."],
        ["سبەینێ دەبێتەوە."],
    ]


def test_a_long_first_sentence_with_a_double_space_is_no_headline() -> None:
    words = " ".join(["هاووڵاتیان"] * 21)
    text = f"{words}  لە شارەکە کۆبوونەوە. دواتر ڕۆیشتن."
    assert sentences(text) == [f"{words}  لە شارەکە کۆبوونەوە.", "دواتر ڕۆیشتن."]


def test_double_space_breaks_a_paragraph_only_after_a_sentence_end() -> None:
    text = "یەکەم ڕستە.  دووەم ڕستە لە  ناوەڕاستدا بۆشایی هەیە. سێیەم.   چوارەم."
    assert layout(text) == [
        ["یەکەم ڕستە."],
        ["دووەم ڕستە لە  ناوەڕاستدا بۆشایی هەیە.", "سێیەم."],
        ["چوارەم."],
    ]


def test_newlines_and_blank_lines_break_paragraphs() -> None:
    text = "یەکەم ڕستە. دووەم ڕستە.\nسێیەم ڕستە\n\n\nچوارەم ڕستە."
    assert layout(text) == [["یەکەم ڕستە.", "دووەم ڕستە."], ["سێیەم ڕستە"], ["چوارەم ڕستە."]]


def test_a_headline_without_punctuation_is_its_own_segment() -> None:
    text = "لافاو لە دهۆک\nباران دوو ڕۆژ بەردەوام بوو. زیانی زۆر کەوتەوە."
    segments = segment(text)
    assert [(s.id, s.text) for s in segments] == [
        ("p1s1", "لافاو لە دهۆک"),
        ("p2s1", "باران دوو ڕۆژ بەردەوام بوو."),
        ("p2s2", "زیانی زۆر کەوتەوە."),
    ]


def test_ids_and_offsets() -> None:
    text = "  یەکەم.  دووەم. سێیەم.\n"
    segments = segment(text)
    assert [s.id for s in segments] == ["p1s1", "p2s1", "p2s2"]
    for s in segments:
        assert text[s.start : s.end] == s.text


def seed_layout(path: object) -> list[list[str]]:
    return layout(open(str(path), encoding="utf-8").read())


def test_seed_000_has_19_paragraphs_and_23_sentences() -> None:
    # Read by hand: 19 runs of 2+ spaces, one of them (ترسناکە و  دۆخی) inside a quotation;
    # paragraphs 8, 11, 15 and 19 hold two sentences, every other paragraph one.
    paragraphs = seed_layout(SEED_000)
    assert len(paragraphs) == 19
    assert [len(p) for p in paragraphs] == [1] * 7 + [2, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2]
    assert paragraphs[1][0].endswith('لەوەشدا هیچ کێشەیەک نییە. "')
    assert paragraphs[10] == [
        paragraphs[10][0],
        'دزەیی راشکاوانە دەڵێت: "هەرێمی کوردستان لەگەڵ کشانەوەی هاوپەیمانان نییە لە عێراق. "',
    ]
    assert paragraphs[18][0].endswith('بەڵام بە دەستی بەتاڵ گەڕایەوە ".')
    assert any("ترسناکە و  دۆخی" in s for p in paragraphs for s in p)


def test_seed_002_has_7_paragraphs_and_9_sentences() -> None:
    # The quotation in paragraph 2 holds two sentences: it is cut after "دەگۆڕدرێت."
    paragraphs = seed_layout(SEED_002)
    assert [len(p) for p in paragraphs] == [1, 2, 1, 2, 1, 1, 1]
    assert paragraphs[1][0].endswith("دەگۆڕدرێت.")
    assert paragraphs[1][1].startswith("ئەوەش واتای")


TEXT_ALPHABET = 'ئابدرکەیێۆ ..  ؟!…،:"«»()٢٫5دپی\n\t'


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=TEXT_ALPHABET, max_size=120))
def test_segments_cover_the_text_in_order(text: str) -> None:
    segments = segment(text)
    covered = [False] * len(text)
    previous_end = 0
    for s in segments:
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        for i in range(s.start, s.end):
            covered[i] = True
        previous_end = s.end
    for i, ch in enumerate(text):
        assert covered[i] or ch.isspace(), f"{ch!r} at {i} is in no segment"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TEXT_ALPHABET, max_size=120))
def test_ids_count_paragraphs_and_sentences_from_one(text: str) -> None:
    paragraph, sentence = 0, 0
    for s in segment(text):
        if s.paragraph != paragraph:
            assert s.paragraph == paragraph + 1 and s.sentence == 1
            paragraph, sentence = s.paragraph, 1
        else:
            assert s.sentence == sentence + 1
            sentence = s.sentence
        assert s.id == f"p{s.paragraph}s{s.sentence}"


WORDS = ["هێزەکان", "گوتی", "٥٥", "ئاو", "2024", "پەرلەمان", "ڕۆیشتن", "BBC", "باران", "نییە"]
MARKS = ['"', "“", "”", "«", "»"]


@st.composite
def quoted_article(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Sentences ending in . ؟ or !, with quote marks dropped anywhere inside them."""
    result = []
    for _ in range(draw(st.integers(2, 6))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=7))
        for _ in range(draw(st.integers(0, 3))):
            k = draw(st.integers(0, len(words) - 1))
            mark = draw(st.sampled_from(MARKS))
            if k > 0 and draw(st.booleans()):
                words[k] = mark + words[k]  # glued to the start of a word inside the sentence
            elif k < len(words) - 1:
                words[k] = words[k] + mark  # glued to the end of a word inside the sentence
        result.append(" ".join(words) + draw(st.sampled_from([".", "؟", "!"])))
    return " ".join(result), result


@settings(max_examples=400, deadline=None)
@given(quoted_article())
def test_quote_marks_inside_sentences_never_move_a_sentence_end(
    article: tuple[str, list[str]],
) -> None:
    text, expected = article
    assert sentences(text) == expected
