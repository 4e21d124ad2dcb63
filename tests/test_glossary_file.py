"""The glossary master file: strict loading with line numbers, churn-free rewriting."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import DEMO
from workbench.errors import InputError
from workbench.terms import csv_format, glossary_file
from workbench.terms.model import HistoryEvent

MASTER = DEMO / "glossary" / "glossary.toml"

GOOD = """# g

[[entry]]
id = "pmf"
source = "حەشدی شەعبی"
target = "PMF"
variants = ["Popular Mobilization Forces"]
forbidden = ["Popular Crowd"]
type = "organization"
domain = "security"
note = "Say \\"PMF\\" after first mention."
status = "approved"
proposed_by = "desk"
proposed_on = 2026-01-02
reviewed_by = "editor"
reviewed_on = 2026-01-03
"""


def test_curated_glossary_round_trips_byte_for_byte() -> None:
    text = MASTER.read_text(encoding="utf-8")
    entries = glossary_file.parse(text, MASTER)
    assert glossary_file.format_file(entries) == text


def test_changing_one_entry_leaves_the_others_byte_identical() -> None:
    text = MASTER.read_text(encoding="utf-8")
    entries = glossary_file.parse(text, MASTER)
    changed = [
        dataclasses.replace(
            e, note="changed", history=(HistoryEvent(dt.date(2026, 2, 1), "ed", "edited"),)
        )
        if e.id == "pmf"
        else e
        for e in entries
    ]
    new = glossary_file.format_file(changed)
    old_blocks = text.split("\n[[entry]]\n")
    new_blocks = new.split("\n[[entry]]\n")
    differing = [o for o, n in zip(old_blocks, new_blocks, strict=True) if o != n]
    assert len(differing) == 1 and 'id = "pmf"' in differing[0]
    assert "[[entry.history]]" in new
    assert glossary_file.parse(new, "x")[0].id == entries[0].id


def test_strings_with_quotes_survive() -> None:
    entries = glossary_file.parse(GOOD, "g.toml")
    assert entries[0].note == 'Say "PMF" after first mention.'
    assert glossary_file.parse(glossary_file.format_file(entries), "g")[0] == entries[0]


@pytest.mark.parametrize(
    ("broken", "line", "message"),
    [
        (GOOD.replace('type = "organization"', 'type = "militia"'), 9, "type"),
        (GOOD.replace('id = "pmf"', 'id = "PMF!"'), 4, "id"),
        (GOOD.replace('target = "PMF"\n', ""), 3, "target"),
        (GOOD.replace('domain = "security"', 'colour = "red"'), 10, "unknown key"),
        (GOOD.replace("proposed_on = 2026-01-02", 'proposed_on = "yesterday"'), 14, "date"),
        (GOOD.replace('variants = ["Popular Mobilization Forces"]', "variants = [1]"), 7, "list"),
        (GOOD.replace('source = "حەشدی شەعبی"', 'source = "حەشدی'), 5, "malformed TOML"),
        (GOOD + GOOD.replace("# g\n", ""), 18, "duplicate id"),
    ],
)
def test_loader_errors_name_the_line(broken: str, line: int, message: str) -> None:
    with pytest.raises(InputError) as error:
        glossary_file.parse(broken, "g.toml")
    assert error.value.line == line, str(error.value)
    assert message in str(error.value)
    assert str(error.value).startswith(f"g.toml:{line}: ")


def test_csv_full_columns_round_trip(tmp_path: Path) -> None:
    entries = glossary_file.parse(GOOD, "g.toml")
    path = tmp_path / "g.csv"
    path.write_text(csv_format.format_csv(entries), encoding="utf-8")
    assert csv_format.read(path) == [dataclasses.replace(entries[0], history=())]
