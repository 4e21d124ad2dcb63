"""Alignment of article pairs scored the way users measure it, and the punkt + Gale–Church peer.

The contract: `kwb align SORANI.txt ENGLISH.txt --json` over article pairs given as one line
per side (optionally a headline without final punctuation first, then the sentences joined by
single spaces); a predicted pair counts when both its `ckb_text` and its `en_text` are exact
substrings of the inputs covering the same gold sentences.

Here a pair's text is looked up in its input (from where the previous pair ended, else
anywhere) and "covers" every gold sentence it overlaps; it is right when both sides cover the
same non-empty set. Precision: right pairs / predicted pairs. Recall: gold pairs (sentences
present on both sides) whose whole text is covered on both sides by right pairs, over all
gold pairs. "1–1 R" is stricter: gold pairs recovered by right pairs covering that one gold
sentence alone (a headline merged with the first sentence is right, but not 1–1).

The peer is what a user would assemble from NLTK: punkt trained (unsupervised) on the texts
being aligned, the Sorani one with ؟ and … added to its sentence ends as
benchmarks/segmentation_eval.py does, then `nltk.translate.gale_church.align_blocks` with its
default parameters over sentence lengths in characters.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from workbench.align import align_texts
from workbench.terms.matcher import Matcher

Span = tuple[int, int]
Row = tuple[str, str]
"""A predicted pair: (ckb_text, en_text), as in `kwb align --json`."""


@dataclass
class ArticlePair:
    """One article pair as the contract gives it: one line per side, with the gold sentences'
    spans in each line (None where a gold sentence has no counterpart on that side)."""

    name: str
    ckb: str
    en: str
    ckb_spans: list[Span | None]
    en_spans: list[Span | None]


def join_units(
    name: str,
    units: Sequence[tuple[str | None, str | None]],
    glued: frozenset[int] = frozenset(),
) -> ArticlePair:
    """Lay gold sentence pairs out as one line per side, joined by single spaces (none after
    the Sorani of the units in `glued`: a space forgotten after a sentence end)."""
    lines: list[str] = []
    all_spans: list[list[Span | None]] = []
    for side in (0, 1):
        line = ""
        spans: list[Span | None] = []
        previous: int | None = None
        for k, unit in enumerate(units):
            piece = unit[side]
            if piece is None:
                spans.append(None)
                continue
            if line and not (side == 0 and previous in glued):
                line += " "
            spans.append((len(line), len(line) + len(piece)))
            line += piece
            previous = k
        lines.append(line)
        all_spans.append(spans)
    return ArticlePair(name, lines[0], lines[1], all_spans[0], all_spans[1])


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts behind precision and recall over a set of article pairs."""

    right: int = 0
    predicted: int = 0
    gold: int = 0
    covered: int = 0
    single: int = 0
    seconds: float = 0.0
    articles: int = 0

    def add(self, other: Tally) -> None:
        for name in ("right", "predicted", "gold", "covered", "single", "articles"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.covered / self.gold if self.gold else 0.0

    @property
    def single_recall(self) -> float:
        return self.single / self.gold if self.gold else 0.0


def _locate(text: str, piece: str, cursor: int) -> Span | None:
    """Where `piece` stands in `text`: at or after `cursor` if it can, else anywhere."""
    if not piece:
        return None
    at = text.find(piece, cursor)
    if at < 0:
        at = text.find(piece)
    return None if at < 0 else (at, at + len(piece))


def _overlapped(span: Span, gold: Sequence[Span | None]) -> frozenset[int]:
    return frozenset(
        k for k, g in enumerate(gold) if g is not None and g[0] < span[1] and span[0] < g[1]
    )


def _covered(text: str, gold: Span, spans: Iterable[Span]) -> bool:
    """Whether the union of `spans` covers every non-space character of `gold` in `text`."""
    reach = gold[0]
    for start, end in sorted(spans):
        if start > reach and text[reach:start].strip():
            break
        reach = max(reach, end)
    return reach >= gold[1] or not text[reach : gold[1]].strip()


def score_rows(pair: ArticlePair, rows: Sequence[Row]) -> Tally:
    """The contract's counts for one article pair and its predicted pairs."""
    tally = Tally(articles=1)
    gold_pairs = [
        k for k, (c, e) in enumerate(zip(pair.ckb_spans, pair.en_spans, strict=True)) if c and e
    ]
    tally.gold = len(gold_pairs)
    ckb_cursor = en_cursor = 0
    right_ckb: dict[int, list[Span]] = {}
    right_en: dict[int, list[Span]] = {}
    alone: set[int] = set()
    for ckb_text, en_text in rows:
        if not ckb_text or not en_text:
            continue
        tally.predicted += 1
        c = _locate(pair.ckb, ckb_text, ckb_cursor)
        e = _locate(pair.en, en_text, en_cursor)
        if c is None or e is None:
            continue
        ckb_cursor, en_cursor = c[1], e[1]
        on_ckb = _overlapped(c, pair.ckb_spans)
        if not on_ckb or on_ckb != _overlapped(e, pair.en_spans):
            continue
        tally.right += 1
        for k in on_ckb:
            right_ckb.setdefault(k, []).append(c)
            right_en.setdefault(k, []).append(e)
        if len(on_ckb) == 1:
            alone.update(on_ckb)
    for k in gold_pairs:
        ckb_span, en_span = pair.ckb_spans[k], pair.en_spans[k]
        assert ckb_span is not None and en_span is not None
        if _covered(pair.ckb, ckb_span, right_ckb.get(k, ())) and _covered(
            pair.en, en_span, right_en.get(k, ())
        ):
            tally.covered += 1
            tally.single += k in alone
    return tally


System = Callable[[str, str], list[Row]]


def evaluate(system: System, pairs: Sequence[ArticlePair]) -> Tally:
    """The summed counts of `system` over `pairs`, with the seconds it took."""
    total = Tally()
    for pair in pairs:
        start = time.perf_counter()
        rows = system(pair.ckb, pair.en)
        elapsed = time.perf_counter() - start
        tally = score_rows(pair, rows)
        tally.seconds = elapsed
        total.add(tally)
    return total


# --------------------------------------------------------------------------------------------
# Systems
# --------------------------------------------------------------------------------------------


def kwb_contract(matcher: Matcher | None) -> System:
    """`kwb align --json` in process: the rows' ckb_text and en_text."""

    def run(ckb: str, en: str) -> list[Row]:
        return [
            (str(row["ckb_text"]), str(row["en_text"]))
            for row in align_texts(ckb, en, matcher).rows()
        ]

    return run


@dataclass
class Peer:
    """punkt (trained on the texts to align) + NLTK's Gale–Church over character lengths."""

    ckb_texts: Sequence[str]
    en_texts: Sequence[str]
    _ckb: object = field(init=False)
    _en: object = field(init=False)

    def __post_init__(self) -> None:
        from nltk.tokenize.punkt import PunktLanguageVars, PunktSentenceTokenizer, PunktTrainer

        class SoraniLanguageVars(PunktLanguageVars):
            """Punkt language variables with the Arabic question mark and the ellipsis."""

            sent_end_chars = (".", "?", "!", "؟", "…")

        ckb_trainer = PunktTrainer(lang_vars=SoraniLanguageVars())
        en_trainer = PunktTrainer()
        for text in self.ckb_texts:
            ckb_trainer.train(text, finalize=False)
        for text in self.en_texts:
            en_trainer.train(text, finalize=False)
        ckb_trainer.finalize_training()
        en_trainer.finalize_training()
        self._ckb = PunktSentenceTokenizer(ckb_trainer.get_params(), lang_vars=SoraniLanguageVars())
        self._en = PunktSentenceTokenizer(en_trainer.get_params())

    def __call__(self, ckb: str, en: str) -> list[Row]:
        from nltk.translate.gale_church import align_blocks

        ckb_spans = list(self._ckb.span_tokenize(ckb))  # type: ignore[attr-defined]
        en_spans = list(self._en.span_tokenize(en))  # type: ignore[attr-defined]
        links = align_blocks([e - s for s, e in ckb_spans], [e - s for s, e in en_spans])
        rows: list[Row] = []
        group_ckb: set[int] = set()
        group_en: set[int] = set()

        def flush() -> None:
            if group_ckb and group_en:
                c0, c1 = ckb_spans[min(group_ckb)][0], ckb_spans[max(group_ckb)][1]
                e0, e1 = en_spans[min(group_en)][0], en_spans[max(group_en)][1]
                rows.append((ckb[c0:c1], en[e0:e1]))
            group_ckb.clear()
            group_en.clear()

        for i, j in links:
            if i not in group_ckb and j not in group_en:
                flush()
            group_ckb.add(i)
            group_en.add(j)
        flush()
        return rows


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------


def report(
    sets: Sequence[tuple[str, Sequence[ArticlePair]]], systems: Sequence[tuple[str, System]]
) -> None:
    """One row per set of article pairs: precision, recall and 1–1 recall of each system,
    with the seconds it took, and whether kwb (the first system) reaches the peer."""
    names = " | ".join(f"{name:^26}" for name, _ in systems)
    columns = " | ".join(f"{'P':>5} {'R':>5} {'1–1 R':>5} {'s':>6}" for _ in systems)
    print(f"{'':32} {'':4} {'':5} | {names} |")
    head = f"{'article pairs':32} {'n':>4} {'gold':>5} | {columns} | kwb ≥ peer"
    print(head)
    print("-" * len(head))
    totals = [Tally() for _ in systems]
    for label, pairs in sets:
        tallies = [evaluate(system, pairs) for _, system in systems]
        for tally, total in zip(tallies, totals, strict=True):
            total.add(tally)
        print(_row(label, len(pairs), tallies))
    print("-" * len(head))
    print(_row("all of the above", totals[0].articles, totals))


def _row(label: str, articles: int, tallies: Sequence[Tally]) -> str:
    cells = " | ".join(
        f"{t.precision:5.3f} {t.recall:5.3f} {t.single_recall:5.3f} {t.seconds:6.2f}"
        for t in tallies
    )
    return f"{label:32} {articles:4} {tallies[0].gold:5} | {cells} | {_at_least(tallies)}"


def _at_least(tallies: Sequence[Tally]) -> str:
    """Whether the first system's precision and recall both reach the second's."""
    if len(tallies) < 2:
        return ""
    ours, peer = tallies[0], tallies[1]
    return "yes" if ours.precision >= peer.precision and ours.recall >= peer.recall else "NO"
