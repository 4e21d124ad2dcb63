"""Sentence-boundary benchmark: kwb's Sorani segmenter against off-the-shelf segmenters.

Usage (from the repo root, with a Python that has the third-party segmenters installed)::

    python benchmarks/segmentation_eval.py [--gold PATH] [--devcorpus PATH] [--sets S,...]
                                           [--errors NAME]

Runs on the gold file and, when the dev corpus is there (``../shared/devcorpus`` beside the
repo, or ``--devcorpus``), on the real-text sets of ``segmentation_sets.py``: FLORES news as
written, in another house style (headline run into the body, ASCII digits, straight quotes)
and with careless quotation marks, and KLPT's cases. Every peer runs on the same text in the
same run; ``punkt-ckb`` is NLTK's punkt, untrained, with ؟ and … added as sentence ends.

Gold file format (``benchmarks/data/segmentation_gold.txt``)
-------------------------------------------------------------
``### article: <slug> layout=<web|lines>[ clean=1]`` starts an article; after it comes one gold
sentence per line, exactly as its characters stand in the raw text, and a blank line between
paragraphs. ``clean=1`` marks an article in which every sentence ends in sentence-final
punctuation (no headlines). A sentence inside a quotation is a sentence of its own, as news
split sentence by sentence has it (``گوتی: "… دەگەڕێتەوە.`` / ``ئێمە … دەدەین."``).

The raw text of an article is rebuilt deterministically:

* sentences of a paragraph are joined by one space;
* ``layout=web`` (one line, like scraped news): the separator after paragraph ``i`` (0-based) is
  three spaces when ``i % 3 == 1`` and two spaces otherwise;
* ``layout=lines``: the separator after paragraph ``i`` is ``"\\n\\n"`` when ``i % 2 == 1`` and
  ``"\\n"`` otherwise.

A gold boundary is the character offset just after the last non-space character of a sentence;
the last one of each article is trivial and is not scored.

Mapping predicted sentences back to the raw text
------------------------------------------------
kwb's ``segment`` returns offsets, which are used as they are. The other segmenters return
strings, which may have lost, gained or changed whitespace (stripped, ``\\n`` turned into a
space, runs collapsed). Each predicted sentence is reduced to its non-whitespace characters and
looked up in the raw text's non-whitespace characters, starting where the previous predicted
sentence ended: first as an exact match at that position, then as an exact match a little further
on (a segmenter that dropped a few characters), and finally fuzzily (a segmenter that altered
characters, e.g. normalized ك to ک): a same-length stretch at that position with >= 90% of its
characters equal, else a ``difflib`` match on a window that must reach the sentence's last
characters. The sentence's end is the raw offset just after its last non-space character.
Sentences that cannot be placed add no boundary; fuzzy and unaligned counts are printed.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.metadata
import logging
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from segmentation_sets import SETS, GoldText, find_devcorpus

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

LOG = logging.getLogger("segmentation_eval")
DEFAULT_GOLD = REPO_ROOT / "benchmarks" / "data" / "segmentation_gold.txt"
HEADER_RE = re.compile(
    r"^### article: (?P<slug>\S+) layout=(?P<layout>web|lines)(?P<clean> clean=1)?$"
)
NAIVE_RE = re.compile(r"(?<=[.؟?!])\s+")
# How far past the expected position a predicted sentence may start (non-space characters).
RESYNC_WINDOW = 40
# Sets with more articles than this get no per-article table.
MAX_PER_ARTICLE_ROWS = 12


# --------------------------------------------------------------------------------------------
# Gold data
# --------------------------------------------------------------------------------------------


@dataclass
class Article:
    """One gold article: its paragraphs of sentences, rebuilt raw text and gold end offsets."""

    slug: str
    layout: str
    clean: bool
    paragraphs: list[list[str]] = field(default_factory=list)
    raw: str = ""
    gold_ends: list[int] = field(default_factory=list)

    @property
    def n_sentences(self) -> int:
        """Number of gold sentences in the article."""
        return sum(len(p) for p in self.paragraphs)

    def build(self) -> None:
        """Rebuild the raw text and the gold sentence-end offsets from the paragraphs."""
        parts: list[str] = []
        ends: list[int] = []
        pos = 0
        for i, paragraph in enumerate(self.paragraphs):
            if i > 0:
                sep = paragraph_separator(self.layout, i - 1)
                parts.append(sep)
                pos += len(sep)
            for j, sentence in enumerate(paragraph):
                if j > 0:
                    parts.append(" ")
                    pos += 1
                parts.append(sentence)
                pos += len(sentence)
                ends.append(pos)
        self.raw = "".join(parts)
        self.gold_ends = ends

    @property
    def final_end(self) -> int:
        """Offset just after the article's last non-space character (not scored)."""
        return len(self.raw.rstrip())

    def gold_boundaries(self) -> set[int]:
        """Scored gold boundaries: all sentence ends but the article's last."""
        return set(self.gold_ends) - {self.final_end}


def paragraph_separator(layout: str, index: int) -> str:
    """Return the separator placed after paragraph ``index`` (0-based) for ``layout``."""
    if layout == "web":
        return "   " if index % 3 == 1 else "  "
    return "\n\n" if index % 2 == 1 else "\n"


def parse_gold(path: Path) -> list[Article]:
    """Parse the gold file into articles (with raw text and gold offsets built).

    Raises:
        ValueError: on a malformed header, a sentence outside an article, or a sentence line with
            leading or trailing whitespace.
    """
    articles: list[Article] = []
    current: Article | None = None
    new_paragraph = True
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("### article:"):
            match = HEADER_RE.match(line)
            if not match:
                raise ValueError(f"{path}:{lineno}: bad article header: {line!r}")
            current = Article(match["slug"], match["layout"], bool(match["clean"]))
            articles.append(current)
            new_paragraph = True
            continue
        if not line.strip():
            new_paragraph = True
            continue
        if current is None:
            raise ValueError(f"{path}:{lineno}: sentence before the first article header")
        if line != line.strip():
            raise ValueError(f"{path}:{lineno}: sentence has leading or trailing whitespace")
        if new_paragraph:
            current.paragraphs.append([])
            new_paragraph = False
        current.paragraphs[-1].append(line)
    for article in articles:
        article.build()
    return articles


# --------------------------------------------------------------------------------------------
# Alignment of predicted sentences
# --------------------------------------------------------------------------------------------


@dataclass
class Skeleton:
    """The non-whitespace characters of a text, with their offsets in that text."""

    chars: str
    offsets: list[int]

    @classmethod
    def of(cls, text: str) -> Skeleton:
        """Build the skeleton of ``text``."""
        offsets = [i for i, ch in enumerate(text) if not ch.isspace()]
        return cls("".join(text[i] for i in offsets), offsets)


@dataclass
class Prediction:
    """Predicted sentence ends (raw offsets) for one article, with alignment statistics."""

    ends: list[int]
    fuzzy: int = 0
    unaligned: int = 0


def align_sentences(raw: str, sentences: Sequence[str]) -> Prediction:
    """Map predicted sentence strings onto ``raw`` and return their end offsets.

    See the module docstring for the method.
    """
    skel = Skeleton.of(raw)
    cursor = 0
    pred = Prediction(ends=[])
    for sentence in sentences:
        needle = "".join(ch for ch in sentence if not ch.isspace())
        if not needle:
            continue
        end_idx: int | None = None  # index in skel.chars just after the sentence
        if skel.chars.startswith(needle, cursor):
            end_idx = cursor + len(needle)
        else:
            found = skel.chars.find(needle, cursor, cursor + len(needle) + RESYNC_WINDOW)
            if found >= 0:
                end_idx = found + len(needle)
            else:
                end_idx = _fuzzy_end(needle, skel.chars, cursor)
                if end_idx is not None:
                    pred.fuzzy += 1
        if end_idx is None or end_idx == 0:
            pred.unaligned += 1
            continue
        pred.ends.append(skel.offsets[end_idx - 1] + 1)
        cursor = end_idx
    return pred


def _fuzzy_end(needle: str, haystack: str, cursor: int) -> int | None:
    """End index in ``haystack`` of an altered copy of ``needle`` that starts near ``cursor``.

    First assumes the segmenter substituted characters one for one (e.g. ك for ک), accepting
    the same-length stretch at ``cursor`` if at least 90% of its characters agree; then uses
    ``difflib`` on a window, accepting the match only if it covers the needle's last characters.
    """
    same = haystack[cursor : cursor + len(needle)]
    if len(same) == len(needle):
        agree = sum(a == b for a, b in zip(needle, same, strict=True))
        if agree >= 0.9 * len(needle):
            return cursor + len(needle)
    window = haystack[cursor : cursor + len(needle) + RESYNC_WINDOW]
    matcher = difflib.SequenceMatcher(None, needle, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size > 0]
    if not blocks or sum(b.size for b in blocks) < 0.8 * len(needle):
        return None
    last = blocks[-1]
    if last.a + last.size < len(needle) - 3:
        return None
    return min(len(haystack), cursor + last.b + last.size + (len(needle) - last.a - last.size))


def ends_from_spans(raw: str, spans: Sequence[tuple[int, int]]) -> Prediction:
    """Turn ``(start, end)`` spans into end offsets after the span's last non-space character."""
    ends: list[int] = []
    for start, end in spans:
        stripped = raw[start:end].rstrip()
        if stripped.strip():
            ends.append(start + len(stripped))
    return Prediction(ends=ends)


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


@dataclass
class Counts:
    """Boundary true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Add another count in place."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        """Boundary precision (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Boundary recall (1.0 when there was nothing to find)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(article: Article, pred: Prediction) -> Counts:
    """Score predicted ends against the article's gold boundaries (final end excluded)."""
    gold = article.gold_boundaries()
    predicted = {e for e in pred.ends if e != article.final_end}
    return Counts(tp=len(gold & predicted), fp=len(predicted - gold), fn=len(gold - predicted))


# --------------------------------------------------------------------------------------------
# Segmenters
# --------------------------------------------------------------------------------------------

Predictor = Callable[[str], Prediction]


@dataclass
class Variant:
    """One runnable configuration of a segmenter."""

    label: str
    predict: Predictor


@dataclass
class Family:
    """A segmenter: one or more variants (the best is reported), or the reason it is missing."""

    name: str
    variants: list[Variant] = field(default_factory=list)
    unavailable: str | None = None
    version: str = ""


def _version(dist: str) -> str:
    """Installed version of a distribution, or '?'."""
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _strings(split: Callable[[str], Sequence[str]]) -> Predictor:
    """Wrap a string-returning splitter into a predictor that aligns to the raw text."""

    def predict(text: str) -> Prediction:
        return align_sentences(text, [str(s) for s in split(text)])

    return predict


def _reason(exc: BaseException) -> str:
    """One-line description of an exception."""
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


def load_kwb() -> Family:
    """kwb's own segmenter: ``workbench.text.segmentation.segment``."""
    try:
        from workbench.text.segmentation import segment  # type: ignore[import-not-found]
    except ImportError as exc:
        return Family("kwb", unavailable=_reason(exc))
    except Exception as exc:
        LOG.exception("importing workbench.text.segmentation failed")
        return Family("kwb", unavailable=_reason(exc))

    def predict(text: str) -> Prediction:
        return ends_from_spans(text, [(s.start, s.end) for s in segment(text)])

    return Family("kwb", [Variant("kwb", predict)], version="repo")


def load_pysbd() -> Family:
    """pysbd with the Persian, Arabic and English rule sets (no Kurdish one exists)."""
    try:
        import pysbd
    except ImportError as exc:
        return Family("pysbd", unavailable=_reason(exc))
    variants = []
    for lang in ("fa", "ar", "en"):
        seg = pysbd.Segmenter(language=lang, clean=False)
        variants.append(Variant(f"pysbd[{lang}]", _strings(seg.segment)))
    return Family("pysbd", variants, version=_version("pysbd"))


def load_sentencex() -> Family:
    """sentencex with language ``ckb`` (falls back to ``fa`` if ckb is rejected)."""
    try:
        import sentencex
    except ImportError as exc:
        return Family("sentencex", unavailable=_reason(exc))
    lang = "ckb"
    try:
        list(sentencex.segment(lang, "تاقیکردنەوە. تاقیکردنەوە."))
    except (ValueError, RuntimeError):
        lang = "fa"

    def split(text: str) -> list[str]:
        return list(sentencex.segment(lang, text))

    return Family(
        "sentencex", [Variant(f"sentencex[{lang}]", _strings(split))], version=_version("sentencex")
    )


def load_punkt(train_texts: Sequence[str]) -> list[Family]:
    """NLTK punkt: untrained, trained on the gold raw texts, and trained with Sorani end marks.

    Training on the evaluation texts themselves makes the trained rows optimistic upper bounds
    for punkt; no pretrained punkt model can be downloaded here.
    """
    try:
        from nltk.tokenize.punkt import (
            PunktLanguageVars,
            PunktSentenceTokenizer,
            PunktTrainer,
        )
    except ImportError as exc:
        return [Family("nltk-punkt", unavailable=_reason(exc))]

    class SoraniLanguageVars(PunktLanguageVars):
        """Punkt language variables with the Arabic question mark and the ellipsis as ends."""

        sent_end_chars = (".", "?", "!", "؟", "…")

    version = _version("nltk")
    untrained = PunktSentenceTokenizer()
    untrained_ckb = PunktSentenceTokenizer(lang_vars=SoraniLanguageVars())

    trainer = PunktTrainer()
    ckb_trainer = PunktTrainer(lang_vars=SoraniLanguageVars())
    for text in train_texts:
        trainer.train(text, finalize=False)
        ckb_trainer.train(text, finalize=False)
    trainer.finalize_training()
    ckb_trainer.finalize_training()
    trained = PunktSentenceTokenizer(trainer.get_params())
    ckb_trained = PunktSentenceTokenizer(ckb_trainer.get_params(), lang_vars=SoraniLanguageVars())
    return [
        Family(
            "nltk-punkt untrained",
            [Variant("punkt", _strings(untrained.tokenize))],
            version=version,
        ),
        Family(
            "nltk-punkt +؟…",
            [Variant("punkt-ckb", _strings(untrained_ckb.tokenize))],
            version=version,
        ),
        Family(
            "nltk-punkt trained*",
            [Variant("punkt-trained", _strings(trained.tokenize))],
            version=version,
        ),
        Family(
            "nltk-punkt trained+؟…*",
            [Variant("punkt-trained-ckb", _strings(ckb_trained.tokenize))],
            version=version,
        ),
    ]


def load_sentence_splitter() -> Family:
    """sentence-splitter (Moses heuristics); it has no Kurdish, Persian or Arabic, so English."""
    try:
        from sentence_splitter import SentenceSplitter
    except ImportError as exc:
        return Family("sentence-splitter", unavailable=_reason(exc))
    splitter = SentenceSplitter(language="en")
    return Family(
        "sentence-splitter",
        [Variant("sentence-splitter[en]", _strings(splitter.split))],
        version=_version("sentence-splitter"),
    )


def load_choppa() -> Family:
    """choppa (PyPI ``choppa-srx``): SRX with LanguageTool's rules for Persian and Arabic.

    ``_one`` treats every line break as a paragraph break, ``_two`` only two line breaks.
    """
    try:
        from choppa import DEFAULT_SRX_RULESET, SrxDocument
        from choppa.iterators import AccurateSrxTextIterator
    except ImportError as exc:
        return Family("choppa (SRX)", unavailable=_reason(exc))
    document = SrxDocument(ruleset=DEFAULT_SRX_RULESET)
    variants = []
    for lang in ("fa_one", "ar_one", "fa_two", "ar_two"):

        def split(text: str, lang: str = lang) -> list[str]:
            return list(AccurateSrxTextIterator(document, lang, text))

        variants.append(Variant(f"choppa[{lang}]", _strings(split)))
    return Family("choppa (SRX)", variants, version=_version("choppa-srx"))


def load_klpt() -> Family:
    """KLPT's Sorani (Arabic script) sentence tokenizer."""
    try:
        from klpt.tokenize import Tokenize

        tokenizer = Tokenize("Sorani", "Arabic")
    except (ImportError, OSError, KeyError, ValueError) as exc:
        return Family("klpt", unavailable=_reason(exc))
    return Family(
        "klpt",
        [Variant("klpt[Sorani/Arabic]", _strings(tokenizer.sent_tokenize))],
        version=_version("klpt"),
    )


def load_naive() -> Family:
    """Split after ``. ؟ ? !`` followed by whitespace."""
    return Family("naive regex", [Variant("naive", _strings(NAIVE_RE.split))], version="-")


# --------------------------------------------------------------------------------------------
# Running and reporting
# --------------------------------------------------------------------------------------------


@dataclass
class Result:
    """Scores of one variant over all articles."""

    label: str
    per_article: dict[str, Counts] = field(default_factory=dict)
    predictions: dict[str, Prediction] = field(default_factory=dict)
    error: str | None = None

    def total(self, articles: Sequence[Article], clean_only: bool = False) -> Counts:
        """Micro-averaged counts over ``articles`` (or only the ``clean=1`` ones)."""
        counts = Counts()
        for article in articles:
            if clean_only and not article.clean:
                continue
            counts.add(self.per_article[article.slug])
        return counts


def run_variant(variant: Variant, articles: Sequence[Article]) -> Result:
    """Run one variant on every article; an exception marks the whole variant as failed."""
    result = Result(variant.label)
    for article in articles:
        try:
            pred = variant.predict(article.raw)
        except Exception as exc:
            LOG.exception("%s failed on %s", variant.label, article.slug)
            result.error = f"{article.slug}: {_reason(exc)}"
            return result
        result.predictions[article.slug] = pred
        result.per_article[article.slug] = score(article, pred)
    return result


def best_result(results: Sequence[Result], articles: Sequence[Article]) -> Result:
    """The result with the highest overall F1 among those that ran."""
    ok = [r for r in results if r.error is None]
    if not ok:
        return results[0]
    return max(ok, key=lambda r: r.total(articles).f1)


def print_errors(result: Result, articles: Sequence[Article], context: int = 25) -> None:
    """Print every false positive (+) and false negative (-) boundary with some context."""
    print(f"\nBoundary errors of {result.label} (| marks the offset):")
    for article in articles:
        pred = result.predictions.get(article.slug)
        if pred is None:
            continue
        gold = article.gold_boundaries()
        predicted = {e for e in pred.ends if e != article.final_end}
        errors = [(e, "+") for e in predicted - gold] + [(e, "-") for e in gold - predicted]
        for offset, kind in sorted(errors):
            left = article.raw[max(0, offset - context) : offset].replace("\n", "⏎")
            right = article.raw[offset : offset + context].replace("\n", "⏎")
            print(f"  {kind} {article.slug}@{offset}: …{left}|{right}…")


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold file")
    parser.add_argument(
        "--devcorpus",
        type=Path,
        default=None,
        help="the dev corpus folder (default: ../shared/devcorpus beside the repo, when present)",
    )
    parser.add_argument(
        "--sets",
        default="gold," + ",".join(SETS),
        help="comma-separated sets to run: gold (the --gold file) and the dev-corpus sets "
        f"({', '.join(SETS)})",
    )
    parser.add_argument(
        "--errors",
        metavar="LABEL",
        action="append",
        default=[],
        help="print the boundary errors of a variant (e.g. kwb, naive, 'pysbd[fa]'); repeatable",
    )
    parser.add_argument(
        "--skip",
        metavar="NAME",
        action="append",
        default=[],
        help="do not run a segmenter (e.g. kwb, klpt); repeatable",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    wanted = [name.strip() for name in args.sets.split(",") if name.strip()]
    if "gold" in wanted:
        report(f"Gold: {args.gold}", parse_gold(args.gold), args.skip, args.errors)
    devcorpus = find_devcorpus(args.devcorpus)
    dev_sets = [name for name in wanted if name in SETS]
    if dev_sets and devcorpus is None:
        print("\nDev corpus: not found (give --devcorpus PATH); its sets were not run")
    for name in dev_sets if devcorpus is not None else []:
        articles = [from_gold_text(t) for t in SETS[name](devcorpus)]
        report(f"Dev corpus set '{name}' ({devcorpus})", articles, args.skip, args.errors)
    return 0


def from_gold_text(text: GoldText) -> Article:
    """An evaluation article from a dev-corpus text (raw text and gold ends already built)."""
    article = Article(text.slug, "dev", text.clean)
    article.raw = text.raw
    article.gold_ends = text.ends
    return article


def report(title: str, articles: list[Article], skip: Sequence[str], errors: Sequence[str]) -> None:
    """Run every segmenter on ``articles`` and print the scores (and requested errors)."""
    n_bound = sum(len(a.gold_boundaries()) for a in articles)
    n_clean = sum(1 for a in articles if a.clean)
    print(f"\n{'=' * 82}\n{title}")
    print(
        f"{len(articles)} articles ({n_clean} clean), {sum(len(a.gold_ends) for a in articles)} "
        f"sentences, {n_bound} scored boundaries (article-final ends excluded)"
    )
    families = [
        load_kwb() if "kwb" not in skip else Family("kwb", unavailable="skipped"),
        load_pysbd(),
        load_sentencex(),
        *load_punkt([a.raw for a in articles]),
        load_sentence_splitter(),
        load_choppa(),
        load_klpt(),
        load_naive(),
    ]

    families = [f for f in families if f.name not in skip]

    print("\nSegmenters:")
    rows: list[tuple[Family, Result | None]] = []
    all_results: dict[str, Result] = {}
    for family in families:
        if family.unavailable is not None:
            print(f"  {family.name}: not available ({family.unavailable})")
            rows.append((family, None))
            continue
        results = [run_variant(v, articles) for v in family.variants]
        for r in results:
            all_results[r.label] = r
        best = best_result(results, articles)
        notes = []
        if len(results) > 1:
            notes.append(
                "variants F1: "
                + ", ".join(
                    f"{r.label}={r.total(articles).f1:.3f}"
                    if r.error is None
                    else f"{r.label}=error"
                    for r in results
                )
            )
        for r in results:
            if r.error is not None:
                notes.append(f"{r.label} failed: {r.error}")
            else:
                fuzzy = sum(p.fuzzy for p in r.predictions.values())
                unaligned = sum(p.unaligned for p in r.predictions.values())
                if fuzzy or unaligned:
                    notes.append(f"{r.label}: {fuzzy} fuzzy / {unaligned} unaligned sentences")
        print(f"  {family.name} {family.version}: ok" + (f"; {'; '.join(notes)}" if notes else ""))
        rows.append((family, best))

    print(
        "\n{:<26} {:<24} {:>6} {:>6} {:>6} {:>9}".format(
            "segmenter", "best variant", "P", "R", "F1", "F1 clean"
        )
    )
    print("-" * 82)
    for family, result in rows:
        if result is None:
            print(f"{family.name:<26} not available")
            continue
        if result.error is not None:
            print(f"{family.name:<26} {result.label:<24} error: {result.error}")
            continue
        total = result.total(articles)
        clean = result.total(articles, clean_only=True)
        print(
            f"{family.name:<26} {result.label:<24} {total.precision:6.3f} {total.recall:6.3f} "
            f"{total.f1:6.3f} {clean.f1:9.3f}"
        )

    print("(* = trained on the evaluation texts themselves, so optimistic)")

    ok_rows = [(f, r) for f, r in rows if r is not None and r.error is None]
    if ok_rows and len(articles) <= MAX_PER_ARTICLE_ROWS:
        print("\nPer-article F1 (columns: " + ", ".join(r.label for _, r in ok_rows) + ")")
        header = f"{'article':<30} {'layout':<6} {'sent':>4}"
        for i in range(len(ok_rows)):
            header += f" {'#' + str(i + 1):>6}"
        print(header)
        for article in articles:
            line = f"{article.slug:<30} {article.layout:<6} {len(article.gold_ends):>4}"
            for _, r in ok_rows:
                line += f" {r.per_article[article.slug].f1:6.3f}"
            print(line + ("" if article.clean else "  (headlines)"))
        print("  " + "  ".join(f"#{i + 1}={r.label}" for i, (_, r) in enumerate(ok_rows)))
    if "kwb" in skip:
        print("\nkwb: skipped (--skip kwb)")
    elif "kwb" not in all_results:
        print("\nkwb: not available")

    for label in errors:
        if label in all_results:
            print_errors(all_results[label], articles)
        else:
            print(f"\n--errors {label}: no such variant (have: {', '.join(all_results)})")


if __name__ == "__main__":
    sys.exit(main())
