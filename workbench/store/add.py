"""`kwb add`: turn an article into its PO file, or update the PO file from a new version."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polib

from workbench.errors import InputError
from workbench.store.article import article_units
from workbench.store.merge import MergeReport, merge
from workbench.store.pofile import Catalog, new_catalog, parse, touch_revision
from workbench.store.project import Project
from workbench.terms.matcher import Matcher
from workbench.text.decode import read_text


@dataclass
class Added:
    """An article's catalog after adding (not yet saved) and what the merge did."""

    article_id: str
    catalog: Catalog
    report: MergeReport
    created: bool


def _fingerprint(entries: Iterable[polib.POEntry]) -> list[tuple[object, ...]]:
    """What a translator would see change in the entries. Comments are compared without their
    whitespace: polib wraps a long `#.` line when writing it (after a hyphen too) and reads
    it back with the breaks turned into newlines or lost."""
    return [
        (
            bool(e.obsolete),
            e.msgctxt,
            e.msgid,
            e.msgstr,
            tuple(e.flags),
            tuple(e.occurrences),
            "".join(e.comment.split()),
            e.tcomment,
            e.previous_msgctxt,
            e.previous_msgid,
        )
        for e in entries
    ]


def article_id_of(path: Path) -> str:
    """The default id of an article: its file name without extension."""
    return path.stem


def bring_into_project(project: Project, path: Path) -> Path:
    """The article's place in `seeds/`: a file from elsewhere is copied in (replacing an
    older version of the same name), so sources and translations travel together."""
    resolved = path.resolve()
    try:
        resolved.relative_to(project.root.resolve())
        return resolved
    except ValueError:
        target = project.seeds / path.name
        project.seeds.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(resolved, target)
        return target


def add_article(
    project: Project,
    path: Path,
    article_id: str | None,
    matcher: Matcher | None,
    encoding: str | None = None,
) -> Added:
    """Segment the article and merge it into `translations/<id>.po` (in memory)."""
    text = read_text(path, encoding)
    source = bring_into_project(project, path)
    article_id = article_id or article_id_of(path)
    if not article_id or "/" in article_id or article_id.startswith("."):
        raise InputError(path, f"invalid article id {article_id!r}")
    po_path = project.translations / f"{article_id}.po"
    source_name = source.relative_to(project.root.resolve()).as_posix()
    units = article_units(article_id, source.name, text, matcher)
    if po_path.exists():
        data = po_path.read_bytes()
        catalog = Catalog(po_path, parse(data, po_path), data)
        created = False
    else:
        catalog = Catalog(po_path, new_catalog(project.name, source_name), None)
        created = True
    entries, report = merge(None if created else catalog.po, units)
    before = _fingerprint(catalog.po)
    catalog.po[:] = entries
    catalog.po.metadata["X-Source-File"] = source_name
    if created or before != _fingerprint(catalog.po):
        touch_revision(catalog.po)
    return Added(article_id, catalog, report, created)
