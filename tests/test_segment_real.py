"""`kwb segment` on real published Sorani that nobody here wrote.

The text is the FLORES-200 sample in tests/data/flores_sample (CC BY-SA 4.0, see its
ATTRIBUTION.md): professional translations of English news, one segment a line. Lines are
laid out as an article, paragraphs of one to four lines as blocks, and segmented through the
real command. Every visible character must land in exactly one segment, every line end must
be a sentence end, and a segment may hold a sentence end followed by a Sorani word only where
a named rule says it is none.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.conftest import REPO

SAMPLE = REPO / "tests" / "data" / "flores_sample" / "ckb.txt"
SORANI_LETTER = "ئ-ۓەێۆڵڕڤپچژگکی"
INSIDE_END = re.compile(f'[.؟!…]["”»’)\\]]*\\s+(?=["“«(]?[{SORANI_LETTER}])')
# Why a sentence end followed by a Sorani word can stand inside one segment. Each is a rule of
# the segmenter (README, Segmentation); the test names the one that applies.
NOT_AN_END = {
    "a title or an initial before a name": re.compile(r"(?:^|\s)(?:د|پ|م|[^\W\d_])\.$"),
}


def article() -> tuple[str, list[str]]:
    """The sample as paragraphs of one to four lines (blank lines between), and its lines."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    sizes = [1, 3, 2, 4]
    paragraphs, k = [], 0
    while k < len(lines):
        size = sizes[len(paragraphs) % len(sizes)]
        paragraphs.append(" ".join(lines[k : k + size]))
        k += size
    return "\n\n".join(paragraphs) + "\n", lines


def test_every_character_lands_in_exactly_one_segment(kwb: Any, tmp_path: Path) -> None:
    text, _ = article()
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    rows = kwb("segment", str(path), "--json").json_lines()
    owner = [0] * len(text)
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"]
        for i in range(row["start"], row["end"]):
            owner[i] += 1
    assert all(n == 1 for i, n in enumerate(owner) if not text[i].isspace())
    assert all(n == 0 for i, n in enumerate(owner) if text[i] in "\n")


def test_each_line_ends_a_sentence_and_no_sentence_hides_another(kwb: Any, tmp_path: Path) -> None:
    text, lines = article()
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    rows = kwb("segment", str(path), "--json").json_lines()
    ends = {row["end"] for row in rows}
    cursor = 0
    for line in lines:
        start = text.index(line, cursor)
        cursor = start + len(line)
        assert cursor in ends, f"no sentence ends with the line …{line[-40:]}"
    unexplained = []
    for row in rows:
        for m in INSIDE_END.finditer(row["text"]):
            before = row["text"][: m.start() + 1]
            if not any(rule.search(before) for rule in NOT_AN_END.values()):
                unexplained.append(row["text"][max(0, m.start() - 30) : m.end() + 20])
    assert unexplained == []
    # The sample's lines hold 43 sentences: 40 lines, three of them two sentences each.
    assert len(rows) == 43
