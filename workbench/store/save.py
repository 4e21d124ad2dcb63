"""Saving a PO file without ever overwriting someone else's work.

Under a lock, the file on disk is compared with the bytes kwb read. If another program
(Poedit, a text editor, a second kwb) changed it meanwhile, the two versions are merged
entry by entry against what was read (a three-way merge); where both changed the same
entry differently, nothing is written and a `ConflictError` says which entry.
"""

from __future__ import annotations

import copy

import polib

from workbench.atomic import atomic_write, locked
from workbench.errors import InputError
from workbench.store.pofile import Catalog, parse, render

EntryId = tuple[str | None, str]


class ConflictError(InputError):
    """The file changed on disk in a way that collides with unsaved changes."""


def entry_id(entry: polib.POEntry) -> EntryId:
    """What identifies an entry across versions of a file."""
    return (entry.msgctxt, entry.msgid)


def _content(entry: polib.POEntry | None) -> tuple[object, ...] | None:
    if entry is None:
        return None
    return (
        entry.msgstr,
        tuple(entry.flags),
        entry.tcomment,
        entry.comment,
        tuple(entry.occurrences),
        entry.previous_msgid,
        entry.previous_msgctxt,
        entry.obsolete,
    )


def three_way(
    base: polib.POFile, theirs: polib.POFile, ours: polib.POFile, name: str
) -> polib.POFile:
    """Merge `ours` and `theirs`, both derived from `base`; `ConflictError` on a collision."""
    b = {entry_id(e): e for e in base}
    t = {entry_id(e): e for e in theirs}
    o = {entry_id(e): e for e in ours}
    merged = copy.copy(ours)
    merged[:] = []
    for key in list(o) + [k for k in t if k not in o]:
        mine, base_entry, their = o.get(key), b.get(key), t.get(key)
        if _content(mine) == _content(base_entry):
            chosen = their  # unchanged here: take theirs (which may have deleted it)
        elif _content(their) == _content(base_entry) or _content(their) == _content(mine):
            chosen = mine
        else:
            label = key[0] or key[1][:40]
            raise ConflictError(
                name,
                f"changed on disk by another program, and entry {label!r} was changed "
                "both there and here; nothing saved (reload to see their version)",
            )
        if chosen is not None:
            merged.append(chosen)
    if dict(ours.metadata) == dict(base.metadata):
        merged.metadata = dict(theirs.metadata)
    return merged


def save_catalog(catalog: Catalog) -> bool:
    """Write the catalog atomically, merging outside changes; True if the file changed."""
    path = catalog.path
    with locked(path):
        try:
            current: bytes | None = path.read_bytes()
        except FileNotFoundError:
            current = None
        po = catalog.po
        if current is not None and current != catalog.original:
            base = parse(catalog.original or b"", path)
            po = three_way(base, parse(current, path), po, str(path))
        data = render(po)
        if data == current:
            catalog.po, catalog.original = po, data
            return False
        atomic_write(path, data)
        catalog.po, catalog.original = po, data
        return True
