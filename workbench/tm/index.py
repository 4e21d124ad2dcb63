"""The translation-memory index: SQLite beside the project, kept in sync with its files.

Units come from every PO file in `translations/` (translated and reviewed entries) and every
TMX file in `tm/` (imported memories). The index (`.kwb/tm.sqlite`) is only a cache: each
time it is opened, files whose size or mtime changed are re-indexed and vanished ones
dropped, so it never disagrees with the files.

Exact matches compare matching keys (so ك/ک, digits and ZWNJ don't matter). Fuzzy matches
take candidates from an FTS5 index of word stems (the first letters of each word, so
inflected forms meet) and rank them by kwb's sentence similarity (`store.similarity`:
word-level edit distance over the whole sentences, 0–100), the score users see.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polib

from workbench.errors import InputError
from workbench.store.pofile import FUZZY, parse
from workbench.store.project import Project
from workbench.store.similarity import SUGGESTION_MINIMUM, similarity
from workbench.text import key_text
from workbench.tm.tmx import read_tmx

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (name TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER);
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY, source TEXT NOT NULL, ctx TEXT, ckb TEXT NOT NULL,
    en TEXT NOT NULL, key TEXT NOT NULL, state TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS units_key ON units(key);
CREATE INDEX IF NOT EXISTS units_source ON units(source);
CREATE VIRTUAL TABLE IF NOT EXISTS stems USING fts5(terms, content='', tokenize='unicode61');
CREATE TABLE IF NOT EXISTS stem_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
"""
STEM = 4
"""Letters of a word kept as its index term: هێزەکان and هێزی both give هێزە/هێزی → هێز…"""
CANDIDATES = 100
"""Fuzzy candidates fetched from the stem index before exact scoring."""
QUERY_TERMS = 4
"""A lookup searches with the query's rarest stems only: common ones (لە, بۆ, عێراق…) match
most units and would make the candidate search as slow as brute force."""


@dataclass(frozen=True)
class Match:
    """A TM suggestion."""

    score: float
    ckb: str
    en: str
    source: str
    ctx: str

    def as_json(self) -> dict[str, object]:
        return {
            "score": round(self.score, 1),
            "ckb": self.ckb,
            "en": self.en,
            "source": self.source,
            "id": self.ctx,
        }


@dataclass(frozen=True)
class Unit:
    """A unit to index: where it came from, its key (msgctxt or tuid), the pair, its state."""

    ctx: str
    ckb: str
    en: str
    state: str


def stems(key: str) -> list[str]:
    """The index terms of a matching key: word prefixes, each once."""
    seen: dict[str, None] = {}
    for word in key.split():
        word = "".join(ch for ch in word if ch.isalnum())
        if len(word) >= 2:
            seen.setdefault(word[:STEM], None)
    return list(seen)


def _fts_query(terms: Iterable[str]) -> str:
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


def po_units(path: Path) -> Iterator[Unit]:
    """Translated, non-fuzzy entries of a PO file."""
    po = parse(path.read_bytes(), path)
    for entry in po:
        if entry.obsolete or not entry.msgstr.strip() or FUZZY in entry.flags:
            continue
        yield Unit(entry.msgctxt or "", entry.msgid, entry.msgstr, _po_state(entry))


def _po_state(entry: polib.POEntry) -> str:
    return "reviewed" if "reviewed" in entry.flags else "translated"


class TranslationMemory:
    """An open TM index (use as a context manager, or call `close`)."""

    def __init__(self, db_path: Path) -> None:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        self.path = db_path
        # The TUI searches from a worker thread; kwb never uses one connection concurrently.
        self.db = sqlite3.connect(db_path, check_same_thread=False)
        self.db.executescript(SCHEMA)
        self._size: int | None = None  # counted once per change: every lookup asks

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # --- keeping in sync ---------------------------------------------------------------

    def sync(self, files: dict[str, Path]) -> int:
        """Re-index changed files, drop vanished ones; returns how many files were indexed."""
        known = {
            name: (mtime, size)
            for name, mtime, size in self.db.execute("SELECT name, mtime_ns, size FROM sources")
        }
        indexed = 0
        with self.db:
            for name in set(known) - set(files):
                self._drop(name)
            for name, path in sorted(files.items()):
                stat = path.stat()
                if known.get(name) == (stat.st_mtime_ns, stat.st_size):
                    continue
                units = po_units(path) if path.suffix == ".po" else self._tmx_units(path)
                self.replace(name, units, stat.st_mtime_ns, stat.st_size)
                indexed += 1
        return indexed

    @staticmethod
    def _tmx_units(path: Path) -> Iterator[Unit]:
        for tu in read_tmx(path):
            yield Unit(tu.tuid, tu.ckb, tu.en, "imported")

    def _drop(self, name: str) -> None:
        self._size = None
        rows = self.db.execute("SELECT id, key FROM units WHERE source = ?", (name,)).fetchall()
        counts: Counter[str] = Counter()
        for unit_id, key in rows:
            terms = stems(key)
            counts.update(terms)
            self.db.execute(
                "INSERT INTO stems(stems, rowid, terms) VALUES('delete', ?, ?)",
                (unit_id, " ".join(terms)),
            )
        self.db.executemany(
            "UPDATE stem_df SET n = n - ? WHERE term = ?", [(n, t) for t, n in counts.items()]
        )
        self.db.execute("DELETE FROM stem_df WHERE n <= 0")
        self.db.execute("DELETE FROM units WHERE source = ?", (name,))
        self.db.execute("DELETE FROM sources WHERE name = ?", (name,))

    def replace(self, name: str, units: Iterable[Unit], mtime_ns: int = 0, size: int = 0) -> int:
        """Index `units` as the whole content of source `name`; returns the unit count."""
        self._drop(name)
        count = 0
        counts: Counter[str] = Counter()
        for unit in units:
            key = key_text(unit.ckb)
            terms = stems(key)
            counts.update(terms)
            cursor = self.db.execute(
                "INSERT INTO units(source, ctx, ckb, en, key, state) VALUES (?, ?, ?, ?, ?, ?)",
                (name, unit.ctx, unit.ckb, unit.en, key, unit.state),
            )
            self.db.execute(
                "INSERT INTO stems(rowid, terms) VALUES (?, ?)", (cursor.lastrowid, " ".join(terms))
            )
            count += 1
        self.db.executemany(
            "INSERT INTO stem_df(term, n) VALUES (?, ?) "
            "ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
            list(counts.items()),
        )
        self.db.execute(
            "INSERT OR REPLACE INTO sources(name, mtime_ns, size) VALUES (?, ?, ?)",
            (name, mtime_ns, size),
        )
        return count

    # --- searching ---------------------------------------------------------------------

    def exact(self, text: str) -> list[Match]:
        """Units whose Sorani has the same matching key as `text` (score 100)."""
        rows = self.db.execute(
            "SELECT ckb, en, source, ctx FROM units WHERE key = ? "
            "ORDER BY state = 'reviewed' DESC, id",
            (key_text(text),),
        )
        return [Match(100.0, *row) for row in rows]

    def search(
        self, text: str, minimum: float = SUGGESTION_MINIMUM, limit: int = 10
    ) -> list[Match]:
        """Exact and fuzzy suggestions for `text`, best first, scores ≥ `minimum`: the
        candidates from the stem index, scored by sentence similarity."""
        key = key_text(text)
        matches = []
        for ckb, en, source, ctx, unit_key in self.candidates(key):
            score = similarity(key, unit_key, minimum)
            if score >= minimum:
                matches.append(Match(score, ckb, en, source, ctx))
        matches.sort(key=lambda m: (-m.score, m.source, m.ctx))
        return matches[:limit]

    def candidates(self, key: str) -> list[tuple[str, str, str, str, str]]:
        """Up to `CANDIDATES` units sharing the rarest stems of matching key `key`, as
        (ckb, en, source, ctx, key): the prefilter before the exact measure."""
        terms = self._rarest(stems(key))
        if not terms:
            return []
        return self.db.execute(
            "SELECT units.ckb, units.en, units.source, units.ctx, units.key FROM "
            "(SELECT rowid FROM stems WHERE stems MATCH ? ORDER BY rank LIMIT ?) AS hits "
            "JOIN units ON units.id = hits.rowid",
            (_fts_query(terms), CANDIDATES),
        ).fetchall()

    def _rarest(self, terms: list[str]) -> list[str]:
        """The query's `QUERY_TERMS` rarest stems that occur in the TM (a stem in more than
        a tenth of all units is skipped unless nothing rarer is left)."""
        if not terms:
            return []
        marks = ",".join("?" * len(terms))
        rows = self.db.execute(
            f"SELECT term, n FROM stem_df WHERE term IN ({marks}) ORDER BY n, term LIMIT ?",
            (*terms, QUERY_TERMS),
        ).fetchall()
        common = max(50, len(self) // 10)
        rare = [term for term, n in rows if n <= common]
        return rare or [term for term, _ in rows[:2]]

    def __len__(self) -> int:
        if self._size is None:
            self._size = int(self.db.execute("SELECT count(*) FROM units").fetchone()[0])
        return self._size


def project_files(project: Project) -> dict[str, Path]:
    """The files a project's TM is built from, by name relative to the project."""
    files = {
        f"translations/{p.name}": p
        for p in sorted(project.translations.glob("*.po"))
        if p.is_file()
    }
    files.update({f"tm/{p.name}": p for p in sorted((project.root / "tm").glob("*.tmx"))})
    return files


def open_tm(project: Project) -> TranslationMemory:
    """The project's TM, brought in sync with its files. The index is a cache of the files:
    one that is damaged is rebuilt."""
    path = project.root / ".kwb" / "tm.sqlite"
    for attempt in (1, 2):
        tm: TranslationMemory | None = None
        try:
            tm = TranslationMemory(path)
            tm.sync(project_files(project))
            return tm
        except sqlite3.DatabaseError as exc:
            if tm is not None:
                tm.close()
            if attempt == 2:
                raise InputError(path, f"TM index unusable ({exc})") from None
            for stale in (path, path.with_name(path.name + "-journal")):
                stale.unlink(missing_ok=True)
    raise AssertionError("unreachable")
