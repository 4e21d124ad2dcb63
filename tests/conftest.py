"""Shared fixtures: the repository's seeds and a way to run the real `kwb` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_000 = SEEDS / "000_d4781596957db36c.txt"
SEED_002 = SEEDS / "002_ea2792f57afd9dbb.txt"


def kwb_executable() -> str:
    """The installed `kwb` console script beside this interpreter."""
    candidate = Path(sys.executable).parent / "kwb"
    return str(candidate) if candidate.exists() else "kwb"


class Result:
    """A finished `kwb` run."""

    def __init__(self, proc: subprocess.CompletedProcess[bytes]) -> None:
        self.code = proc.returncode
        self.out = proc.stdout.decode("utf-8")
        self.err = proc.stderr.decode("utf-8")

    def json_lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.out.splitlines() if line.strip()]


@pytest.fixture
def kwb(tmp_path: Path) -> Any:
    """Run the real `kwb` in a temp folder: kwb("segment", "f.txt", stdin=b"...")."""

    def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> Result:
        env = {**os.environ, "COLUMNS": "120", "KWB_RTL": "terminal"}
        proc = subprocess.run(
            [kwb_executable(), *args],
            input=stdin if stdin is not None else b"",
            capture_output=True,
            cwd=cwd or tmp_path,
            env=env,
            timeout=120,
        )
        return Result(proc)

    return run


def approved_entry(entry_id: str, source: str, target: str, **fields: Any) -> Any:
    """A glossary entry, approved on a fixed day unless `fields` say otherwise."""
    import datetime as dt

    from workbench.terms.model import Entry

    day = dt.date(2026, 1, 1)
    values: dict[str, Any] = {
        "status": "approved",
        "proposed_by": "test",
        "proposed_on": day,
        "reviewed_by": "test",
        "reviewed_on": day,
    }
    values.update(fields)
    return Entry(id=entry_id, source=source, target=target, **values)
