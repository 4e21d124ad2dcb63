"""Glossaries as CSV: the simple `source,target[,variants,forbidden,note]` files people keep
in spreadsheets, and a full form with every entry field as a column. `|` separates several
values in one cell."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from workbench.errors import InputError
from workbench.terms.glossary_file import FIELDS, entry_from_mapping
from workbench.terms.model import Entry
from workbench.text.decode import read_text

SEPARATOR = "|"
LIST_FIELDS = {name for name, kind in FIELDS if kind == "list"}
DATE_FIELDS = {name for name, kind in FIELDS if kind == "date"}
COLUMNS = [name for name, _ in FIELDS]


def _cell_values(name: str, cell: str) -> Any:
    cell = cell.strip()
    if name in LIST_FIELDS:
        return [v.strip() for v in cell.split(SEPARATOR) if v.strip()]
    if name in DATE_FIELDS:
        return dt.date.fromisoformat(cell)
    return cell


def parse(text: str, name: str | Path) -> list[Entry]:
    """Entries from CSV text; errors name the line."""
    dialect = "excel-tab" if str(name).endswith(".tsv") else "excel"
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), dialect=dialect)
    header = [h.strip() for h in reader.fieldnames or []]
    if "source" not in header or "target" not in header:
        raise InputError(name, "CSV glossary needs a header with at least source,target", 1)
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise InputError(name, f"unknown column {unknown[0]!r}", 1)
    today = dt.date.today()
    entries: list[Entry] = []
    seen: set[str] = set()
    for row in reader:
        line = reader.line_num
        if None in row:
            raise InputError(name, "more cells than columns", line)
        raw: dict[str, Any] = {}
        try:
            for key, cell in row.items():
                if key is not None and cell is not None and cell.strip():
                    raw[key.strip()] = _cell_values(key.strip(), cell)
        except ValueError as exc:
            raise InputError(name, f"bad date: {exc}", line) from None
        if not raw:
            continue
        raw.setdefault("id", f"csv-{line}")
        raw.setdefault("type", "term")
        raw.setdefault("status", "approved")
        raw.setdefault("proposed_by", "csv import")
        raw.setdefault("proposed_on", today)
        if raw["status"] == "approved":
            raw.setdefault("reviewed_by", raw["proposed_by"])
            raw.setdefault("reviewed_on", raw["proposed_on"])
        try:
            entry = entry_from_mapping(raw)
        except ValueError as exc:
            raise InputError(name, str(exc), line) from None
        if entry.id in seen:
            raise InputError(name, f"duplicate id {entry.id!r}", line)
        seen.add(entry.id)
        entries.append(entry)
    return entries


def read(path: Path) -> list[Entry]:
    """Load a CSV glossary file (BOM, encoding and missing-file errors as for any input)."""
    text = read_text(path)
    try:
        return parse(text, path)
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV: {exc}") from None


def format_csv(entries: Iterable[Entry]) -> str:
    """Every field of every entry as CSV (history is not included)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in entries:
        row = []
        for name in COLUMNS:
            value = getattr(e, name)
            if name in LIST_FIELDS:
                row.append(SEPARATOR.join(value))
            elif value is None:
                row.append("")
            elif isinstance(value, dt.date):
                row.append(value.isoformat())
            else:
                row.append(str(value))
        writer.writerow(row)
    return out.getvalue()
