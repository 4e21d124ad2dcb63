"""An editing session on one PO file: state, navigation, autosave and outside changes.

Kept free of Textual so the editor's behaviour can be tested (and reused) without a screen.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import polib

from workbench.errors import InputError
from workbench.qa.context import Context
from workbench.qa.model import Finding, Scope, Unit, parse_waivers
from workbench.qa.registry import CHECKS
from workbench.qa.runner import check_units, units_from_po
from workbench.store.comments import (
    add_waiver,
    review_line,
    set_comment,
    set_review_line,
    set_reviewer,
)
from workbench.store.identity import last_translator
from workbench.store.pofile import (
    FUZZY,
    REVIEWED,
    STATES,
    Catalog,
    plain_newlines,
    read_catalog,
    set_flag,
    state,
    touch_revision,
)
from workbench.store.save import save_catalog
from workbench.store.similarity import SUGGESTION_MINIMUM
from workbench.terms.matcher import Hit, Matcher
from workbench.tm.index import Match


class Suggester(Protocol):
    """Where TM suggestions come from: the index itself or the lookup service."""

    def search(self, text: str, minimum: float = ..., limit: int = ...) -> list[Match]: ...


ENTRY_CHECKS = [c.id for c in CHECKS if c.scope == "entry" and c.default]
CORPUS_CHECKS = [c.id for c in CHECKS if c.scope == "corpus"]


@dataclass(frozen=True)
class ProjectQa:
    """What QA finds on the open file compared across the project (as `kwb check` does):
    the corpus checks' findings by entry (msgctxt), and the project's length ratio, which
    the length check measures entries against."""

    findings: dict[str, list[Finding]]
    log_ratio: tuple[float, float]
    scope: Scope


@dataclass
class EditSession:
    """The open file, the current segment, and whether there are unsaved changes."""

    path: Path
    matcher: Matcher | None = None
    tm: Suggester | None = None
    translations: Path | None = None
    """The project's PO folder: the open file is checked against its other files."""
    project_qa: ProjectQa | None = field(default=None, init=False)
    """The last project-wide check (`check_project`), or None before the first."""
    catalog: Catalog = field(init=False)
    entries: list[polib.POEntry] = field(init=False)
    index: int = 0
    _saved: dict[int, tuple[str, tuple[str, ...], str]] = field(default_factory=dict, repr=False)
    """Entries changed since the file was read or saved: their text, flags and translator
    comment as saved."""
    _demoted: set[int] = field(default_factory=set, repr=False)
    """Reviewed entries whose text an edit changed (and so are no longer reviewed)."""
    _hits: dict[int, list[Hit]] = field(default_factory=dict, repr=False)
    _suggestions: dict[int, list[Match]] = field(default_factory=dict, repr=False)
    _tm_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _seen: tuple[int, int] | None = field(default=None, repr=False)
    user: str | None = None
    """Who the translator is (`store.identity`): recorded as `Last-Translator` and on review
    marks. None until known: nothing then names anyone (never "kwb")."""
    email: str = ""

    def __post_init__(self) -> None:
        self.load()

    def load(self) -> None:
        """(Re)read the file from disk."""
        self.catalog = read_catalog(self.path)
        self.entries = self.catalog.entries
        self.index = min(self.index, max(0, len(self.entries) - 1))
        self._forget_changes()
        self._hits.clear()
        self._suggestions.clear()
        self._remember_disk()

    @property
    def current(self) -> polib.POEntry:
        return self.entries[self.index]

    @property
    def dirty(self) -> bool:
        """Whether anything differs from the file as read or saved: an edit undone back
        to the saved text is no change."""
        return bool(self._saved)

    def _before_change(self, i: int) -> None:
        """Remember entry `i` as saved, before its first change."""
        if i not in self._saved:
            entry = self.entries[i]
            self._saved[i] = (entry.msgstr, tuple(sorted(entry.flags)), entry.tcomment)

    def _after_change(self, i: int) -> None:
        """Forget entry `i`'s change if it is back as saved."""
        entry = self.entries[i]
        if self._saved.get(i) == (entry.msgstr, tuple(sorted(entry.flags)), entry.tcomment):
            del self._saved[i]

    def _forget_changes(self) -> None:
        self._saved.clear()
        self._demoted.clear()

    # --- what the editor shows ---------------------------------------------------------

    def hits(self, i: int | None = None) -> list[Hit]:
        """Glossary terms in a segment's source (cached)."""
        i = self.index if i is None else i
        if i not in self._hits:
            self._hits[i] = self.matcher.find(self.entries[i].msgid) if self.matcher else []
        return self._hits[i]

    def glossary_choices(self, i: int | None = None) -> list[Hit]:
        """One hit per distinct entry, in source order: what alt+1…9 insert."""
        seen: set[str] = set()
        out = []
        for hit in self.hits(i):
            if hit.entry.id not in seen:
                seen.add(hit.entry.id)
                out.append(hit)
        return out

    def suggestions(self, i: int | None = None, limit: int = 5) -> list[Match]:
        """Translation-memory matches for a segment, other than the segment itself. The TM
        is fixed for the session (synced when the workbench opened), so they are cached."""
        i = self.index if i is None else i
        if self.tm is None or not 0 <= i < len(self.entries):
            return []
        with self._tm_lock:  # lookups run in worker threads; one at a time on the index
            cached = self._suggestions.get(i)
            if cached is None:
                entry = self.entries[i]
                found = self.tm.search(entry.msgid, SUGGESTION_MINIMUM, limit + 1)
                cached = [m for m in found if m.ctx != entry.msgctxt][:limit]
                self._suggestions[i] = cached
            return cached

    def cached_suggestions(self, i: int) -> list[Match] | None:
        """The suggestions for segment `i` if already looked up (None otherwise)."""
        return self._suggestions.get(i)

    def findings(self, i: int | None = None, context: Context | None = None) -> list[Finding]:
        """QA findings of one entry, waived ones excluded: the entry checks on its text as
        it is now, and the corpus checks' findings of the last project-wide check
        (`check_project`), so that the editor shows what `kwb check` reports."""
        entry = self.entries[self.index if i is None else i]
        if not entry.msgstr.strip():
            return []
        unit = self._unit(entry)
        unit.hits = list(self.hits(self.index if i is None else i))
        project = self.project_qa
        if context is not None:
            ctx = context
        elif project is not None:
            ctx = Context(self.matcher, project.log_ratio)
        else:
            ctx = Context(self.matcher)
        found = check_units([unit], self.matcher, ENTRY_CHECKS, ctx)
        if project is not None:
            found += project.findings.get(entry.msgctxt or "", [])
        return [f for f in found if f.waived is None]

    def _unit(self, entry: polib.POEntry) -> Unit:
        """An entry as a QA unit, as it is now (saved or not)."""
        unit = Unit(self.path.name, entry.msgctxt or "", entry.msgid, entry.msgstr, state(entry))
        unit.waivers = parse_waivers(entry.tcomment or "")
        return unit

    def units(self) -> list[Unit]:
        """The open file's entries as QA units, as they are now (saved or not)."""
        return [self._unit(entry) for entry in list(self.entries)]

    def project_units(self) -> list[Unit]:
        """The open file's units and those of the project's other PO files: what the
        corpus checks compare the open file with."""
        units = self.units()
        if self.translations is None:
            return units
        own = self.path.resolve()
        for path in sorted(self.translations.glob("*.po")):
            if path.resolve() != own:
                try:
                    units += units_from_po(path)
                except InputError:
                    continue  # a file another program is writing, or broken: not compared
        return units

    def check_project(self) -> ProjectQa:
        """Check the open file across the project (slow: call it from a worker). The
        corpus checks' findings are kept for `findings`."""
        units = self.project_units()
        ctx = Context(self.matcher)
        ctx.measure(units)
        found = check_units(
            units, self.matcher, CORPUS_CHECKS, scope="project", report={self.path.name}
        )
        by_entry: dict[str, list[Finding]] = {}
        for finding in found:
            by_entry.setdefault(finding.id, []).append(finding)
        translated = sum(u.translated for u in units)
        scope = Scope("project", len({u.file for u in units}), translated)
        self.project_qa = ProjectQa(by_entry, ctx.log_ratio, scope)
        return self.project_qa

    def matching(self, query: str) -> list[int]:
        """Entries a filter shows: all for "", those in a state for a state's name, else
        those whose source (by matching key, through spelling variants) or English
        (case-folded) holds the query."""
        folded = query.strip().casefold()
        if not folded:
            return list(range(len(self.entries)))
        if folded in STATES:
            return [i for i, e in enumerate(self.entries) if state(e) == folded]
        from workbench.text import key_text

        key = key_text(folded)
        return [
            i
            for i, e in enumerate(self.entries)
            if key in key_text(e.msgid) or folded in e.msgstr.casefold()
        ]

    # --- editing -------------------------------------------------------------------------

    def set_target(self, text: str, i: int | None = None) -> None:
        """The translator's English for entry `i` (the current one). Changing the text of
        a reviewed entry takes its review away, as Weblate does: the review was of the old
        text. Undone back to the reviewed text, the entry is reviewed again."""
        text = plain_newlines(text)  # pasted U+2028 would make the PO file unreadable
        i = self.index if i is None else i
        entry = self.entries[i]
        if entry.msgstr == text:
            return
        self._before_change(i)
        entry.msgstr = text
        saved_text, saved_flags, saved_comment = self._saved[i]
        if text != saved_text and REVIEWED in entry.flags:
            set_flag(entry, REVIEWED, False)
            set_review_line(entry, "")
            self._demoted.add(i)
        elif text == saved_text and i in self._demoted and FUZZY not in entry.flags:
            set_flag(entry, REVIEWED, REVIEWED in saved_flags)
            set_review_line(entry, review_line(saved_comment))
            self._demoted.discard(i)
        self._after_change(i)

    def toggle_fuzzy(self) -> None:
        """Draft or not (a draft is not reviewed); the translator's own decision."""
        i, entry = self.index, self.current
        self._before_change(i)
        set_flag(entry, FUZZY, FUZZY not in entry.flags)
        if FUZZY in entry.flags:
            set_flag(entry, REVIEWED, False)
            set_review_line(entry, "")
        self._demoted.discard(i)
        self._after_change(i)

    def mark_reviewed(self) -> None:
        entry = self.current
        if not entry.msgstr.strip():
            raise InputError(entry.msgctxt or "", "cannot mark an empty translation reviewed")
        self._before_change(self.index)
        set_flag(entry, FUZZY, False)
        set_flag(entry, REVIEWED, REVIEWED not in entry.flags)
        set_reviewer(entry, self.user if REVIEWED in entry.flags else None)
        self._demoted.discard(self.index)
        self._after_change(self.index)

    def done(self) -> None:
        """The translator is done with this segment: no longer a draft."""
        if self.current.msgstr.strip() and FUZZY in self.current.flags:
            self._before_change(self.index)
            set_flag(self.current, FUZZY, False)
            self._after_change(self.index)

    # --- navigation ----------------------------------------------------------------------

    def move(self, step: int) -> int:
        self.index = max(0, min(len(self.entries) - 1, self.index + step))
        return self.index

    def unfinished_count(self) -> int:
        """How many entries are untranslated or fuzzy."""
        return sum(state(e) in ("untranslated", "fuzzy") for e in self.entries)

    def unfinished(self, step: int) -> int:
        """The next (or previous) untranslated or fuzzy segment; stays put if none."""
        n = len(self.entries)
        for k in range(1, n + 1):
            i = (self.index + step * k) % n
            if state(self.entries[i]) in ("untranslated", "fuzzy"):
                self.index = i
                break
        return self.index

    # --- disk ----------------------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        """Whether another program wrote the file since kwb read or saved it. Runs on every
        move and every poll, so it reads the file only when its size or mtime changed."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return True
        seen = (stat.st_mtime_ns, stat.st_size)
        if seen == self._seen:
            return False
        if self.path.read_bytes() != self.catalog.original:
            return True
        self._seen = seen  # touched but identical: nothing changed
        return False

    def _remember_disk(self) -> None:
        try:
            stat = self.path.stat()
            self._seen = (stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:
            self._seen = None

    def save(self) -> bool:
        """Write atomically (merging outside edits entry by entry); True if written. With
        nothing unsaved, an outside change is simply reloaded."""
        if not self.dirty:
            if self.changed_on_disk():
                self.load()  # nothing of ours to keep: show theirs
            return False
        touch_revision(self.catalog.po)
        if self.user:
            metadata = self.catalog.po.metadata
            existing = metadata.get("Last-Translator", "")
            metadata["Last-Translator"] = last_translator(self.user, self.email, existing)
        written = save_catalog(self.catalog)
        self.entries = self.catalog.entries
        self._forget_changes()
        self._remember_disk()
        return written

    def restore(self, i: int, text: str, flags: tuple[str, ...], comment: str) -> None:
        """Put entry `i` back as it was before an edit that is taken back as a whole (an
        undone replacement): its English and its flags, a review and its reviewer included."""
        entry = self.entries[i]
        self._before_change(i)
        entry.msgstr = plain_newlines(text)
        entry.flags = list(flags)
        set_review_line(entry, review_line(comment))
        self._demoted.discard(i)
        self._after_change(i)

    # --- comments and waivers ------------------------------------------------------------

    def set_comment(self, text: str, i: int | None = None) -> None:
        """The translator's comment of entry `i` (the note and waivers; saved with it)."""
        i = self.index if i is None else i
        self._before_change(i)
        set_comment(self.entries[i], text)
        self._after_change(i)

    def waive(self, check: str, reason: str, i: int | None = None) -> None:
        """Silence `check` on entry `i` with the translator's reason (`kwb-ok:`)."""
        i = self.index if i is None else i
        self._before_change(i)
        add_waiver(self.entries[i], check, reason)
        self._after_change(i)

    def sign(self) -> bool:
        """Record the user as `Last-Translator` now that the name is known (the file was
        saved before it was); True if written."""
        if not self.user:
            return False
        metadata = self.catalog.po.metadata
        value = last_translator(self.user, self.email, metadata.get("Last-Translator", ""))
        if metadata.get("Last-Translator") == value:
            return False
        if self.dirty:
            return self.save()
        metadata["Last-Translator"] = value
        written = save_catalog(self.catalog)
        self.entries = self.catalog.entries
        self._remember_disk()
        return written

    def use_matcher(self, matcher: Matcher) -> None:
        """Match glossary terms with `matcher` from now on (a term was proposed)."""
        self.matcher = matcher
        self._hits.clear()
