"""Workbench responsiveness: opening a 10,000-segment PO file, and moving to the next
segment (ctrl+down), repeated; each beside a minimal Textual app measured the same way in
the same run (the floor any Textual program pays).

Opening is timed twice: `kwb translate FILE` started in a pseudo-terminal until the editor's
status line is drawn (what a translator waits for, Python's start-up included), and inside
one process through Textual's Pilot until the editor's first frame.

Frames are timed where Textual hands them to the terminal driver; a move ends with the last
frame it caused (the TM suggestions arrive from a worker thread, so they count too).

Run: python benchmarks/tui.py [--segments N] [--moves N]
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import random
import select
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
        for _ in range(moves):
            t = time.perf_counter()
            screen.action_next()  # kwb's own work for a move, without Textual's repaint
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


def summary(seconds: list[float]) -> str:
    ms = [t * 1000 for t in seconds]
    return (
        f"median {statistics.median(ms):5.1f} ms, p95 {statistics.quantiles(ms, n=20)[-1]:5.1f} ms,"
        f" max {max(ms):5.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--moves", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        path = build(root, args.segments)
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


if __name__ == "__main__":
    main()
