"""Find a kwb project (a folder with `kwb.toml`) and read its configuration."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import InputError

CONFIG_NAME = "kwb.toml"


@dataclass(frozen=True)
class Project:
    """A project root and the folders its configuration names."""

    root: Path
    name: str
    seeds: Path
    glossary: Path
    translations: Path

    def articles(self) -> list[Path]:
        """The source articles in `seeds/`, sorted by name."""
        return sorted(p for p in self.seeds.glob("*.txt") if p.is_file())


def find_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above `start` holding `kwb.toml`."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def load_project(root: Path) -> Project:
    """Read `root/kwb.toml`."""
    path = root / CONFIG_NAME
    try:
        config = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(path, "no kwb project here (kwb.toml missing)") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(path, f"malformed project configuration: {exc}") from None
    section = config.get("project", {})

    def folder(key: str) -> Path:
        return root / str(section.get(key, key))

    return Project(
        root=root,
        name=str(section.get("name", root.name)),
        seeds=folder("seeds"),
        glossary=folder("glossary"),
        translations=folder("translations"),
    )


def open_project(path: Path | None = None) -> Project:
    """The project at `path` (or found upward from the current folder)."""
    root = find_root(path)
    if root is None:
        where = path or Path.cwd()
        raise InputError(where, "not inside a kwb project (no kwb.toml here or above)")
    return load_project(root)
