"""`kwb align --json` on real translated text, as users measure it.

Article pairs are built from consecutive lines of a FLORES-200 sample (tests/data/
flores_sample, CC BY-SA 4.0, see its ATTRIBUTION.md): one line per side, sentences joined by
single spaces, with and without a headline (a line from elsewhere without its final
punctuation) run into the body. A predicted pair counts when its ckb_text and en_text are
exact substrings of the inputs covering the same gold lines; precision and recall of the
gold lines must both reach 0.98.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.conftest import REPO
from workbench.cli import run

SAMPLE = REPO / "tests" / "data" / "flores_sample"
WINDOW = 10
TARGET = 0.98

Span = tuple[int, int]


def sample() -> list[tuple[str, str]]:
    ckb = (SAMPLE / "ckb.txt").read_text("utf-8").splitlines()
    en = (SAMPLE / "en.txt").read_text("utf-8").splitlines()
    assert len(ckb) == len(en) >= 4 * WINDOW
    return list(zip(ckb, en, strict=True))


def joined(units: Sequence[str]) -> tuple[str, list[Span]]:
    """The units on one line, single spaces between, with each unit's span."""
    spans, cursor = [], 0
    for unit in units:
        spans.append((cursor, cursor + len(unit)))
        cursor += len(unit) + 1
    return " ".join(units), spans


def articles() -> list[tuple[str, list[tuple[str, str]]]]:
    """Windows of consecutive lines, each also led by a headline from the next window."""
    lines = sample()
    windows = [lines[k : k + WINDOW] for k in range(0, 4 * WINDOW, WINDOW)]
    out = []
    for k, window in enumerate(windows):
        out.append((f"lines {k * WINDOW + 1}-{(k + 1) * WINDOW}", window))
        ckb, en = windows[(k + 1) % len(windows)][-1]
        headline = (re.sub(r"[.!?؟…\s]+$", "", ckb), re.sub(r"[.!?…\s]+$", "", en))
        out.append((f"lines {k * WINDOW + 1}-{(k + 1) * WINDOW} + headline", [headline, *window]))
    return out


def overlapped(span: Span, gold: Sequence[Span]) -> frozenset[int]:
    return frozenset(k for k, (s, e) in enumerate(gold) if s < span[1] and span[0] < e)


def align_json(tmp_path: Path, capfd: pytest.CaptureFixture[str], ckb: str, en: str) -> list[dict]:
    (tmp_path / "a.txt").write_text(ckb + "\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text(en + "\n", encoding="utf-8")
    code = run(["align", str(tmp_path / "a.txt"), str(tmp_path / "a.en.txt"), "--json"])
    out, err = capfd.readouterr()
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_flores_article_pairs_align_as_users_measure_it(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # outside any project, as a user trying kwb align would be
    right = predicted = covered = gold_pairs = 0
    wrong: list[str] = []
    for name, units in articles():
        ckb, ckb_gold = joined([c for c, _ in units])
        en, en_gold = joined([e for _, e in units])
        rows = [r for r in align_json(tmp_path, capfd, ckb, en) if r["ckb"] and r["en"]]
        found: dict[int, list[tuple[Span, Span]]] = {}
        for row in rows:
            c0, e0 = ckb.find(row["ckb_text"]), en.find(row["en_text"])
            assert c0 >= 0 and e0 >= 0, "pair texts are exact substrings of the inputs"
            c, e = (c0, c0 + len(row["ckb_text"])), (e0, e0 + len(row["en_text"]))
            lines = overlapped(c, ckb_gold)
            if lines and lines == overlapped(e, en_gold):
                right += 1
                for k in lines:
                    found.setdefault(k, []).append((c, e))
            else:
                wrong.append(f"{name}: {row['ckb']} {row['en']} {row['en_text'][:60]}")
        predicted += len(rows)
        gold_pairs += len(units)
        for k, spans in found.items():
            ckb_cover = sum(min(c[1], ckb_gold[k][1]) - max(c[0], ckb_gold[k][0]) for c, _ in spans)
            en_cover = sum(min(e[1], en_gold[k][1]) - max(e[0], en_gold[k][0]) for _, e in spans)
            width_ckb = ckb_gold[k][1] - ckb_gold[k][0]
            width_en = en_gold[k][1] - en_gold[k][0]
            # a line cut in parts is covered but for the spaces between them
            covered += ckb_cover >= width_ckb - len(spans) and en_cover >= width_en - len(spans)
    precision, recall = right / predicted, covered / gold_pairs
    assert precision >= TARGET and recall >= TARGET, (precision, recall, wrong)
