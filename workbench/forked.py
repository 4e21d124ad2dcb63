"""Share CPU-bound work among forked child processes that start with this one's memory.

A forked child sees every object of its parent (a compiled glossary, a hundred thousand
segment pairs) without copying or pickling anything on the way in. It runs its part with
the cyclic garbage collector off -- a collection would walk, and so copy, every page it
was forked with -- sends its result back pickled through a pipe, and leaves with
`os._exit`: no interpreter teardown freeing the inherited objects one by one.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import traceback
from collections.abc import Callable
from typing import TypeVar, cast

T = TypeVar("T")


class WorkerFailedError(RuntimeError):
    """A child process failed without an exception to pass on (killed, or unpicklable)."""


def can_fork() -> bool:
    """Whether this platform forks (not Windows)."""
    return hasattr(os, "fork")


def fork_map(function: Callable[[int], T], count: int) -> list[T]:
    """`[function(0), ..., function(count - 1)]`, each computed in a forked child process.

    An exception raised in a child is raised here; a child that dies is a
    `WorkerFailedError`. If this process is interrupted, the children are killed.
    The caller must not run other threads: a child could inherit a lock one of them holds.
    """
    children: list[tuple[int, int]] = []
    try:
        for n in range(count):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                _run_child(function, n, write_end)
            os.close(write_end)
            children.append((pid, read_end))
        return [cast(T, _result(pid, read_end)) for pid, read_end in children]
    finally:
        for pid, read_end in children:
            _reap(pid, read_end)


def _run_child(function: Callable[[int], T], n: int, write_end: int) -> None:
    """In the child: compute, send (ok, result or exception) back, and exit at once."""
    status = 1
    try:
        gc.disable()
        try:
            payload = pickle.dumps((True, function(n)), pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # every failure goes to the parent
            try:
                payload = pickle.dumps((False, exc), pickle.HIGHEST_PROTOCOL)
            except Exception:  # an exception that cannot be pickled
                failure = WorkerFailedError(traceback.format_exc())
                payload = pickle.dumps((False, failure), pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        status = 0
    finally:
        os._exit(status)


def _result(pid: int, read_end: int) -> object:
    """A child's result, read to the end of its pipe (raising what it raised)."""
    with open(read_end, "rb", closefd=False) as pipe:  # `_reap` closes it
        data = pipe.read()
    if not data:
        raise WorkerFailedError(f"worker process {pid} ended without a result")
    ok, value = pickle.loads(data)
    if not ok:
        raise value
    return value


def _reap(pid: int, read_end: int) -> None:
    """Close a child's pipe and wait for it; a child still running is killed first."""
    os.close(read_end)
    try:
        finished, _ = os.waitpid(pid, os.WNOHANG)
        if finished == 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except ChildProcessError:
        pass  # already reaped
