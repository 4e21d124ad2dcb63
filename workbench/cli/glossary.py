"""`kwb glossary …`: list, show, search, review, lint, exchange and extract glossary terms."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from workbench.cli.common import JsonOpt, ProjectOpt
from workbench.cli.exit import ExitCode
from workbench.cli.output import console, display_mode, write_json_lines

if TYPE_CHECKING:
    from workbench.store.project import Project
    from workbench.terms.model import Entry

app = typer.Typer(
    help="The glossary: review, lint, TBX/CSV exchange, term extraction.", no_args_is_help=True
)

ById = Annotated[
    str | None,
    typer.Option(
        "--by",
        help="Who makes the change (recorded in history); default: KWB_USER, git's user.name, "
        "~/.config/kwb/user.toml, [project] reviewer.",
    ),
]
Comment = Annotated[str, typer.Option("--comment", help="Why (recorded in history).")]
IdArg = Annotated[str, typer.Argument(help="Entry id.")]


def register(root: typer.Typer) -> None:
    """Add the glossary command group to `root`."""
    root.add_typer(app, name="glossary")


def _project(project: Path | None) -> Project:
    from workbench.store.project import open_project

    return open_project(project)


def _master(project: Project) -> Path:
    from workbench.terms.glossary import master_path

    return master_path(project.glossary)


def _entries(project: Project) -> list[Entry]:
    from workbench.terms import glossary_file

    return glossary_file.read(_master(project))


def _entry_json(e: Entry) -> dict[str, Any]:
    from dataclasses import asdict

    data = asdict(e)
    for key, value in list(data.items()):
        if hasattr(value, "isoformat"):
            data[key] = value.isoformat()
    data["history"] = [
        {**h, "on": h["on"].isoformat()} if hasattr(h["on"], "isoformat") else h
        for h in data["history"]
    ]
    return data


def _table(entries: list[Entry], title: str, project: Path | None) -> None:
    from rich.table import Table
    from rich.text import Text

    from workbench.display.text import Bidi, bidi_lines

    out = console()
    mode = display_mode(project)
    table = Table(title=bidi_lines(title, out.width, mode, "ltr", no_wrap=True)[0])
    for column in ("id", "Sorani", "English", "type", "status"):
        table.add_column(column, justify="right" if column == "Sorani" else "left")
    for e in entries:
        table.add_row(
            Text(e.id), Bidi(e.source, mode, "rtl"), Bidi(e.target, mode), e.type, e.status
        )
    out.print(table)


@app.command("list")
def list_entries(
    status: Annotated[
        str | None, typer.Option("--status", help="proposed, approved, rejected, deprecated")
    ] = None,
    entry_type: Annotated[
        str | None, typer.Option("--type", help="person, organization, place, title, term, date")
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="Sorani or English text the entry contains.")
    ] = None,
    json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """List entries, filtered by status, type or text."""
    entries = _entries(_project(project))
    if status:
        entries = [e for e in entries if e.status == status]
    if entry_type:
        entries = [e for e in entries if e.type == entry_type]
    if text:
        entries = _matching(entries, text)
    if json:
        write_json_lines(_entry_json(e) for e in entries)
    else:
        _table(entries, f"{len(entries)} glossary entries", project)


def _matching(entries: list[Entry], text: str) -> list[Entry]:
    from workbench.text import key_text

    key = key_text(text).strip()
    folded = text.casefold().strip()
    out = []
    for e in entries:
        sorani = [key_text(s) for s in (e.source, *e.source_forms, *e.adjectival)]
        english = [r.casefold() for r in (*e.renderings, *e.forbidden, e.adjectival_target)]
        if any(key and key in s for s in sorani) or any(folded and folded in r for r in english):
            out.append(e)
    return out


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Sorani or English.")],
    json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Entries whose Sorani (normalized) or English contains TEXT."""
    entries = _matching(_entries(_project(project)), text)
    if json:
        write_json_lines(_entry_json(e) for e in entries)
    else:
        _table(entries, f"{len(entries)} entries matching {text!r}", project)


@app.command()
def show(entry_id: IdArg, json: JsonOpt = False, project: ProjectOpt = None) -> None:
    """An entry, its history, and its concordance in seeds/ and translations/."""
    from workbench.store.pairs import project_pairs
    from workbench.terms.concordance import concordance, renderings_used
    from workbench.terms.glossary import stopwords
    from workbench.terms.matcher import Matcher
    from workbench.terms.review import find

    proj = _project(project)
    entries = _entries(proj)
    entry = find(entries, entry_id)
    others = [e for e in entries if e.active and e.id != entry.id]
    occurrences = concordance(Matcher([entry, *others], stopwords()), project_pairs(proj)).get(
        entry.id, []
    )
    used = renderings_used((*entry.renderings, *entry.forbidden), occurrences)
    if json:
        write_json_lines(
            [
                {
                    "entry": _entry_json(entry),
                    "concordance": [o.as_json() for o in occurrences],
                    "renderings_used": dict(used),
                }
            ]
        )
        return
    from rich.table import Table
    from rich.text import Text

    from workbench.display.bidi import Direction
    from workbench.display.text import Bidi, highlighted

    out = console()
    mode = display_mode(project)
    info = Table(show_header=False, title=Text(f"{entry.id} ({entry.status})"))
    info.add_column(style="bold")
    info.add_column()
    rows: tuple[tuple[str, str, Direction], ...] = (
        ("Sorani", entry.source, "rtl"),
        ("other spellings", ", ".join(entry.source_forms), "rtl"),
        ("English", entry.target, "auto"),
        ("admitted", ", ".join(entry.variants), "auto"),
        ("forbidden", ", ".join(entry.forbidden), "auto"),
        (
            "adjectival",
            ", ".join(entry.adjectival)
            + (f" → {entry.adjectival_target}" if entry.adjectival_target else ""),
            "ltr" if entry.adjectival_target else "rtl",
        ),
        ("type / domain", f"{entry.type} / {entry.domain}", "ltr"),
        ("note", entry.note, "auto"),
        ("proposed", f"{entry.proposed_by} {entry.proposed_on or ''}", "ltr"),
        (
            "reviewed",
            f"{entry.reviewed_by} {entry.reviewed_on or ''} {entry.review_comment}".strip(),
            "ltr",
        ),
    )
    for label, value, direction in rows:
        if value.strip(" /→"):
            info.add_row(label, Bidi(value, mode, direction))
    out.print(info)
    if entry.history:
        history = Table(title="history")
        for column in ("date", "by", "action", "comment"):
            history.add_column(column)
        for h in entry.history:
            history.add_row(h.on.isoformat(), Text(h.by), h.action, Bidi(h.comment, mode))
        out.print(history)
    summary = Text(f"{len(occurrences)} occurrences", style="bold")
    if used:
        counted = ", ".join(f"{r} {n}×" for r, n in used.most_common())
        summary.append(f" · renderings used: {counted}")
    out.print(summary)
    for occ in occurrences:
        out.print(Bidi(f"{occ.file}:{occ.segment}", mode, style="dim"))
        out.print(Bidi(highlighted(occ.ckb, [(occ.start, occ.end)]), mode, "rtl"))
        if occ.en:
            out.print(Bidi(f"  → {occ.en}", mode, "ltr"))


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for value in values or [] for v in value.split("|") if v.strip())


def _new_id(entries: list[Entry], target: str, source: str) -> str:
    from workbench.terms.proposal import new_entry_id

    return new_entry_id(entries, target, source)


def _by(by: str | None, project: Path | None, fallback: str = "kwb") -> str:
    """Who makes a change: `--by`, else the user (KWB_USER, git's user.name, the per-person
    setting, `[project] reviewer`), else `fallback`."""
    if by:
        return by
    from workbench.store.identity import identify

    proj = _project(project)
    found = identify(proj.root, proj.reviewer)
    return found.name if found is not None else fallback


@app.command()
def propose(
    source: Annotated[str, typer.Argument(help="The Sorani term.")],
    target: Annotated[str, typer.Option("--target", help="Preferred English rendering.")] = "",
    variant: Annotated[
        list[str] | None,
        typer.Option("--variant", help="Admitted rendering (repeatable; | separates)."),
    ] = None,
    forbidden: Annotated[
        list[str] | None, typer.Option("--forbidden", help="Forbidden rendering (repeatable).")
    ] = None,
    entry_type: Annotated[
        str, typer.Option("--type", help="person, organization, place, title, term, date")
    ] = "term",
    domain: Annotated[str, typer.Option("--domain")] = "",
    note: Annotated[str, typer.Option("--note")] = "",
    entry_id: Annotated[
        str | None, typer.Option("--id", help="Entry id (default: from the target).")
    ] = None,
    by: ById = None,
    comment: Comment = "",
    project: ProjectOpt = None,
) -> None:
    """Add a new entry with status proposed."""
    from workbench.terms.model import TYPES, Entry
    from workbench.terms.review import ReviewError, update_glossary
    from workbench.terms.review import propose as make

    if entry_type not in TYPES:
        raise ReviewError(entry_type, f"type must be one of {', '.join(TYPES)}")
    proj = _project(project)
    by = _by(by, project)
    created: list[Entry] = []

    def change(entries: list[Entry]) -> list[Entry]:
        new_id = entry_id or _new_id(entries, target, source)
        if any(e.id == new_id for e in entries):
            raise ReviewError(new_id, "an entry with this id exists")
        entry = make(
            Entry(
                id=new_id,
                source=source,
                target=target,
                variants=_split(variant),
                forbidden=_split(forbidden),
                type=entry_type,
                domain=domain,
                note=note,
            ),
            by,
            comment=comment,
        )
        created.append(entry)
        return [*entries, entry]

    update_glossary(_master(proj), change)
    from rich.text import Text

    from workbench.display.text import Bidi

    line = Text.assemble("Proposed ", (created[0].id, "bold"), f": {created[0].source} → ")
    line.append(created[0].target or "(no rendering yet)")
    console().print(Bidi(line, display_mode(project), "ltr"))


def _decide(entry_id: str, status: str, by: str, comment: str, project: Path | None) -> None:
    from workbench.terms.review import decide, find, replace_entry, update_glossary

    proj = _project(project)

    def change(entries: list[Entry]) -> list[Entry]:
        return replace_entry(entries, decide(find(entries, entry_id), status, by, comment))  # type: ignore[arg-type]

    update_glossary(_master(proj), change)
    from workbench.display.text import Bidi

    line = f"{entry_id}: {status} by {by}" + (f" ({comment})" if comment else "")
    console().print(Bidi(line, display_mode(project), "ltr"))


@app.command()
def approve(
    entry_id: IdArg, by: ById = None, comment: Comment = "", project: ProjectOpt = None
) -> None:
    """Approve an entry (it needs a preferred rendering)."""
    _decide(entry_id, "approved", _by(by, project), comment, project)


@app.command()
def reject(
    entry_id: IdArg, by: ById = None, comment: Comment = "", project: ProjectOpt = None
) -> None:
    """Reject a proposed entry."""
    _decide(entry_id, "rejected", _by(by, project), comment, project)


@app.command()
def deprecate(
    entry_id: IdArg, by: ById = None, comment: Comment = "", project: ProjectOpt = None
) -> None:
    """Retire an entry (kept, no longer matched)."""
    _decide(entry_id, "deprecated", _by(by, project), comment, project)


@app.command()
def edit(
    entry_id: IdArg,
    assignments: Annotated[
        list[str], typer.Option("--set", help="FIELD=VALUE (lists: values separated by |).")
    ],
    by: ById = None,
    comment: Comment = "",
    project: ProjectOpt = None,
) -> None:
    """Change fields of an entry (recorded in its history)."""
    from workbench.terms.glossary_file import FIELDS
    from workbench.terms.review import (
        ReviewError,
        find,
        replace_entry,
        update_glossary,
    )
    from workbench.terms.review import (
        edit as change_entry,
    )

    kinds = dict(FIELDS)
    changes: dict[str, Any] = {}
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        name = name.strip()
        if not sep or name not in kinds:
            raise ReviewError(assignment, "use --set FIELD=VALUE with a glossary field name")
        changes[name] = _split([value]) if kinds[name] == "list" else value.strip()
        if name == "inflection" and not changes[name]:
            changes[name] = None
    proj = _project(project)
    by = _by(by, project)

    def change(entries: list[Entry]) -> list[Entry]:
        return replace_entry(entries, change_entry(find(entries, entry_id), changes, by, comment))

    update_glossary(_master(proj), change)
    console().print(f"{entry_id}: edited {', '.join(sorted(changes))}")


@app.command()
def lint(json: JsonOpt = False, project: ProjectOpt = None) -> None:
    """Check the glossary for contradictions; exit 1 when there are errors."""
    from workbench.terms.glossary import stopwords
    from workbench.terms.lint import lint as run

    findings = run(_entries(_project(project)), stopwords())
    if json:
        write_json_lines(f.as_json() for f in findings)
    else:
        from rich.table import Table
        from rich.text import Text

        from workbench.display.text import Bidi

        mode = display_mode(project)
        table = Table(title=f"glossary lint: {len(findings)} findings")
        for column in ("severity", "check", "entry", "message"):
            table.add_column(column)
        for f in findings:
            table.add_row(
                Text(f.severity, style="red" if f.severity == "error" else ""),
                f.code,
                Text(f.entry),
                Bidi(f.message, mode, "ltr"),
            )
        console().print(table)
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(ExitCode.FINDINGS)


def _read_exchange(path: Path) -> list[Entry]:
    from workbench.errors import InputError
    from workbench.terms import csv_format
    from workbench.terms.tbx import read_tbx

    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return csv_format.read(path)
    if suffix in (".tbx", ".xml"):
        return read_tbx(path)
    raise InputError(path, "import reads .csv or .tbx files")


@app.command("import")
def import_file(
    file: Annotated[Path, typer.Argument(help="A .csv or .tbx (v2 or v3) glossary.")],
    by: ById = None,
    project: ProjectOpt = None,
) -> None:
    """Merge a CSV or TBX glossary into the project's: new entries added, changed ones updated."""
    import dataclasses

    from workbench.terms.model import HistoryEvent
    from workbench.terms.review import today, update_glossary

    incoming = _read_exchange(file)
    by = _by(by, project, "kwb import")
    counts = {"added": 0, "updated": 0, "unchanged": 0}

    def change(entries: list[Entry]) -> list[Entry]:
        by_id = {e.id: e for e in entries}
        for new in incoming:
            old = by_id.get(new.id)
            if old == new or (
                old is not None
                and dataclasses.replace(old, history=()) == dataclasses.replace(new, history=())
            ):
                counts["unchanged"] += 1
                continue
            event = HistoryEvent(today(), by, "imported", f"from {file.name}")
            history = (*(old.history if old else new.history), event)
            by_id[new.id] = dataclasses.replace(new, history=history)
            counts["updated" if old else "added"] += 1
        return list(by_id.values())

    update_glossary(_master(_project(project)), change)
    console().print(
        f"Imported {file.name}: {counts['added']} added, {counts['updated']} updated, "
        f"{counts['unchanged']} unchanged."
    )


@app.command()
def export(
    file: Annotated[Path, typer.Argument(help="Output: .csv or .tbx.")],
    tbx_version: Annotated[
        int, typer.Option("--tbx-version", help="2 (martif, default) or 3 (ISO 30042).")
    ] = 2,
    status: Annotated[
        str | None, typer.Option("--status", help="Only entries with this status.")
    ] = None,
    project: ProjectOpt = None,
) -> None:
    """Write the glossary as CSV (every field) or TBX-Basic (v2 or v3)."""
    from workbench.atomic import atomic_write
    from workbench.errors import InputError
    from workbench.terms import csv_format
    from workbench.terms.tbx import format_tbx

    proj = _project(project)
    entries = [e for e in _entries(proj) if status is None or e.status == status]
    suffix = file.suffix.lower()
    if suffix == ".csv":
        data = csv_format.format_csv(entries).encode("utf-8")
    elif suffix == ".tbx":
        if tbx_version not in (2, 3):
            raise InputError(file, "--tbx-version is 2 or 3")
        data = format_tbx(entries, tbx_version, proj.name)
    else:
        raise InputError(file, "export writes .csv or .tbx files")
    atomic_write(file, data)
    console().print(f"Wrote {len(entries)} entries to {file}")


@app.command()
def extract(
    limit: Annotated[int, typer.Option("--limit", help="Candidates shown.")] = 30,
    min_count: Annotated[int, typer.Option("--min-count", help="Fewest occurrences.")] = 2,
    propose_top: Annotated[
        int, typer.Option("--propose", help="Add the top N as proposed entries.")
    ] = 0,
    by: ById = None,
    json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Candidate terms from the corpus that the glossary does not cover yet."""
    from workbench.store.pairs import project_pairs
    from workbench.terms.extract import extract as run
    from workbench.terms.glossary import stopwords
    from workbench.terms.matcher import Matcher
    from workbench.terms.model import Entry
    from workbench.terms.review import propose as make
    from workbench.terms.review import update_glossary

    proj = _project(project)
    by = _by(by, project, "kwb extract")
    entries = _entries(proj)
    matcher = Matcher([e for e in entries if e.status in ("approved", "proposed")], stopwords())
    candidates = run(project_pairs(proj), matcher, stopwords(), min_count, max(limit, propose_top))
    if json:
        write_json_lines(c.as_json() for c in candidates[:limit])
    else:
        from rich.table import Table

        from workbench.display.text import Bidi

        mode = display_mode(project)
        table = Table(title=f"{len(candidates[:limit])} term candidates")
        for column in ("candidate", "count", "docs", "suggested English", "example"):
            table.add_column(
                column, justify="right" if column in ("candidate", "count", "docs") else "left"
            )
        for c in candidates[:limit]:
            table.add_row(
                Bidi(c.term, mode, "rtl"),
                str(c.count),
                str(c.docs),
                Bidi(", ".join(f"{en} ({d:.2f})" for en, d in c.suggestions), mode),
                Bidi(c.reference, mode),
            )
        console().print(table)
    if propose_top:
        chosen = candidates[:propose_top]

        def change(current: list[Entry]) -> list[Entry]:
            out = list(current)
            for c in chosen:
                target = c.suggestions[0][0] if c.suggestions else ""
                note = (
                    f"Extracted: {c.count} occurrences in {c.docs} documents, e.g. {c.reference}."
                )
                out.append(
                    make(
                        Entry(
                            id=_new_id(out, target, c.term), source=c.term, target=target, note=note
                        ),
                        by,
                    )
                )
            return out

        update_glossary(_master(proj), change)
        console().print(
            f"Proposed {len(chosen)} entries; review them with kwb glossary list --status proposed"
        )
