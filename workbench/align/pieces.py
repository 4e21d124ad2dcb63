"""Sentences cut into the pieces the aligner works with.

A sentence splitter can be wrong in both directions, and on real news it is: an unbalanced
quote or a space forgotten after a period makes a Sorani segment swallow the next two or
three sentences, a lowercase word after a period keeps two English sentences together. So
each sentence is also cut, as a candidate only, where it could end: in Sorani after an
internal `. ؟ ! …` (with any closing marks glued to it) followed by a space, or glued to the
next word; in English where `english.split_sentences` saw a possible end
(`Sentence.breaks`). The aligner uses such a cut only where the other side has a real
sentence boundary, and pays for it (`aligner.CUT_PRIOR`); otherwise the pieces of a sentence
stay together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.align.english import Sentence
from workbench.text import Segment

_CLOSERS = "\"”»’'“)\\]"
_WORDY = re.compile(r"\w")
_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5"
"""Arabic-script letters: not digits, tatweel, harakat or punctuation."""
_INTERNAL_END = re.compile(
    f"[.!?؟…][.!?؟…]*[{_CLOSERS}]*(?=\\s+\\S)"
    # a space forgotten after the end: ئامادەین.ئەوان (a single mark: ... between two
    # words is a pause, not an end)
    f"|(?<=[{_LETTER}])[.!?؟](?=[{_LETTER}])"
)


@dataclass(frozen=True, slots=True)
class Piece:
    """A sentence, or a stretch of one between candidate cuts: `text == source[start:end]`.

    `sentence` indexes the Sorani segments or English sentences; `first` is true when the
    piece begins its sentence (a real boundary lies before it).
    """

    sentence: int
    start: int
    end: int
    text: str
    first: bool


def sorani_breaks(text: str, segment: Segment) -> list[int]:
    """Offsets inside a Sorani segment where it could also end: after an internal
    terminator cluster followed by a space, not after a lone letter (an initial, `د.`)."""
    out = []
    for m in _INTERNAL_END.finditer(text, segment.start, segment.end):
        if m.end() >= segment.end:
            break
        before = m.start() - 1
        if m.group() == "." and (before <= segment.start or text[before - 1].isspace()):
            continue  # a lone letter
        out.append(m.end())
    return out


def cut(
    source: str, spans: Iterable[tuple[int, int, Sequence[int]]], split: bool = True
) -> list[Piece]:
    """Pieces of sentences given as (start, end, candidate cut offsets), in order. A stretch
    without a letter or digit (a closing quote after a space) stays with the piece before."""
    pieces: list[Piece] = []
    for index, (start, end, breaks) in enumerate(spans):
        stops = [b for b in breaks if start < b < end] if split else []
        kept: list[int] = []
        for k, stop in enumerate(stops):
            following = stops[k + 1] if k + 1 < len(stops) else end
            previous = kept[-1] if kept else start
            if _WORDY.search(source, stop, following) and _WORDY.search(source, previous, stop):
                kept.append(stop)
        cursor = start
        for stop in (*kept, end):
            piece = source[cursor:stop].rstrip()
            pieces.append(Piece(index, cursor, cursor + len(piece), piece, cursor == start))
            cursor = stop
            while cursor < end and source[cursor].isspace():
                cursor += 1
    return pieces


def sorani_pieces(source: str, segments: Sequence[Segment], split: bool = True) -> list[Piece]:
    """The Sorani segments cut at their candidate ends."""
    return cut(source, ((s.start, s.end, sorani_breaks(source, s)) for s in segments), split)


def english_pieces(source: str, sentences: Sequence[Sentence], split: bool = True) -> list[Piece]:
    """The English sentences cut at their candidate ends."""
    return cut(source, ((s.start, s.end, s.breaks) for s in sentences), split)
