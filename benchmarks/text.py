"""Throughput of the Sorani text core on a ~20 MB corpus shuffled from the seeds.

Prints characters per second for normalize, segment, normalize+segment and tokenize, and
the ratio against a naive `re.split` sentence splitter measured in the same run.
Run: python benchmarks/text.py [--megabytes N]
"""

from __future__ import annotations

import argparse
import platform
import re
import time
from collections.abc import Callable
from typing import Any

from corpus import shuffled_corpus

from workbench import __version__
from workbench.text import canonical, matching_key, segment, tokenize

NAIVE = re.compile(r"(?<=[.؟?!])\s+")


def timed(fn: Callable[[str], Any], text: str, repeat: int = 3) -> float:
    """Best wall time of `repeat` runs of fn(text)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=20.0)
    args = parser.parse_args()
    text = shuffled_corpus(int(args.megabytes * 1_000_000))
    n = len(text)
    print(f"kwb {__version__} text benchmark · Python {platform.python_version()}")
    print(f"corpus: {n:,} characters shuffled from the seeds' sentences\n")

    baseline = timed(NAIVE.split, text)
    cases: list[tuple[str, Callable[[str], Any]]] = [
        ("naive re.split (baseline)", NAIVE.split),
        ("normalize (canonical)", canonical),
        ("normalize (matching key)", matching_key),
        ("segment", segment),
        ("normalize + segment", lambda t: segment(canonical(t).text)),
        ("tokenize", tokenize),
    ]
    print(f"{'step':<28}{'M chars/s':>12}{'seconds':>10}{'vs naive':>10}")
    for name, fn in cases:
        seconds = baseline if name.startswith("naive") else timed(fn, text)
        print(f"{name:<28}{n / seconds / 1e6:>12.1f}{seconds:>10.3f}{baseline / seconds:>9.2f}×")


if __name__ == "__main__":
    main()
