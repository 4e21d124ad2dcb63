"""The one display path: logical text (Sorani, English, both) wrapped at a width in logical
order, each line in the order a left-to-right terminal must draw it, styles on the same
characters; logical order where the terminal or the file wants it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.color import Color
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from tests.reading import read_visual, sorani_words
from workbench.display.bidi import base_direction, clip, resolve_mode, visual_line, wrap_spans
from workbench.display.text import Bidi, bidi_lines, highlighted, line_segments, visible

SENTENCE = "هێزی شەڕکەر لە عێراق نامێنێت و کازمی گەڕایەوە بۆ بەغدا دوای دیدارێکی درێژ"
MIRROR = str.maketrans("()[]{}«»<>", ")(][}{»«><")


# --- the function and its property -------------------------------------------------------


def test_a_wrapped_sorani_sentence_reads_from_the_right_end_of_its_first_line() -> None:
    words = SENTENCE.split()
    lines = [line.plain for line in bidi_lines(SENTENCE, 24, "visual", "rtl")]
    assert len(lines) > 2
    assert lines[0].endswith(words[0][::-1])  # the first word at the right end
    assert sorani_words(lines[0])[-2] == words[1][::-1]  # the second to its left
    assert read_visual(lines) == words  # line by line from the top
    logical = [line.plain for line in bidi_lines(SENTENCE, 24, "terminal", "rtl")]
    assert logical[0].startswith(words[0]) and " ".join(logical) == SENTENCE


@pytest.mark.parametrize(
    ("text", "direction", "drawn"),
    [
        # a line the program writes in English around a Sorani term: the term reversed in place
        ("1. هێز → forces (also: troops)", "ltr", "1. زێه → forces (also: troops)"),
        # Sorani with Latin and digits: those keep their own order; brackets mirror
        ("لە ٢٠٢١ BBC گوتی (کورد)", "rtl", "(دروک) یتوگ BBC ٢٠٢١ ەل"),
        ("هێز (forces) گوتی", "rtl", "یتوگ (forces) زێه"),
        # an English note that opens with the Sorani it explains stays an English line
        ("عێراقی is Iraqi", "auto", "یقارێع is Iraqi"),
        ("BBC گوتی هێز", "auto", "زێه یتوگ BBC"),
        ("no Sorani at all", "auto", "no Sorani at all"),
        # bidi marks in a source text are not drawn once the line is reordered
        ("\u200fهێز\u200e", "rtl", "زێه"),
    ],
)
def test_lines_are_drawn_in_display_order(text: str, direction: str, drawn: str) -> None:
    assert visual_line(text, "visual", direction) == drawn  # type: ignore[arg-type]
    assert visual_line(text, "terminal", direction) == text  # type: ignore[arg-type]


SORANI_WORD = st.text(alphabet="ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆهەیێ", min_size=1, max_size=9)
LATIN_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC", min_size=1, max_size=9)
NUMBER = st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩.,", min_size=1, max_size=6)
PUNCT = st.sampled_from(["(", ")", "«", "»", "،", ".", ":", "؟", "!", "→", '"', "-", "%"])
TOKEN = st.one_of(SORANI_WORD, SORANI_WORD, LATIN_WORD, NUMBER, PUNCT)
GAP = st.sampled_from([" ", " ", " ", "  "])


@st.composite
def mixed_text(draw: st.DrawFn) -> str:
    tokens = draw(st.lists(st.tuples(TOKEN, GAP), min_size=1, max_size=25))
    return "".join(token + gap for token, gap in tokens).strip()


def traced(text: str) -> Text:
    """`text` with a colour of its own on every character, to trace it through reordering."""
    out = Text(text)
    for i in range(len(text)):
        out.stylize(Style(color=Color.from_rgb(i % 256, i // 256, 7)), i, i + 1)
    return out


def origin(segment_style: Style | None) -> int:
    assert segment_style is not None and segment_style.color is not None
    r, g, _ = segment_style.color.get_truecolor()
    return r + 256 * g


@settings(max_examples=300, deadline=None)
@given(
    text=mixed_text(),
    width=st.integers(min_value=1, max_value=50),
    direction=st.sampled_from(["rtl", "ltr", "auto"]),
    mode=st.sampled_from(["visual", "terminal"]),
)
def test_lines_put_back_in_logical_order_give_the_text_in_order(
    text: str, width: int, direction: str, mode: str
) -> None:
    lines = bidi_lines(traced(text), width, mode, direction)  # type: ignore[arg-type]
    rebuilt = []
    for line in lines:
        assert line.cell_len <= width
        glyphs = [(origin(seg.style), seg.text) for seg in line_segments(line)]
        assert all(len(glyph) == 1 for _, glyph in glyphs)  # a style of its own each
        for index, glyph in glyphs:  # every glyph is its character, or its mirror image
            assert glyph in (text[index], text[index].translate(MIRROR))
        indices = sorted(index for index, _ in glyphs)
        # each line is one stretch of the logical text, put back by the styles it carries
        assert indices == list(range(indices[0], indices[-1] + 1)) if indices else True
        rebuilt.append(text[indices[0] : indices[-1] + 1] if indices else "")
        if mode == "terminal":
            assert line.plain == rebuilt[-1]
    # every character once, in order (only the spaces where lines break are dropped) ...
    assert "".join("".join(rebuilt).split()) == "".join(text.split())
    # ... and no word is cut unless it is wider than a line
    if max(len(word) for word in text.split()) <= width:
        assert " ".join(rebuilt).split() == text.split()


@settings(max_examples=200, deadline=None)
@given(words=st.lists(SORANI_WORD, min_size=1, max_size=20), width=st.integers(9, 40))
def test_sorani_lines_read_right_to_left_from_the_top(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = [line.plain for line in bidi_lines(text, width, "visual", "rtl")]
    assert " ".join(" ".join(w[::-1] for w in reversed(line.split())) for line in lines) == text
    assert lines[0].split()[-1] == words[0][::-1]


# --- pieces ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("chosen", "env", "is_terminal", "configured", "expected"),
    [
        (None, {}, True, None, "visual"),
        (None, {"VTE_VERSION": "7200"}, True, None, "terminal"),
        (None, {"KONSOLE_VERSION": "230804"}, True, None, "terminal"),
        (None, {"TMUX": "/tmp/t,1,0", "VTE_VERSION": "7200"}, True, None, "visual"),
        (None, {}, False, None, "terminal"),  # a pipe or a file: logical order
        (None, {}, False, "visual", "terminal"),  # the project's setting describes a terminal
        (None, {"KWB_RTL": "visual"}, False, None, "visual"),  # asked for explicitly
        (None, {"KWB_RTL": "terminal"}, True, "visual", "terminal"),  # KWB_RTL overrides
        (None, {}, True, "terminal", "terminal"),
        ("visual", {"KWB_RTL": "terminal"}, True, None, "visual"),  # --rtl overrides all
        (None, {"KWB_RTL": "sideways"}, True, None, "visual"),  # unknown values are ignored
    ],
)
def test_mode_precedence(
    chosen: str | None,
    env: dict[str, str],
    is_terminal: bool,
    configured: str | None,
    expected: str,
) -> None:
    mode = resolve_mode(chosen, configured=configured, is_terminal=is_terminal, environ=env)
    assert mode == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("هێزی شەڕکەر", "rtl"),
        ("BBC گوتی هێزەکان دەڕۆن", "rtl"),  # most words Sorani, though the first is not
        ("عێراقی is both Iraq's and Iraqi", "ltr"),
        ("Seed 002: گۆڕینی پەیوەندییەکان بۆ راوێژدان = a shift to an advisory role.", "ltr"),
        ("هێز x", "rtl"),  # a tie: the first letter decides
        ("٢٠٢١ - 42", "ltr"),  # no letters at all
    ],
)
def test_auto_direction_is_the_direction_of_most_words(text: str, expected: str) -> None:
    assert base_direction(text, "auto") == expected


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("هێزی شەڕکەر", 20, "هێزی شەڕکەر"),
        ("هێزی شەڕکەر لە عێراق", 10, "هێزی شەڕک…"),  # the beginning kept, cut at its end
        ("هێزی شەڕکەر", 5, "هێزی…"),  # no space left before the ellipsis
        ("abc", 1, "…"),
    ],
)
def test_clip_keeps_the_logical_beginning(text: str, width: int, expected: str) -> None:
    assert clip(text, width) == expected


def test_wrap_counts_cells_not_characters() -> None:
    # harakat take no cell, wide characters two
    assert wrap_spans("هَێز هَێز", 7) == [(0, 9)]
    assert wrap_spans("漢字 漢字", 4) == [(0, 2), (3, 5)]
    assert wrap_spans("abcdefgh", 3) == [(0, 3), (3, 6), (6, 8)]


def test_user_text_is_never_markup_and_never_drives_the_terminal() -> None:
    assert visible("a\x1b[31mb\x07") == "a␛[31mb␇"
    assert visible("سەرەتا\r\n") == "سەرەتا \n"  # one offset per character kept
    assert highlighted("[bold]هێز[/bold]", [(6, 9)]).plain == "[bold]هێز[/bold]"


def test_highlights_stay_on_the_term_after_wrapping_and_reordering() -> None:
    start = SENTENCE.index("عێراق")
    source = highlighted(SENTENCE, [(start, start + len("عێراق"))])
    lines = bidi_lines(source, 20, "visual", "rtl")
    marked = [
        seg.text for line in lines for seg in line_segments(line) if seg.style and seg.style.bold
    ]
    assert marked == ["عێراق"[::-1]]


# --- Rich: tables and printing -----------------------------------------------------------


def render(renderable: object, width: int) -> list[str]:
    console = Console(width=width, force_terminal=True, color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get().splitlines()


def test_a_table_cell_is_wrapped_at_its_column_width_before_reordering() -> None:
    table = Table("score", "Sorani", "English")
    table.add_row("90", Bidi(SENTENCE, "visual", "rtl"), "Combat forces will not remain in Iraq.")
    lines = render(table, 70)
    cells = [line.split("│")[2] for line in lines if line.count("│") == 4]
    assert len(cells) > 1
    assert read_visual(cells) == SENTENCE.split()
    first = cells[0].rstrip()
    assert first.endswith(SENTENCE.split()[0][::-1])  # right-aligned, its first word right
    assert all(len(cell) == len(cells[0]) for cell in cells)  # the column's width respected


def test_a_one_line_cell_keeps_the_sentence_beginning() -> None:
    table = Table("Sorani", width=24)
    table.add_column("x")
    table.add_row(Bidi(SENTENCE, "visual", "rtl", no_wrap=True), "x")
    row = next(line for line in render(table, 24) if "…" in line)
    cell = row.split("│")[1]
    assert cell.strip().endswith(SENTENCE.split()[0][::-1]) and cell.strip().startswith("…")


def test_mixed_paragraphs_each_get_their_direction_and_alignment() -> None:
    note = "Official statement; also spelled راگەیەنراو.\nهێزی شەڕکەر نامێنێت"
    lines = render(Bidi(note, "visual"), 60)
    assert lines[0].startswith("Official statement; also spelled وارنەیەگار.")
    assert lines[1].endswith("تێنێمان رەکڕەش یزێه") and lines[1].startswith(" ")


def test_logical_mode_keeps_the_stored_text() -> None:
    lines = render(Bidi(SENTENCE, "terminal", "rtl"), 30)
    assert " ".join(line.strip() for line in lines) == SENTENCE
