"""Split Sorani text into paragraphs and sentences, with offsets into the original.

The rules (SORANI.md §3): a sentence ends at `. ؟ ! …` (and `?`), with any closing quotes
or brackets glued to it, and with a closing quote that follows after a space (`نییە. "`);
`،` `؛` `:` never end one. A period is no boundary after a title (`د.`), a Latin initial
(`پی. دیدی`, `J. D.`), inside a decimal or URL (no space follows), or inside a quotation
or bracket that continues. Newlines break paragraphs; so does a run of two or more spaces,
but only where a sentence has ended. Segments keep the original text, untouched.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from workbench.gc_pause import paused_gc


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence: `text == source[start:end]`, ids `p<P>s<S>` counted from 1."""

    id: str
    paragraph: int
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Abbreviations:
    titles: frozenset[str]
    initials: frozenset[str]
    initials_after_initial: frozenset[str]
    latin: frozenset[str]
    speech_verbs: frozenset[str]


@cache
def _abbreviations() -> _Abbreviations:
    data = resources.files("workbench.text").joinpath("data/abbreviations.tsv").read_text("utf-8")
    classes: dict[str, set[str]] = {}
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValueError(f"abbreviations.tsv:{number}: expected 3 tab-separated fields")
        classes.setdefault(fields[0], set()).add(fields[1])
    return _Abbreviations(
        titles=frozenset(classes.get("title", ())),
        initials=frozenset(classes.get("initial", ())),
        initials_after_initial=frozenset(classes.get("initial-after-initial", ())),
        latin=frozenset(classes.get("latin", ())),
        speech_verbs=frozenset(classes.get("speech-verb", ())),
    )


_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
_INVISIBLE = "\u200e\u200f\u061c\u200b\u200c\u200d\ufeff"
_CLOSERS = re.escape("\"”»’'“)]")
# A terminator cluster, the closing marks glued to it, then whitespace or the end.
# (Spelled `[...][...]*`, not `[...]+`, so the regex engine can skip ahead by character set.)
_END = re.compile(f"[.!?؟…][.!?؟…]*[{_CLOSERS}{_INVISIBLE}]*(?=\\s|$)")
# A closing quote standing after a space, then whitespace or the end: `نییە. "`.
_SPACED_QUOTE = re.compile(f'[ \t]+["”»’][{_INVISIBLE}]*(?=\\s|$)')
_QUOTES = re.compile('["“”«»()\\[\\]]')
_GAP_BREAK = re.compile(r"\s\s")
_SPACES = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S")
_MAX_NESTING = 8
_LATIN_INITIAL = re.compile(r"[A-Za-z]|(?:[A-Za-z]\.)+[A-Za-z]")
_DIGITS = re.compile(r"[0-9٠-٩۰-۹]+")
_OPENERS_STRIP = "\"“«(['‘"


def _pair_marks(line: str, start: int, end: int) -> tuple[list[tuple[int, int]], set[int]]:
    """Quotation and bracket spans in a line: (open, close) pairs sorted by open, and unpaired.

    Straight and curly double quotes alternate (writers use ” as an opening mark too);
    « » and brackets nest. Unpaired marks belong to no span.
    """
    pairs: list[tuple[int, int]] = []
    unpaired: set[int] = set()
    toggle: int | None = None
    stack: dict[str, list[int]] = {"«": [], "(": [], "[": []}
    closing = {"»": "«", ")": "(", "]": "["}
    for m in _QUOTES.finditer(line, start, end):
        ch, pos = m.group(), m.start()
        if ch in stack:
            stack[ch].append(pos)
        elif ch in closing:
            opened = stack[closing[ch]]
            if opened:
                pairs.append((opened.pop(), pos))
            else:
                unpaired.add(pos)
        elif toggle is None:
            toggle = pos
        else:
            pairs.append((toggle, pos))
            toggle = None
    if toggle is not None:
        unpaired.add(toggle)
    for opened in stack.values():
        unpaired.update(opened)
    pairs.sort()
    return pairs, unpaired


class _Line:
    """Boundary decisions for one line of text."""

    __slots__ = ("closes", "end", "open_of", "opens", "start", "text", "unpaired")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.opens: list[int] | None = None
        self.closes: list[int] = []
        self.open_of: dict[int, int] = {}
        self.unpaired: set[int] = set()

    def _spans(self) -> None:
        if self.opens is None:
            pairs, self.unpaired = _pair_marks(self.text, self.start, self.end)
            self.opens = [o for o, _ in pairs]
            self.closes = [c for _, c in pairs]
            self.open_of = {c: o for o, c in pairs}

    def opening_of(self, close: int) -> int | None:
        """Where the quotation or bracket closed at `close` opened, if it is paired."""
        self._spans()
        return self.open_of.get(close)

    def enclosing_close(self, pos: int) -> int | None:
        """The closing mark of the innermost quotation or bracket around `pos`, if any."""
        self._spans()
        assert self.opens is not None
        best: int | None = None
        last = bisect_right(self.opens, pos) - 1
        # Quotation pairs never overlap and brackets rarely nest deeply: a few suffice.
        for k in range(last, max(last - _MAX_NESTING, -1), -1):
            close = self.closes[k]
            if close > pos and (best is None or close < best):
                best = close
        return best

    def is_opening_quote(self, pos: int) -> bool:
        self._spans()
        assert self.opens is not None
        k = bisect_right(self.opens, pos) - 1
        return k >= 0 and self.opens[k] == pos


def _word_before(text: str, lo: int, pos: int) -> tuple[str, int]:
    """The whitespace-delimited word ending at `pos` (opening marks stripped), and its start."""
    k = max(text.rfind(" ", lo, pos), text.rfind("\t", lo, pos)) + 1
    if k == 0 and lo > 0:
        k = lo
    return text[k:pos].lstrip(_OPENERS_STRIP), k


def _is_abbreviation(text: str, line: _Line, dot: int, first: int) -> bool:
    """True when the single period at `dot` closes an abbreviation, initial or list number."""
    abbr = _abbreviations()
    word, k = _word_before(text, line.start, dot)
    if not word:
        return False
    if word in abbr.titles or word in abbr.latin or word in abbr.initials:
        return True
    if _LATIN_INITIAL.fullmatch(word):
        return True
    if word in abbr.initials_after_initial:
        # An initial only beside another initial: جەی. دی. ڤانس, تی. جەی. ڕایت.
        previous, _ = _word_before(text, line.start, max(k - 1, line.start))
        following = _NEXT_WORD.match(text, dot + 1, line.end)
        return _is_initial(previous) or (following is not None and _is_initial(following[1]))
    return k == first and bool(_DIGITS.fullmatch(word))


_NEXT_WORD = re.compile(r"\s+(\S+)")


def _is_initial(word: str) -> bool:
    """`word` is a letter name or Latin letter followed by a period (`جەی.`, `J.`)."""
    if not word.endswith("."):
        return False
    stem = word[:-1]
    abbr = _abbreviations()
    return (
        stem in abbr.initials
        or stem in abbr.initials_after_initial
        or bool(_LATIN_INITIAL.fullmatch(stem))
    )


_MAX_QUOTED_PHRASE_WORDS = 6


def _is_quoted_phrase(text: str, line: _Line, opening: int, close: int) -> bool:
    """A short quotation used as a noun phrase inside a sentence: `پرسیاری "بۆ ئێستا نا؟" لە …`.

    The word before it carries the ezafe ی that links it to the quotation; direct speech
    is introduced by `:` or a speech verb (گوتی) instead, and ends its sentence.
    """
    if len(text[opening + 1 : close].split()) > _MAX_QUOTED_PHRASE_WORDS:
        return False
    k = opening
    while k > line.start and text[k - 1].isspace():
        k -= 1
    if k == line.start or text[k - 1] == ":":
        return False
    word, _ = _word_before(text, line.start, k)
    return word.endswith("ی") and word not in _abbreviations().speech_verbs


def _boundaries(text: str, line: _Line, first: int) -> Iterator[int]:
    """End offsets of the sentences in a line that ends with more text after them."""
    has_marks = _QUOTES.search(text, line.start, line.end) is not None
    for m in _END.finditer(text, line.start, line.end):
        end = m.end()
        if m.group() == "." and _is_abbreviation(text, line, m.start(), first):
            continue
        if has_marks:
            close = line.enclosing_close(m.start())
            if close is not None and close >= end:
                between = text[end:close]
                if between.strip():
                    if _GAP_BREAK.search(between) is None:
                        continue  # a quotation or bracket that continues
                else:
                    end = close + 1
        spaced = _SPACED_QUOTE.match(text, end, line.end)
        if spaced is not None:
            quote = spaced.end() - 1
            while text[quote] in _INVISIBLE:
                quote -= 1
            if not (has_marks and line.is_opening_quote(quote)):
                end = spaced.end()
        if has_marks:
            last = end - 1
            while last > m.start() and text[last] in _INVISIBLE:
                last -= 1
            opening = line.opening_of(last) if text[last] in '"”»’' else None
            if opening is not None and _is_quoted_phrase(text, line, opening, last):
                continue
        yield end


def sentence_spans(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, starts_paragraph) for every sentence, in order."""
    for ln in _LINE.finditer(text):
        line = _Line(text, ln.start(), ln.end())
        visible = _NON_SPACE.search(text, line.start, line.end)
        if visible is None:
            continue
        first = visible.start()
        cursor = first
        new_paragraph = True
        for boundary in _boundaries(text, line, first):
            if boundary <= cursor:
                continue
            yield cursor, boundary, new_paragraph
            following = _SPACES.match(text, boundary, line.end)
            gap = following.end() if following is not None else boundary
            if gap == line.end:
                break
            new_paragraph = (
                gap - boundary > 1 and _GAP_BREAK.search(text, boundary, gap) is not None
            )
            cursor = gap
        else:
            tail = text[cursor : line.end].rstrip()
            if tail:
                yield cursor, cursor + len(tail), new_paragraph


def segment(text: str) -> list[Segment]:
    """Paragraphs and sentences of `text`, as `Segment`s with offsets into `text`."""
    with paused_gc():
        return _segment(text)


def _segment(text: str) -> list[Segment]:
    segments: list[Segment] = []
    paragraph = 0
    sentence = 0
    for start, end, new_paragraph in sentence_spans(text):
        if new_paragraph:
            paragraph += 1
            sentence = 0
        sentence += 1
        segments.append(
            Segment(f"p{paragraph}s{sentence}", paragraph, sentence, start, end, text[start:end])
        )
    return segments
