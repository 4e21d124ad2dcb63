"""Workbench responsiveness: opening a 10,000-segment PO file, and moving to the next
segment (ctrl+down), repeated; each beside a minimal Textual app measured the same way in
the same run (the floor any Textual program pays).

Through a real terminal (tmux, see benchmarks/tmux_timing.py), as a translator meets it:
from a key (or the command) to the settled screen, for opening the file from the shell and
from the overview, a single move, and a burst of 20 moves (a held key); beside the same
measurements on the minimal Textual app and on `cat` echoing a key (tmux's own floor). The
targets: opening ≤ 1 s, single moves median ≤ 30 ms and p95 ≤ 50 ms, a burst of 20 settled
≤ 300 ms after the last key.

Opening is timed twice: `kwb translate FILE` started in a pseudo-terminal until the editor's
status line is drawn (what a translator waits for, Python's start-up included), and inside
one process through Textual's Pilot until the editor's first frame.

Frames are timed where Textual hands them to the terminal driver; a move ends with the last
frame it caused (the TM suggestions arrive from a worker thread, so they count too).

Run: python benchmarks/tui.py [--segments N] [--moves N] [--bursts N] [--size WxH] [--tmux-only]
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import inspect
import os
import pty
import random
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

import polib
from corpus import REPO
from minimal_app import Minimal
from rich.console import RenderableType
from textual.app import App
from textual.screen import Screen
from textual.widgets import TextArea
from tmux_timing import Changes, started, timed_keys

from workbench import __version__
from workbench.store.project import init_project, load_project
from workbench.tui.app import KwbApp
from workbench.tui.editor import EditorScreen


def build(root: Path, segments: int) -> Path:
    init_project(root, "tui benchmark")
    pairs = [
        (e.msgid, e.msgstr)
        for po_path in sorted((REPO / "translations").glob("*.po"))
        for e in polib.pofile(str(po_path))
        if not e.obsolete
    ]
    rng = random.Random(2)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for i in range(segments):
        ckb, en = rng.choice(pairs)
        po.append(
            polib.POEntry(msgctxt=f"big/{i}", msgid=f"{i}: {ckb}", msgstr=en if i % 3 else "")
        )
    path = root / "translations" / "big.po"
    po.save(str(path))
    return path


class Frames:
    """When Textual hands the terminal a new frame. Headless runs skip turning frames into
    escape sequences, so that is done here too: the cost a real terminal session pays."""

    def __init__(self, app: App[None]) -> None:
        self.times: list[float] = []
        self.first_editor_frame: float | None = None
        display = app._display

        def timed(screen: Screen[object], renderable: RenderableType | None) -> None:
            if renderable is not None and hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)
            self.times.append(time.perf_counter())
            if self.first_editor_frame is None and isinstance(screen, EditorScreen):
                self.first_editor_frame = self.times[-1]
            display(screen, renderable)

        app._display = timed  # type: ignore[method-assign]


async def measure(root: Path, path: Path, moves: int) -> tuple[float, list[float], list[float]]:
    """Seconds until the editor's first frame; per move, seconds from the key press to the
    last frame it caused (the new segment with its glossary hits, QA and TM suggestions);
    per move, kwb's own handler time."""
    app = KwbApp(load_project(root), path, "visual")
    frames = Frames(app)
    start = time.perf_counter()
    async with app.run_test(size=(150, 45)) as pilot:
        while frames.first_editor_frame is None:
            await pilot.pause(0.005)
        opened = frames.first_editor_frame - start
        while app.tm is None:  # moves are timed once the TM service is up
            await pilot.pause(0.05)
        screen = app.screen
        screen.query_one(TextArea).cursor_blink = False  # blink frames are not the move's
        await pilot.pause()
        times = []
        for _ in range(moves):
            before = screen.session.index
            frames.times.clear()
            t = time.perf_counter()
            await pilot.press("ctrl+down")
            await pilot.pause()
            times.append(frames.times[-1] - t)
            assert screen.session.index == before + 1
        handler = []
        next_now = inspect.unwrap(EditorScreen.action_next)  # not queued behind typed keys
        for _ in range(moves):
            t = time.perf_counter()
            next_now(screen)  # kwb's own work for a move, without Textual's repaint
            handler.append(time.perf_counter() - t)
            await pilot.pause()
    return opened, times, handler


def cold_start(argv: list[str], cwd: Path, marker: bytes, timeout: float = 30.0) -> float:
    """Seconds from starting `argv` in a 150×45 pseudo-terminal until `marker` is drawn."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 150, 0, 0))
    env = os.environ | {"TERM": "xterm-256color", "COLUMNS": "150", "LINES": "45"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env, start_new_session=True
    )
    os.close(slave)
    seen = b""
    try:
        while marker not in seen:
            ready, _, _ = select.select([master], [], [], timeout)
            if not ready:
                raise TimeoutError(f"{argv[0]} drew no {marker!r} in {timeout} s")
            seen = seen[-len(marker) :] + os.read(master, 1 << 16)
        return time.perf_counter() - start
    finally:
        proc.kill()
        proc.wait()
        os.close(master)


async def minimal_moves(moves: int) -> list[float]:
    """Key press to last frame in a one-widget Textual app: Textual's own floor."""
    app = Minimal()
    frames = Frames(app)
    times = []
    async with app.run_test(size=(150, 45)) as pilot:
        await pilot.pause()
        for _ in range(moves):
            frames.times.clear()
            t = time.perf_counter()
            await pilot.press("ctrl+down")
            await pilot.pause()
            times.append(frames.times[-1] - t)
    return times


def tmux_open(root: Path, path: Path, size: tuple[int, int], runs: int) -> dict[str, list[float]]:
    """Opening the file in tmux: `kwb translate FILE` from the shell, and Enter on the file in
    the overview; each until the editor's first screen, until that screen settled (still for
    0.3 s; the TM suggestions and the project's QA may come later, in the background), and
    until the last change. The minimal app's start until settled is the floor."""
    figures: dict[str, list[float]] = {}

    def add(name: str, value: float | None) -> None:
        figures.setdefault(name, []).append(float("nan") if value is None else value)

    kwb = [sys.executable, "-m", "workbench", "translate"]
    minimal = [sys.executable, str(Path(__file__).with_name("minimal_app.py"))]
    for _ in range(runs):
        with started([*kwb, str(path)], root, size, quiet=2.0) as (_, seen):
            first = seen.first_showing("segment 1 of")
            add("shell first", first)
            add("shell settled", seen.first_still(0.3, after=first or 0.0))
            add("shell all", seen.last)
        with started(kwb, root, size, quiet=0.5) as (term, _):
            term.wait_for(path.name, timeout=60)  # the overview lists it: Enter opens it
            time.sleep(1.0)  # the TM service, started with the overview, checks its index
            seen = timed_keys(term, ["Enter"], quiet=2.0)
            first = seen.first_showing("segment 1 of")
            add("overview first", first)
            add("overview settled", seen.first_still(0.3, after=first or 0.0))
            add("overview all", seen.last)
        with started(minimal, root, size, quiet=0.5) as (_, seen):
            add("minimal settled", seen.first_still(0.3, after=seen.first_showing("segment") or 0))
    return figures


def tmux_moves(
    argv: list[str], root: Path, size: tuple[int, int], moves: int, bursts: int
) -> tuple[list[float], list[float], list[str]]:
    """Key to settled screen for single ctrl+down moves and for bursts of 20, in a program
    started in tmux and left to settle first; and what went wrong (a move that landed
    elsewhere, a screen that never settled, a process busy afterwards)."""
    from tests.terminal import TerminalError

    singles: list[float] = []
    burst_times: list[float] = []
    problems: list[str] = []
    with started(argv, root, size, quiet=3.0, timeout=60) as (term, _):  # TM and QA in
        position = 1

        def check(seen: Changes, step: int, what: str) -> None:
            nonlocal position
            position += step
            if seen.timed_out:
                problems.append(f"{what}: the screen was still changing after 10 s")
            landed = re.search(r"segment (\d+) of", seen.screen)
            if landed and int(landed[1]) != position:
                problems.append(f"{what}: landed on segment {landed[1]}, not {position}")
                position = int(landed[1])

        for _ in range(moves):
            seen = timed_keys(term, ["C-Down"], quiet=0.3)
            singles.append(seen.last)
            check(seen, 1, "single move")
        for _ in range(bursts):
            seen = timed_keys(term, ["C-Down"] * 20, quiet=0.3)
            burst_times.append(seen.last)
            check(seen, 20, "burst of 20")
            try:
                term.assert_idle(timeout=2.0)
            except TerminalError:
                problems.append("burst of 20: the process was still busy 2 s later")
                break
    return singles, burst_times, problems


def tmux_echo(root: Path, size: tuple[int, int], keys: int) -> list[float]:
    """A key echoed by `cat` in tmux: the terminal's own floor."""
    times = []
    with started(["cat"], root, size, quiet=0.2, timeout=2.0) as (term, _):
        for _ in range(keys):
            times.append(timed_keys(term, ["x"], quiet=0.1).last)
    return times


def summary(seconds: list[float]) -> str:
    ms = [t * 1000 for t in seconds]
    if len(ms) < 2:
        return f"{ms[0]:5.1f} ms (one run)" if ms else "no run"
    return (
        f"median {statistics.median(ms):5.1f} ms,"
        f" p95 {statistics.quantiles(ms, n=20, method='inclusive')[-1]:5.1f} ms,"
        f" max {max(ms):5.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--moves", type=int, default=50)
    parser.add_argument("--bursts", type=int, default=10, help="bursts of 20 moves in tmux")
    parser.add_argument("--size", default="160x45", help="the tmux pane, WIDTHxHEIGHT")
    parser.add_argument("--opens", type=int, default=3, help="times the file is opened")
    parser.add_argument("--tmux-only", action="store_true", help="skip the in-process part")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        path = build(root, args.segments)
        report_tmux(root, path, (width, height), args)
        if args.tmux_only:
            return
        kwb = [sys.executable, "-m", "workbench", "translate", str(path)]
        cold = [cold_start(kwb, root, b"segment 1 of") for _ in range(3)]
        minimal = [sys.executable, str(Path(__file__).with_name("minimal_app.py"))]
        cold_floor = [cold_start(minimal, root, b"segment 1 of") for _ in range(3)]
        opened, times, handler = asyncio.run(measure(root, path, args.moves))
        floor = asyncio.run(minimal_moves(args.moves))
    print(f"kwb {__version__} TUI benchmark: {args.segments:,}-segment PO file, 150×45 screen\n")
    print("open")
    print(
        f"  kwb translate FILE, start until the editor is drawn: {statistics.median(cold):.2f} s"
        f" (median of 3; {min(cold):.2f}–{max(cold):.2f})"
    )
    print(
        f"  minimal Textual app, start until drawn:              "
        f"{statistics.median(cold_floor):.2f} s"
    )
    print(f"  in process (Pilot), until the editor's first frame:  {opened:.2f} s")
    print(f"next segment (ctrl+down, {args.moves}×), key press until the last frame it caused")
    print(f"  kwb:                      {summary(times)}")
    print(f"  minimal Textual app:      {summary(floor)}")
    print(f"  kwb's handler alone:      {summary(handler)}")
    print(
        f"\nkwb's move is {statistics.median(times) / statistics.median(floor):.1f}× the minimal "
        "app's (median)"
    )


def report_tmux(root: Path, path: Path, size: tuple[int, int], args: argparse.Namespace) -> None:
    """Measure through tmux and print the figures with their floors."""
    if shutil.which("tmux") is None:
        print("tmux is not installed: the measurements through a real terminal are skipped\n")
        return
    opened = tmux_open(root, path, size, args.opens)
    kwb = [sys.executable, "-m", "workbench", "translate", str(path)]
    singles, bursts, problems = tmux_moves(kwb, root, size, args.moves, args.bursts)
    minimal = [sys.executable, str(Path(__file__).with_name("minimal_app.py"))]
    floor_singles, floor_bursts, _ = tmux_moves(minimal, root, size, args.moves, args.bursts)
    echo = tmux_echo(root, size, args.moves)

    def med(values: list[float]) -> str:
        return f"{statistics.median(values):5.2f} s"

    print(
        f"kwb {__version__} through tmux {size[0]}×{size[1]}: {args.segments:,}-segment PO file;"
        " key (or command) to settled screen\n"
    )
    print(f"open (median of {args.opens}; target: ≤ 1 s)")
    for where, label in (("shell", "kwb translate FILE"), ("overview", "Enter in the overview")):
        first, settled, everything = (opened[f"{where} {k}"] for k in ("first", "settled", "all"))
        print(
            f"  {label + ':':24} editor drawn {med(first)}, settled {med(settled)},"
            f" TM and project QA in {med(everything)}"
        )
    print(f"  minimal Textual app:     started and settled {med(opened['minimal settled'])}")
    ratio = statistics.median(opened["shell settled"]) / statistics.median(
        opened["minimal settled"]
    )
    print(f"  kwb translate FILE settles in {ratio:.1f}× the minimal app's start")
    if not singles or not bursts:
        print()
        return
    print(f"next segment (ctrl+down, {args.moves}×; target: median ≤ 30 ms, p95 ≤ 50 ms)")
    print(f"  kwb:                  {summary(singles)}")
    print(f"  minimal Textual app:  {summary(floor_singles)}")
    print(f"  cat echoing a key:    {summary(echo)}")
    print(
        f"  kwb's move is {statistics.median(singles) / statistics.median(floor_singles):.1f}×"
        " the minimal app's (median)"
    )
    print(f"burst of 20 ctrl+down ({len(bursts)}×), last key to settled (target: ≤ 300 ms)")
    print(f"  kwb:                  {summary(bursts)}")
    print(f"  minimal Textual app:  {summary(floor_bursts)}")
    print(
        f"  kwb's burst is {statistics.median(bursts) / statistics.median(floor_bursts):.1f}×"
        " the minimal app's (median)"
    )
    for problem in dict.fromkeys(problems):
        print(f"  PROBLEM: {problem}")
    print()


if __name__ == "__main__":
    main()
