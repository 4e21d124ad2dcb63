"""Pause Python's cyclic garbage collector around allocation-heavy batch work.

Matching a large text or loading a big PO file allocates millions of small acyclic tuples;
the collector would walk them again and again for nothing (it halves matching speed).
Reference counting still frees everything; only the cycle search waits until the end.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector inside the block (re-entrant; restores the old state)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
