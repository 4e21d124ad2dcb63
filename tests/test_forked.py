"""Work shared among forked child processes: results in order, failures raised here."""

from __future__ import annotations

import os
import signal

import pytest

from workbench.forked import WorkerFailedError, can_fork, fork_map

pytestmark = pytest.mark.skipif(not can_fork(), reason="this platform does not fork")


def test_children_see_the_parents_memory_and_return_in_order() -> None:
    table = {n: "ب" * n for n in range(5)}  # never pickled on the way in
    assert fork_map(lambda n: (os.getpid(), table[n]), 5)[2][1] == "بب"
    pids = {pid for pid, _ in fork_map(lambda n: (os.getpid(), n), 3)}
    assert len(pids) == 3 and os.getpid() not in pids


def test_an_exception_in_a_child_is_raised_in_the_parent() -> None:
    def work(n: int) -> int:
        if n == 1:
            raise ValueError("bad chunk 1")
        return n

    with pytest.raises(ValueError, match="bad chunk 1"):
        fork_map(work, 3)


def test_a_child_that_dies_is_an_error_and_none_is_left_behind() -> None:
    def work(n: int) -> int:
        if n == 0:
            os.kill(os.getpid(), signal.SIGKILL)
        return n

    with pytest.raises(WorkerFailedError, match="without a result"):
        fork_map(work, 2)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was reaped


def test_what_cannot_be_sent_back_is_still_reported() -> None:
    with pytest.raises(AttributeError, match="pickle"):
        fork_map(lambda n: lambda: n, 1)  # the result: pickling it fails in the child

    class UnsendableError(Exception):
        def __init__(self) -> None:
            super().__init__("lost")
            self.callback = lambda: None

    def work(n: int) -> int:
        raise UnsendableError

    with pytest.raises(WorkerFailedError, match="UnsendableError"):
        fork_map(work, 1)  # the exception itself: its traceback comes back as text


def test_large_results_come_back_whole() -> None:
    results = fork_map(lambda n: "ک" * (3_000_000 + n), 2)  # more than a pipe's buffer
    assert [len(r) for r in results] == [3_000_000, 3_000_001]
