"""An entry's translator comment (PO `# `): the translator's note, QA waivers, and who
reviewed it.

The comment is one text that other PO editors show and edit, so kwb keeps its parts in a
fixed order that every reader gets right:
1. `kwb-reviewed: NAME (YYYY-MM-DD)` — who marked the entry reviewed, and when (the flag
   `reviewed` says that it is; this line says who);
2. the translator's own note, as many lines as written (a line naming `kwb-reviewed:` in it
   is dropped: that record is kwb's);
3. waivers, `kwb-ok: CHECK — reason`, last: QA reads the lines after a waiver as the rest of
   its reason (PO editors wrap long comments), so nothing else may follow them.
"""

from __future__ import annotations

import datetime as dt
import re

import polib

REVIEWED_BY = "kwb-reviewed:"
WAIVER = "kwb-ok:"
_REVIEWER = re.compile(r"^kwb-reviewed:\s*(?P<name>.*?)\s*(?:\((?P<on>[0-9-]+)\))?\s*$")
_WAIVER_LINE = re.compile(r"kwb-ok:\s*(?P<check>[a-z-]+)")


def _parts(comment: str) -> tuple[str, list[str], list[str]]:
    """(reviewer line, note lines, waiver lines) of a comment."""
    reviewer = ""
    note: list[str] = []
    waivers: list[str] = []
    for line in (comment or "").splitlines():
        if line.strip().startswith(REVIEWED_BY):
            reviewer = line.strip()
        elif waivers or _WAIVER_LINE.search(line):
            waivers.append(line)
        else:
            note.append(line)
    while note and not note[-1].strip():
        note.pop()
    while note and not note[0].strip():
        note.pop(0)
    return reviewer, note, waivers


def _join(reviewer: str, note: list[str], waivers: list[str]) -> str:
    return "\n".join([*([reviewer] if reviewer else []), *note, *waivers])


def note_of_comment(comment: str) -> str:
    """The translator's own note in a comment: without kwb's review line and waivers."""
    return "\n".join(_parts(comment)[1])


def comment_of(entry: polib.POEntry) -> str:
    """What the translator edits as the entry's comment: the note and the waivers (the
    review line is kwb's record, kept out of it)."""
    _, note, waivers = _parts(entry.tcomment)
    return "\n".join([*note, *waivers])


def comment_parts(entry: polib.POEntry) -> tuple[str, str]:
    """The note and the waivers, each as lines of text ("" for none)."""
    _, note, waivers = _parts(entry.tcomment)
    return "\n".join(note), "\n".join(waivers)


def set_comment(entry: polib.POEntry, text: str) -> None:
    """Replace the translator's note and waivers with `text` (read as a comment: a line
    `kwb-ok: check — reason` and the lines after it are waivers), keeping the review line."""
    reviewer = _parts(entry.tcomment)[0]
    _, note, waivers = _parts("\n".join(line.rstrip() for line in text.splitlines()))
    entry.tcomment = _join(reviewer, note, waivers)


def add_waiver(entry: polib.POEntry, check: str, reason: str) -> None:
    """Waive `check` on this entry with the translator's reason (`kwb-ok: check — reason`);
    a waiver of the same check is replaced."""
    reviewer, note, waivers = _parts(entry.tcomment)
    kept: list[str] = []
    skipping = False
    for line in waivers:
        found = _WAIVER_LINE.search(line)
        if found:
            skipping = found["check"] == check
        if not skipping:
            kept.append(line)
    reason = " ".join(reason.split())
    kept.append(f"{WAIVER} {check} — {reason}" if reason else f"{WAIVER} {check}")
    entry.tcomment = _join(reviewer, note, kept)


def reviewer_of(comment: str) -> str:
    """Who the review line names ("" for none)."""
    line = _parts(comment)[0]
    found = _REVIEWER.match(line) if line else None
    return found["name"] if found else ""


def set_reviewer(entry: polib.POEntry, name: str | None, on: dt.date | None = None) -> None:
    """Record who reviewed the entry (None or "": take the record away)."""
    _, note, waivers = _parts(entry.tcomment)
    line = ""
    if name:
        line = f"{REVIEWED_BY} {' '.join(name.split())} ({(on or dt.date.today()).isoformat()})"
    entry.tcomment = _join(line, note, waivers)


def review_line(comment: str) -> str:
    """The review line as written ("" for none), to put back on an undo."""
    return _parts(comment)[0]


def set_review_line(entry: polib.POEntry, line: str) -> None:
    """Put a review line back as it was written ("" removes it)."""
    _, note, waivers = _parts(entry.tcomment)
    entry.tcomment = _join(line, note, waivers)
