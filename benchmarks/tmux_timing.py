"""Timing what a person sees in a real terminal: a program in tmux (the tests' harness,
tests/terminal.py), its pane captured in a tight loop, the time of each change recorded.

A capture through the harness's control-mode client costs about 0.2 ms; captured every 2 ms,
a change is seen within about 2 ms of tmux drawing it, and the polling leaves the processor
to the program measured (the machine may have two cores).
"Settled" is the time of the last change before the screen stays still for a while (a
quiet period long enough for late pieces such as TM suggestions from a worker); the
figure is measured from the moment the keys were in the terminal (`send-keys` returned).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from corpus import REPO  # puts the repository on sys.path

from tests.terminal import KwbTerminal
from workbench.gc_pause import paused_gc

POLL = 0.002
"""Seconds between two captures."""


@dataclass
class Changes:
    """The screens a terminal showed after `start`, each with its time (seconds after
    `start`), and whether it was still changing when the wait ended."""

    times: list[float]
    screens: list[str]
    timed_out: bool = False

    @property
    def last(self) -> float:
        """Seconds until the last change (0 when nothing changed)."""
        return self.times[-1] if self.times else 0.0

    @property
    def screen(self) -> str:
        return self.screens[-1] if self.screens else ""

    def first_still(self, gap: float, after: float = 0.0) -> float | None:
        """The time of the first change from `after` on that is followed by `gap` seconds
        without a change: what a person sees settle before late background work (the TM
        service, the project's QA) redraws a panel."""
        for i, t in enumerate(self.times):
            following = self.times[i + 1] if i + 1 < len(self.times) else None
            if t >= after and (following is None or following - t >= gap):
                return t
        return None

    def first_showing(self, text: str) -> float | None:
        return next((t for t, s in zip(self.times, self.screens, strict=True) if text in s), None)


def watch(
    term: KwbTerminal, start: float, before: str, quiet: float, timeout: float = 10.0
) -> Changes:
    """Capture `term` continuously from now until its screen has differed from `before`
    and then stayed still for `quiet` seconds (or `timeout` passed). The watcher's own
    cyclic collector waits meanwhile: a full collection in this process (which holds the
    benchmark's 10,000-segment file) took 13–30 ms, a pause it would have counted as the
    program's."""
    with paused_gc():
        return _watch(term, start, before, quiet, timeout)


def _watch(term: KwbTerminal, start: float, before: str, quiet: float, timeout: float) -> Changes:
    changes = Changes([], [])
    screen = before
    while True:
        shot = term.capture()
        now = time.perf_counter()
        if shot != screen:
            changes.times.append(now - start)
            changes.screens.append(shot)
            screen = shot
        elif changes.times and now - start - changes.times[-1] >= quiet:
            return changes
        if now - start > timeout:
            changes.timed_out = True
            return changes
        time.sleep(POLL)


def timed_keys(term: KwbTerminal, keys: list[str], quiet: float, timeout: float = 10.0) -> Changes:
    """Send `keys` in one burst; the changes they caused, timed from the moment the last of
    them was in the terminal."""
    before = term.capture()
    term.keys(*keys)
    return watch(term, time.perf_counter(), before, quiet, timeout)


def timed_start(term: KwbTerminal, quiet: float, timeout: float = 30.0) -> Changes:
    """Start the program in `term`; the changes of its screen, timed from the start."""
    start = time.perf_counter()
    term.start()
    return watch(term, start, "", quiet, timeout)


@contextmanager
def started(
    argv: list[str], cwd: Path, size: tuple[int, int], quiet: float, timeout: float = 30.0
) -> Iterator[tuple[KwbTerminal, Changes]]:
    """`argv` started in a tmux pane of `size`, with this repository's package first on the
    path (the figures are those of the tree this script belongs to); the terminal and the
    changes of its screen until it stayed still for `quiet` seconds. Killed on leaving."""
    term = KwbTerminal(argv, cwd, size, {"KWB_RTL": "visual", "PYTHONPATH": str(REPO)})
    try:
        yield term, timed_start(term, quiet, timeout)
    finally:
        term.close()
