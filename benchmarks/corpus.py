"""Build large Sorani test corpora from the seeds' sentences (shared by the benchmarks)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.text import segment  # noqa: E402


def seed_sentences() -> list[str]:
    """Every sentence of every seed article, in order."""
    sentences: list[str] = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        sentences += [s.text for s in segment(path.read_text(encoding="utf-8"))]
    return sentences


def shuffled_corpus(size: int, seed: int = 7) -> str:
    """About `size` characters of seed sentences in random order: paragraphs of 1–5
    sentences, separated like scraped web text (2–3 spaces) or by newlines."""
    rng = random.Random(seed)
    sentences = seed_sentences()
    parts: list[str] = []
    total = 0
    while total < size:
        paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 5)))
        parts.append(paragraph)
        parts.append(rng.choice(("  ", "   ", "\n", "\n\n")))
        total += len(paragraph) + 2
    return "".join(parts)
