"""Workbench responsiveness through Textual's Pilot: opening a 10,000-segment PO file until
the editor is ready, and moving to the next segment (ctrl+down), repeated.

Frames are timed where Textual hands them to the terminal driver; a move ends with the last
frame it caused (the TM suggestions arrive from a worker thread, so they count too).

Run: python benchmarks/tui.py [--segments N] [--moves N]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from pathlib import Path

import polib
from corpus import REPO
from rich.console import RenderableType
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

    def __init__(self, app: KwbApp) -> None:
        self.times: list[float] = []
        display = app._display

        def timed(screen: Screen[object], renderable: RenderableType | None) -> None:
            if renderable is not None and hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)
            self.times.append(time.perf_counter())
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
        while not (isinstance(app.screen, EditorScreen) and app.screen.is_ready()):
            await pilot.pause(0.005)
        first_frame = len(frames.times)
        while len(frames.times) == first_frame:
            await asyncio.sleep(0.001)
        opened = frames.times[first_frame] - start
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--moves", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        path = build(root, args.segments)
        opened, times, handler = asyncio.run(measure(root, path, args.moves))
    ms = [t * 1000 for t in times]
    own = [t * 1000 for t in handler]
    print(f"kwb {__version__} TUI benchmark: {args.segments:,}-segment PO file")
    print(f"open until the editor's first frame: {opened:.2f} s")
    print(
        f"next segment (ctrl+down, {args.moves}×): median {statistics.median(ms):.1f} ms, "
        f"p95 {statistics.quantiles(ms, n=20)[-1]:.1f} ms, max {max(ms):.1f} ms "
        "(key press until the last frame it caused)"
    )
    print(
        f"  of which kwb's handler: median {statistics.median(own):.1f} ms, "
        f"p95 {statistics.quantiles(own, n=20)[-1]:.1f} ms (the rest is Textual's repaint)"
    )


if __name__ == "__main__":
    main()
