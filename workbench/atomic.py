"""Crash-safe file writes and inter-process locks.

A write goes to a temporary file in the same folder, is flushed and fsynced, then renamed
over the target (atomic on POSIX), and the folder is fsynced so the rename itself survives
a crash. A reader (or a crash at any instant) sees the old file or the new one, never a
mix. A lock file beside the target keeps two kwb processes from writing it at once.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from workbench.errors import InputError


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically (keeping the old file's permissions)."""
    folder = path.parent
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class LockTimeoutError(InputError):
    """Another process held the lock for too long."""


@contextlib.contextmanager
def locked(path: Path, timeout: float = 10.0) -> Iterator[None]:
    """Hold an exclusive lock on `path` (via `path.lock` beside it) inside the block.

    The lock is an advisory `flock`: released by the kernel if the process dies, so a
    crash never leaves a project locked.
    """
    lock_path = path.with_name(f".{path.name}.lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() > deadline:
                    raise LockTimeoutError(
                        path, "is locked by another kwb process; try again"
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)


def atomic_write_all(files: dict[Path, bytes]) -> None:
    """Replace several files as a set: each is written to a temporary file beside it and
    synced first, and only when all are written are they renamed over their targets, so a
    failure while writing (a full disk, a folder that cannot be written) changes none."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            try:
                mode = path.stat().st_mode & 0o777
            except FileNotFoundError:
                mode = 0o644
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((tmp_name, path))
            with os.fdopen(fd, "wb") as tmp:
                tmp.write(data)
                tmp.flush()
                os.fsync(tmp.fileno())
            os.chmod(tmp_name, mode)
        while staged:
            tmp_name, path = staged[0]
            os.replace(tmp_name, path)
            staged.pop(0)
    except BaseException:
        for tmp_name, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
        raise
    for folder in {path.parent for path in files}:
        _fsync_folder(folder)
