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

import json
import random
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

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
    name: str, units: Sequence[tuple[str | None, str | None]], separator: str = " "
) -> ArticlePair:
    """Lay gold sentence pairs out as one line per side, joined by single spaces."""
    ckb_parts: list[str] = []
    en_parts: list[str] = []
    ckb_spans: list[Span | None] = []
    en_spans: list[Span | None] = []
    for parts, spans, text in (
        (ckb_parts, ckb_spans, [u[0] for u in units]),
        (en_parts, en_spans, [u[1] for u in units]),
    ):
        cursor = 0
        for piece in text:
            if piece is None:
                spans.append(None)
                continue
            if parts:
                cursor += len(separator)
            spans.append((cursor, cursor + len(piece)))
            parts.append(piece)
            cursor += len(piece)
    return ArticlePair(
        name, separator.join(ckb_parts), separator.join(en_parts), ckb_spans, en_spans
    )


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
# Article pairs from the development corpus
# --------------------------------------------------------------------------------------------

_FINAL = re.compile(r"[\s.!?؟…]+$")
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)


def title_case(headline: str) -> str:
    """An English headline in title case, as wire headlines are (small words kept low)."""
    words = headline.split(" ")
    out = []
    for k, word in enumerate(words):
        if k and word.lower() in _SMALL:
            out.append(word.lower())
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def headline_of(ckb: str, en: str, titled: bool) -> tuple[str, str]:
    """A gold pair turned into a headline: no final punctuation, title case if asked."""
    h_ckb, h_en = _FINAL.sub("", ckb), _FINAL.sub("", en)
    return h_ckb, title_case(h_en) if titled else h_en


def _headline_pool(lines: Sequence[tuple[str, str]]) -> list[int]:
    """Lines short enough to pass for a headline, and free of quotes and brackets."""
    return [
        k
        for k, (c, e) in enumerate(lines)
        if len(e) <= 80 and not any(q in c + e for q in '"“”«»()')
    ]


def flores_lines(root: Path) -> list[tuple[str, str]]:
    """FLORES-200 devtest lines 1–506 of the development corpus, Sorani with English."""
    folder = root / "flores200-devtest"
    ckb = (folder / "ckb_Arab.devtest.lines0001-0506.txt").read_text("utf-8").splitlines()
    en = (folder / "eng_Latn.devtest.lines0001-0506.txt").read_text("utf-8").splitlines()
    if len(ckb) != len(en):
        raise SystemExit(f"{folder}: the Sorani and English files differ in length")
    return list(zip(ckb, en, strict=True))


def flores_articles(
    root: Path, lines: Sequence[tuple[str, str]], headline: bool, seed: int
) -> list[ArticlePair]:
    """The corpus's 4-line windows, then non-overlapping windows of 8–20 consecutive lines;
    with `headline`, each led by a short FLORES line from elsewhere made into a headline
    (English in title case for every other article)."""
    rng = random.Random(seed)
    windows: list[tuple[str, list[tuple[str, str]], set[int]]] = []
    path = root / "flores200-devtest" / "flores200_devtest_align.jsonl"
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        a, b = record["lines"]
        windows.append(
            (
                record["id"],
                list(zip(record["ckb"], record["en"], strict=True)),
                set(range(a - 1, b)),
            )
        )
    start = 0
    while start < len(lines):
        size = rng.randint(8, 20)
        window = list(lines[start : start + size])
        if len(window) >= 4:
            windows.append(
                (
                    f"flores-{start + 1}-{start + len(window)}",
                    window,
                    set(range(start, start + len(window))),
                )
            )
        start += size
    pool = _headline_pool(lines)
    pairs = []
    for k, (name, window, used) in enumerate(windows):
        units: list[tuple[str | None, str | None]] = list(window)
        if headline:
            choice = rng.choice([p for p in pool if p not in used])
            units.insert(0, headline_of(*lines[choice], titled=k % 2 == 0))
        pairs.append(join_units(name + ("+headline" if headline else ""), units))
    return pairs


def cordi_articles(root: Path) -> list[ArticlePair]:
    """CORDI gold: 10 utterances of one variety with their English, one line per side."""
    path = root / "cordi-mt-gold" / "cordi_gold_align.jsonl"
    pairs = []
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        pairs.append(join_units(record["id"], list(zip(record["ckb"], record["en"], strict=True))))
    return pairs
