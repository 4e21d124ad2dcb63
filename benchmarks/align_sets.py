"""Article pairs with gold sentence pairs, laid out as the alignment contract gives them.

From the development corpus (../shared/devcorpus, see its SOURCES.md): FLORES-200 devtest
lines joined per side — the corpus's 4-line windows and longer windows of 8–20 consecutive
lines — with or without a headline run into the body; CORDI dialogue, 10 utterances per
article. And an adversarial set built from the same FLORES lines: what real article pairs
do to sentence splitters (a Sorani quotation of three sentences, balanced or left open;
three Sorani sentences with the space after their ends forgotten; a side cut too early; an
English sentence added or dropped; a headline).

A unit is one gold sentence pair (Sorani, English); None where a side has no counterpart.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from pathlib import Path

from align_contract import ArticlePair, join_units

Unit = tuple[str | None, str | None]
Lines = Sequence[tuple[str, str]]

_FINAL = re.compile(r"[\s.!?؟…]+$")
_SMALL = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"the", "to", "with"}
)
_CKB_COMMA = re.compile(r"، (?=\S)")
_EN_COMMA = re.compile(r", (?=[a-z])")


def title_case(headline: str) -> str:
    """An English headline in title case, as wire headlines are (small words kept low)."""
    words = headline.split(" ")
    out = []
    for k, word in enumerate(words):
        if k and word.lower() in _SMALL:
            out.append(word.lower())
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def headline_of(ckb: str, en: str, titled: bool) -> Unit:
    """A gold pair turned into a headline: no final punctuation, title case if asked."""
    h_ckb, h_en = _FINAL.sub("", ckb), _FINAL.sub("", en)
    return h_ckb, title_case(h_en) if titled else h_en


def headline_pool(lines: Lines) -> list[int]:
    """Lines short enough to pass for a headline, and free of quotes and brackets."""
    return [
        k
        for k, (c, e) in enumerate(lines)
        if len(e) <= 80 and not any(q in c + e for q in '"“”«»()')
    ]


def with_headline(
    units: list[Unit], lines: Lines, used: range, rng: random.Random, titled: bool
) -> list[Unit]:
    """The units led by a short line from outside `used` made into a headline."""
    choice = rng.choice([k for k in headline_pool(lines) if k not in used])
    return [headline_of(*lines[choice], titled=titled), *units]


# --------------------------------------------------------------------------------------------
# The development corpus
# --------------------------------------------------------------------------------------------


def find_devcorpus(repo: Path) -> Path | None:
    """The development corpus beside the repository: `../shared/devcorpus` from the repo
    root or from a folder above it (a worktree kept under a subfolder)."""
    for folder in (repo, *repo.parents):
        candidate = folder.parent / "shared" / "devcorpus"
        if (candidate / "flores200-devtest").is_dir():
            return candidate
    return None


def flores_lines(root: Path) -> list[tuple[str, str]]:
    """FLORES-200 devtest lines 1–506 of the development corpus, Sorani with English."""
    folder = root / "flores200-devtest"
    ckb = (folder / "ckb_Arab.devtest.lines0001-0506.txt").read_text("utf-8").splitlines()
    en = (folder / "eng_Latn.devtest.lines0001-0506.txt").read_text("utf-8").splitlines()
    if len(ckb) != len(en):
        raise SystemExit(f"{folder}: the Sorani and English files differ in length")
    return list(zip(ckb, en, strict=True))


def flores_windows(root: Path, lines: Lines, headline: bool, seed: int) -> list[ArticlePair]:
    """The corpus's 127 windows of 4 FLORES lines (flores200_devtest_align.jsonl); with
    `headline`, each led by a headline (English in title case for every other one)."""
    rng = random.Random(seed)
    pairs = []
    path = root / "flores200-devtest" / "flores200_devtest_align.jsonl"
    for k, line in enumerate(path.read_text("utf-8").splitlines()):
        record = json.loads(line)
        a, b = record["lines"]
        units: list[Unit] = list(zip(record["ckb"], record["en"], strict=True))
        if headline:
            units = with_headline(units, lines, range(a - 1, b), rng, titled=k % 2 == 0)
        pairs.append(join_units(record["id"], units))
    return pairs


def flores_long(lines: Lines, headline: bool, seed: int) -> list[ArticlePair]:
    """Non-overlapping windows of 8–20 consecutive FLORES lines, like news articles."""
    rng = random.Random(seed)
    pairs = []
    start = 0
    while start + 8 <= len(lines):
        size = min(rng.randint(8, 20), len(lines) - start)
        units: list[Unit] = list(lines[start : start + size])
        if headline:
            units = with_headline(
                units, lines, range(start, start + size), rng, titled=len(pairs) % 2 == 0
            )
        pairs.append(join_units(f"flores-{start + 1}-{start + size}", units))
        start += size
    return pairs


def cordi_articles(root: Path) -> list[ArticlePair]:
    """CORDI gold: 10 utterances of one variety with their English, one line per side."""
    path = root / "cordi-mt-gold" / "cordi_gold_align.jsonl"
    pairs = []
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        pairs.append(join_units(record["id"], list(zip(record["ckb"], record["en"], strict=True))))
    return pairs


# --------------------------------------------------------------------------------------------
# The adversarial set
# --------------------------------------------------------------------------------------------


def _middle(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The match of `pattern` nearest the middle of `text`, at least 25 characters in."""
    found = [m for m in pattern.finditer(text) if 25 <= m.start() <= len(text) - 25]
    return min(found, key=lambda m: abs(m.start() - len(text) // 2)) if found else None


def quote_run(units: list[Unit], k: int, balanced: bool) -> bool:
    """Sorani units k … k+2 in one quotation: closed after k+2 (a quotation of three
    sentences, which the segmenter keeps whole), or left open with a quoted word two units
    on (an unbalanced quote that swallows what lies between)."""
    if k + 3 > len(units) or any(u[0] is None or '"' in u[0] for u in units[k : k + 4]):
        return False
    first, last = units[k], units[k + 2]
    assert first[0] is not None and last[0] is not None
    if balanced:
        units[k + 2] = (last[0] + '"', last[1])
    else:
        words = last[0].split(" ")
        if len(words) < 4:
            return False
        words[1] = f'"{words[1]}"'
        units[k + 2] = (" ".join(words), last[1])
    units[k] = ('"' + first[0], first[1])
    return True


def over_split(units: list[Unit], k: int, side: int) -> bool:
    """Unit k cut in two on one side (0 Sorani, 1 English) at the comma nearest its middle,
    as a splitter that breaks too early would see it."""
    text = units[k][side]
    if text is None:
        return False
    m = _middle(_CKB_COMMA if side == 0 else _EN_COMMA, text)
    if m is None:
        return False
    rest = text[m.end() :]
    cut = text[: m.start()] + ". " + (rest if side == 0 else rest[0].upper() + rest[1:])
    units[k] = (cut, units[k][1]) if side == 0 else (units[k][0], cut)
    return True


ADVERSARIAL_KINDS = (
    "quote",
    "open quote",
    "ckb space forgotten",
    "ckb over-split",
    "en over-split",
    "insertion",
    "deletion",
    "headline",
)


def adversarial_articles(
    lines: Lines, insertions: Sequence[str], seed: int, per_kind: int = 40
) -> dict[str, list[ArticlePair]]:
    """Per kind of trouble, `per_kind` articles of 8–12 consecutive FLORES lines with one
    such trouble planted (a third of them also led by a headline)."""
    rng = random.Random(seed)
    out: dict[str, list[ArticlePair]] = {}
    for kind in ADVERSARIAL_KINDS:
        made: list[ArticlePair] = []
        attempts = 0
        while len(made) < per_kind and attempts < per_kind * 20:
            attempts += 1
            size = rng.randint(8, 12)
            start = rng.randrange(0, len(lines) - size)
            units: list[Unit] = list(lines[start : start + size])
            k = rng.randrange(1, size - 3)
            glued: frozenset[int] = frozenset()
            if kind == "ckb space forgotten":
                # three Sorani sentences glued: the segmenter sees one
                ok = all(u[0] and u[0][-1] in ".؟!" for u in units[k : k + 2])
                glued = frozenset({k, k + 1})
            elif kind in ("quote", "open quote"):
                ok = quote_run(units, k, balanced=kind == "quote")
            elif kind.endswith("over-split"):
                ok = over_split(units, k, 0 if kind.startswith("ckb") else 1)
            elif kind == "insertion":
                units.insert(k, (None, rng.choice(insertions)))
                ok = True
            elif kind == "deletion":
                units[k] = (units[k][0], None)
                ok = True
            else:
                ok = True
            if not ok:
                continue
            if kind == "headline" or rng.random() < 1 / 3:
                used = range(start, start + size)
                units = with_headline(units, lines, used, rng, titled=rng.random() < 0.5)
                glued = frozenset(g + 1 for g in glued)
            made.append(join_units(f"{kind} {start + 1}-{start + size}", units, glued))
        out[kind] = made
    return out
