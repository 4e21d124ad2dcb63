"""A real terminal for end-to-end tests: `kwb translate` in a detached tmux session.

Textual's Pilot presses one key at a time inside the app; a person's terminal delivers
bytes, several keys in one read when a key repeats or a paste arrives, and draws what the
app writes. This harness runs the real command in tmux on its own server (`tmux -L NAME`,
so it never touches a user's sessions), sends keys as a person types them (several keys in
one `send-keys` call arrive as one burst), waits until the pane stops changing, reads the
pane's text and the PO files back, checks that the process has gone idle, and always kills
the server.

    with KwbTerminal.translate(project, "translations/a.po", size=(80, 24)) as term:
        term.wait_for("segment 1 of")
        term.keys("C-Down", "C-Down")      # one burst
        screen = term.settle()
        term.assert_idle()

Tests that use it call `require_tmux()` first: a machine without tmux skips them, except in
CI (`CI` set), where a missing tmux fails them (`.ci/run` installs it).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import polib
import pytest

TMUX = shutil.which("tmux")
SETTLE_QUIET = 0.1
"""A screen unchanged for this long (polled continuously) has settled."""
POLL = 0.01
"""Between two captures: a capture costs 1–3 ms, so the poll is close to continuous."""
TIMEOUT = 15.0
"""Generous: the machine running the tests may be busy; a loop still never settles."""
_CONFIG = """\
set -g status off
set -g remain-on-exit on
set -g default-terminal "{term}"
set -g history-limit 200
set -sg escape-time 0
"""


def require_tmux() -> None:
    """Skip without tmux, unless in CI, where a missing tmux is a failure."""
    if TMUX is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is not installed (.ci/run installs it)")
        pytest.skip("tmux is not installed: the terminal tests need it")


def kwb_command() -> list[str]:
    """The `kwb` of the interpreter running the tests (the venv's), or `python -m workbench`."""
    script = Path(sys.executable).parent / "kwb"
    return [str(script)] if script.exists() else [sys.executable, "-m", "workbench"]


def _terminfo() -> str:
    """tmux's own terminal type if this machine knows it, else the older screen one."""
    for term in ("tmux-256color", "screen-256color"):
        if subprocess.run(["infocmp", term], capture_output=True).returncode == 0:
            return term
    return "screen-256color"


class TerminalError(AssertionError):
    """The program in the terminal did not do what the test waited for; the message holds
    the screen as it was."""


class KwbTerminal:
    """One program running in a detached tmux pane of a fixed size."""

    def __init__(
        self,
        argv: Sequence[str],
        cwd: Path,
        size: tuple[int, int] = (80, 24),
        env: dict[str, str] | None = None,
    ) -> None:
        if TMUX is None:
            raise RuntimeError("tmux is not installed")
        self.argv = list(argv)
        self.cwd = cwd
        self.width, self.height = size
        self.env = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", **(env or {})}
        self.socket = f"kwb-test-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        self.pid: int | None = None
        self._socket_path: str | None = None
        self._config = Path(tempfile.gettempdir()) / f"{self.socket}.conf"  # not in the project
        self._control: _Control | None = None

    # --- life cycle ----------------------------------------------------------------------

    @classmethod
    @contextmanager
    def translate(
        cls,
        project: Path,
        *args: str,
        size: tuple[int, int] = (80, 24),
        rtl: str = "visual",
        env: dict[str, str] | None = None,
    ) -> Iterator[KwbTerminal]:
        """`kwb translate ARGS` in `project` (a temporary copy: the test writes to it)."""
        term = cls(
            [*kwb_command(), "translate", *args], project, size, {"KWB_RTL": rtl, **(env or {})}
        )
        with term:
            yield term

    def __enter__(self) -> KwbTerminal:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Start the program in a new tmux server, in a pane of exactly `size` cells."""
        term = _terminfo()
        self._config.write_text(_CONFIG.format(term=term), encoding="utf-8")
        variables = [f"{k}={v}" for k, v in {"TERM": term, **self.env}.items()]
        command = "exec env " + shlex.join([*variables, *self.argv])
        self._tmux(
            "-f", str(self._config), "new-session", "-d", "-s", "kwb",
            "-x", str(self.width), "-y", str(self.height), "-c", str(self.cwd), command,
        )  # fmt: skip
        found = self._tmux("display-message", "-p", "-t", "kwb", "#{pane_pid} #{socket_path}")
        pid, self._socket_path = found.strip().split(" ", 1)
        self.pid = int(pid)
        self._control = _Control([str(TMUX), "-L", self.socket], self._environment())

    def close(self) -> None:
        """Kill the tmux server and every process the program started (by their ids)."""
        pids = _descendants(self.pid) if self.pid is not None else []
        if self._control is not None:
            self._control.close()
            self._control = None
        subprocess.run([str(TMUX), "-L", self.socket, "kill-server"], capture_output=True)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(_alive(p) for p in pids):
            time.sleep(0.02)
        for pid in pids:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        self._config.unlink(missing_ok=True)
        if self._socket_path is not None:  # tmux leaves it behind
            Path(self._socket_path).unlink(missing_ok=True)

    def _environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "TMUX"}  # never the user's server
        return {**env, **self.env}

    def _tmux(self, *args: str) -> str:
        if self._control is not None and not any("\n" in a for a in args):
            return self._control.run(args)
        proc = subprocess.run(
            [str(TMUX), "-L", self.socket, *args],
            capture_output=True,
            env=self._environment(),
            timeout=10,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"tmux {args[0]}: {proc.stderr.decode(errors='replace').strip()}")
        return proc.stdout.decode("utf-8", errors="replace")

    # --- input ---------------------------------------------------------------------------

    def keys(self, *keys: str) -> None:
        """Send tmux key names (`C-Down`, `Enter`, `Escape`, `F1`, `a`) in one call: the
        terminal receives them as one burst, as when a key repeats."""
        self._tmux("send-keys", "-t", "kwb", *keys)

    def type(self, text: str) -> None:
        """Type `text` literally, in one burst."""
        self._tmux("send-keys", "-t", "kwb", "-l", text)

    # --- output --------------------------------------------------------------------------

    def capture(self) -> str:
        """The pane's text now, one line per row (trailing spaces trimmed)."""
        return self._tmux("capture-pane", "-p", "-t", "kwb")

    def capture_styled(self) -> str:
        """The pane now with its colours and attributes as escape sequences (SGR)."""
        return self._tmux("capture-pane", "-p", "-e", "-t", "kwb")

    def settle(self, quiet: float = SETTLE_QUIET, timeout: float = TIMEOUT) -> str:
        """Wait until the screen stays unchanged for `quiet` seconds, captured continuously;
        the screen then. A program that keeps redrawing fails the test."""
        deadline = time.monotonic() + timeout
        screen = self.capture()
        changed = time.monotonic()
        while True:
            time.sleep(POLL)
            now_screen = self.capture()
            now = time.monotonic()
            if now_screen != screen:
                screen, changed = now_screen, now
            elif now - changed >= quiet:
                return screen
            if now > deadline:
                raise TerminalError(f"the screen kept changing for {timeout} s:\n{screen}")

    def wait_for(
        self, expected: str | re.Pattern[str] | Callable[[str], bool], timeout: float = TIMEOUT
    ) -> str:
        """Wait until the screen shows `expected` (text, a pattern, or a test of the
        screen), then until it settles; the settled screen."""
        test = _screen_test(expected)
        deadline = time.monotonic() + timeout
        screen = self.capture()
        while not test(screen):
            if time.monotonic() > deadline or self.exited():
                raise TerminalError(f"waited {timeout} s for {expected!r}; the screen:\n{screen}")
            time.sleep(POLL)
            screen = self.capture()
        screen = self.settle(timeout=max(1.0, deadline - time.monotonic()))
        if not test(screen):
            raise TerminalError(f"{expected!r} went away again; the screen:\n{screen}")
        return screen

    def exited(self) -> bool:
        """Whether the program has ended (its pane stays, showing its last words)."""
        return self._tmux("display-message", "-p", "-t", "kwb", "#{pane_dead}").strip() == "1"

    # --- the process ---------------------------------------------------------------------

    def cpu_seconds(self) -> float:
        """Processor time the program has used so far (all its threads, user + system)."""
        assert self.pid is not None
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def assert_idle(self, window: float = 0.5, busy: float = 0.1, timeout: float = 5.0) -> None:
        """Within `timeout`, a `window` in which the program used less than `busy` of a
        processor: a program that loops never gets one. Background work that ends (a check
        after a save) only delays it."""
        if not Path("/proc/self/stat").exists():
            return  # no /proc (macOS): the settled screen is the check left
        deadline = time.monotonic() + timeout
        while True:
            before, start = self.cpu_seconds(), time.monotonic()
            time.sleep(window)
            used = self.cpu_seconds() - before
            if used < busy * (time.monotonic() - start):
                return
            if time.monotonic() > deadline:
                raise TerminalError(
                    f"still busy after {timeout} s ({used:.2f} s of processor in {window} s);"
                    f" the screen:\n{self.capture()}"
                )


class _Control:
    """A tmux client in control mode: the harness's commands go through it, without a new
    process for each. A capture then costs a fifth of a millisecond instead of three, so
    polling the screen continuously neither misses a change by much nor takes the processor
    from the program under test."""

    def __init__(self, tmux: list[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [*tmux, "-C", "attach-session", "-f", "no-output,ignore-size", "-t", "kwb"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )

    def run(self, args: Sequence[str]) -> str:
        """Run one tmux command; its output."""
        self._write(" ".join("'" + a.replace("'", "'\\''") + "'" for a in args))
        while True:
            ours, ok, text = self._block()
            if ours:  # the answer to this client's command (tmux answers them in order)
                if not ok:
                    raise RuntimeError(f"tmux {args[0]}: {text.strip()}")
                return text

    def _block(self) -> tuple[bool, bool, str]:
        """The next command block: whether this client sent the command (flags 1; the
        attach itself is answered with flags 0), whether it succeeded, its output.
        Notifications between blocks are skipped."""
        begin = self._line()
        while not begin.startswith(b"%begin "):
            begin = self._line()
        _, _, number, flags = begin.split()[:4]
        out: list[bytes] = []
        while True:
            line = self._line()
            if line.startswith((b"%end ", b"%error ")) and line.split()[2] == number:
                text = b"".join(out).decode("utf-8", errors="replace")
                return flags == b"1", line.startswith(b"%end "), text
            out.append(line)

    def _write(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command.encode("utf-8") + b"\n")
        self.proc.stdin.flush()

    def _line(self) -> bytes:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the tmux server went away")
        return line

    def close(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()
        self.proc.kill()
        self.proc.wait()


def _screen_test(expected: str | re.Pattern[str] | Callable[[str], bool]) -> Callable[[str], bool]:
    if isinstance(expected, str):
        return lambda screen: expected in screen
    if isinstance(expected, re.Pattern):
        return lambda screen: expected.search(screen) is not None
    return expected


def read_po(path: Path) -> list[polib.POEntry]:
    """A PO file's live entries as they are on disk now."""
    return [e for e in polib.pofile(str(path)) if not e.obsolete]


def copy_project(source: Path, dest: Path) -> Path:
    """A copy of a project for one test (its TM cache left out: the copy builds its own)."""
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns(".kwb", ".kwb-*", "*.lock"))
    return dest


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def _descendants(pid: int) -> list[int]:
    """`pid` and every process below it (the TM service, its helpers), from /proc."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(stat.parent.name))
    found = [pid]
    for parent in found:
        found += parents.get(parent, [])
    return found
