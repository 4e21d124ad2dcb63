"""Search and replace in the English (msgstr) of PO files.

OLD is literal text (case as typed) unless `regex`, where NEW may name groups (\\1, \\g<name>);
`word` keeps OLD to whole words. Only translated text is touched (an empty English has
nothing to replace). An entry whose English changes is edited like any edit: a reviewed one
loses its review (the review was of the old text), a draft stays a draft.

Applying a plan saves each file once through the store's save path (atomic, merging what
another program wrote meanwhile, refusing a collision) after every file's new content has
been rendered: a file that cannot be written stops the run before anything is; one that
fails mid-way has the files written before it put back as they were.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polib

from workbench.atomic import atomic_write, locked
from workbench.errors import InputError
from workbench.store.pofile import (
    REVIEWED,
    Catalog,
    plain_newlines,
    read_catalog,
    render,
    set_flag,
    touch_revision,
)
from workbench.store.save import save_catalog

Span = tuple[int, int]


@dataclass(frozen=True)
class Replaced:
    """A text after replacement, with the changed spans in the old text and the new."""

    before: str
    after: str
    old_spans: tuple[Span, ...]
    new_spans: tuple[Span, ...]


@dataclass(frozen=True)
class Replacer:
    """OLD → NEW compiled once: `apply` to any number of texts."""

    pattern: re.Pattern[str]
    new: str
    regex: bool

    def apply(self, text: str) -> Replaced | None:
        """`text` with every match replaced, or None when nothing changes."""
        pieces: list[str] = []
        old_spans: list[Span] = []
        new_spans: list[Span] = []
        position = length = 0
        for m in self.pattern.finditer(text):
            replacement = self._expand(m)
            kept = text[position : m.start()]
            pieces += [kept, replacement]
            length += len(kept)
            old_spans.append(m.span())
            new_spans.append((length, length + len(replacement)))
            length += len(replacement)
            position = m.end()
        if not old_spans:
            return None
        pieces.append(text[position:])
        after = plain_newlines("".join(pieces))
        if after == text:
            return None
        return Replaced(text, after, tuple(old_spans), tuple(new_spans))

    def _expand(self, m: re.Match[str]) -> str:
        if not self.regex:
            return self.new
        try:
            return m.expand(self.new)
        except (re.error, IndexError) as exc:
            raise InputError(self.new, f"bad replacement: {exc}") from None


def compile_replacer(old: str, new: str, regex: bool = False, word: bool = False) -> Replacer:
    """OLD as a pattern (literal unless `regex`; whole words with `word`), NEW as its
    replacement; an empty OLD or a bad regex is an `InputError`."""
    if not old:
        raise InputError("OLD", "nothing to replace: OLD is empty")
    source = old if regex else re.escape(old)
    if word:
        source = rf"(?<!\w)(?:{source})(?!\w)"
    try:
        pattern = re.compile(source)
    except re.error as exc:
        raise InputError(old, f"bad regular expression: {exc}") from None
    if regex:  # a bad group reference in NEW is reported before anything is shown
        try:
            pattern.sub(new, "")  # parses the template, even with nothing to replace
        except (re.error, IndexError) as exc:
            raise InputError(new, f"bad replacement: {exc}") from None
    return Replacer(pattern, new, regex)


@dataclass(frozen=True)
class Change:
    """One entry's English before and after (`kwb replace --json` prints these fields)."""

    file: str
    id: str
    before: str
    after: str
    old_spans: tuple[Span, ...] = ()
    new_spans: tuple[Span, ...] = ()
    reviewed: bool = False
    """The entry was reviewed: applying the change takes its review away."""

    def as_json(self) -> dict[str, object]:
        return {"file": self.file, "id": self.id, "before": self.before, "after": self.after}


@dataclass
class FilePlan:
    """The changes to one PO file, with the catalog they apply to."""

    name: str
    catalog: Catalog
    changes: list[tuple[polib.POEntry, Change]] = field(default_factory=list)


def plan_file(path: Path, name: str, replacer: Replacer) -> FilePlan:
    """The changes `replacer` makes to the English of one PO file (nothing written)."""
    catalog = read_catalog(path)
    plan = FilePlan(name, catalog)
    for entry in catalog.entries:
        if not entry.msgstr:
            continue
        done = replacer.apply(entry.msgstr)
        if done is None:
            continue
        change = Change(
            name,
            entry.msgctxt or "",
            done.before,
            done.after,
            done.old_spans,
            done.new_spans,
            REVIEWED in entry.flags,
        )
        plan.changes.append((entry, change))
    return plan


def plan(files: Iterable[tuple[Path, str]], replacer: Replacer) -> list[FilePlan]:
    """The plans of the files (path, name as shown) that `replacer` changes, in order."""
    plans = (plan_file(path, name, replacer) for path, name in files)
    return [p for p in plans if p.changes]


def edit(entry: polib.POEntry, text: str) -> None:
    """Set an entry's English as an edit does: a reviewed entry is reviewed no more."""
    if entry.msgstr != text:
        entry.msgstr = text
        set_flag(entry, REVIEWED, False)


def apply(plans: list[FilePlan]) -> None:
    """Make the planned changes and save each file once (see the module's docstring)."""
    for file_plan in plans:
        for entry, change in file_plan.changes:
            edit(entry, change.after)
        touch_revision(file_plan.catalog.po)
    for file_plan in plans:
        render(file_plan.catalog.po)  # refuses what no PO file can hold, before any write
    written: list[tuple[Path, bytes | None]] = []
    try:
        for file_plan in plans:
            before = file_plan.catalog.original
            save_catalog(file_plan.catalog)
            written.append((file_plan.catalog.path, before))
    except BaseException:
        for path, before in reversed(written):
            if before is not None:
                with locked(path):
                    atomic_write(path, before)
        raise


def changes(plans: Iterable[FilePlan]) -> list[Change]:
    """Every change of `plans`, in file and entry order."""
    return [change for p in plans for _, change in p.changes]
