"""Find a kwb project (a folder with `kwb.toml`) and read its configuration."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from workbench.errors import InputError

CONFIG_NAME = "kwb.toml"
CURATED_GLOSSARY_VARIABLE = "KWB_CURATED_GLOSSARY"


@dataclass(frozen=True)
class Project:
    """A project root and the folders its configuration names."""

    root: Path
    name: str
    seeds: Path
    glossary: Path
    translations: Path
    keys: dict[str, str] = field(default_factory=dict)
    """`[keys]`: binding id → keys, to remap the editor's shortcuts."""
    rtl: str | None = None
    """`[display] rtl`: "visual" or "terminal" (see `workbench.display`)."""
    reviewer: str | None = None
    """`[project] reviewer`: the name the glossary screen records for decisions."""
    qa: dict[str, bool] = field(default_factory=dict)
    """`[qa]`: check id → true to run a check `kwb check` leaves out by default (spelling)."""

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

    keys = config.get("keys", {})
    display = config.get("display", {})
    qa = config.get("qa", {})
    if not isinstance(qa, dict) or not all(isinstance(v, bool) for v in qa.values()):
        raise InputError(path, "[qa] switches checks on or off, e.g. spelling = true")
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise InputError(path, '[keys] maps binding ids to key names, e.g. done_next = "ctrl+j"')
    return Project(
        root=root,
        name=str(section.get("name", root.name)),
        seeds=folder("seeds"),
        glossary=folder("glossary"),
        translations=folder("translations"),
        keys=dict(keys),
        rtl=str(display["rtl"]) if "rtl" in display else None,
        reviewer=str(section["reviewer"]) if "reviewer" in section else None,
        qa=dict(qa),
    )


DEFAULT_CONFIG = """# kwb project configuration. Paths are relative to this file.
[project]
name = "{name}"
source_language = "ckb"
target_language = "en"
seeds = "seeds"
glossary = "glossary"
translations = "translations"
"""


def bundled_root() -> Path:
    """The kwb source tree this package runs from: the bundled demo project."""
    return Path(__file__).resolve().parents[2]


def bundled_glossary() -> Path:
    """The curated glossary that comes with kwb. An installed kwb has it as package data
    (`workbench/_data/glossary.toml`, copied there from `glossary/glossary.toml` when the
    wheel is built: see setup.py); kwb run from its source checkout (an editable install)
    reads the repository's file, the one copy there is to edit."""
    from importlib import resources

    packaged = resources.files("workbench").joinpath("_data", "glossary.toml")
    if isinstance(packaged, Path) and packaged.is_file():
        return packaged
    return bundled_root() / "glossary" / "glossary.toml"


def curated_glossary() -> Path:
    """The curated glossary new projects start from (and `kwb align` uses outside a
    project): the file `KWB_CURATED_GLOSSARY` names (an organisation's own), else the one
    bundled with kwb."""
    named = os.environ.get(CURATED_GLOSSARY_VARIABLE)
    return Path(named) if named else bundled_glossary()


def init_project(root: Path, name: str | None = None) -> Project:
    """Create a project in `root`: config, `seeds/`, `translations/`, and `glossary/` holding
    the curated glossary. Refuses to touch an existing project."""
    from workbench.atomic import atomic_write

    if (root / CONFIG_NAME).exists():
        raise InputError(root / CONFIG_NAME, "a kwb project already exists here; nothing changed")
    source = curated_glossary()
    if not source.is_file():
        if os.environ.get(CURATED_GLOSSARY_VARIABLE):
            raise InputError(source, f"no such glossary ({CURATED_GLOSSARY_VARIABLE})")
        raise InputError(source, "the curated glossary is not bundled with this installation")
    if (root / "glossary" / "glossary.toml").exists():
        raise InputError(root / "glossary", "already holds a glossary; nothing changed")
    root.mkdir(parents=True, exist_ok=True)
    for folder in ("seeds", "glossary", "translations"):
        (root / folder).mkdir(exist_ok=True)
    atomic_write(root / "glossary" / "glossary.toml", source.read_bytes())
    title = (name or root.resolve().name).replace('"', "'")
    atomic_write(root / CONFIG_NAME, DEFAULT_CONFIG.format(name=title).encode("utf-8"))
    return load_project(root)


def open_project(path: Path | None = None) -> Project:
    """The project at `path` (or found upward from the current folder)."""
    root = find_root(path)
    if root is None:
        where = path or Path.cwd()
        raise InputError(where, "not inside a kwb project (no kwb.toml here or above)")
    return load_project(root)
