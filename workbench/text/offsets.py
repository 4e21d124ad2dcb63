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


def map_spans(offsets: OffsetMap, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`offsets.span` for many non-overlapping spans sorted by start, in one linear pass."""
    if offsets.is_identity:
        return spans
    if offsets.parent is None or offsets.parent.is_identity:
        return _map_spans_one_level(offsets, spans)
    starts = _map_sorted(offsets, [s for s, _ in spans], end=False)
    ends = _map_sorted(offsets, [e for _, e in spans], end=True)
    return [(s, max(s, e)) for s, e in zip(starts, ends, strict=True)]


def _map_spans_one_level(offsets: OffsetMap, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`map_spans` through a map of one level. Between two edits both ends of a span move
    by the same amount, so the spans there are shifted in one list comprehension; only the
    spans touching an edit are mapped one by one (`OffsetMap.span`)."""
    span_starts = [start for start, _ in spans]
    out: list[tuple[int, int]] = []
    i, count = 0, len(spans)
    after = -1  # where the previous edit ends (normalized): spans from there on are clean
    delta = 0
    for k in range(len(offsets.edits) + 1):
        edit = offsets.edits[k] if k < len(offsets.edits) else None
        stop = count if edit is None else bisect_left(span_starts, edit.norm_start, i)
        # spans[i:stop] start before this edit; the first may touch the previous edit, the
        # last may reach into this one
        while i < stop and (spans[i][0] < after or spans[i][1] <= after):
            out.append(offsets.span(*spans[i]))
            i += 1
        clean = stop
        if edit is not None and clean > i and spans[clean - 1][1] > edit.norm_start:
            clean -= 1
        out += [(start + delta, end + delta) for start, end in spans[i:clean]]
        out += [offsets.span(*span) for span in spans[clean:stop]]
        i = stop
        if edit is not None:
            after, delta = edit.norm_end, edit.orig_end - edit.norm_end
    return out


def _map_sorted(offsets: OffsetMap, points: list[int], end: bool) -> list[int]:
    """Map sorted points through one level of edits, then through its parents.

    Between two edits every point moves by the same amount, so each stretch of points is
    shifted in one list comprehension; only points inside an edit are mapped one by one.
    """
    out: list[int] = []
    position = 0  # index into points
    delta = 0
    count = len(points)
    for e in offsets.edits:
        # Points before this edit (or, for ends, at its start) shift by the running delta.
        stop = (bisect_right if end else bisect_left)(points, e.norm_start, position)
        out.extend([p + delta for p in points[position:stop]])
        position = stop
        inside = (bisect_right if end else bisect_left)(points, e.norm_end, position)
        for p in points[position:inside]:
            if end and p == e.norm_end:
                out.append(e.orig_end)
            else:
                out.append(e.orig_start + min(p - e.norm_start, e.orig_end - e.orig_start))
        position = inside
        delta = e.orig_end - e.norm_end
        if position >= count:
            break
    out.extend([p + delta for p in points[position:]])
    if offsets.parent is not None and not offsets.parent.is_identity:
        return _map_sorted(offsets.parent, out, end)
    return out
