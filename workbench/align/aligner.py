"""Sentence alignment: a dynamic program over Sorani segments × English sentences.

Five bead types — 1–1, 1–0 (a Sorani sentence left untranslated), 0–1 (an English sentence
added), 2–1 (two Sorani sentences merged into one English) and 1–2 (one split in two) —
each with a prior probability. The best path maximizes Σ log prior + the pair evidence of
`scoring.PairScorer` (zero for 1–0 and 0–1). Beads never cross: text moved elsewhere ends up
as low-scoring pairs or unaligned sentences around the move. The search stays in a band
around the diagonal (±max(20, 10% of the longer side)), so a 500-sentence article takes a
fraction of a second.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from workbench.align.english import Sentence, split_sentences
from workbench.align.scoring import LengthModel, PairScorer, score
from workbench.terms.matcher import Matcher
from workbench.text import Segment, segment

PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.005,
    (0, 1): 0.005,
    (2, 1): 0.05,
    (1, 2): 0.05,
}
"""Bead priors, after Gale & Church (1993): 1–1 0.89, 1–0 and 0–1 0.0099 together, 2–1
and 1–2 0.089 together (their 2–2 share, 0.011, goes to 2–1 and 1–2)."""
MIN_BAND = 20
BAND_FRACTION = 0.10


@dataclass(frozen=True)
class Bead:
    """Sorani sentence indices and English sentence indices (0-based) aligned together.

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


def align_sentences(scorer: PairScorer, n: int, m: int) -> list[Bead]:
    """The best sequence of beads covering n Sorani and m English sentences, in order."""
    rows = band(n, m)
    moves = [(a, b, math.log(p)) for (a, b), p in PRIORS.items()]
    best: list[list[float]] = []
    back: list[bytearray] = []
    evidence_of: list[list[float]] = []
    minus_inf = -math.inf
    for i in range(n + 1):
        lo, hi = rows[i]
        row = [minus_inf] * (hi - lo + 1)
        row_back = bytearray(hi - lo + 1)
        row_evidence = [0.0] * (hi - lo + 1)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            top = minus_inf
            choice = 0
            gain = 0.0
            for index, (a, b, log_prior) in enumerate(moves):
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0:
                    continue
                plo, phi = rows[pi] if a else (lo, hi)
                if pj < plo or pj > phi:
                    continue
                before = best[pi][pj - plo] if a else row[pj - lo]
                if before == minus_inf:
                    continue
                e = scorer.evidence(pi, a, pj, b) if a and b else 0.0
                total = before + log_prior + e
                if total > top:
                    top, choice, gain = total, index, e
            row[j - lo] = top
            row_back[j - lo] = choice
            row_evidence[j - lo] = gain
        best.append(row)
        back.append(row_back)
        evidence_of.append(row_evidence)
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        lo = rows[i][0]
        a, b, _ = moves[back[i][j - lo]]
        e = evidence_of[i][j - lo]
        beads.append(
            Bead(
                tuple(range(i - a, i)),
                tuple(range(j - b, j)),
                score(e) if a and b else 0.0,
            )
        )
        i, j = i - a, j - b
    beads.reverse()
    return beads


def with_min_score(beads: list[Bead], min_score: float | None) -> list[Bead]:
    """The beads with every pair scoring below `min_score` split into its two unaligned
    halves (marked `low`, keeping the pair's score)."""
    if min_score is None:
        return beads
    out: list[Bead] = []
    for bead in beads:
        if bead.paired and bead.score < min_score:
            out.append(Bead(bead.ckb, (), bead.score, low=True))
            out.append(Bead((), bead.en, bead.score, low=True))
        else:
            out.append(bead)
    return out


@dataclass(frozen=True)
class Alignment:
    """Two texts, their sentences, and the beads that align them, in document order."""

    ckb_text: str
    en_text: str
    segments: list[Segment]
    sentences: list[Sentence]
    beads: list[Bead]

    def ckb_ids(self, bead: Bead) -> list[str]:
        """The `kwb segment` ids (p<P>s<S>) of the bead's Sorani sentences."""
        return [self.segments[i].id for i in bead.ckb]

    def en_numbers(self, bead: Bead) -> list[int]:
        """The 1-based numbers of the bead's English sentences."""
        return [self.sentences[j].number for j in bead.en]

    def ckb_of(self, bead: Bead) -> str:
        """The bead's Sorani sentences as they stand in the input, joined by a space."""
        return " ".join(self.segments[i].text for i in bead.ckb)

    def en_of(self, bead: Bead) -> str:
        """The bead's English sentences as they stand in the input, joined by a space."""
        return " ".join(self.sentences[j].text for j in bead.en)

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
        """Sorani and English sentences in no pair (1–0, 0–1 and low-scoring beads)."""
        ckb = sum(len(b.ckb) for b in self.beads if not b.paired)
        en = sum(len(b.en) for b in self.beads if not b.paired)
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
    scorer = PairScorer([s.text for s in segments], [s.text for s in sentences], matcher, length)
    beads = align_sentences(scorer, len(segments), len(sentences))
    return Alignment(ckb_text, en_text, segments, sentences, with_min_score(beads, min_score))
