"""Run QA checks over units (one entry or a whole corpus) and over PO files."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from workbench.gc_pause import paused_gc
from workbench.qa.context import Context
from workbench.qa.model import Finding, Unit, parse_waivers
from workbench.qa.registry import Check, CorpusCheck, EntryCheck, select
from workbench.store.pofile import read_catalog, state
from workbench.terms.matcher import Matcher


def attach_hits(units: Sequence[Unit], matcher: Matcher | None, ctx: Context) -> None:
    """Find glossary terms in every source at once (one matcher pass over all of them), and
    keep each source's matching key for the checks."""
    if matcher is None:
        return
    joined = "\n".join(u.source for u in units)
    hits, key = matcher.find_keyed(joined)
    keys = key.split("\n")
    if len(keys) == len(units):
        for unit, unit_key in zip(units, keys, strict=True):
            ctx.remember_key(unit, unit_key)
    starts = []
    position = 0
    for u in units:
        starts.append(position)
        position += len(u.source) + 1
    index = 0
    for hit in hits:
        while index + 1 < len(starts) and starts[index + 1] <= hit.start:
            index += 1
        units[index].hits.append(
            hit._replace(start=hit.start - starts[index], end=hit.end - starts[index])
        )


def _finding(unit: Unit, check: Check, message: str, related: tuple[str, ...]) -> Finding:
    return Finding(
        unit.file,
        unit.id,
        check.id,
        check.severity,
        message,
        unit.source,
        unit.target,
        related,
        unit.waivers.get(check.id),
    )


def check_units(
    units: list[Unit],
    matcher: Matcher | None,
    checks: Iterable[str] | None = None,
    context: Context | None = None,
) -> list[Finding]:
    """Findings (waived ones included, marked) for translated units, in unit order."""
    chosen = select(checks)
    with paused_gc():
        ctx = context or Context(matcher)
        if context is None:
            attach_hits(units, matcher, ctx)
            ctx.measure(units)
        translated = [u for u in units if u.translated]
        order = {id(u): i for i, u in enumerate(units)}
        findings: list[tuple[int, int, Finding]] = []
        for rank, check in enumerate(chosen):
            if check.scope == "entry":
                run_entry: EntryCheck = check.run  # type: ignore[assignment]
                for unit in translated:
                    for message, related in run_entry(unit, ctx):
                        findings.append(
                            (order[id(unit)], rank, _finding(unit, check, message, related))
                        )
            else:
                run_corpus: CorpusCheck = check.run  # type: ignore[assignment]
                for unit, message, related in run_corpus(translated, ctx):
                    findings.append(
                        (order[id(unit)], rank, _finding(unit, check, message, related))
                    )
        findings.sort(key=lambda f: (f[0], f[1]))
        return [f for _, _, f in findings]


def units_from_po(path: Path, name: str | None = None) -> list[Unit]:
    """The live entries of a PO file as QA units."""
    units = []
    for entry in read_catalog(path).entries:
        waivers = parse_waivers(entry.tcomment or "")
        for flag in entry.flags:
            if flag.startswith("kwb-ok-"):
                waivers.setdefault(flag.removeprefix("kwb-ok-"), "")
        units.append(
            Unit(
                name or path.name,
                entry.msgctxt or "",
                entry.msgid,
                entry.msgstr,
                state(entry),
                waivers,
            )
        )
    return units
