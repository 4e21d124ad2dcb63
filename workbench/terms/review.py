"""The glossary review workflow: propose → approve / reject, deprecate, edit — with history.

Every change returns a new entry carrying a `HistoryEvent` (who, when, what, why), and is
written by `update_glossary`: read, change and atomically rewrite the master file under a
lock, so two maintainers never lose each other's work and untouched entries stay
byte-identical.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.atomic import atomic_write, locked
from workbench.errors import InputError
from workbench.terms import glossary_file
from workbench.terms.model import Entry, HistoryEvent, Status
from workbench.text import canonical_text

EDITABLE = {name for name, _ in glossary_file.FIELDS} - {
    "id",
    "status",
    "proposed_by",
    "proposed_on",
    "reviewed_by",
    "reviewed_on",
    "review_comment",
}


class ReviewError(InputError):
    """A change the workflow does not allow (e.g. approving an entry without a rendering)."""


def today() -> dt.date:
    return dt.date.today()


def propose(entry: Entry, by: str, on: dt.date | None = None, comment: str = "") -> Entry:
    """A new entry in status `proposed`, its source in canonical spelling."""
    on = on or today()
    return dataclasses.replace(
        entry,
        source=canonical_text(entry.source).strip(),
        status="proposed",
        proposed_by=by,
        proposed_on=on,
        reviewed_by="",
        reviewed_on=None,
        review_comment="",
        history=(HistoryEvent(on, by, "proposed", comment),),
    )


def decide(
    entry: Entry, status: Status, by: str, comment: str = "", on: dt.date | None = None
) -> Entry:
    """Approve, reject or deprecate an entry, recording the reviewer, date and comment."""
    if status == "approved" and not entry.target.strip():
        raise ReviewError(entry.id, "cannot be approved without a preferred rendering (target)")
    if status == entry.status:
        raise ReviewError(entry.id, f"is already {status}")
    if status == "proposed":
        raise ReviewError(entry.id, "use propose for new entries")
    on = on or today()
    action = {"approved": "approved", "rejected": "rejected", "deprecated": "deprecated"}[status]
    return dataclasses.replace(
        entry,
        status=status,
        reviewed_by=by,
        reviewed_on=on,
        review_comment=comment,
        history=(*entry.history, HistoryEvent(on, by, action, comment)),
    )


def edit(
    entry: Entry, changes: dict[str, Any], by: str, comment: str = "", on: dt.date | None = None
) -> Entry:
    """Change some fields (not the id or the review state), recording what changed."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ReviewError(entry.id, f"cannot edit {', '.join(sorted(unknown))}")
    values = dict(changes)
    if "source" in values:
        values["source"] = canonical_text(values["source"]).strip()
    changed = sorted(k for k, v in values.items() if getattr(entry, k) != v)
    if not changed:
        raise ReviewError(entry.id, "nothing to change")
    on = on or today()
    if entry.status == "approved" and not values.get("target", entry.target).strip():
        raise ReviewError(entry.id, "an approved entry keeps a preferred rendering")
    note = f"edited {', '.join(changed)}" + (f": {comment}" if comment else "")
    return dataclasses.replace(
        entry, **values, history=(*entry.history, HistoryEvent(on, by, "edited", note))
    )


def update_glossary(path: Path, change: Callable[[list[Entry]], list[Entry]]) -> list[Entry]:
    """Read the master file, apply `change`, and rewrite it atomically, all under a lock."""
    with locked(path):
        entries = glossary_file.read(path)
        updated = change(entries)
        text = glossary_file.format_file(updated)
        glossary_file.parse(text, path)  # never write what could not be read back
        atomic_write(path, text.encode("utf-8"))
    return updated


def replace_entry(entries: list[Entry], entry: Entry) -> list[Entry]:
    """`entries` with the entry of the same id replaced (or added)."""
    out = [e for e in entries if e.id != entry.id]
    out.append(entry)
    return out


def find(entries: list[Entry], entry_id: str) -> Entry:
    """The entry with this id, or a `ReviewError`."""
    for e in entries:
        if e.id == entry_id:
            return e
    raise ReviewError(entry_id, "no glossary entry with this id")
