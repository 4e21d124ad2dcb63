"""A practice copy of a project: the same articles and glossary, the translations to do again.

The bundled demo is fully reviewed: it is the first corpus, and other features are checked
on it, so it must stay as it is. A newcomer practises on a copy instead, made in a folder
of its own (`practice/` in the demo, ignored by git): every segment untranslated, except
every third translated one, kept as a fuzzy draft to check and confirm (the draft workflow
is the other half of a translator's day). The copy is a project like any other, with the
source project's display and key settings, and is made in a temporary folder renamed into
place, so an interrupted run leaves no half copy behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import polib

from workbench.atomic import atomic_write
from workbench.errors import InputError
from workbench.store.pofile import FUZZY, new_catalog, read_catalog, render
from workbench.store.project import CONFIG_NAME, DEFAULT_CONFIG, Project, load_project

DRAFT_EVERY = 3
"""Every third translated segment (the 3rd, 6th, …) is kept as a fuzzy draft."""


@dataclass(frozen=True)
class Practice:
    """A practice copy: where it is, and what it holds to do."""

    project: Project
    created: bool
    files: int
    untranslated: int
    drafts: int


def practice_copy(source: Project, folder: Path) -> Practice:
    """The practice copy of `source` in `folder`: made there if `folder` is not a project
    yet, kept as it is (the translator's practice so far) if it is one."""
    if (folder / CONFIG_NAME).is_file():
        return _counted(load_project(folder), created=False)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError(folder, "exists and is not a kwb project; choose another folder")
    if folder.resolve() == source.root.resolve():
        raise InputError(folder, "is the project itself; choose another folder")
    folder.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        building.chmod(0o777 & ~_umask())  # mkdtemp's folder is private; a project is not
        _build(source, building, folder.name)
        os.replace(building, folder)  # an empty `folder` is replaced; POSIX renames folders
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return _counted(load_project(folder), created=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _build(source: Project, root: Path, name: str) -> None:
    title = f"{source.name} (practice)"
    atomic_write(root / CONFIG_NAME, _config(source, title).encode("utf-8"))
    for folder, files in (
        ("seeds", source.articles()),
        ("glossary", sorted(p for p in source.glossary.glob("*") if p.is_file())),
    ):
        (root / folder).mkdir()
        for path in files:
            atomic_write(root / folder / path.name, path.read_bytes())
    (root / "translations").mkdir()
    for path in sorted(source.translations.glob("*.po")):
        po = _practice_po(path, title)
        atomic_write(root / "translations" / path.name, render(po))


def _practice_po(path: Path, project_name: str) -> polib.POFile:
    """A PO file's segments, their translations removed but for every third one, kept as
    a fuzzy draft. Obsolete entries and translators' comments (which speak of the
    translation) are left out; the glossary notes and references stay."""
    catalog = read_catalog(path)
    source_file = catalog.po.metadata.get("X-Source-File", path.stem)
    po = new_catalog(project_name, source_file)
    translated = 0
    for entry in catalog.entries:
        draft = ""
        if entry.msgstr.strip():
            translated += 1
            if translated % DRAFT_EVERY == 0:
                draft = entry.msgstr
        po.append(
            polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgstr=draft,
                comment=entry.comment,
                occurrences=list(entry.occurrences),
                flags=[FUZZY] if draft else [],
            )
        )
    return po


def _config(source: Project, title: str) -> str:
    """The copy's kwb.toml: default folders, the source's display and key settings."""
    text = DEFAULT_CONFIG.format(name=title.replace('"', "'"))
    text += "\n[display]\n"
    if source.rtl is not None:
        text += f"rtl = {json.dumps(source.rtl)}\n"
    text += "\n[keys]\n# Remap editor shortcuts by binding id (see the help screen, F1).\n"
    for binding, keys in source.keys.items():
        text += f"{json.dumps(binding)} = {json.dumps(keys)}\n"
    return text


def _counted(project: Project, created: bool) -> Practice:
    untranslated = drafts = files = 0
    for path in sorted(project.translations.glob("*.po")):
        files += 1
        for entry in read_catalog(path).entries:
            untranslated += not entry.msgstr.strip()
            drafts += FUZZY in entry.flags
    return Practice(project, created, files, untranslated, drafts)
