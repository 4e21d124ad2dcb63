"""What the corpus-level glossary tools (concordance, extraction) need of a segment.

`store.pairs.Pair` fits; the protocol keeps `terms` from importing the store.
"""

from __future__ import annotations

from typing import Protocol


class Segment(Protocol):
    """A segment of the project: where it is, its Sorani and English, its document."""

    @property
    def file(self) -> str: ...

    @property
    def id(self) -> str: ...

    @property
    def ckb(self) -> str: ...

    @property
    def en(self) -> str: ...

    @property
    def doc(self) -> str: ...
