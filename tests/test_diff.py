"""Word-level differences (`text.diff`): what a TM suggestion's source or an updated source
changed, as spans of the original texts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.text.diff import word_diff


@pytest.mark.parametrize(
    ("old", "new", "kinds", "removed", "added"),
    [
        # the same words: no change
        ("هێزی شەڕکەر گەیشت.", "هێزی شەڕکەر گەیشت.", [], [], []),
        # insertion
        ("ئەمریکا هێز دەنێرێت", "ئەمریکا هێزی زیاتر دەنێرێت", ["replace"], ["هێز"], ["هێزی زیاتر"]),
        ("ئەمریکا دەنێرێت", "ئەمریکا هێز دەنێرێت", ["insert"], [], ["هێز"]),
        ("ئەمریکا دەنێرێت", "ئەمریکا دەنێرێت هێز", ["insert"], [], ["هێز"]),
        # deletion
        ("ئەمریکا هێز دەنێرێت", "ئەمریکا دەنێرێت", ["delete"], ["هێز"], []),
        # substitution of a word
        ("سەرۆک گوتی", "وەزیر گوتی", ["replace"], ["سەرۆک"], ["وەزیر"]),
        # a suffix alone changed: the inflected word is the change
        ("هێزەکە گەیشت", "هێزەکان گەیشت", ["replace"], ["هێزەکە"], ["هێزەکان"]),
        ("لە بەغدا", "لە بەغداوە", ["replace"], ["بەغدا"], ["بەغداوە"]),
        # two changes apart are two spans; neighbours are one
        ("a b c d e", "a X c Y e", ["replace", "replace"], ["b", "d"], ["X", "Y"]),
        ("a b c d", "a X Y d", ["replace"], ["b c"], ["X Y"]),
        # spellings the matching key folds are no change (Arabic yeh, digits)
        ("ساڵي ٢٠٢١", "ساڵی 2021", [], [], []),
        # punctuation is a token too
        ("گوتی، باشە", "گوتی باشە", ["delete"], ["،"], []),
    ],
)
def test_word_diff(
    old: str, new: str, kinds: list[str], removed: list[str], added: list[str]
) -> None:
    diff = word_diff(old, new)
    assert [c.kind for c in diff.changes] == kinds
    assert [old[s:e] for s, e in diff.old_spans] == removed
    assert [new[s:e] for s, e in diff.new_spans] == added
    assert diff.same == (not kinds)


_WORDS = st.lists(st.sampled_from(["هێز", "هێزەکان", "گوتی", "لە", "بەغدا", "، ", "PMF", "٢٠"]))


@given(_WORDS, _WORDS)
def test_the_unchanged_words_are_the_same_on_both_sides(a: list[str], b: list[str]) -> None:
    """Cutting the changed spans out of each text leaves the same words."""
    old, new = " ".join(a), " ".join(b)
    diff = word_diff(old, new)

    def rest(text: str, spans: list[tuple[int, int]]) -> list[str]:
        kept, at = [], 0
        for start, end in spans:
            kept.append(text[at:start])
            at = end
        kept.append(text[at:])
        return " ".join(kept).replace("،", " ، ").split()

    assert rest(old, diff.old_spans) == rest(new, diff.new_spans)
    assert diff.same == (old.split() == new.split())
    for s, e in diff.old_spans:
        assert 0 <= s < e <= len(old)
    for s, e in diff.new_spans:
        assert 0 <= s < e <= len(new)
