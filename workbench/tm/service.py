"""Translation-memory lookups in a process of their own.

A fuzzy lookup is tens of milliseconds of Python work on a big project. Run in a thread of
an interactive program it holds the interpreter lock and delays that program's screen;
run here, it uses the machine's other core. The service brings the project's TM up to date
(`open_tm`), says it is ready, then answers one JSON line per request on stdin/stdout:

    → {"text": "…", "minimum": 60, "limit": 6}
    ← {"matches": [{"score": 91.2, "ckb": …, "en": …, "source": …, "id": …}, …]}

`python -m workbench.tm.service PROJECT_ROOT` runs the service; `TmService` starts and
talks to it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

from workbench.store.similarity import SUGGESTION_MINIMUM
from workbench.tm.index import Match


class TmUnavailableError(Exception):
    """The service could not start, or stopped."""


class TmService:
    """A running lookup process for one project. `search` blocks (call it from a worker
    thread: waiting on the pipe does not hold the interpreter lock) and is thread-safe."""

    def __init__(self, project_root: Path) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "workbench.tm.service", str(project_root)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self._lock = threading.Lock()

    def wait_ready(self) -> None:
        """Block until the TM is in sync and the service answers; `TmUnavailableError` if not."""
        reply = self._read()
        if not reply.get("ready"):
            raise TmUnavailableError(str(reply.get("error", "no answer")))

    def search(
        self, text: str, minimum: float = SUGGESTION_MINIMUM, limit: int = 10
    ) -> list[Match]:
        """The same matches as `TranslationMemory.search`."""
        with self._lock:
            stdin = self._stream(self._proc.stdin)
            try:
                stdin.write(json.dumps({"text": text, "minimum": minimum, "limit": limit}))
                stdin.write("\n")
                stdin.flush()
            except OSError as exc:
                raise TmUnavailableError(f"the TM service stopped ({exc})") from None
            reply = self._read()
        matches = reply.get("matches")
        if not isinstance(matches, list):
            raise TmUnavailableError(str(reply.get("error", "bad answer")))
        return [Match(m["score"], m["ckb"], m["en"], m["source"], m["id"]) for m in matches]

    def close(self) -> None:
        """Stop the service (it also stops by itself when this process goes away)."""
        if self._proc.poll() is None:
            try:
                self._stream(self._proc.stdin).close()
                self._proc.wait(timeout=2)
            except (OSError, subprocess.TimeoutExpired):
                self._proc.kill()
                self._proc.wait()
        for stream in (self._proc.stdout, self._proc.stderr):
            if stream is not None:
                stream.close()

    def _read(self) -> dict[str, object]:
        line = self._stream(self._proc.stdout).readline()
        if not line:
            self._proc.wait()
            error = self._stream(self._proc.stderr).read().strip().splitlines()
            raise TmUnavailableError(error[-1] if error else "the TM service stopped")
        reply: dict[str, object] = json.loads(line)
        return reply

    @staticmethod
    def _stream(stream: IO[str] | None) -> IO[str]:
        assert stream is not None, "started with pipes"
        return stream


def serve(root: Path, requests: IO[str], replies: IO[str]) -> None:
    """Open the project's TM, then answer lookups until `requests` ends."""
    from workbench.errors import InputError
    from workbench.store.project import load_project
    from workbench.tm.index import open_tm

    def send(message: dict[str, object]) -> None:
        replies.write(json.dumps(message, ensure_ascii=False) + "\n")
        replies.flush()

    try:
        tm = open_tm(load_project(root))
    except InputError as exc:
        send({"error": str(exc)})
        return
    try:
        send({"ready": True})
        for line in requests:
            request = json.loads(line)
            found = tm.search(request["text"], request["minimum"], request["limit"])
            send({"matches": [m.as_json() | {"score": m.score} for m in found]})
    finally:
        tm.close()


if __name__ == "__main__":
    import io

    serve(
        Path(sys.argv[1]),
        io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8"),
        io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8"),
    )
