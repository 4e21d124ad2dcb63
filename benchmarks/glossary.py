"""Term matching throughput with a synthetic 10,000-term glossary over ≥ 10 MB of Sorani.

The glossary is shaped like a desk's: the curated glossary (made for the seeds' domain, so
it hits often), and Sorani-like invented words and phrases (syllables of Sorani letters),
so the automaton sees real hits, near-misses and a large, branching trie. `--real-words N`
adds N more seed words (and N/2 seed phrases) as a denser stress case.
Prints characters per second of `Matcher.find` on the whole text, and the ratio against a
naive baseline (one compiled regex per term, each scanning the text) measured in the same
run on a slice; and build and find time without the terms' spelling variants, in the same
run, with the ratios. Run: python benchmarks/glossary.py [--megabytes N] [--terms N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import re
import time
from itertools import pairwise

from corpus import REPO, seed_sentences, shuffled_corpus

from workbench import __version__
from workbench.terms.glossary import load_glossary, stopwords
from workbench.terms.matcher import Hit, Matcher
from workbench.terms.model import Entry
from workbench.text import canonical_text, tokenize

DAY = dt.date(2026, 1, 1)


CONSONANTS = "بپتجچحخدرڕزژسشعغفڤقکگلڵمنهوی"
VOWELS = ["ا", "ە", "ۆ", "ێ", "ی", "وو", ""]


def invented_word(rng: random.Random) -> str:
    """A Sorani-looking word of two or three syllables that the seeds mostly don't contain."""
    syllables = [
        rng.choice(CONSONANTS) + rng.choice(VOWELS) + rng.choice(["", rng.choice(CONSONANTS)])
        for _ in range(rng.randint(2, 3))
    ]
    return "".join(syllables)


def synthetic_terms(count: int, real_words: int = 0, seed: int = 11) -> list[str]:
    """`count` distinct Sorani-like terms, shaped like a desk glossary: the curated
    glossary's real terms (made for the seeds' domain), optionally `real_words` more seed
    words and half as many seed ezafe phrases (a denser stress case), and the rest invented
    single words and two- or three-word ezafe phrases."""
    rng = random.Random(seed)
    words = sorted(
        {t.text for s in seed_sentences() for t in tokenize(canonical_text(s)) if t.kind == "word"}
    )
    words = [w for w in words if len(w) >= 4]
    phrases = set()
    for s in seed_sentences():
        toks = [t.text for t in tokenize(canonical_text(s)) if t.kind == "word"]
        phrases.update(f"{a} {b}" for a, b in pairwise(toks) if a.endswith("ی"))
    terms = {e.source for e in load_glossary(REPO / "glossary").entries}
    terms.update(rng.sample(words, min(len(words), real_words)))
    terms.update(rng.sample(sorted(phrases), min(len(phrases), real_words // 2)))
    while len(terms) < count:
        kind = rng.random()
        if kind < 0.5:
            terms.add(invented_word(rng))
        elif kind < 0.85:
            terms.add(f"{invented_word(rng)}ی {invented_word(rng)}")
        else:
            terms.add(f"{invented_word(rng)}ی {invented_word(rng)}ی {invented_word(rng)}")
    return sorted(terms)[:count]


def entries(terms: list[str]) -> list[Entry]:
    return [
        Entry(
            id=f"t{i}",
            source=term,
            target=f"term {i}",
            status="approved",
            proposed_by="bench",
            proposed_on=DAY,
            reviewed_by="bench",
            reviewed_on=DAY,
        )
        for i, term in enumerate(terms)
    ]


def naive(terms: list[str], text: str) -> int:
    """One regex per term (term words, any suffix letters), each scanning the text."""
    found = 0
    for term in terms:
        pattern = re.compile(r"(?<!\w)" + r"\w*\s+".join(map(re.escape, term.split())) + r"\w*")
        found += sum(1 for _ in pattern.finditer(text))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    parser.add_argument("--slice", type=int, default=200_000, help="characters for the baseline")
    parser.add_argument(
        "--real-words", type=int, default=0, help="extra real seed words (denser hits)"
    )
    args = parser.parse_args()

    terms = synthetic_terms(args.terms, args.real_words)
    text = shuffled_corpus(int(args.megabytes * 1_000_000))
    print(f"kwb {__version__} glossary benchmark")
    print(f"glossary: {len(terms):,} terms ({sum(' ' in t for t in terms):,} multi-word)")
    print(f"text: {len(text):,} characters shuffled from the seeds\n")

    glossary = entries(terms)
    build, plain_build = float("inf"), float("inf")
    for _ in range(args.repeat):  # alternating, the best of each: the machine may be shared
        build = min(build, build_time(glossary, respell=True))
        plain_build = min(plain_build, build_time(glossary, respell=False))
    seconds, hits = find_time(Matcher(glossary, stopwords()), text, args.repeat)
    plain = Matcher(glossary, stopwords(), respell=False)
    plain_seconds, plain_hits = find_time(plain, text, args.repeat)
    rate = len(text) / seconds

    piece = text[: args.slice]
    start = time.perf_counter()
    naive(terms, piece)
    naive_rate = len(piece) / (time.perf_counter() - start)

    print(f"{'':<34}{'M chars/s':>10}{'seconds':>10}")
    print(f"{'build automaton':<34}{'':>10}{build:>10.2f}")
    print(f"{'kwb Matcher.find (whole text)':<34}{rate / 1e6:>10.2f}{seconds:>10.2f}")
    print(f"{'build, no spelling variants':<34}{'':>10}{plain_build:>10.2f}")
    plain_label = "find, no spelling variants"
    print(f"{plain_label:<34}{len(text) / plain_seconds / 1e6:>10.2f}{plain_seconds:>10.2f}")
    slice_label = f"naive regex per term ({len(piece):,} chars)"
    print(f"{slice_label:<34}{naive_rate / 1e6:>10.4f}{len(piece) / naive_rate:>10.2f}")
    words = len(text.split())
    print(f"\nhits: {len(hits):,} (one every {words / max(len(hits), 1):.1f} words)")
    print(f"speed-up over naive: {rate / naive_rate:,.0f}×")
    print(
        f"spelling variants: find at {plain_seconds / seconds:.2f}× the speed without them,"
        f" build {build / plain_build:.1f}× the time; {len(hits) - len(plain_hits):,} hits more"
    )


def build_time(glossary: list[Entry], *, respell: bool) -> float:
    """Seconds to compile `glossary`, with or without the terms' spelling variants."""
    gc.collect()
    start = time.perf_counter()
    Matcher(glossary, stopwords(), respell=respell)
    return time.perf_counter() - start


def find_time(matcher: Matcher, text: str, repeat: int) -> tuple[float, list[Hit]]:
    """The best of `repeat` times of `matcher.find` over `text`, and the hits."""
    seconds = float("inf")
    hits: list[Hit] = []
    for _ in range(repeat):
        start = time.perf_counter()
        hits = matcher.find(text)
        seconds = min(seconds, time.perf_counter() - start)
    return seconds, hits


if __name__ == "__main__":
    main()
