"""Split English text into paragraphs and sentences, with offsets into the original.

Built on Moses' English non-breaking prefixes (as sacremoses ships them) plus a few of kwb's
own (`data/english_prefixes.txt`). A sentence ends at `.` `!` `?` `…` with any closing quotes
or brackets glued to it, followed by whitespace and a word that does not start in lowercase
(`"Why?" he asked.` is one sentence). A single period is no boundary:
- after a title or prefix from the lists (Mr., Dr., Gen., St.) or a dotted acronym or initial
  (U.S., p.m., J. D. Vance), unless a capitalized sentence starter follows
  (`data/english_starters.txt`: "... in the U.S. The talks ..." ends after U.S.);
- after a numeric-only prefix (No., Art.) before a number;
- inside a number or URL (no space follows: 2.5, 7.25%, rudaw.net).
As kwb's Sorani segmenter does, a sentence end inside a quotation ends a sentence (quoted
speech of three sentences is three), so both sides cut quoted speech alike; a closing quote
glued to the end, or standing after a space, belongs to the sentence it closes. Where a
sentence may also end — before a lowercase word — `Sentence.breaks` says so, for the
aligner. Paragraphs are separated by newlines (blank or not); a line that stops
mid-sentence and is followed by a lowercase line is a wrapped line of the same paragraph.
A headline that opens the text on its body's line — a few words without final
punctuation, then two or more spaces — is a sentence of its own, as kwb's Sorani segmenter
has it. Sentences keep the original text, untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Sentence:
    """One English sentence: `text == source[start:end]`; `number` counts from 1."""

    number: int
    paragraph: int
    start: int
    end: int
    text: str
    breaks: tuple[int, ...] = ()
    """Offsets (into the source) where the sentence may also end: after a terminator
    followed by a lowercase word."""


@dataclass(frozen=True)
class _Prefixes:
    always: frozenset[str]
    numeric_only: frozenset[str]
    starters: frozenset[str]


_NUMERIC_ONLY = "#NUMERIC_ONLY#"


def _read_prefixes(lines: Iterator[str], always: set[str], numeric: set[str]) -> None:
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word = line.split()[0]
        (numeric if _NUMERIC_ONLY in line else always).add(word)


def _data_lines(name: str) -> Iterator[str]:
    data = resources.files("workbench.align").joinpath(f"data/{name}").read_text("utf-8")
    yield from data.splitlines()


@cache
def _prefixes() -> _Prefixes:
    """Moses' English prefixes (from sacremoses) and kwb's additions, read once."""
    from sacremoses import NonbreakingPrefixes  # Moses' lists, served from sacremoses.corpus

    always: set[str] = set()
    numeric: set[str] = set()
    _read_prefixes(iter(NonbreakingPrefixes().words("en")), always, numeric)
    _read_prefixes(_data_lines("english_prefixes.txt"), always, numeric)
    always -= numeric
    starters = {
        line.strip()
        for line in _data_lines("english_starters.txt")
        if line.strip() and not line.startswith("#")
    }
    return _Prefixes(frozenset(always), frozenset(numeric), frozenset(starters))


def starters() -> frozenset[str]:
    """Words that begin English sentences (`data/english_starters.txt`), lowercase."""
    return _prefixes().starters


_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
_CLOSERS = "\"'”’)\\]»"
_END = re.compile(f"[.!?…][.!?…]*[{_CLOSERS}]*(?=\\s|$)")
_FINAL = re.compile(f"[.!?…:][{_CLOSERS}]*$")
_NEXT = re.compile(r"\s+[\"“‘'(\[«]*(\S+)")
_SPACED_QUOTE = re.compile(r"[ \t]+[\"”’](?=\s|$)")
_OPENERS = "\"“‘'([«"
_LETTER = re.compile(r"[A-Za-z]")
_GAP = re.compile(r"[ \t]{2,}")
MAX_HEADLINE_WORDS = 20
"""A headline runs to about 15 words; a longer stretch before a double space is a sentence
with a typo."""
_INITIAL = re.compile(r"[A-Z]\.")


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: runs of non-blank lines, one paragraph per line unless
    a line stops mid-sentence and the next begins in lowercase (a wrapped line)."""
    start = end = -1
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            if start >= 0:
                yield start, end
            start = -1
            continue
        first = m.start() + (len(line) - len(line.lstrip()))
        last = m.start() + len(line.rstrip())
        if start >= 0:
            gap = text[end:first]
            wrapped = (
                gap.count("\n") + gap.count("\r") - gap.count("\r\n") == 1
                and _FINAL.search(text, start, end) is None
                and stripped[0].islower()
            )
            if wrapped:
                end = last
                continue
            yield start, end
        start, end = first, last
    if start >= 0:
        yield start, end


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) of the double quotations in a paragraph: straight quotes pair up in
    order when balanced; curly “ ” pair by nesting."""
    spans: list[tuple[int, int]] = []
    straight = [i for i in range(start, end) if text[i] == '"']
    if len(straight) % 2 == 0:
        spans.extend(zip(straight[::2], straight[1::2], strict=True))
    opened: list[int] = []
    for i in range(start, end):
        ch = text[i]
        if ch == "“":
            opened.append(i)
        elif ch == "”" and opened:
            spans.append((opened.pop(), i))
    return spans


def _word_before(text: str, lo: int, dot: int) -> str:
    k = dot
    while k > lo and not text[k - 1].isspace():
        k -= 1
    return text[k:dot].lstrip(_OPENERS)


END, WEAK, NONE = "end", "weak", "none"
"""How a terminator cluster stands: it ends a sentence; it may end one (before a lowercase
word: `"Why?" he asked`, or a sentence its writer began in lowercase), which the aligner
may cut at when the Sorani needs it; or it ends none (a title, an initial, a decimal)."""


def _ending(text: str, m: re.Match[str], para_end: int) -> str:
    """How the terminator cluster `m` (inside a paragraph) stands: END, WEAK or NONE."""
    following = _NEXT.match(text, m.end(), para_end)
    if following is None:
        return END
    nxt = following[1]
    p = _prefixes()
    word = _word_before(text, 0, m.start()) if m.group() == "." else ""
    listed = word in p.always or word in p.numeric_only
    dotted = "." in word and _LETTER.search(word) is not None
    if nxt[0].islower():
        # "Why?" he asked. — or a sentence whose writer forgot the capital; never after
        # a prefix or an acronym (etc. and, e.g. salaries, the U.N. also).
        return NONE if listed or dotted else WEAK
    if not word:
        return END
    if word in p.numeric_only:
        return NONE if nxt[0].isdigit() else END
    if word in p.always and word[0].islower():
        return NONE  # i.e. e.g. vs.
    if word in p.always or dotted:
        if _INITIAL.fullmatch(nxt):
            return NONE  # J. R. R. Tolkien
        starter = nxt.rstrip(_CLOSERS + ",.;:").lower()
        return END if starter in p.starters else NONE  # "U.S. The talks" vs "U.S. Army"
    return END


def _sentence_ends(text: str, start: int, end: int) -> Iterator[tuple[int, bool]]:
    """End offsets of the sentences of one paragraph (the last one ends at `end`), each with
    whether it is only a weak end (see `_ending`)."""
    spans: list[tuple[int, int]] | None = None
    for m in _END.finditer(text, start, end):
        ending = _ending(text, m, end)
        if ending == NONE:
            continue
        stop = m.end()
        if spans is None:
            spans = _quote_spans(text, start, end)
        inside = [close for open_, close in spans if open_ < m.start() and close >= stop]
        if inside:
            close = min(inside)
            if not text[stop:close].strip():
                stop = close + 1
        spaced = _SPACED_QUOTE.match(text, stop, end)
        if spaced is not None and any(c == spaced.end() - 1 for _, c in spans):
            stop = spaced.end()
        yield stop, ending == WEAK
    yield end, False


def _headline(text: str, start: int, end: int) -> int | None:
    """Where a headline that opens an article on its body's line ends: a few words without
    final punctuation, then two or more spaces (as kwb's Sorani segmenter reads it)."""
    gap = _GAP.search(text, start, end)
    if gap is None or gap.end() >= end:
        return None
    words = text[start : gap.start()].split()
    if len(words) > MAX_HEADLINE_WORDS or _END.search(text, start, gap.start()) is not None:
        return None
    return gap.start()


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of English `text`, numbered from 1, with offsets into `text`; each
    with the places inside it where it may also end (`Sentence.breaks`)."""
    sentences: list[Sentence] = []
    paragraph = 0
    for start, end in _paragraphs(text):
        paragraph += 1
        cursor = start
        if not sentences and (stop := _headline(text, start, end)) is not None:
            sentences.append(Sentence(1, paragraph, start, stop, text[start:stop]))
            paragraph += 1
            cursor = stop
        breaks: list[int] = []
        for stop, weak in _sentence_ends(text, cursor, end):
            if stop <= cursor:
                continue
            if weak:
                breaks.append(stop)
                continue
            piece = text[cursor:stop]
            lead = len(piece) - len(piece.lstrip())
            s, e = cursor + lead, cursor + len(piece.rstrip())
            if e > s:
                inner = tuple(b for b in breaks if s < b < e and text[b:e].strip())
                sentences.append(Sentence(len(sentences) + 1, paragraph, s, e, text[s:e], inner))
            cursor = stop
            breaks = []
    return sentences
