"""Proposing a new glossary term: a fresh id, the entry in status `proposed` with who
proposed it, written into the master file through the review workflow (`review.py`), so
the glossary review screen and `kwb glossary list --status proposed` show it at once."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from workbench.terms.model import Entry, EntryType
from workbench.terms.review import ReviewError, propose, update_glossary
from workbench.text import key_text


def slug(text: str) -> str:
    """An id-friendly form of an English rendering."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:48]


def new_entry_id(entries: list[Entry], target: str, source: str) -> str:
    """An id not yet taken: from the rendering, else from the Sorani's hash."""
    base = slug(target) or "term-" + hashlib.sha1(source.encode()).hexdigest()[:8]
    taken = {e.id for e in entries}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def same_term(entries: list[Entry], source: str) -> Entry | None:
    """A live entry (proposed or approved) whose Sorani is `source` by matching key."""
    key = key_text(source).strip()
    for e in entries:
        forms = (e.source, *e.source_forms)
        if e.status in ("proposed", "approved") and any(key_text(f).strip() == key for f in forms):
            return e
    return None


def propose_term(
    path: Path,
    source: str,
    target: str,
    by: str,
    *,
    note: str = "",
    comment: str = "",
    entry_type: EntryType = "term",
) -> Entry:
    """Add `source` → `target` to the glossary at `path` as proposed by `by`; the new
    entry. A term already proposed or approved is refused (`ReviewError`), as is an empty
    Sorani or an unnamed proposer."""
    source = " ".join(source.split())
    target = " ".join(target.split())
    if not source:
        raise ReviewError(path, "a proposed term needs its Sorani")
    if not by.strip():
        raise ReviewError(path, "a proposed term needs who proposes it")
    created: list[Entry] = []

    def change(entries: list[Entry]) -> list[Entry]:
        existing = same_term(entries, source)
        if existing is not None:
            raise ReviewError(
                existing.id,
                f"{source} is in the glossary already ({existing.status}: "
                f"{existing.target or 'no rendering'})",
            )
        entry = propose(
            Entry(
                id=new_entry_id(entries, target, source),
                source=source,
                target=target,
                type=entry_type,
                note=note.strip(),
            ),
            by.strip(),
            comment=comment,
        )
        created.append(entry)
        return [*entries, entry]

    update_glossary(path, change)
    return created[0]
