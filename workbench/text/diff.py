"""Word-level differences between two texts: what a fuzzy match or an updated source
changed, for the translator to see at a glance (as OmegaT shows a suggestion's differences).

Both texts are cut into tokens (`tokenization`: a Sorani word with its suffixes is one
token, so a word whose suffix alone changed, هێزەکە → هێزەکان, shows as that word); tokens
are compared by their matching key, so a spelling the normalizer folds (ي for ی, Arabic
for ASCII digits) is no change. `difflib.SequenceMatcher` aligns the token sequences, and
each change becomes a span of offsets in the original texts, a run of changed tokens one
span with the spaces between them.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from workbench.text.normalize import key_text
from workbench.text.tokenization import Token, tokenize

Kind = Literal["insert", "delete", "replace"]


@dataclass(frozen=True)
class Change:
    """One difference from `old` to `new`: `old[old_start:old_end]` became
    `new[new_start:new_end]` (an empty range where nothing was, or is)."""

    kind: Kind
    old_start: int
    old_end: int
    new_start: int
    new_end: int


@dataclass(frozen=True)
class WordDiff:
    """The changes from one text to another."""

    old: str
    new: str
    changes: tuple[Change, ...]

    @property
    def old_spans(self) -> list[tuple[int, int]]:
        """Where `old` has words `new` lacks (removed or replaced)."""
        return [(c.old_start, c.old_end) for c in self.changes if c.old_end > c.old_start]

    @property
    def new_spans(self) -> list[tuple[int, int]]:
        """Where `new` has words `old` lacks (inserted or replaced)."""
        return [(c.new_start, c.new_end) for c in self.changes if c.new_end > c.new_start]

    @property
    def same(self) -> bool:
        """Whether the texts have the same words."""
        return not self.changes


@lru_cache(maxsize=65536)
def _key(token: str) -> str:
    """A token's matching key (remembered: the words of a corpus repeat)."""
    return key_text(token) or token


def _keys(tokens: list[Token]) -> list[str]:
    return [_key(t.text) for t in tokens]


def _span(tokens: list[Token], first: int, last: int, at: int) -> tuple[int, int]:
    """The offsets of tokens[first:last], or the empty range where they would be."""
    if last > first:
        return tokens[first].start, tokens[last - 1].end
    return at, at


def word_diff(old: str, new: str) -> WordDiff:
    """How `new` differs from `old`, word by word."""
    before, after = tokenize(old), tokenize(new)
    matcher = SequenceMatcher(None, _keys(before), _keys(after), autojunk=False)
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        at_old = before[i1].start if i1 < len(before) else len(old)
        at_new = after[j1].start if j1 < len(after) else len(new)
        o1, o2 = _span(before, i1, i2, at_old)
        n1, n2 = _span(after, j1, j2, at_new)
        kind: Kind = "replace" if tag == "replace" else "insert" if tag == "insert" else "delete"
        changes.append(Change(kind, o1, o2, n1, n2))
    return WordDiff(old, new, tuple(changes))
