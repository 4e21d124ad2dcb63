"""Who the user is: the name kwb records as translator, proposer and reviewer.

First match wins:
1. `KWB_USER` in the environment (a per-run choice: a shared account, a script);
2. `git config user.name`, read in the project's folder (the name a translator already
   signs the project's commits with; the repository's own setting before the global one);
3. the per-person kwb setting, `name` in `$XDG_CONFIG_HOME/kwb/user.toml` (by default
   `~/.config/kwb/user.toml`): where the workbench remembers the name it asked for;
4. `[project] reviewer` of the project's `kwb.toml`, a shared file, so any per-person
   setting above wins over it.

With none of these the name is unknown (None): the workbench asks once, and never records
"kwb" as a person. The e-mail address, for a PO file's `Last-Translator: Name <email>`,
comes from `git config user.email` when there is one.
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

from workbench.atomic import atomic_write
from workbench.errors import InputError

USER_VARIABLE = "KWB_USER"
USER_FILE = "user.toml"
GIT_SECONDS = 2.0
"""How long git may take to answer: a hung credential helper or network file system must
not hold up the workbench."""
_ADDRESS = re.compile(r"^(?P<name>.*?)\s*<(?P<email>[^<>]*)>\s*$")


@dataclass(frozen=True)
class Identity:
    """A person's name, where it came from, and an e-mail address if one is known."""

    name: str
    source: str
    """"KWB_USER", "git", "user config" or "kwb.toml": shown to the user, documented."""
    email: str = ""


def user_config_path() -> Path:
    """The per-person kwb settings file (never inside a project)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "kwb" / USER_FILE


def git_config(key: str, cwd: Path | None) -> str:
    """`git config KEY` run in `cwd`; "" when git is missing, slow, or has no value."""
    try:
        done = subprocess.run(
            ["git", "config", "--get", key],
            cwd=cwd if cwd is not None and cwd.is_dir() else None,
            capture_output=True,
            timeout=GIT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    if done.returncode != 0:
        return ""
    return done.stdout.decode("utf-8", "replace").strip()


def remembered_name() -> str:
    """The name saved in the per-person settings file ("" if none). A broken file is
    reported as bad input naming it."""
    path = user_config_path()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return ""
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(path, f"malformed kwb user settings: {exc}") from None
    name = data.get("name", "")
    return name.strip() if isinstance(name, str) else ""


def remember_name(name: str) -> Path:
    """Save `name` in the per-person settings file (atomically); its path."""
    path = user_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    escaped = name.strip().replace("\\", "\\\\").replace('"', '\\"')
    text = (
        "# kwb: settings of this person (not of a project)\n"
        "# name: recorded as translator and reviewer unless KWB_USER or git's user.name say\n"
        f'name = "{escaped}"\n'
    )
    atomic_write(path, text.encode("utf-8"))
    return path


def identify(root: Path | None, project_reviewer: str | None = None) -> Identity | None:
    """Who the user is (see the module's docstring for the order), or None."""
    email = ""
    named = os.environ.get(USER_VARIABLE, "").strip()
    source = USER_VARIABLE
    if not named:
        named, source = git_config("user.name", root), "git"
    if not named:
        named, source = remembered_name(), "user config"
    if not named and project_reviewer and project_reviewer.strip():
        named, source = project_reviewer.strip(), "kwb.toml"
    if not named:
        return None
    email = git_config("user.email", root)
    return Identity(named, source, email)


def last_translator(name: str, email: str, existing: str = "") -> str:
    """The PO header's `Last-Translator` for `name`: `Name <email>` with the e-mail known,
    else the address the header already gave the same person, else the name alone."""
    if email:
        return f"{name} <{email}>"
    found = _ADDRESS.match(existing or "")
    if found and found["name"].strip() == name and found["email"].strip():
        return f"{name} <{found['email'].strip()}>"
    return name
