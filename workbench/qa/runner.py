"""Run QA checks over units (one entry or a whole corpus) and over PO files.

A large corpus is checked on every CPU: its units are cut into contiguous chunks, one per
process; each process finds the glossary terms of its chunk, runs the entry checks on it and
derives the per-unit values the corpus checks read (`Check.per_unit`); the corpus checks then
run here, on all the values. The worker processes are forked, so they start with the matcher
and the units without copying them; what comes back is the chunk's issues and values, and
the findings are the same, in the same order, as from one process.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Container, Iterable, Sequence
from pathlib import Path
from typing import Literal

from workbench.forked import can_fork, fork_map
from workbench.gc_pause import paused_gc
from workbench.qa.context import Context, PerUnit
from workbench.qa.model import Finding, Scope, Unit, parse_waivers
from workbench.qa.registry import Check, CorpusCheck, EntryCheck, select
from workbench.store.pofile import read_catalog, state
from workbench.terms.matcher import Matcher

MIN_UNITS_PER_PROCESS = 10_000
"""A process is started for at least this many units: for fewer it costs more than it saves."""
BATCH = 2_000
"""Units taken through the glossary pass and the entry checks together: few enough that what
one pass over them leaves in the CPU caches is still there for the next."""

_Issue = tuple[int, int, str, tuple[str, ...]]
"""An entry check's finding, as a process reports it: (place of the unit in the units it was
given, rank of the check, message, related ids)."""
_ChunkResult = tuple[list[_Issue], list[list[object]]]
"""A chunk's issues, and for each per-unit value the corpus checks read, the values of the
chunk's translated units."""


def attach_hits(units: Sequence[Unit], matcher: Matcher | None, ctx: Context) -> None:
    """Find glossary terms in every source at once (one matcher pass over all of them), and
    keep each source's matching key for the checks."""
    if matcher is None:
        return
    found, key = matcher.find_each([u.source for u in units])
    keys = key.split("\n")
    if len(keys) == len(units):
        for unit, unit_key in zip(units, keys, strict=True):
            ctx.remember_key(unit, unit_key)
    for unit, hits in zip(units, found, strict=True):
        unit.hits += hits


def _finding(
    unit: Unit,
    check: Check,
    message: str,
    related: tuple[str, ...],
    scope: Scope | None = None,
) -> Finding:
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
        scope,
    )


def check_units(
    units: list[Unit],
    matcher: Matcher | None,
    checks: Iterable[str] | None = None,
    context: Context | None = None,
    scope: Literal["files", "project"] = "files",
    report: Container[str] | None = None,
    known_words: Iterable[str] = (),
) -> list[Finding]:
    """Findings (waived ones included, marked) for translated units, in unit order.

    The corpus checks compare the units with each other, and say so in their findings'
    `scope`: the units are those of the files asked for, or, with `scope="project"`, of
    the whole project. `report` names the files (`Unit.file`) whose units the findings are
    about (None: all): the others are only compared with.

    Without a `context`, the corpus is measured and the glossary hits are attached to the
    units, unless there are so many units that other processes check them (see the module's
    docstring): then the hits stay there."""
    chosen = select(checks)
    with paused_gc():
        if context is None:
            ctx = Context(matcher, known_words=tuple(known_words))
            ctx.measure(units)
            processes = process_count(len(units))
            if processes > 1:
                issues = _issues_in_parallel(units, chosen, ctx, processes, report)
            else:
                issues, _ = _check_chunk(units, chosen, ctx, report)
        else:
            ctx = context
            issues = _entry_issues(_translated(units), chosen, ctx, report)
        order = {id(u): i for i, u in enumerate(units)}
        findings = _entry_findings(units, chosen, issues)
        translated = [u for u in units if u.translated]
        compared = Scope(scope, len({u.file for u in units}), len(translated))
        findings += [
            found
            for found in _corpus_findings(translated, chosen, ctx, order, compared)
            if report is None or found[2].file in report
        ]
        findings.sort(key=lambda f: (f[0], f[1]))
        return [f for _, _, f in findings]


def _translated(units: list[Unit], offset: int = 0) -> list[tuple[int, Unit]]:
    """The translated units, with their place (counted from `offset`)."""
    return [(offset + i, unit) for i, unit in enumerate(units) if unit.translated]


def _entry_issues(
    units: list[tuple[int, Unit]],
    checks: Sequence[Check],
    ctx: Context,
    report: Container[str] | None = None,
) -> list[_Issue]:
    """The entry checks' findings on `units` (place, unit), unit by unit; only on the
    units of the files in `report`, if given."""
    entry_checks = [
        (rank, check.run) for rank, check in enumerate(checks) if check.scope == "entry"
    ]
    issues: list[_Issue] = []
    if report is not None:
        units = [(place, unit) for place, unit in units if unit.file in report]
    for place, unit in units:
        for rank, run in entry_checks:
            run_entry: EntryCheck = run  # type: ignore[assignment]
            for message, related in run_entry(unit, ctx):
                issues.append((place, rank, message, related))
    return issues


def _entry_findings(
    units: list[Unit], checks: Sequence[Check], issues: list[_Issue]
) -> list[tuple[int, int, Finding]]:
    """The entry checks' issues as findings, with the unit's place and the check's rank."""
    return [
        (place, rank, _finding(units[place], checks[rank], message, related))
        for place, rank, message, related in issues
    ]


def _corpus_findings(
    units: list[Unit],
    checks: Sequence[Check],
    ctx: Context,
    order: dict[int, int],
    scope: Scope,
) -> list[tuple[int, int, Finding]]:
    """The corpus checks' findings on `units`, with the unit's place and the check's rank."""
    findings = []
    for rank, check in enumerate(checks):
        if check.scope == "corpus":
            run_corpus: CorpusCheck = check.run  # type: ignore[assignment]
            for unit, message, related in run_corpus(units, ctx):
                finding = _finding(unit, check, message, related, scope)
                findings.append((order[id(unit)], rank, finding))
    return findings


def process_count(units: int) -> int:
    """How many processes `check_units` shares `units` units among (without a context): one
    per CPU, each with at least `MIN_UNITS_PER_PROCESS` units. A process running threads
    (the TUI) stays alone: a forked copy could inherit a lock some thread holds."""
    if not can_fork() or threading.active_count() > 1:
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cpus or 1, units // MIN_UNITS_PER_PROCESS))


def _per_unit(checks: Sequence[Check]) -> list[PerUnit[object]]:
    """The per-unit values the chosen corpus checks read."""
    return list(dict.fromkeys(derive for check in checks for derive in check.per_unit))


def chunked(units: list[Unit], processes: int) -> tuple[int, list[list[Unit]]]:
    """`units` cut into contiguous chunks, one per process, and the size of each but the
    last (so chunk n starts at n * size)."""
    size = -(-len(units) // processes)
    return size, [units[start : start + size] for start in range(0, len(units), size)]


def _issues_in_parallel(
    units: list[Unit],
    checks: Sequence[Check],
    ctx: Context,
    processes: int,
    report: Container[str] | None = None,
) -> list[_Issue]:
    """`_check_chunk`'s issues for all `units`, each chunk checked in a forked process; the
    chunks' per-unit values are remembered in `ctx` for the corpus checks. This process only
    waits: measured, a parent that computes beside its forked children is slower than they
    are, and would hold the run back."""
    size, chunks = chunked(units, processes)
    issues: list[_Issue] = []
    derived = _per_unit(checks)
    results = fork_map(lambda n: _check_chunk(chunks[n], checks, ctx, report), len(chunks))
    for n, (chunk_issues, values) in enumerate(results):
        issues += [(n * size + i, rank, m, related) for i, rank, m, related in chunk_issues]
        translated = [unit for unit in chunks[n] if unit.translated]
        for derive, found in zip(derived, values, strict=True):
            ctx.remember_values(derive, translated, found)
    return issues


def _check_chunk(
    units: list[Unit],
    checks: Sequence[Check],
    ctx: Context,
    report: Container[str] | None = None,
) -> _ChunkResult:
    """Glossary hits, entry checks (on the units of the files in `report`, if given) and
    per-unit values (of the translated units, in order) for one chunk of units, taken
    `BATCH` units at a time."""
    derived = _per_unit(checks)
    issues: list[_Issue] = []
    values: list[list[object]] = [[] for _ in derived]
    for start in range(0, len(units), BATCH):
        batch = units[start : start + BATCH]
        attach_hits(batch, ctx.matcher, ctx)
        translated = _translated(batch, start)
        issues += _entry_issues(translated, checks, ctx, report)
        for derive, found in zip(derived, values, strict=True):
            found += ctx.values(derive, [unit for _, unit in translated])
    return issues, values


def units_from_po(path: Path, name: str | None = None) -> list[Unit]:
    """The live entries of a PO file as QA units."""
    units = []
    name = name or path.name
    for entry in read_catalog(path).entries:
        waivers = parse_waivers(entry.tcomment or "")
        for flag in entry.flags:
            if flag.startswith("kwb-ok-"):
                waivers.setdefault(flag.removeprefix("kwb-ok-"), "")
        units.append(
            Unit(name, entry.msgctxt or "", entry.msgid, entry.msgstr, state(entry), waivers)
        )
    return units
