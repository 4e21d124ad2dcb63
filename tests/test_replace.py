"""`kwb replace`: every change previewed, one atomic save per file, every other entry
byte-identical, reviewed entries demoted, nothing written by --dry-run or without consent."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import polib
import pytest

import workbench.store.save
from workbench.cli import replace as replace_command
from workbench.cli import run
from workbench.errors import InputError
from workbench.search.replace import compile_replacer

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
PO_000 = "translations/000_d4781596957db36c.po"
PO_002 = "translations/002_ea2792f57afd9dbb.po"


def kwb(capfd: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capfd.readouterr()
    code = run(list(args))
    out, err = capfd.readouterr()
    return code, ANSI.sub("", out), err


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "translations").glob("*.po"))}


def blocks(data: bytes) -> list[str]:
    """A PO file's header and entries, each as its exact text."""
    return data.decode("utf-8").split("\n\n")


def test_dry_run_previews_every_change_and_writes_nothing(
    committed_demo: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")
    before = snapshot(committed_demo)
    code, out, _ = kwb(
        capfd, "replace", "combat forces", "fighting forces", "--dry-run",
        "--project", str(committed_demo),
    )  # fmt: skip
    assert code == 0
    assert snapshot(committed_demo) == before
    assert out.count("  − ") == out.count("  + ") == 8
    assert "8 changes in 2 files" in out
    assert "reviewed: will need review again" in out
    lines = out.splitlines()
    assert all("combat forces" in line for line in lines if line.startswith("  − "))
    assert all("fighting forces" in line for line in lines if line.startswith("  + "))


def test_the_preview_marks_the_change(
    committed_demo: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")
    monkeypatch.setenv("FORCE_COLOR", "1")
    capfd.readouterr()
    run(["replace", "combat", "fighting", "--dry-run", "--project", str(committed_demo)])
    out = capfd.readouterr().out
    first = next(line for line in out.splitlines() if "  − " in line)
    marked = re.findall(r"\x1b\[([0-9;]+)m([^\x1b]*)\x1b\[0m", first)
    assert [text for _, text in marked if text == "combat"] == ["combat"]
    plus = next(line for line in out.splitlines() if "  + " in line)
    assert [t for _, t in re.findall(r"\x1b\[([0-9;]+)m([^\x1b]*)\x1b\[0m", plus)] == ["fighting"]


def test_without_a_terminal_it_needs_yes_or_dry_run(
    committed_demo: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(committed_demo)
    code, out, err = kwb(
        capfd, "replace", "combat forces", "fighting forces", "--project", str(committed_demo)
    )
    assert code == 2
    assert err.count("\n") == 1 and "--yes" in err and "--dry-run" in err
    assert out == ""
    assert snapshot(committed_demo) == before


def test_yes_writes_each_file_once_and_leaves_every_other_entry_byte_identical(
    committed_demo: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(committed_demo)
    writes: list[Path] = []
    real = workbench.store.save.atomic_write

    def spy(path: Path, data: bytes) -> None:
        writes.append(path)
        real(path, data)

    monkeypatch.setattr(workbench.store.save, "atomic_write", spy)
    code, _, err = kwb(
        capfd, "replace", "combat forces", "fighting forces", "--yes",
        "--project", str(committed_demo),
    )  # fmt: skip
    assert code == 0, err
    assert sorted(p.name for p in writes) == sorted(before)  # one atomic save per file
    after = snapshot(committed_demo)
    for name, old in before.items():
        old_blocks, new_blocks = blocks(old), blocks(after[name])
        assert len(old_blocks) == len(new_blocks)
        for old_block, new_block in zip(old_blocks[1:], new_blocks[1:], strict=True):
            if "combat forces" not in " ".join(old_block.split()):
                assert new_block == old_block
        old_header, new_header = old_blocks[0].splitlines(), new_blocks[0].splitlines()
        differ = [a for a, b in zip(old_header, new_header, strict=True) if a != b]
        assert [line.split(":")[0] for line in differ] == ['"PO-Revision-Date']
    changed = 0
    for name in (PO_000, PO_002):
        for entry in polib.pofile(str(committed_demo / name)):
            assert "combat forces" not in " ".join(entry.msgstr.split())
            if "fighting forces" in " ".join(entry.msgstr.split()):
                changed += 1
                assert "reviewed" not in entry.flags  # demoted like any edit after review
    assert changed == 8


def test_json_gives_one_object_per_change(
    committed_demo: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = kwb(
        capfd, "replace", r"(combat) (forces)", r"\2 of \1", "--regex", "--json", "--dry-run",
        "--project", str(committed_demo),
    )  # fmt: skip
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 8
    for row in rows:
        assert list(row) == ["file", "id", "before", "after"]
        assert row["file"] in (PO_000, PO_002)
        assert row["after"] == re.sub(r"(combat) (forces)", r"\2 of \1", row["before"])
        assert "forces of combat" in row["after"]


def test_on_a_terminal_it_asks_and_no_keeps_everything(
    committed_demo: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(committed_demo)
    monkeypatch.setattr(replace_command, "interactive", lambda: True)
    args = ("replace", "combat forces", "fighting forces", "--project", str(committed_demo))
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, out, err = kwb(capfd, *args)
    assert code == 0 and "Apply 8 changes in 2 files?" in err and "nothing changed" in err
    assert "8 changes in 2 files" in out
    assert snapshot(committed_demo) == before
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    code, out, _ = kwb(capfd, *args)
    assert code == 0 and "replaced in 8 entries of 2 files" in out
    assert snapshot(committed_demo) != before


def test_a_failed_save_puts_back_the_files_written_before_it(
    committed_demo: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(committed_demo)
    real = workbench.store.save.atomic_write
    calls: list[Path] = []

    def fail_second(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise InputError(path, "disk full")
        real(path, data)

    monkeypatch.setattr(workbench.store.save, "atomic_write", fail_second)
    code, _, err = kwb(
        capfd, "replace", "combat forces", "fighting forces", "--yes",
        "--project", str(committed_demo),
    )  # fmt: skip
    assert code == 2 and "disk full" in err
    assert snapshot(committed_demo) == before


REPLACE_CASES = [
    # (old, new, regex, word, text, after or None for no change)
    ("force", "troop", False, False, "forces and enforcement", "troops and entroopment"),
    (
        "force",
        "troop",
        False,
        True,
        "forces, force and enforcement",
        "forces, troop and enforcement",
    ),
    ("US", "U.S.", False, True, "US and USA, US-led", "U.S. and USA, U.S.-led"),
    (
        r"(\d+) troops",
        r"\1 soldiers",
        True,
        False,
        "2,500 troops; 300 troops",
        "2,500 soldiers; 300 soldiers",
    ),
    ("a.b", "x", False, False, "a.b axb", "x axb"),  # literal: the dot is a dot
    (r"\bthe\b", "a", True, False, "The the", "The a"),  # regex: case as written
    ("Iraq", "Iraq", False, False, "Iraq", None),  # no change, no entry in the plan
]


@pytest.mark.parametrize(("old", "new", "regex", "word", "text", "after"), REPLACE_CASES)
def test_replacements(
    old: str, new: str, regex: bool, word: bool, text: str, after: str | None
) -> None:
    done = compile_replacer(old, new, regex, word).apply(text)
    assert (done.after if done else None) == after
    if done is not None:  # the marked spans are the old and the new text
        pattern = old if regex else re.escape(old)
        if word:
            pattern = rf"(?<!\w)(?:{pattern})(?!\w)"
        wanted = [m.group() for m in re.finditer(pattern, text)]
        assert [text[s:e] for s, e in done.old_spans] == wanted
        pieces = [done.after[s:e] for s, e in done.new_spans]
        assert all(piece == new for piece in pieces) or regex


@pytest.mark.parametrize(
    ("old", "new", "regex"), [("", "x", False), ("(", "x", True), ("(a)", r"\2", True)]
)
def test_bad_patterns_are_refused_before_anything(old: str, new: str, regex: bool) -> None:
    with pytest.raises(InputError):
        compile_replacer(old, new, regex)
