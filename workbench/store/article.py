"""An article as translation units: its distinct sentences, keyed, with glossary notes."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.store.pofile import segment_key
from workbench.terms.matcher import Matcher
from workbench.text import canonical, key_from_canonical, segment


@dataclass(frozen=True)
class Unit:
    """One distinct sentence of an article (repeats share a unit and list every place)."""

    key: str
    """msgctxt: article id / hash of the matching key."""
    msgid: str
    """The canonical Sorani sentence."""
    match_key: str
    references: tuple[tuple[str, str], ...]
    """`("file:p3s1", "")` for every occurrence, as polib represents such references."""
    notes: tuple[str, ...]
    """Glossary hits, `term → rendering (variants)`, for the PO `#.` comments."""


def glossary_notes(matcher: Matcher | None, text: str) -> tuple[str, ...]:
    """One line per distinct glossary entry found in `text`, in text order."""
    if matcher is None:
        return ()
    notes: dict[str, str] = {}
    for hit in matcher.find(text):
        line = f"glossary: {hit.entry.source} → {hit.target}"
        if hit.variants:
            line += f" (also: {', '.join(hit.variants)})"
        notes.setdefault(hit.entry.id, line)
    return tuple(notes.values())


def article_units(
    article_id: str, source_name: str, text: str, matcher: Matcher | None
) -> list[Unit]:
    """The units of an article in reading order."""
    by_key: dict[str, Unit] = {}
    for s in segment(text):
        canon = canonical(s.text).text
        match_key = key_from_canonical(canon).text
        key = segment_key(article_id, match_key)
        reference = (f"{source_name}:{s.id}", "")  # how polib reads "file:p3s1" back
        if key in by_key:
            unit = by_key[key]
            by_key[key] = Unit(
                key, unit.msgid, match_key, (*unit.references, reference), unit.notes
            )
            continue
        by_key[key] = Unit(key, canon, match_key, (reference,), glossary_notes(matcher, canon))
    return list(by_key.values())
