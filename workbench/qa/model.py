"""What QA works on (units) and what it reports (findings), and translators' waivers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

_WAIVER = re.compile(r"kwb-ok:\s*([a-z-]+)\s*(?:[—–:-]+\s*)?(.*)")


@dataclass
class Unit:
    """One segment pair to check: where it is, its Sorani and English, and its waivers."""

    file: str
    id: str
    source: str
    target: str
    state: str = "translated"
    waivers: dict[str, str] = field(default_factory=dict)
    hits: list[object] = field(default_factory=list)
    """Glossary hits in the source, filled by the runner (`terms.matcher.Hit`)."""

    @cached_property
    def translated(self) -> bool:
        """Whether the target has more than whitespace (a unit's texts do not change)."""
        return bool(self.target) and not self.target.isspace()


@dataclass(frozen=True)
class Scope:
    """What a corpus check (term-inconsistent, inconsistent-source, inconsistent-target)
    compared an entry with: the entries of the files it was given, or of the whole project.
    `kwb check FILE` and `kwb check` differ on these findings by this alone."""

    over: Literal["files", "project"]
    files: int
    entries: int
    """The translated entries compared."""

    def as_json(self) -> dict[str, object]:
        return {"over": self.over, "files": self.files, "entries": self.entries}

    def __str__(self) -> str:
        where = (
            "the project"
            if self.over == "project"
            else "this file"
            if self.files == 1
            else f"{self.files} files"
        )
        files = f"{self.files} files, " if self.over == "project" else ""
        entries = f"{self.entries:,} entr{'y' if self.entries == 1 else 'ies'}"
        return f"across {where} ({files}{entries})"


@dataclass(frozen=True)
class Finding:
    """A problem found in one entry."""

    file: str
    id: str
    check: str
    severity: Severity
    message: str
    source: str
    target: str
    related: tuple[str, ...] = ()
    waived: str | None = None
    """The translator's reason, when a waiver silences this finding."""
    scope: Scope | None = None
    """For a corpus check's finding: what the entry was compared with."""

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "file": self.file,
            "id": self.id,
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
            "source": self.source,
            "target": self.target,
            "related": list(self.related),
        }
        if self.waived is not None:
            data["waived"] = self.waived
        if self.scope is not None:
            data["scope"] = self.scope.as_json()
        return data


def parse_waivers(comment: str) -> dict[str, str]:
    """Waivers in a translator comment: `kwb-ok: CHECK — reason`. PO editors wrap long
    comments, so the lines after a waiver continue its reason."""
    found: dict[str, str] = {}
    if "kwb-ok" not in comment:
        return found
    current: str | None = None
    for line in comment.splitlines():
        m = _WAIVER.search(line)
        if m:
            current = m[1]
            found[current] = m[2].strip()
        elif current is not None and line.strip():
            found[current] = f"{found[current]} {line.strip()}".strip()
    return found
