"""Load a glossary from the project's master file or from an exchange format (CSV)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from workbench.errors import InputError
from workbench.terms import csv_format, glossary_file
from workbench.terms.model import Entry


@dataclass(frozen=True)
class Glossary:
    """A set of entries and where they came from."""

    entries: tuple[Entry, ...]
    path: Path | None = None

    def active(self) -> tuple[Entry, ...]:
        """The approved entries: the ones matched and checked."""
        return tuple(e for e in self.entries if e.active)

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id, if any."""
        return next((e for e in self.entries if e.id == entry_id), None)


def master_path(folder: Path) -> Path:
    """The master file inside a project's `glossary/` folder."""
    return folder / glossary_file.FILE_NAME


def load_glossary(path: Path) -> Glossary:
    """A glossary from a project folder, its master TOML file, a CSV or a TBX file."""
    if path.is_dir():
        path = master_path(path)
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return Glossary(tuple(glossary_file.read(path)), path)
    if suffix in (".csv", ".tsv"):
        return Glossary(tuple(csv_format.read(path)), path)
    if suffix == ".tbx":
        from workbench.terms.tbx import read_tbx

        return Glossary(tuple(read_tbx(path)), path)
    if not path.exists():
        raise InputError(path, "no such glossary file")
    raise InputError(path, "unknown glossary format (use the project glossary, .csv or .tbx)")


@cache
def stopwords() -> frozenset[str]:
    """Sorani function words (`data/stopwords.txt`)."""
    data = resources.files("workbench.terms").joinpath("data/stopwords.txt").read_text("utf-8")
    return frozenset(
        line.split("#", 1)[0].strip() for line in data.splitlines() if line.split("#", 1)[0].strip()
    )
