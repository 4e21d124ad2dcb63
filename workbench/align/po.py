"""Write an alignment as the article's PO file, through kwb's store.

Every pair becomes a fuzzy entry for a reviewer: msgctxt the stable segment key, msgid the
canonical Sorani of its sentences (joined by a space), msgstr the English, `#:` references
`article.txt:p1s1`, and the translator comment `kwb-align: score 0.87`. A Sorani sentence
with no English (a 1–0 bead, or a pair below --min-score or too low for a translation)
becomes an untranslated entry, so the PO still covers the whole article; English sentences
with no Sorani are only reported. A Sorani sentence the aligner cut in parts gives one
entry per part, each citing the sentence's id.

An existing PO file is updated, not overwritten: an entry a translator has already
translated or reviewed (non-empty, not fuzzy) is kept as it is; entries the alignment no
longer produces go obsolete if they hold a translation (as `kwb add` does) and are dropped
if empty. The save merges concurrent edits (`workbench.store.save`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polib

from workbench.align.aligner import Alignment, Bead
from workbench.store.article import glossary_notes
from workbench.store.pofile import (
    FUZZY,
    Catalog,
    new_catalog,
    read_catalog,
    segment_key,
    state,
    touch_revision,
)
from workbench.store.project import Project
from workbench.terms.matcher import Matcher
from workbench.text import canonical_text, key_from_canonical

COMMENT = "kwb-align"


@dataclass
class Written:
    """What writing the PO file did."""

    catalog: Catalog
    pairs: int = 0
    untranslated: int = 0
    kept: list[str] = field(default_factory=list)
    """msgctxts of entries a translator had already done, left untouched."""


def _comment(bead: Bead, min_score: float | None) -> str:
    if bead.paired:
        return f"{COMMENT}: score {bead.score:.2f}"
    if bead.low and min_score is not None:
        return (
            f"{COMMENT}: unaligned (best pair scored {bead.score:.2f}, "
            f"below --min-score {min_score:.2f})"
        )
    if bead.low:
        return (
            f"{COMMENT}: unaligned (best pair scored {bead.score:.2f}, too low for a translation)"
        )
    return f"{COMMENT}: unaligned (no English sentence)"


def _entries(
    alignment: Alignment,
    article_id: str,
    source_name: str,
    matcher: Matcher | None,
    min_score: float | None,
) -> list[polib.POEntry]:
    """One entry per bead with Sorani sentences; a repeated sentence shares its entry (the
    first English it was aligned with is the msgstr, any other goes into the comment)."""
    by_key: dict[str, polib.POEntry] = {}
    for bead in alignment.beads:
        if not bead.ckb:
            continue
        msgid = canonical_text(alignment.ckb_of(bead))
        key = segment_key(article_id, key_from_canonical(msgid).text)
        references = [(f"{source_name}:{sid}", "") for sid in alignment.ckb_ids(bead)]
        comment = _comment(bead, min_score)
        english = alignment.en_of(bead) if bead.paired else ""
        entry = by_key.get(key)
        if entry is not None:
            entry.occurrences.extend(references)
            if english and not entry.msgstr:
                entry.msgstr = english
                entry.flags = [FUZZY]
            elif english and english != entry.msgstr:
                comment += f"; at {' '.join(alignment.ckb_ids(bead))} aligned with {english!r}"
            entry.tcomment += f"\n{comment}"
            continue
        by_key[key] = polib.POEntry(
            msgctxt=key,
            msgid=msgid,
            msgstr=english,
            occurrences=references,
            tcomment=comment,
            comment="\n".join(glossary_notes(matcher, msgid)),
            flags=[FUZZY] if english else [],
        )
    return list(by_key.values())


def write_po(
    project: Project,
    alignment: Alignment,
    article_id: str,
    source_name: str,
    source_file: str,
    matcher: Matcher | None = None,
    min_score: float | None = None,
) -> Written:
    """Build `translations/<article_id>.po` from the alignment (call `save_catalog` to write).

    `source_name` is what references cite (`article.txt`), `source_file` the header's
    X-Source-File (the article's path relative to the project).
    """
    path = project.translations / f"{article_id}.po"
    entries = _entries(alignment, article_id, source_name, matcher, min_score)
    if path.exists():
        catalog = read_catalog(path)
    else:
        catalog = Catalog(path, new_catalog(project.name, source_file), None)
    old = {e.msgctxt: e for e in catalog.po if not e.obsolete}
    obsolete = {e.msgctxt: e for e in catalog.po if e.obsolete}
    written = Written(catalog)
    merged: list[polib.POEntry] = []
    for entry in entries:
        before = old.pop(entry.msgctxt, None)
        obsolete.pop(entry.msgctxt, None)
        if before is not None and state(before) in ("translated", "reviewed"):
            before.occurrences = entry.occurrences
            merged.append(before)
            written.kept.append(str(entry.msgctxt))
            continue
        merged.append(entry)
        if entry.msgstr:
            written.pairs += 1
        else:
            written.untranslated += 1
    for entry in old.values():
        notes = [line for line in entry.tcomment.splitlines() if not line.startswith(COMMENT)]
        if entry.msgstr.strip() or notes:
            entry.obsolete = True
            entry.occurrences = []
            merged.append(entry)
    merged.extend(obsolete.values())
    before_text = [str(e) for e in catalog.po]
    catalog.po[:] = merged
    catalog.po.metadata["X-Source-File"] = source_file
    if catalog.original is None or before_text != [str(e) for e in catalog.po]:
        touch_revision(catalog.po)
    return written
