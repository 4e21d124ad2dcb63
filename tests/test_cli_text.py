"""The real `kwb normalize` / `kwb segment` commands: contracts, encodings, bad input."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

from tests.conftest import SEED_000, SEED_002

SORANI = 'وەزیر گوتی: "ئاو نییە. " دواتر ڕۆیشت.  د. ئازاد هات؟\nسەردێڕێک\n'


def test_segment_json_contract(kwb: Any, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SORANI, encoding="utf-8")
    result = kwb("segment", str(path), "--json")
    assert result.code == 0, result.err
    rows = result.json_lines()
    assert [list(r) for r in rows] == [["id", "paragraph", "sentence", "start", "end", "text"]] * 4
    assert [r["id"] for r in rows] == ["p1s1", "p1s2", "p2s1", "p3s1"]
    assert [r["text"] for r in rows] == [
        'وەزیر گوتی: "ئاو نییە. "',
        "دواتر ڕۆیشت.",
        "د. ئازاد هات؟",
        "سەردێڕێک",
    ]
    for r in rows:
        assert SORANI[r["start"] : r["end"]] == r["text"]


def test_segment_json_on_the_seeds(kwb: Any) -> None:
    for seed, count in ((SEED_000, 23), (SEED_002, 9)):
        text = seed.read_text(encoding="utf-8")
        rows = kwb("segment", str(seed), "--json").json_lines()
        assert len(rows) == count
        assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)


def test_offsets_are_after_the_bom(kwb: Any, tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + "یەکەم. دووەم.".encode())
    rows = kwb("segment", str(path), "--json").json_lines()
    assert [(r["start"], r["end"]) for r in rows] == [(0, 6), (7, 13)]


def test_utf16_with_bom(kwb: Any, tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("كوردستان".encode("utf-16"))
    assert kwb("normalize", str(path)).out == "کوردستان"


def test_cp1256_needs_encoding_flag(kwb: Any, tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("كتاب جديد.".encode("cp1256"))
    refused = kwb("normalize", str(path))
    assert refused.code == 2
    assert refused.err.count("\n") == 1 and "old.txt" in refused.err and "cp1256" in refused.err
    assert "Traceback" not in refused.err
    accepted = kwb("normalize", str(path), "--encoding", "cp1256")
    assert accepted.code == 0 and accepted.out == "کتاب جدید."


def test_bad_input_is_one_line_and_exit_2(kwb: Any, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "folder").mkdir()
    (tmp_path / "binary.txt").write_bytes(b"abc\x00def")
    for args in (
        ("segment", "missing.txt"),
        ("segment", "empty.txt"),
        ("normalize", "folder"),
        ("segment", "binary.txt"),
        ("normalize", "empty.txt", "--encoding", "no-such-codec"),
    ):
        result = kwb(*args)
        assert result.code == 2, args
        assert result.out == ""
        assert result.err.count("\n") == 1 and args[1] in result.err, result.err


def test_stdin(kwb: Any) -> None:
    result = kwb("normalize", "-", "--key", stdin="ڕێگای ٢٠٢١ـدا".encode())
    assert result.code == 0 and result.out == "رێگای 2021دا"


def test_normalize_stats_report_each_kind(kwb: Any) -> None:
    result = kwb("normalize", "-", "--stats", stdin="كورد كورد ده\u200cڵێت".encode())
    assert result.out == "کورد کورد دەڵێت"
    assert "U+0643" in result.err and "ه + ZWNJ → ە" in result.err


def test_normalize_keeps_latin_and_is_idempotent(kwb: Any) -> None:
    text = "Rudaw: BBCی و CNN"
    once = kwb("normalize", "-", stdin=text.encode()).out
    assert once == text
    assert kwb("normalize", "-", stdin=once.encode()).out == once


def test_segment_table_and_usage_errors(kwb: Any) -> None:
    table = kwb("segment", str(SEED_002))
    assert table.code == 0 and "p4s2" in table.out
    usage = kwb("segment")
    assert usage.code == 2


def test_module_entry_point(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "--version"], capture_output=True, text=True
    )
    assert proc.returncode == 0 and proc.stdout.startswith("kwb ")
