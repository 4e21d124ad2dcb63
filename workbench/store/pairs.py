"""The project's bilingual segments: every PO entry, and the sentences of articles that have
no PO file yet — the material for concordance, term extraction and export."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from workbench.store.pofile import read_catalog, state
from workbench.store.project import Project
from workbench.text import canonical_text, segment
from workbench.text.decode import read_text


@dataclass(frozen=True)
class Pair:
    """One segment: where it is, its Sorani, its English ("" if none) and its state."""

    file: str
    id: str
    ckb: str
    en: str
    state: str
    doc: str


def po_pairs(project: Project) -> Iterator[Pair]:
    """Every live entry of every PO file in `translations/`, in file order."""
    for path in sorted(project.translations.glob("*.po")):
        for entry in read_catalog(path).entries:
            yield Pair(
                f"translations/{path.name}",
                entry.msgctxt or "",
                entry.msgid,
                entry.msgstr,
                state(entry),
                path.stem,
            )


def untranslated_articles(project: Project) -> Iterator[Pair]:
    """Sentences of the articles in `seeds/` that have no PO file."""
    translated = {p.stem for p in project.translations.glob("*.po")}
    for path in project.articles():
        if path.stem in translated:
            continue
        for s in segment(read_text(path)):
            yield Pair(
                f"seeds/{path.name}", s.id, canonical_text(s.text), "", "untranslated", path.stem
            )


def project_pairs(project: Project) -> Iterator[Pair]:
    """All segments of the project: PO entries first, then articles without a PO file."""
    yield from po_pairs(project)
    yield from untranslated_articles(project)
