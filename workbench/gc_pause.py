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


def freeze_long_lived() -> None:
    """Move every object alive now out of the collector's sight (`gc.freeze`). Called by the
    workbench once a file is loaded: the catalog and the screen live for the session, and a
    full collection walking them takes ~100 ms, a visible stall in the middle of a keystroke.
    New objects are still collected; frozen ones are still freed by reference counting."""
    gc.collect()
    gc.freeze()
