"""Sentence alignment of a Sorani article with its English version (`kwb align`).

`english` splits the English side, `scoring` weighs a candidate pair (length, glossary
anchors, numbers, Latin tokens), `aligner` finds the best monotone sequence of 1–1, 1–0,
0–1, 2–1 and 1–2 beads, and `po` writes the pairs as fuzzy PO entries for a reviewer.
"""

from workbench.align.aligner import Alignment, Bead, align_texts
from workbench.align.english import Sentence, split_sentences

__all__ = ["Alignment", "Bead", "Sentence", "align_texts", "split_sentences"]
