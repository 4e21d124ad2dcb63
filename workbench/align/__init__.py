"""Sentence alignment of a Sorani article with its English version (`kwb align`).

`english` splits the English side, `pieces` cuts both sides' sentences where they could
also end, `names` finds names and acronyms written in both scripts, `scoring` weighs a
candidate pair (length, glossary anchors, numbers, Latin tokens, names), `aligner` finds the
best monotone sequence of beads (1–1, 1–0, 0–1, 2–1, 1–2, 3–1, 1–3, 4–1, 1–4, cut where one
side's splitter missed a boundary), and `po` writes the pairs as fuzzy PO entries for a
reviewer.
"""

from workbench.align.aligner import Alignment, Bead, align_texts
from workbench.align.english import Sentence, split_sentences

__all__ = ["Alignment", "Bead", "Sentence", "align_texts", "split_sentences"]
