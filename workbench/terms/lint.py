"""Glossary lint: what makes a term base contradict itself or fail to match.

Errors (exit 1): the same source twice, one source with conflicting targets, a rendering
both admitted and forbidden, a source not in canonical spelling, an approved entry without
a rendering. Warnings: a variant that is another entry's preferred rendering, a term that a
longer term always shadows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from workbench.terms.matcher import Matcher
from workbench.terms.model import Entry
from workbench.text import canonical_text, key_text

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class LintFinding:
    """One problem with one entry."""

    severity: Severity
    code: str
    entry: str
    message: str

    def as_json(self) -> dict[str, str]:
        return {
            "severity": self.severity,
            "code": self.code,
            "entry": self.entry,
            "message": self.message,
        }


def _lower(text: str) -> str:
    return " ".join(text.casefold().split())


def lint(entries: Iterable[Entry], stopwords: Iterable[str] = ()) -> list[LintFinding]:
    """Every finding, errors first, in entry order."""
    entries = [e for e in entries if e.status != "rejected"]
    found: list[LintFinding] = []
    by_source: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        for form in dict.fromkeys((e.source, *e.source_forms)):
            by_source[key_text(form)].append(e)
    for key, group in by_source.items():
        ids = sorted({e.id for e in group})
        if len(ids) < 2:
            continue
        targets = {_lower(e.target) for e in group}
        code, what = (
            ("duplicate", "is the same term as")
            if len(targets) == 1
            else ("conflicting-targets", "has the same source with a different target as")
        )
        for e in group:
            others = ", ".join(i for i in ids if i != e.id)
            found.append(LintFinding("error", code, e.id, f"{key!r} {what} {others}"))
    preferred = {_lower(e.target): e for e in entries if e.target}
    for e in entries:
        if e.status == "approved" and not e.target.strip():
            found.append(LintFinding("error", "no-rendering", e.id, "approved without a target"))
        admitted = {_lower(r) for r in e.renderings}
        for bad in e.forbidden:
            if _lower(bad) in admitted:
                found.append(
                    LintFinding(
                        "error",
                        "forbidden-admitted",
                        e.id,
                        f"{bad!r} is both admitted and forbidden",
                    )
                )
        for form in (e.source, *e.source_forms, *e.adjectival):
            if canonical_text(form) != form or form != form.strip() or "  " in form:
                found.append(
                    LintFinding(
                        "error",
                        "non-canonical",
                        e.id,
                        f"{form!r} is not in canonical spelling "
                        f"(should be {canonical_text(form).strip()!r})",
                    )
                )
        for variant in e.variants:
            owner = preferred.get(_lower(variant))
            # Two entries that admit each other's renderings are one concept under two
            # source spellings (پارتی / پارتی دیموکراتی کوردستان): intended, not flagged.
            if owner is None or owner.id == e.id or _lower(e.target) in map(_lower, owner.variants):
                continue
            found.append(
                LintFinding(
                    "warning",
                    "variant-is-preferred",
                    e.id,
                    f"variant {variant!r} is the preferred rendering of {owner.id}",
                )
            )
    found += _shadowed([e for e in entries if e.active], stopwords)
    return sorted(found, key=lambda f: (f.severity != "error", f.entry, f.code))


def _shadowed(entries: list[Entry], stopwords: Iterable[str]) -> list[LintFinding]:
    """Entries whose own source, matched against the glossary, yields another entry."""
    matcher = Matcher(entries, stopwords)
    out = []
    for e in entries:
        hits = matcher.find(e.source)
        if hits and all(h.entry.id != e.id for h in hits):
            covering = ", ".join(sorted({h.entry.id for h in hits}))
            out.append(
                LintFinding(
                    "warning", "shadowed", e.id, f"its source is always matched as {covering}"
                )
            )
    return out
