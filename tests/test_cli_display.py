"""Every command that shows Sorani, run in process twice: on a terminal that draws left to
right (Sorani in display order, wrapped sentences reading from the top) and into a pipe
(logical order, readable in any editor). JSON stays logical either way."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polib
import pytest

from tests.reading import contains, read_visual, sorani_words
from workbench.cli import run

S1 = (
    "هێزی شەڕکەری ئەمریکا لە کۆتایی ئەمساڵدا عێراق بەجێدەهێڵێت و تەنیا ڕاوێژکار و ڕاهێنەری"
    " سەربازی دەمێننەوە."
)
S2 = (
    "سەرۆکوەزیرانی عێراق دوای گفتوگۆکانی واشنتن گەڕایەوە بۆ بەغدا و کۆبوونەوەیەکی لەگەڵ"
    " سەرکردەکان کرد."
)
HEAD = " ".join(S1.split()[:6])
EN = (
    "US combat forces will leave Iraq by the end of this year, and only advisers and"
    " trainers will stay. The Iraqi prime minister returned to Baghdad after the Washington"
    " talks and met the leaders.\n"
)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with one article, its first sentence translated without the glossary's
    rendering of هێزی شەڕکەر (a QA finding that quotes Sorani), and a Sorani-named article."""
    root = tmp_path_factory.mktemp("display") / "proj"
    assert run(["init", str(root)]) == 0
    (root / "seeds" / "story.txt").write_text(f"{S1}  {S2}\n", encoding="utf-8")
    (root / "seeds" / "هەواڵ.txt").write_text(f"{S2}\n", encoding="utf-8")
    for name in ("story.txt", "هەواڵ.txt"):
        assert run(["add", str(root / "seeds" / name), "--project", str(root)]) == 0
    po_path = root / "translations" / "story.po"
    po = polib.pofile(str(po_path))
    po[0].msgstr = "The American troops will leave Iraq; advisers will stay."
    po.save(str(po_path))
    (root / "story.en.txt").write_text(EN, encoding="utf-8")
    return root


@pytest.fixture
def project(base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "proj"
    shutil.copytree(base, root, ignore=shutil.ignore_patterns(".kwb"))
    monkeypatch.chdir(root)
    return root


def terminal(monkeypatch: pytest.MonkeyPatch, tty: bool) -> None:
    """stdout as an 80-column terminal that draws left to right (xterm, tmux), or a pipe."""
    for name in ("KWB_RTL", "TMUX", "VTE_VERSION", "KONSOLE_VERSION", "MLTERM", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TTY_COMPATIBLE", "1" if tty else "0")
    monkeypatch.setenv("COLUMNS", "80")


def kwb_out(capfd: pytest.CaptureFixture[str], *args: str) -> list[str]:
    capfd.readouterr()
    code = run(list(args))
    out, err = capfd.readouterr()
    assert code in (0, 1), err
    return ANSI.sub("", out).splitlines()


Lines = list[str]


def cells(column: int) -> Callable[[Lines], Lines]:
    """The text of one column of the tables in the output."""
    return lambda lines: [line.split("│")[column] for line in lines if line.count("│") > column]


def outside_tables(lines: Lines) -> Lines:
    return [line for line in lines if not re.search("[│┃┏┗┡└┌╇━─]", line)]


def everything(lines: Lines) -> Lines:
    return lines


# (arguments, the Sorani that must read in order, where it is in the output)
PLACES: list[tuple[list[str], str, Callable[[Lines], Lines]]] = [
    (["normalize", "seeds/story.txt"], f"{S1} {S2}", everything),
    (["segment", "seeds/story.txt"], S1, cells(3)),
    (["match", "seeds/story.txt"], f"{S1} {S2}", outside_tables),
    (["match", "seeds/story.txt"], "هێزی شەڕکەر", cells(1)),
    (["tm", "search", S1, "--min", "0"], S1, cells(2)),
    (["check", "translations/story.po"], "هێزی شەڕکەری", cells(4)),
    (["glossary", "list", "--text", "شەڕکەر"], "هێزی شەڕکەر", cells(2)),
    (["glossary", "search", "هێزی شەڕکەر"], "هێزی شەڕکەر", cells(2)),
    (["glossary", "show", "combat-forces"], S1, outside_tables),
    (["overview"], S1, outside_tables),
    (["status"], "هەواڵ", cells(1)),
    # the table shows the beginning of a long sentence
    (["align", "seeds/story.txt", "story.en.txt", "--id", "aligned"], HEAD, cells(2)),
    (["add", "seeds/هەواڵ.txt"], "هەواڵ", cells(1)),
    (["search", "هێزی شەڕکەر"], "هێزی شەڕکەری ئەمریکا لە", cells(4)),
]


def place_id(args: list[str]) -> str:
    return "-".join(arg for arg in args if arg.isascii() and not arg.startswith("-")) or "kwb"


@pytest.mark.parametrize(
    ("args", "sorani", "where"), PLACES, ids=[place_id(args) for args, _, _ in PLACES]
)
def test_a_terminal_gets_sorani_in_display_order(
    args: list[str],
    sorani: str,
    where: Callable[[Lines], Lines],
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    terminal(monkeypatch, tty=True)
    shown = where(kwb_out(capfd, *args))
    wanted = sorani_words(sorani)
    assert contains(read_visual(shown), wanted), "\n".join(shown)
    if len(wanted) > 1:  # nothing left in logical order
        assert f"{wanted[0]} {wanted[1]}" not in "\n".join(shown)
    first = next(line for line in shown if set(sorani_words(line)) & {w[::-1] for w in wanted})
    assert wanted[0][::-1] in sorani_words(first)  # the first line holds the first words


@pytest.mark.parametrize(
    ("args", "sorani", "where"), PLACES, ids=[place_id(args) for args, _, _ in PLACES]
)
def test_a_pipe_gets_sorani_in_logical_order(
    args: list[str],
    sorani: str,
    where: Callable[[Lines], Lines],
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    terminal(monkeypatch, tty=False)
    shown = where(kwb_out(capfd, *args))
    wanted = sorani_words(sorani)
    logical = [w for line in shown for w in sorani_words(line)]
    assert contains(logical, wanted), "\n".join(shown)
    assert not contains(read_visual(shown), wanted) or len(wanted) == 1


def test_normalize_into_a_pipe_is_the_canonical_text_byte_for_byte(
    project: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from workbench.text import canonical

    terminal(monkeypatch, tty=False)
    capfd.readouterr()
    assert run(["normalize", "seeds/story.txt"]) == 0
    assert capfd.readouterr().out == canonical(f"{S1}  {S2}\n").text


@pytest.mark.parametrize(
    ("env", "visual"),
    [({"KWB_RTL": "visual"}, True), ({"KWB_RTL": "terminal"}, False), ({}, False)],
)
def test_kwb_rtl_still_decides_for_a_pipe(
    env: dict[str, str],
    visual: bool,
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    terminal(monkeypatch, tty=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    shown = cells(2)(kwb_out(capfd, "tm", "search", S1, "--min", "0"))
    read = read_visual(shown) if visual else [w for line in shown for w in sorani_words(line)]
    assert contains(read, sorani_words(S1))


def test_the_projects_display_setting_applies_on_a_terminal(
    project: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    config = project / "kwb.toml"
    config.write_text(config.read_text("utf-8") + '\n[display]\nrtl = "terminal"\n', "utf-8")
    terminal(monkeypatch, tty=True)
    shown = cells(3)(kwb_out(capfd, "segment", "seeds/story.txt"))
    assert contains([w for line in shown for w in sorani_words(line)], sorani_words(S1))


@pytest.mark.parametrize(
    "args",
    [
        ["segment", "seeds/story.txt", "--json"],
        ["match", "seeds/story.txt", "--json"],
        ["tm", "search", S1, "--min", "0", "--json"],
        ["check", "translations/story.po", "--json"],
    ],
    ids=lambda v: " ".join(v[:2]),
)
def test_json_is_logical_on_a_terminal_too(
    args: list[str],
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    terminal(monkeypatch, tty=True)
    rows: list[Any] = [json.loads(line) for line in kwb_out(capfd, *args) if line.strip()]
    texts = " ".join(str(value) for row in rows for value in row.values())
    assert rows and "هێزی شەڕکەر" in texts
