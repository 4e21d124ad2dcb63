"""The glossary master file (`glossary/glossary.toml`): strict loading, churn-free writing.

TOML because a maintainer reviews it in git diffs: one `[[entry]]` table per term, keys in a
fixed order, entries sorted by id, one line per value. The writer is deterministic, so
rewriting the file after a change leaves every other entry byte-identical.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from workbench.errors import InputError
from workbench.terms.model import INFLECTIONS, STATUSES, TYPES, Entry, HistoryEvent
from workbench.text.decode import read_text

HEADER = (
    "# kwb glossary: one [[entry]] per term, sorted by id. "
    "Reviewed in git diffs; edit with `kwb glossary`.\n"
)
FILE_NAME = "glossary.toml"

# Key order in the file; (name, kind) where kind is str, list, date or choice.
FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "str"),
    ("source", "str"),
    ("source_forms", "list"),
    ("target", "str"),
    ("variants", "list"),
    ("forbidden", "list"),
    ("adjectival", "list"),
    ("adjectival_target", "str"),
    ("adjectival_variants", "list"),
    ("type", "str"),
    ("domain", "str"),
    ("note", "str"),
    ("inflection", "str"),
    ("status", "str"),
    ("proposed_by", "str"),
    ("proposed_on", "date"),
    ("reviewed_by", "str"),
    ("reviewed_on", "date"),
    ("review_comment", "str"),
)
REQUIRED = ("id", "source", "type", "status", "proposed_by", "proposed_on")
HISTORY_FIELDS = (("on", "date"), ("by", "str"), ("action", "str"), ("comment", "str"))
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# --- reading ---------------------------------------------------------------------------


class FieldError(ValueError):
    """A bad value in an entry, naming the key it belongs to (for the error's line)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def _entry_lines(text: str) -> list[int]:
    """1-based line numbers of the `[[entry]]` headers, in order."""
    return [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "[[entry]]"]


def _key_line(text: str, entry_line: int, key: str) -> int:
    """The line of `key = …` inside the entry starting at `entry_line` (or the header)."""
    lines = text.splitlines()
    for n in range(entry_line, len(lines)):
        stripped = lines[n].strip()
        if stripped.startswith("[[entry]]"):
            break
        if stripped.split("=", 1)[0].strip() == key:
            return n + 1
    return entry_line


def _check(value: Any, kind: str, key: str) -> Any:
    """Validate one value against its kind; return it in the model's shape."""
    if kind == "str":
        if not isinstance(value, str):
            raise FieldError(key, f"{key} must be a string")
        return value
    if kind == "list":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise FieldError(key, f"{key} must be a list of strings")
        return tuple(value)
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise FieldError(key, f"{key} must be a date (YYYY-MM-DD)")
    return value


def entry_from_mapping(raw: dict[str, Any]) -> Entry:
    """An `Entry` from a mapping of file fields; `FieldError` names the bad key."""
    kinds = dict(FIELDS)
    for key in raw:
        if key not in kinds and key != "history":
            raise FieldError(key, f"unknown key {key!r}")
    for key in REQUIRED:
        if key not in raw or raw[key] in ("", None):
            raise FieldError("", f"missing required key {key!r}")
    values = {key: _check(raw[key], kinds[key], key) for key in kinds if key in raw}
    if not ID_PATTERN.fullmatch(values["id"]):
        raise FieldError("id", f"id {values['id']!r}: use lowercase ASCII letters, digits and '-'")
    if values["type"] not in TYPES:
        raise FieldError("type", f"type {values['type']!r} is not one of {', '.join(TYPES)}")
    if values["status"] not in STATUSES:
        raise FieldError(
            "status", f"status {values['status']!r} is not one of {', '.join(STATUSES)}"
        )
    if values.get("inflection") not in (None, *INFLECTIONS):
        raise FieldError("inflection", f"inflection must be one of {', '.join(INFLECTIONS)}")
    if not values["source"].strip():
        raise FieldError("source", "source is empty")
    if values["status"] == "approved":
        for key in ("target", "reviewed_by", "reviewed_on"):
            if not values.get(key):
                raise FieldError("", f"an approved entry needs {key!r}")
    history = raw.get("history", [])
    if not isinstance(history, list):
        raise FieldError("history", "history must be an array of tables")
    events: list[HistoryEvent] = []
    for item in history:
        if not isinstance(item, dict) or set(item) - {k for k, _ in HISTORY_FIELDS}:
            raise FieldError("history", "history items take on, by, action and comment")
        checked = {
            k: _check(item[k], kind, f"history.{k}") for k, kind in HISTORY_FIELDS if k in item
        }
        if {"on", "by", "action"} - set(checked):
            raise FieldError("history", "history items need on, by and action")
        events.append(HistoryEvent(**checked))
    return Entry(**values, history=tuple(events))


def parse(text: str, name: str | Path) -> list[Entry]:
    """Entries of a glossary file's text; `InputError` with the line of the first problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        raise InputError(name, f"malformed TOML: {exc}", int(found[1]) if found else None) from None
    extra = set(data) - {"entry"}
    if extra:
        raise InputError(name, f"unexpected top-level key {sorted(extra)[0]!r}")
    raw_entries = data.get("entry", [])
    if not isinstance(raw_entries, list):
        raise InputError(name, "'entry' must be an array of tables ([[entry]])")
    lines = _entry_lines(text)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_entries):
        line = lines[index] if index < len(lines) else None
        try:
            entry = entry_from_mapping(raw)
        except FieldError as exc:
            where = _key_line(text, line, exc.key) if line is not None and exc.key else line
            raise InputError(name, f"entry {raw.get('id', index + 1)!r}: {exc}", where) from None
        if entry.id in seen:
            raise InputError(
                name, f"duplicate id {entry.id!r} (first on line {seen[entry.id]})", line
            )
        seen[entry.id] = line or 0
        entries.append(entry)
    return entries


def read(path: Path) -> list[Entry]:
    """Load a glossary TOML file (BOM, encoding and missing-file errors as for any input)."""
    return parse(read_text(path), path)


# --- writing ---------------------------------------------------------------------------

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _string(value: str) -> str:
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _value(value: Any) -> str:
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_string(v) for v in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    return _string(value)


def format_entry(entry: Entry) -> str:
    """One entry as the file holds it (ending with a newline)."""
    lines = ["[[entry]]"]
    for key, _kind in FIELDS:
        value = getattr(entry, key)
        if value in ("", (), None):
            continue
        lines.append(f"{key} = {_value(value)}")
    for event in entry.history:
        lines.append("")
        lines.append("[[entry.history]]")
        for key, _kind in HISTORY_FIELDS:
            value = getattr(event, key)
            if value != "":
                lines.append(f"{key} = {_value(value)}")
    return "\n".join(lines) + "\n"


def format_file(entries: Iterable[Entry]) -> str:
    """The whole file: header, then entries sorted by id, a blank line between them."""
    ordered = sorted(entries, key=lambda e: e.id)
    return HEADER + "".join("\n" + format_entry(e) for e in ordered)
