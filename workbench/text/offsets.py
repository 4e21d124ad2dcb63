"""Offset maps: from positions in a normalized string back to positions in its original."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Edit:
    """`original[orig_start:orig_end]` became `normalized[norm_start:norm_end]`."""

    norm_start: int
    norm_end: int
    orig_start: int
    orig_end: int


@dataclass(frozen=True)
class OffsetMap:
    """Maps normalized offsets to original offsets through the length-changing edits.

    Only edits that change length are stored, so a text with a handful of deletions
    costs a handful of entries; between edits the two strings run in parallel.
    `parent` chains a map of an earlier normalization stage.
    """

    edits: tuple[Edit, ...] = ()
    parent: OffsetMap | None = None
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(e.norm_start for e in self.edits))

    @property
    def is_identity(self) -> bool:
        """True when every offset maps to itself."""
        return not self.edits and (self.parent is None or self.parent.is_identity)

    def start(self, i: int) -> int:
        """The original offset where a span starting at normalized offset `i` starts."""
        k = bisect_right(self._starts, i) - 1
        if k < 0:
            out = i
        else:
            e = self.edits[k]
            if i < e.norm_end:
                out = e.orig_start + min(i - e.norm_start, e.orig_end - e.orig_start)
            else:
                out = i - e.norm_end + e.orig_end
        return out if self.parent is None else self.parent.start(out)

    def end(self, i: int) -> int:
        """The original offset where a span ending (exclusively) at normalized `i` ends."""
        k = bisect_left(self._starts, i) - 1
        if k < 0:
            out = i
        else:
            e = self.edits[k]
            if i < e.norm_end:
                out = e.orig_start + min(i - e.norm_start, e.orig_end - e.orig_start)
            elif i == e.norm_end:
                out = e.orig_end
            else:
                out = i - e.norm_end + e.orig_end
        return out if self.parent is None else self.parent.end(out)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalized span `[start, end)`."""
        return self.start(start), max(self.start(start), self.end(end))

    def chain(self, parent: OffsetMap) -> OffsetMap:
        """This map followed by `parent` (a map of the stage before this one)."""
        if parent.is_identity:
            return self
        if self.is_identity:
            return parent
        if self.parent is None:
            return OffsetMap(self.edits, parent)
        return OffsetMap(self.edits, self.parent.chain(parent))


IDENTITY = OffsetMap()
