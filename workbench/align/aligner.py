"""Sentence alignment: a dynamic program over Sorani pieces × English pieces.

Each side is a sequence of pieces (`pieces.py`): sentences, cut where a sentence could also
end. A bead pairs a run of Sorani pieces with a run of English pieces; its prior depends on
how many sentences each run touches — 1–1, 1–0 (a Sorani sentence left untranslated), 0–1
(an English sentence added), 2–1 and 1–2 (merged or split), 3–1, 1–3, 4–1 and 1–4 (a
splitter that missed boundaries on one side) — after Gale & Church (1993). A bead may
begin or end at a candidate cut inside a sentence only where the other side has a real
boundary, and each such cut costs `CUT_PRIOR`: a Sorani segment that swallowed three
sentences behind an unbalanced quote is cut where the English sentences end, a quotation
kept whole on both sides stays whole. The best path maximizes Σ log prior + the pair
evidence of `scoring.PairScorer` (zero for 1–0 and 0–1). Beads never cross: text moved
elsewhere ends up as low-scoring pairs or unaligned sentences around the move; a pair too
low for a translation that shares no anchor is reported as two unaligned halves. The search
stays in a band around the diagonal (±max(20, 10% of the longer side)), so a 500-sentence
article takes a fraction of a second.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from workbench.align.english import Sentence, split_sentences
from workbench.align.pieces import Piece, english_pieces, sorani_pieces
from workbench.align.scoring import LengthModel, PairScorer, Span, score
from workbench.terms.matcher import Matcher
from workbench.text import Segment, segment

PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.01,
    (0, 1): 0.01,
    (2, 1): 0.05,
    (1, 2): 0.05,
    (3, 1): 0.005,
    (1, 3): 0.005,
    (4, 1): 0.001,
    (1, 4): 0.001,
}
"""Bead priors by sentences touched on each side, after Gale & Church (1993): 1–1 0.89,
merges and splits 0.1 (the larger ones rarer); 1–0 and 0–1 twice Gale & Church's 0.0099,
as news translators add and drop sentences more often than the parliamentary proceedings
they measured did."""
MAX_SENTENCES = max(max(k) for k in PRIORS)
MAX_PIECES = 12
"""Pieces a run may hold when it starts inside a sentence (from a sentence's start, any)."""
CUT_PRIOR = 0.2
"""Probability that a candidate cut inside a sentence is a sentence end the other side
keeps: paid once for each bead edge placed at one."""
_LINE_BREAK = re.compile("[\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")
NO_PAIR = 0.03
"""A pair sharing no anchor and scoring below this is no translation (two unaligned halves)
even when no --min-score is asked for: the search must cover every sentence, and next to
an added and a dropped sentence pairing them costs less than leaving both out. On the
development corpus (FLORES and CORDI article pairs) no right pair scored below it, and 40%
of the wrong ones did."""
MIN_BAND = 20
BAND_FRACTION = 0.10


@dataclass(frozen=True)
class Bead:
    """Sorani pieces and English pieces (0-based indices) aligned together.

    `score` is the pair's probability-like score (0.0 for 1–0 and 0–1 beads); `low` marks the
    halves of a pair that scored below the minimum asked for, reported as unaligned.
    """

    ckb: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    low: bool = False

    @property
    def paired(self) -> bool:
        """Both sides have sentences."""
        return bool(self.ckb and self.en)


def band(n: int, m: int) -> list[tuple[int, int]]:
    """For each Sorani position 0..n, the English positions (lo, hi) the search visits."""
    width = max(MIN_BAND, math.ceil(BAND_FRACTION * max(n, m)))
    rows = []
    for i in range(n + 1):
        centre = i * m / n if n else 0.0
        rows.append((max(0, math.floor(centre - width)), min(m, math.ceil(centre + width))))
    rows[0] = (0, rows[0][1])
    rows[n] = (rows[n][0], m)
    # Keep consecutive rows connected even when one side is much longer than the other.
    for i in range(n):
        lo, hi = rows[i]
        rows[i] = (lo, max(hi, rows[i + 1][0]))
    return rows


Start = tuple[int, int, Span | None]
"""Where a run ending at a given position may start: (position, sentences touched, span)."""


def _starts(pieces: Sequence[Piece], spans: Callable[[int, int], Span]) -> list[list[Start]]:
    """For each position k (pieces consumed), the runs of pieces that may end there (with
    `spans(p, k)` for each), the empty run last: every run of up to `MAX_PIECES` pieces,
    and longer ones from the start of a sentence (a sentence cut in many places can still
    be taken whole), touching at most `MAX_SENTENCES` sentences."""
    first_piece: dict[int, int] = {}
    for index, piece in enumerate(pieces):
        first_piece.setdefault(piece.sentence, index)
    out: list[list[Start]] = [[(0, 0, None)]]
    for k in range(1, len(pieces) + 1):
        last = pieces[k - 1].sentence
        runs: list[Start] = []
        for p in range(k - 1, max(-1, k - 1 - MAX_PIECES), -1):
            touched = last - pieces[p].sentence + 1
            if touched > MAX_SENTENCES:
                break
            runs.append((p, touched, spans(p, k)))
        for sentence in range(last, max(last - MAX_SENTENCES, -1), -1):
            p = first_piece.get(sentence, k)
            if p < k - MAX_PIECES:
                runs.append((p, last - sentence + 1, spans(p, k)))
        runs.append((k, 0, None))  # last: the search tries the likelier beads first
        out.append(runs)
    return out


def _cuts(pieces: Sequence[Piece]) -> list[float]:
    """For each position, 0.0 at a sentence boundary, else the log cost of cutting there."""
    cost = math.log(CUT_PRIOR)
    return [0.0] + [0.0 if p.first else cost for p in pieces[1:]] + [0.0]


def align_sentences(scorer: PairScorer, ckb: Sequence[Piece], en: Sequence[Piece]) -> list[Bead]:
    """The best sequence of beads covering the Sorani and English pieces, in order."""
    n, m = len(ckb), len(en)
    rows = band(n, m)
    ckb_starts = _starts(ckb, scorer.ckb_span)
    en_starts = _starts(en, scorer.en_span)
    ckb_cut, en_cut = _cuts(ckb), _cuts(en)
    # For each count of Sorani sentences, the English counts it may pair with.
    allowed: list[list[tuple[int, float]]] = [[] for _ in range(MAX_SENTENCES + 1)]
    for (a, b), p in PRIORS.items():
        allowed[a].append((b, math.log(p)))
    # For each English position, the runs ending there grouped by sentences touched.
    en_by_count: list[list[list[tuple[int, Span | None]]]] = []
    for runs in en_starts:
        grouped: list[list[tuple[int, Span | None]]] = [[] for _ in range(MAX_SENTENCES + 1)]
        for q, b, e_span in runs:
            grouped[b].append((q, e_span))
        en_by_count.append(grouped)
    minus_inf = -math.inf
    pair = scorer.pair
    most = scorer.most_length
    best: list[list[float]] = []
    back: list[list[tuple[int, int, float]]] = []
    for i in range(n + 1):
        lo, hi = rows[i]
        row = [minus_inf] * (hi - lo + 1)
        row_back: list[tuple[int, int, float]] = [(0, 0, 0.0)] * (hi - lo + 1)
        best.append(row)
        back.append(row_back)
        c_cut = ckb_cut[i]
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            e_cut = en_cut[j]
            if c_cut and e_cut:
                continue  # a cut inside a sentence on both sides: no boundary at all
            top = minus_inf
            choice = (0, 0, 0.0)
            by_count = en_by_count[j]
            for p, a, c_span in ckb_starts[i]:
                plo, phi = rows[p]
                previous = best[p]
                for b, prior in allowed[a]:
                    for q, e_span in by_count[b]:
                        if q < plo or q > phi:
                            continue
                        before = previous[q - plo] + prior
                        if before == minus_inf:
                            continue
                        if c_span and e_span:
                            if before + most + c_span[4] + e_span[2] <= top:
                                continue  # cannot win even with a perfect length match
                            e = pair(c_span, e_span, top - before)
                            total = before + e
                        else:
                            e, total = 0.0, before
                        if total > top:
                            top, choice = total, (p, q, e)
            if top > minus_inf:
                row[j - lo] = top + c_cut + e_cut
                row_back[j - lo] = choice
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        p, q, e = back[i][j - rows[i][0]]
        paired = p < i and q < j
        beads.append(Bead(tuple(range(p, i)), tuple(range(q, j)), score(e) if paired else 0.0))
        i, j = p, q
    beads.reverse()
    return beads


def with_min_score(
    beads: list[Bead], min_score: float | None, keep: Callable[[Bead], bool] | None = None
) -> list[Bead]:
    """The beads with every pair scoring below `min_score` split into its two unaligned
    halves (marked `low`, keeping the pair's score), unless `keep` says otherwise."""
    if min_score is None:
        return beads
    out: list[Bead] = []
    for bead in beads:
        if bead.paired and bead.score < min_score and not (keep and keep(bead)):
            out.append(Bead(bead.ckb, (), bead.score, low=True))
            out.append(Bead((), bead.en, bead.score, low=True))
        else:
            out.append(bead)
    return out


@dataclass(frozen=True)
class Alignment:
    """Two texts, their sentences and pieces, and the beads that align them, in order."""

    ckb_text: str
    en_text: str
    segments: list[Segment]
    sentences: list[Sentence]
    ckb_pieces: list[Piece]
    en_pieces: list[Piece]
    beads: list[Bead]

    def _sentences_of(self, pieces: list[Piece], indices: tuple[int, ...]) -> list[int]:
        out: list[int] = []
        for k in indices:
            if not out or out[-1] != pieces[k].sentence:
                out.append(pieces[k].sentence)
        return out

    def ckb_ids(self, bead: Bead) -> list[str]:
        """The `kwb segment` ids (p<P>s<S>) of the bead's Sorani sentences (a sentence the
        aligner cut is named by each bead holding a part of it)."""
        return [self.segments[i].id for i in self._sentences_of(self.ckb_pieces, bead.ckb)]

    def en_numbers(self, bead: Bead) -> list[int]:
        """The 1-based numbers of the bead's English sentences."""
        return [self.sentences[j].number for j in self._sentences_of(self.en_pieces, bead.en)]

    @staticmethod
    def _text_of(source: str, pieces: list[Piece], indices: tuple[int, ...]) -> str:
        """The pieces as they stand in the input: one stretch of the source, except that
        pieces on different lines are joined by a space."""
        if not indices:
            return ""
        out: list[str] = []
        first = pieces[indices[0]]
        start, end = first.start, first.end
        for k in indices[1:]:
            piece = pieces[k]
            if _LINE_BREAK.search(source, end, piece.start):
                out.append(source[start:end])
                start = piece.start
            end = piece.end
        out.append(source[start:end])
        return " ".join(out)

    def ckb_of(self, bead: Bead) -> str:
        """The bead's Sorani text as it stands in the input (lines joined by a space)."""
        return self._text_of(self.ckb_text, self.ckb_pieces, bead.ckb)

    def en_of(self, bead: Bead) -> str:
        """The bead's English text as it stands in the input (lines joined by a space)."""
        return self._text_of(self.en_text, self.en_pieces, bead.en)

    def rows(self) -> Iterator[dict[str, object]]:
        """One JSON-ready dict per bead: ckb, en, ckb_text, en_text, score (in that order)."""
        for bead in self.beads:
            yield {
                "ckb": self.ckb_ids(bead),
                "en": self.en_numbers(bead),
                "ckb_text": self.ckb_of(bead),
                "en_text": self.en_of(bead),
                "score": round(bead.score, 4),
            }

    def unaligned(self) -> tuple[int, int]:
        """Sorani and English sentences (whole or in part) in no pair (1–0, 0–1 and
        low-scoring beads)."""
        ckb = sum(
            len(self._sentences_of(self.ckb_pieces, b.ckb)) for b in self.beads if not b.paired
        )
        en = sum(len(self._sentences_of(self.en_pieces, b.en)) for b in self.beads if not b.paired)
        return ckb, en


def align_texts(
    ckb_text: str,
    en_text: str,
    matcher: Matcher | None = None,
    min_score: float | None = None,
    length: LengthModel | None = None,
) -> Alignment:
    """Segment both texts (Sorani with `workbench.text.segment`) and align their sentences."""
    segments = segment(ckb_text)
    sentences = split_sentences(en_text)
    ckb = sorani_pieces(ckb_text, segments)
    en = english_pieces(en_text, sentences)
    scorer = PairScorer([p.text for p in ckb], [p.text for p in en], matcher, length)
    beads = align_sentences(scorer, ckb, en)
    if min_score is None:
        beads = with_min_score(beads, NO_PAIR, lambda b: _anchored(scorer, b))
    else:
        beads = with_min_score(beads, min_score)
    return Alignment(ckb_text, en_text, segments, sentences, ckb, en, beads)


def _anchored(scorer: PairScorer, bead: Bead) -> bool:
    """Whether the bead's two sides share an anchor (a name, a number, a term)."""
    i, j = bead.ckb[0], bead.en[0]
    return bool(scorer.anchors(i, len(bead.ckb), j, len(bead.en)))
