"""Sentence-boundary evaluation sets built from real Sorani text in the dev corpus.

The dev corpus (``../shared/devcorpus`` beside the repository, or ``--devcorpus PATH``; see its
SOURCES.md) holds FLORES-200 devtest lines 1–506 — professional translations of English news and
wiki text, one segment a line — and KLPT's sentence-splitting cases. Every set below is built
deterministically from them:

``flores``
    Articles of ten consecutive lines, paragraphs of one to four lines joined by single spaces,
    a blank line between paragraphs (articles written one per paragraph block). A line is one
    gold sentence, except where it holds more than one: the 48 lines the corpus flags
    (``segments_with_internal_sentence_break``) are split at every ``. ؟ ! …`` cluster (with
    its closing quotes) that a space follows — checked by hand against the flags, with two
    exceptions read from the text: line 29 begins with a stray ". ", and line 247's
    ``ن. وەین`` is an initial. Quotations are split like any text: "لونا … بووە. یەکەم …"
    is two sentences, as the English reference and every common segmenter have it.
``flores-house``
    The same articles in another house style: ASCII digits, straight quotes only, paragraphs
    separated by two or three spaces on one line (scraped web text), and a headline — the first
    words of the article, without punctuation — run into the body after two spaces.
``flores-quotes``
    The same articles with the quotation marks wire copy and hand-typed news really have: the
    closing or the opening mark of a quotation dropped, a quotation opened at the start of a
    sentence and never closed, ``"`` typed as an inch mark after a number, and a closing quote
    typed after a space (``نییە. "``). The gold is unchanged: quote marks move no boundary.
``klpt``
    KLPT's five Sorani sentence-splitting cases with their author's gold.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEVCORPUS = REPO_ROOT.parent / "shared" / "devcorpus"
FLORES_CKB = "flores200-devtest/ckb_Arab.devtest.lines0001-0506.txt"
FLORES_PARAGRAPHS = "flores200-devtest/flores200_devtest_pseudoparagraphs.jsonl"
KLPT_CASES = "klpt-sent-tokenize/klpt_sent_tokenize_ckb.jsonl"

# A sentence end inside a FLORES line: a terminator cluster, its closing quotes, then a space.
INTERNAL_END = re.compile(r"[.!?؟…]+[\"”»’)\]]*(?=\s)")
# Line number → why its candidate internal end is no sentence end.
NOT_AN_END = {29: "the line begins with a stray '. '", 247: "ن. is an initial (N. Wayne Hale)"}
ARTICLE_LINES = 10
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
STRAIGHT_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"'})
FINAL = re.compile(r"[.!?؟…][\"”»’)\]]*$")
DIGIT_WORD = re.compile(r"(?<=\s)[0-9٠-٩]+(?=\s)")


@dataclass
class GoldText:
    """One evaluation article: its raw text and the offsets where its gold sentences end."""

    slug: str
    raw: str
    ends: list[int]
    clean: bool


def find_devcorpus(path: Path | None) -> Path | None:
    """The dev corpus folder: `path` if given, else the default beside the repo when present."""
    candidate = path or DEFAULT_DEVCORPUS
    return candidate if (candidate / FLORES_CKB).is_file() else None


def flores_sentences(devcorpus: Path) -> list[list[str]]:
    """FLORES lines 1–506, each as its gold sentences (usually one)."""
    lines = (devcorpus / FLORES_CKB).read_text(encoding="utf-8").splitlines()
    flagged: set[int] = set()
    for record in _jsonl(devcorpus / FLORES_PARAGRAPHS):
        first = record["lines"][0]
        flagged.update(first + k for k in record["segments_with_internal_sentence_break"])
    result: list[list[str]] = []
    for number, line in enumerate(lines, 1):
        cuts = [m.end() for m in INTERNAL_END.finditer(line)]
        if bool(cuts) != (number in flagged):
            raise ValueError(f"FLORES line {number}: internal ends {cuts} disagree with the flags")
        if number in NOT_AN_END:
            cuts = []
        pieces, start = [], 0
        for cut in cuts:
            pieces.append(line[start:cut].strip())
            start = cut
        pieces.append(line[start:].strip())
        result.append([p for p in pieces if p])
    return result


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _articles(devcorpus: Path) -> list[tuple[str, list[list[list[str]]]]]:
    """(slug, paragraphs of lines of sentences) for consecutive windows of FLORES lines."""
    lines = flores_sentences(devcorpus)
    rng = random.Random(17)
    articles = []
    for start in range(0, len(lines) - ARTICLE_LINES + 1, ARTICLE_LINES):
        window = lines[start : start + ARTICLE_LINES]
        paragraphs: list[list[list[str]]] = []
        k = 0
        while k < len(window):
            size = rng.randint(1, 4)
            paragraphs.append(window[k : k + size])
            k += size
        articles.append((f"flores-{start + 1:03d}", paragraphs))
    return articles


def _assemble(slug: str, pieces: list[tuple[str, str]], clean: bool) -> GoldText:
    """Join (sentence, separator after it) pieces; the gold ends are the sentences' ends."""
    raw, ends, pos = [], [], 0
    for sentence, separator in pieces:
        raw.append(sentence)
        pos += len(sentence)
        ends.append(pos)
        raw.append(separator)
        pos += len(separator)
    return GoldText(slug, "".join(raw).rstrip(), ends, clean)


def _blocks(slug: str, paragraphs: list[list[str]]) -> GoldText:
    pieces = []
    for p, paragraph in enumerate(paragraphs):
        for s, sentence in enumerate(paragraph):
            last = s == len(paragraph) - 1
            pieces.append((sentence, "\n\n" if last and p < len(paragraphs) - 1 else " "))
    clean = all(FINAL.search(s) for paragraph in paragraphs for s in paragraph)
    return _assemble(slug, pieces, clean)


def flores_set(devcorpus: Path) -> list[GoldText]:
    """The ``flores`` set: paragraphs as blocks separated by blank lines."""
    return [
        _blocks(slug, [[s for line in p for s in line] for p in paragraphs])
        for slug, paragraphs in _articles(devcorpus)
    ]


def house_style_set(devcorpus: Path) -> list[GoldText]:
    """The ``flores-house`` set: ASCII digits, straight quotes, web layout, headline run in."""
    texts = []
    for slug, paragraphs in _articles(devcorpus):
        flat = [
            [s.translate(ARABIC_DIGITS).translate(STRAIGHT_QUOTES) for line in p for s in line]
            for p in paragraphs
        ]
        words = flat[0][0].split()
        stripped = [w.strip('.,،:؛"()') for w in words[: max(3, min(9, len(words) // 2))]]
        headline = " ".join(w for w in stripped if w)
        pieces = [(headline, "  ")]
        for p, paragraph in enumerate(flat):
            for s, sentence in enumerate(paragraph):
                last = s == len(paragraph) - 1
                gap = ("   " if p % 3 == 1 else "  ") if last else " "
                pieces.append((sentence, gap))
        texts.append(_assemble(f"{slug}-house", pieces, False))
    return texts


def _roughen_quotes(sentence: str, rng: random.Random) -> str:
    """One sentence with its quotation marks as careless typing leaves them."""
    marks = [m.start() for m in re.finditer('"', sentence)]
    if len(marks) >= 2 and rng.random() < 0.6:
        drop = marks[1] if rng.random() < 0.5 else marks[0]  # the closing or the opening mark
        sentence = sentence[:drop] + sentence[drop + 1 :]
    elif not marks and rng.random() < 0.15:
        sentence = '"' + sentence  # a quotation opened and never closed
    number = DIGIT_WORD.search(sentence)
    if number is not None and rng.random() < 0.3:
        sentence = sentence[: number.end()] + '"' + sentence[number.end() :]  # an inch mark
    if sentence.endswith('."') and rng.random() < 0.5:
        sentence = sentence[:-1] + ' "'  # the closing quote after a space
    return sentence


def quotes_set(devcorpus: Path) -> list[GoldText]:
    """The ``flores-quotes`` set: unbalanced quotes, stray and inch marks, spaced closers."""
    rng = random.Random(29)
    texts = []
    for slug, paragraphs in _articles(devcorpus):
        rough = [[_roughen_quotes(s, rng) for line in p for s in line] for p in paragraphs]
        text = _blocks(f"{slug}-quotes", rough)
        texts.append(text)
    return texts


def klpt_set(devcorpus: Path) -> list[GoldText]:
    """The ``klpt`` set: KLPT's cases, gold sentences located in order in the raw text."""
    texts = []
    for record in _jsonl(devcorpus / KLPT_CASES):
        raw = str(record["text"])
        ends, pos = [], 0
        for sentence in record["sentences"]:  # type: ignore[union-attr]
            start = raw.index(sentence, pos)
            pos = start + len(sentence)
            ends.append(len(raw[:pos].rstrip()))
        texts.append(GoldText(str(record["id"]), raw, ends, False))
    return texts


SETS = {
    "flores": flores_set,
    "flores-house": house_style_set,
    "flores-quotes": quotes_set,
    "klpt": klpt_set,
}
