"""Sentence-alignment benchmark: kwb's aligner against a length-only Gale–Church baseline.

Usage (from the repo root)::

    python benchmarks/align.py [--sentences N] [--seed S]    # synthetic article pair
    python benchmarks/align.py --gold [PATH]                 # written news articles with gold

Synthetic: a long Sorani article and its English built from the reviewed demo translations
(translations/*.po), the pairs in repeated random permutations, with planted events whose
gold beads are known: deletions (a Sorani sentence without English, 1–0), insertions (an
English sentence from benchmarks/data/align_insertions.txt, 0–1), merges (two English
translations joined by a semicolon into one sentence, 2–1) and splits (one English
translation cut into two sentences at a comma near its middle, 1–2). Paragraphs of 2–6
sentences, one a line.

Gold (``benchmarks/data/align_gold.jsonl``): one JSON object a line, ``{"id", "ckb", "en",
"gold": [{"ckb": [segment ids], "en": [English sentence numbers]}, …]}`` — three Sorani news
articles written for kwb (in neither the tests nor the seeds) with faithful English in
which some sentences are split or merged, and one is added and one dropped.

Both systems use the same sentence splitters and the same band around the diagonal; the
baseline is Gale & Church (1993): cost −log P(bead) − log 2(1 − Φ(|δ|)), with c and s²
estimated on the demo corpus. Scores: beads (a predicted bead is right when the gold has
exactly the same Sorani and English sentences, 1–0 and 0–1 beads included) and links (the
Sorani–English sentence pairs implied by the paired beads), as precision / recall / F1.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import polib  # noqa: E402

from workbench import __version__  # noqa: E402
from workbench.align import align_texts, split_sentences  # noqa: E402
from workbench.align.aligner import band  # noqa: E402
from workbench.align.scoring import LengthModel, estimate_length_model  # noqa: E402
from workbench.terms.glossary import load_glossary, stopwords  # noqa: E402
from workbench.terms.matcher import Matcher  # noqa: E402
from workbench.text import segment  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from align_sets import find_devcorpus  # noqa: E402

DATA = REPO_ROOT / "benchmarks" / "data"
DEFAULT_GOLD = DATA / "align_gold.jsonl"
STARTERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "it", "he", "she"})

GoldBead = tuple[tuple[str, ...], tuple[int, ...]]
GALE_CHURCH_PRIORS = {(1, 1): 0.89, (1, 0): 0.005, (0, 1): 0.005, (2, 1): 0.05, (1, 2): 0.05}
"""The baseline's bead priors: Gale & Church (1993), their 2–2 share given to 2–1 and 1–2."""


@dataclass
class Case:
    """A Sorani text, its English, and the gold beads (segment ids, sentence numbers)."""

    name: str
    ckb: str
    en: str
    gold: list[GoldBead]


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


def demo_pairs() -> list[tuple[str, str]]:
    """The demo corpus: (canonical Sorani, English) of every translated PO entry."""
    return [
        (e.msgid, e.msgstr)
        for path in sorted((REPO_ROOT / "translations").glob("*.po"))
        for e in polib.pofile(str(path))
        if e.msgstr.strip() and not e.obsolete
    ]


def _insertions() -> list[str]:
    lines = (DATA / "align_insertions.txt").read_text("utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def _split_english(sentence: str) -> tuple[str, str] | None:
    """Cut an English sentence at the comma nearest its middle into two sentences (not one
    with a quotation: a cut inside it would not end a sentence)."""
    if any(q in sentence for q in '"“”'):
        return None
    middle = len(sentence) // 2
    commas = [i for i, ch in enumerate(sentence) if ch == "," and 30 <= i <= len(sentence) - 30]
    if not commas:
        return None
    cut = min(commas, key=lambda i: abs(i - middle))
    rest = sentence[cut + 1 :].strip()
    if not rest[:1].isalpha():
        return None
    return sentence[:cut] + ".", rest[0].upper() + rest[1:]


def _merge_english(first: str, second: str) -> str:
    """Two English sentences as one, joined by a semicolon."""
    head = first.rstrip()
    if head.endswith("."):
        head = head[:-1]
    word = second.split(" ", 1)[0]
    if word.lower() in STARTERS:
        second = second[0].lower() + second[1:]
    return f"{head}; {second}"


def synthetic(sentences: int, seed: int, rate: float = 0.05) -> Case:
    """A Sorani–English article pair of `sentences` Sorani sentences with planted events."""
    rng = random.Random(seed)
    pool = demo_pairs()
    stream: list[tuple[str, str]] = []
    while len(stream) < sentences:
        order = pool[:]
        rng.shuffle(order)
        stream.extend(order)
    stream = stream[:sentences]
    fillers = _insertions()
    # Beads as (ckb sentences, en sentences); events planted with probability `rate` each.
    beads: list[tuple[list[str], list[str]]] = []
    i = 0
    while i < len(stream):
        ckb, en = stream[i]
        roll = rng.random()
        if roll < rate and i + 1 < len(stream):
            beads.append(([ckb, stream[i + 1][0]], [_merge_english(en, stream[i + 1][1])]))
            i += 2
            continue
        if roll < 2 * rate and (halves := _split_english(en)) is not None:
            beads.append(([ckb], list(halves)))
        elif roll < 3 * rate:
            beads.append(([ckb], []))
        else:
            beads.append(([ckb], [en]))
        if rate * 3 <= roll < rate * 4:
            beads.append(([], [rng.choice(fillers)]))
        i += 1
    return _case(f"synthetic ({sentences} Sorani sentences, seed {seed})", beads, rng)


def _case(name: str, beads: list[tuple[list[str], list[str]]], rng: random.Random) -> Case:
    """Lay the beads out as two texts in the same paragraphs and read the gold ids back: a
    bead holds the sentences the splitters find inside its stretch of each text (a demo
    translation the Sorani segmenter cuts in two and the English splitter not makes a 2–1
    bead; cut in two on both sides, two 1–1 beads)."""
    texts: list[list[str]] = [[], []]
    spans: list[list[tuple[int, int]]] = [[], []]
    left = rng.randint(2, 6)
    starts = [True, True]
    for bead in beads:
        if left == 0:
            starts = [True, True]
            left = rng.randint(2, 6)
        left -= 1
        for side in (0, 1):
            parts = texts[side]
            begin = sum(map(len, parts))
            for sentence in bead[side]:
                if parts and not starts[side]:
                    parts.append(" ")
                elif parts:
                    parts.append("\n")
                starts[side] = False
                parts.append(sentence)
            spans[side].append((begin, sum(map(len, parts))))
    ckb_text, en_text = "".join(texts[0]) + "\n", "".join(texts[1]) + "\n"
    segments = segment(ckb_text)
    sentences = split_sentences(en_text)
    gold: list[GoldBead] = []
    for (c0, c1), (e0, e1) in zip(spans[0], spans[1], strict=True):
        ids = tuple(s.id for s in segments if c0 <= s.start < c1)
        numbers = tuple(s.number for s in sentences if e0 <= s.start < e1)
        if any(s.end > c1 for s in segments if c0 <= s.start < c1) or any(
            s.end > e1 for s in sentences if e0 <= s.start < e1
        ):
            raise SystemExit("a splitter ran a sentence across two planted beads")
        if len(ids) == len(numbers) or not (ids and numbers):
            # One translation the splitters cut alike on both sides: its sentences pair in
            # order; an added or dropped one: each of its sentences on its own.
            gold.extend(zip(((i,) for i in ids), ((n,) for n in numbers), strict=False))
            gold.extend(((i,), ()) for i in ids[len(numbers) :])
            gold.extend(((), (n,)) for n in numbers[len(ids) :])
        else:
            gold.append((ids, numbers))
    return Case(name, ckb_text, en_text, gold)


def gold_cases(path: Path) -> list[Case]:
    """The written articles with their gold alignments."""
    cases = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        gold = [(tuple(b["ckb"]), tuple(b["en"])) for b in row["gold"]]
        cases.append(Case(row["id"], row["ckb"], row["en"], gold))
    return cases


# --------------------------------------------------------------------------------------------
# Systems
# --------------------------------------------------------------------------------------------


def kwb_system(matcher: Matcher) -> Callable[[str, str], list[GoldBead]]:
    """kwb's aligner with the project glossary."""

    def run(ckb: str, en: str) -> list[GoldBead]:
        alignment = align_texts(ckb, en, matcher)
        return [
            (tuple(alignment.ckb_ids(b)), tuple(alignment.en_numbers(b))) for b in alignment.beads
        ]

    return run


def _tail(delta: float) -> float:
    """2(1 − Φ(|δ|)), floored so its log stays finite."""
    return max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)


def gale_church_system(model: LengthModel) -> Callable[[str, str], list[GoldBead]]:
    """Length-only Gale–Church (1993) over the same sentences and band as kwb."""

    def cost(l1: int, l2: int) -> float:
        if l1 == 0 and l2 == 0:
            return 0.0
        mean = (l1 + l2 / model.ratio) / 2
        delta = (l2 - model.ratio * l1) / math.sqrt(max(mean, 1e-9) * model.variance)
        return -math.log(_tail(delta))

    def run(ckb: str, en: str) -> list[GoldBead]:
        segments = segment(ckb)
        sentences = split_sentences(en)
        la = [len(s.text) for s in segments]
        lb = [len(s.text) for s in sentences]
        n, m = len(la), len(lb)
        rows = band(n, m)
        moves = [(a, b, -math.log(p)) for (a, b), p in GALE_CHURCH_PRIORS.items()]
        best: dict[tuple[int, int], tuple[float, int, int]] = {(0, 0): (0.0, 0, 0)}
        for i in range(n + 1):
            lo, hi = rows[i]
            for j in range(lo, hi + 1):
                if i == 0 and j == 0:
                    continue
                top: tuple[float, int, int] | None = None
                for a, b, prior in moves:
                    before = best.get((i - a, j - b))
                    if before is None:
                        continue
                    total = before[0] + prior + cost(sum(la[i - a : i]), sum(lb[j - b : j]))
                    if top is None or total < top[0]:
                        top = (total, a, b)
                if top is not None:
                    best[(i, j)] = top
        beads: list[GoldBead] = []
        i, j = n, m
        while i > 0 or j > 0:
            _, a, b = best[(i, j)]
            beads.append(
                (
                    tuple(s.id for s in segments[i - a : i]),
                    tuple(s.number for s in sentences[j - b : j]),
                )
            )
            i, j = i - a, j - b
        beads.reverse()
        return beads

    return run


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


@dataclass
class Counts:
    """Right, predicted and gold counts of one unit (beads or links)."""

    right: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: set[object], gold: set[object]) -> None:
        self.right += len(predicted & gold)
        self.predicted += len(predicted)
        self.gold += len(gold)

    def prf(self) -> tuple[float, float, float]:
        p = self.right / self.predicted if self.predicted else 0.0
        r = self.right / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def links(beads: list[GoldBead]) -> set[object]:
    """Sorani–English sentence pairs implied by the paired beads."""
    return {(c, e) for ckb, en in beads for c in ckb for e in en}


def evaluate(
    name: str, system: Callable[[str, str], list[GoldBead]], cases: list[Case]
) -> tuple[Counts, Counts, float]:
    """Bead and link counts over `cases`, and the seconds the system took."""
    beads, pairs = Counts(), Counts()
    seconds = 0.0
    for case in cases:
        start = time.perf_counter()
        predicted = system(case.ckb, case.en)
        seconds += time.perf_counter() - start
        beads.add(set(predicted), set(case.gold))
        pairs.add(links(predicted), links(case.gold))
    return beads, pairs, seconds


def report(cases: list[Case], matcher: Matcher, model: LengthModel) -> None:
    """Print the table of both systems on `cases`."""
    systems = [
        ("kwb (length + anchors)", kwb_system(matcher)),
        ("Gale–Church (length only)", gale_church_system(model)),
    ]
    header = (
        f"{'system':28} {'seconds':>8} {'bead P':>7} {'bead R':>7} {'bead F1':>7}"
        f" {'link P':>7} {'link R':>7} {'link F1':>7}"
    )
    print(header)
    print("-" * len(header))
    for name, system in systems:
        beads, pairs, seconds = evaluate(name, system, cases)
        bp, br, bf = beads.prf()
        lp, lr, lf = pairs.prf()
        print(
            f"{name:28} {seconds:8.3f} {bp:7.3f} {br:7.3f} {bf:7.3f} {lp:7.3f} {lr:7.3f} {lf:7.3f}"
        )


def describe(case: Case) -> str:
    kinds: dict[str, int] = {}
    for ckb, en in case.gold:
        kind = f"{len(ckb)}–{len(en)}"
        kinds[kind] = kinds.get(kind, 0) + 1
    parts = ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items()))
    sentences = sum(len(c) for c, _ in case.gold), sum(len(e) for _, e in case.gold)
    return f"{case.name}: {sentences[0]} Sorani, {sentences[1]} English sentences; beads {parts}"


def throughput(case: Case, matcher: Matcher, model: LengthModel, repeats: int = 5) -> None:
    """Sentences aligned per second (Sorani and English together, best of `repeats` runs),
    kwb against the length-only baseline on the same text."""
    sentences = sum(len(c) + len(e) for c, e in case.gold)
    best: list[float] = []
    for system in (kwb_system(matcher), gale_church_system(model)):
        seconds = []
        for _ in range(repeats):
            start = time.perf_counter()
            system(case.ckb, case.en)
            seconds.append(time.perf_counter() - start)
        best.append(sentences / min(seconds))
    print(
        f"throughput: kwb {best[0]:,.0f} sentences/s, Gale–Church (length only)"
        f" {best[1]:,.0f} sentences/s: kwb at {best[0] / best[1]:.2f}× the baseline's speed"
    )


def contract(root: Path, matcher: Matcher, seed: int) -> None:
    """The alignment contract on the development corpus: kwb against punkt + Gale–Church."""
    from align_contract import Peer, kwb_contract
    from align_contract import report as contract_report
    from align_sets import (
        adversarial_articles,
        cordi_articles,
        flores_lines,
        flores_long,
        flores_windows,
    )

    lines = flores_lines(root)
    sets = [
        ("FLORES 4 lines", flores_windows(root, lines, False, seed)),
        ("FLORES 4 lines + headline", flores_windows(root, lines, True, seed)),
        ("FLORES 8–20 lines", flores_long(lines, False, seed)),
        ("FLORES 8–20 lines + headline", flores_long(lines, True, seed)),
        ("CORDI dialogue, 10 lines", cordi_articles(root)),
    ]
    adversarial = adversarial_articles(lines, _insertions(), seed)
    sets += [(f"adversarial: {kind}", pairs) for kind, pairs in adversarial.items()]
    texts = [pair for _, pairs in sets for pair in pairs]
    peer = Peer([p.ckb for p in texts], [p.en for p in texts])
    print(
        f"\nThe alignment contract on {root}: one line per side, a pair counts when its"
        " ckb_text and en_text are exact substrings covering the same gold sentences"
        " (benchmarks/align_contract.py). kwb as `kwb align --json` outside a project"
        " (the curated glossary); the peer: NLTK punkt trained on these texts (Sorani with ؟ …)"
        " + nltk.translate.gale_church.\n"
    )
    contract_report(sets, [("kwb align --json", kwb_contract(matcher)), ("punkt + G–C", peer)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=500, help="Sorani sentences (synthetic)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--gold",
        nargs="?",
        const=DEFAULT_GOLD,
        type=Path,
        help="score on the written articles with gold alignments instead",
    )
    parser.add_argument(
        "--devcorpus",
        type=Path,
        help="the development corpus (default: ../shared/devcorpus beside the repository)",
    )
    args = parser.parse_args()
    start = time.perf_counter()
    matcher = Matcher(load_glossary(REPO_ROOT / "glossary").active(), stopwords())
    build = time.perf_counter() - start
    estimated = estimate_length_model(demo_pairs())
    model = LengthModel()
    print(
        f"kwb {__version__} align benchmark | length model c={model.ratio} s²={model.variance}"
        f" spread={model.random_spread} (demo corpus estimate: c={estimated.ratio:.3f}"
        f" s²={estimated.variance:.3f} spread={estimated.random_spread:.3f})"
        f" | glossary {len(matcher.entries)} terms, matcher built in {build:.2f} s"
    )
    cases = gold_cases(args.gold) if args.gold else [synthetic(args.sentences, args.seed)]
    for case in cases:
        print(describe(case))
    print()
    report(cases, matcher, model)
    if args.gold:
        return
    throughput(cases[0], matcher, model)
    root = args.devcorpus or find_devcorpus(REPO_ROOT)
    if root is None:
        print("\n(no development corpus found beside the repository: give --devcorpus PATH)")
        return
    if not (root / "flores200-devtest").is_dir():
        raise SystemExit(f"{root}: not the development corpus (no flores200-devtest folder)")
    contract(root, matcher, args.seed)


if __name__ == "__main__":
    main()
