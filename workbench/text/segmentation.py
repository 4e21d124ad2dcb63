"""Split Sorani text into paragraphs and sentences, with offsets into the original.

The rules (SORANI.md §3, bounded by how real published news is written):
- A sentence ends at `. ؟ ! …` (and `?`) followed by whitespace, with any closing quotes or
  brackets glued to it, and with a closing quote that follows after a space (`نییە. "`).
  `،` `؛` `:` never end one.
- A period is no boundary after a title (`د.`), an initial (a Latin letter, a single Sorani
  letter, a letter name: `پی. دیدی`, `J. D.`, `ن. وەین`), a list number that begins a line,
  inside a decimal or URL (no space follows), or before a lowercase Latin word.
- Quotation marks do not hold sentences together: a sentence end inside a quotation ends a
  sentence, as news split sentence by sentence (and every common segmenter) has it. Quotation
  marks in real text are too often unbalanced, or inch marks, to let one swallow the sentence
  ends after it. The exception is a short quotation used as a noun phrase inside a sentence
  (`پرسیاری "بۆ ئێستا نا؟" لە …`), and a quotation the sentence carries on after
  (`"… چی بکەین؟" و گوتی …`): a sentence end right before their closing mark ends nothing.
- Paragraphs: a line break; a run of two or more spaces where a sentence has ended; and at the
  start of an article, a run of two or more spaces after a headline (a few words without final
  punctuation). A double space inside a sentence further on does not split.
Segments keep the original text, untouched.
"""

from __future__ import annotations

import re
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
    after_quote: frozenset[str]


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
        after_quote=frozenset(classes.get("after-quote", ())),
    )


_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
_INVISIBLE = "\u200e\u200f\u061c\u200b\u200c\u200d\ufeff"
_CLOSERS = re.escape("\"”»’'“)]")
# A terminator cluster, the closing marks glued to it, then whitespace or the end.
# (Spelled `[...][...]*`, not `[...]+`, so the regex engine can skip ahead by character set.)
_END = re.compile(f"[.!?؟…][.!?؟…]*[{_CLOSERS}{_INVISIBLE}]*(?=\\s|$)")
# A closing quote standing after a space, then whitespace or the end: `نییە. "`.
_SPACED_QUOTE = re.compile(f'[ \t]+["”»’][{_INVISIBLE}]*(?=\\s|$)')
_QUOTE_MARKS = '"“”«»'
_QUOTE = re.compile(f"[{_QUOTE_MARKS}]")
_GAP = re.compile(r"\s\s+")
_SPACES = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S")
_LOWER_LATIN_NEXT = re.compile(r"\s+[a-z]")
_LATIN_INITIAL = re.compile(r"[A-Za-z]|(?:[A-Za-z]\.)+[A-Za-z]")
_DIGITS = re.compile(r"[0-9٠-٩۰-۹]+")
_OPENERS_STRIP = "\"“«(['‘"
_NEXT_WORD = re.compile(r"\s+(\S+)")
_MAX_QUOTED_PHRASE_WORDS = 6
# A headline that runs into the body on the same line is a few words long (news headlines
# run to about 15 words); a longer stretch before a double space is a sentence with a typo.
_MAX_HEADLINE_WORDS = 20


def _word_before(text: str, lo: int, pos: int) -> tuple[str, int]:
    """The whitespace-delimited word ending at `pos` (opening marks stripped), and its start."""
    k = max(text.rfind(" ", lo, pos), text.rfind("\t", lo, pos)) + 1
    if k == 0 and lo > 0:
        k = lo
    return text[k:pos].lstrip(_OPENERS_STRIP), k


def _is_abbreviation(text: str, lo: int, hi: int, dot: int, first: int) -> bool:
    """True when the single period at `dot` closes an abbreviation, initial or list number."""
    abbr = _abbreviations()
    word, k = _word_before(text, lo, dot)
    if not word:
        return False
    if word in abbr.titles or word in abbr.latin or word in abbr.initials:
        return True
    if _LATIN_INITIAL.fullmatch(word) or (len(word) == 1 and word.isalpha()):
        return True
    if word in abbr.initials_after_initial:
        # An initial only beside another initial: جەی. دی. ڤانس, تی. جەی. ڕایت.
        previous, _ = _word_before(text, lo, max(k - 1, lo))
        following = _NEXT_WORD.match(text, dot + 1, hi)
        return _is_initial(previous) or (following is not None and _is_initial(following[1]))
    return k == first and bool(_DIGITS.fullmatch(word))


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


def _opens(text: str, lo: int, hi: int, pos: int) -> bool:
    """The quote mark at `pos` is shaped as an opening one: glued to the word after it only."""
    if text[pos] in "«“":
        return True
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + 1] if pos + 1 < hi else " "
    return not after.isspace() and (before.isspace() or before in "(:،[")


def _spaced_on_both_sides(text: str, lo: int, hi: int, pos: int) -> bool:
    return (pos == lo or text[pos - 1].isspace()) and (pos + 1 == hi or text[pos + 1].isspace())


def _closes_quotation(text: str, lo: int, hi: int, quote: int) -> bool:
    """Whether a quote mark standing between spaces after a sentence end closes that sentence.

    It does when the last quote mark before it opened a quotation, and also when there is none
    (a quotation whose opening mark was never written). It opens the next sentence only when
    the next quote mark is spaced the same way (a writer who puts spaces inside quotes:
    `… " دەقی وتەکە " …`) and no quotation is open before it.
    """
    if text[quote] == "»":
        return True
    before = max(text.rfind(mark, lo, quote) for mark in _QUOTE_MARKS)
    if before >= 0 and _opens(text, lo, hi, before):
        return True
    after = _QUOTE.search(text, quote + 1, hi)
    return after is None or not _spaced_on_both_sides(text, lo, hi, after.start())


def _is_quoted_phrase(text: str, lo: int, hi: int, close: int) -> bool:
    """A short quotation used as a noun phrase inside a sentence: `پرسیاری "بۆ ئێستا نا؟" لە …`.

    The word before it carries the ezafe ی that links it to the quotation; direct speech
    is introduced by `:` or a speech verb (گوتی) instead, and ends its sentence.
    """
    opening = max(text.rfind(mark, lo, close) for mark in _QUOTE_MARKS)
    if opening < 0 or not _opens(text, lo, hi, opening):
        return False
    if len(text[opening + 1 : close].split()) > _MAX_QUOTED_PHRASE_WORDS:
        return False
    k = opening
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k == lo or text[k - 1] == ":":
        return False
    word, _ = _word_before(text, lo, k)
    return word.endswith("ی") and word not in _abbreviations().speech_verbs


def _carries_on(text: str, end: int, hi: int) -> bool:
    """The word after a closed quotation carries on its sentence: `"…چی بکەین؟" و گوتی …`."""
    following = _NEXT_WORD.match(text, end, hi)
    return following is not None and following[1] in _abbreviations().after_quote


def _boundaries(text: str, lo: int, hi: int, first: int) -> Iterator[int]:
    """End offsets of the sentences of the line `text[lo:hi]` that have more text after them."""
    has_quotes = _QUOTE.search(text, lo, hi) is not None
    for m in _END.finditer(text, lo, hi):
        end = m.end()
        if m.group() == "." and (
            _is_abbreviation(text, lo, hi, m.start(), first)
            or _LOWER_LATIN_NEXT.match(text, end, hi) is not None
        ):
            continue
        if has_quotes:
            spaced = _SPACED_QUOTE.match(text, end, hi)
            if spaced is not None:
                quote = spaced.end() - 1
                while text[quote] in _INVISIBLE:
                    quote -= 1
                if _closes_quotation(text, lo, hi, quote):
                    end = spaced.end()
            last = end - 1
            while last > m.start() and text[last] in _INVISIBLE:
                last -= 1
            if text[last] in '"”»’' and (
                _is_quoted_phrase(text, lo, hi, last) or _carries_on(text, end, hi)
            ):
                continue
        yield end


def _headline(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Where a headline that opens an article ends and its body begins, on the same line.

    The headline is a few words without final punctuation, then two or more spaces.
    """
    gap = _GAP.search(text, lo, hi)
    if gap is None or gap.end() >= hi:
        return None
    headline = text[lo : gap.start()]
    if len(headline.split()) > _MAX_HEADLINE_WORDS or _END.search(headline) is not None:
        return None
    return gap.start(), gap.end()


def sentence_spans(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, starts_paragraph) for every sentence, in order."""
    article_start = True
    for ln in _LINE.finditer(text):
        lo, hi = ln.start(), ln.end()
        visible = _NON_SPACE.search(text, lo, hi)
        if visible is None:
            continue
        first = visible.start()
        cursor = first
        if article_start:
            article_start = False
            headline = _headline(text, first, hi)
            if headline is not None:
                yield first, headline[0], True
                cursor = headline[1]
        new_paragraph = True
        for boundary in _boundaries(text, lo, hi, first):
            if boundary <= cursor:
                continue
            yield cursor, boundary, new_paragraph
            following = _SPACES.match(text, boundary, hi)
            gap = following.end() if following is not None else boundary
            if gap == hi:
                break
            new_paragraph = gap - boundary > 1 and _GAP.match(text, boundary, gap) is not None
            cursor = gap
        else:
            tail = text[cursor:hi].rstrip()
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
