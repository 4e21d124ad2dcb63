"""Fill untranslated entries from the translation memory's exact matches.

A sentence already translated elsewhere in the project (another article, an imported TMX)
gets that translation: marked fuzzy for a reviewer unless the translator trusts exact
matches. This is also how a repeated segment shares one translation across articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.store.pofile import FUZZY, Catalog, set_flag
from workbench.tm.index import TranslationMemory


@dataclass
class Pretranslated:
    """How many entries were filled, and from where."""

    filled: int = 0
    sources: dict[str, int] = field(default_factory=dict)


def pretranslate(catalog: Catalog, tm: TranslationMemory, trust_exact: bool) -> Pretranslated:
    """Fill empty entries of `catalog` from exact TM matches (in memory; the caller saves)."""
    report = Pretranslated()
    own = f"translations/{catalog.path.name}"
    for entry in catalog.entries:
        if entry.msgstr.strip():
            continue
        matches = [m for m in tm.exact(entry.msgid) if m.source != own]
        if not matches:
            continue
        best = matches[0]
        entry.msgstr = best.en
        set_flag(entry, FUZZY, not trust_exact)
        report.filled += 1
        report.sources[best.source] = report.sources.get(best.source, 0) + 1
    return report
