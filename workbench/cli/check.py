"""`kwb check`: QA over PO files, grouped by file, with waivers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from workbench.cli.common import GlossaryOpt, JsonOpt, ProjectOpt, glossary
from workbench.cli.exit import ExitCode
from workbench.cli.output import console, display_mode, write_json_lines

if TYPE_CHECKING:
    from workbench.display.bidi import Mode
    from workbench.qa.model import Scope


def register(app: typer.Typer) -> None:
    """Add the check command to `app`."""
    app.command()(check)


def check(
    files: Annotated[
        list[Path] | None, typer.Argument(help="PO files (default: all of translations/).")
    ] = None,
    glossary_path: GlossaryOpt = None,
    checks: Annotated[
        str | None,
        typer.Option(
            "--checks",
            help="Comma-separated check ids (default: all but spelling, or as [qa] in kwb.toml"
            " says).",
        ),
    ] = None,
    json: JsonOpt = False,
    show_waived: Annotated[
        bool, typer.Option("--show-waived", help="Also list findings a translator waived.")
    ] = False,
    scope: Annotated[
        str | None,
        typer.Option(
            "--scope",
            help="What the corpus checks compare the entries with: files (the PO files named;"
            " the default with files) or project (all of translations/; the default without).",
        ),
    ] = None,
    project: ProjectOpt = None,
) -> None:
    """Check translations: glossary, consistency, numbers and dates, leftovers, form."""
    from workbench.errors import InputError
    from workbench.qa.model import Scope
    from workbench.qa.registry import BY_ID, CHECKS
    from workbench.qa.runner import check_units, units_from_po
    from workbench.store.project import find_root, load_project
    from workbench.terms.glossary import stopwords
    from workbench.terms.matcher import Matcher
    from workbench.terms.wordlist import read_words, words_path

    ids = [c.strip() for c in checks.split(",") if c.strip()] if checks else None
    for check_id in ids or []:
        if check_id not in BY_ID:
            raise InputError(check_id, f"unknown check; known: {', '.join(c.id for c in CHECKS)}")
    if scope not in (None, "files", "project"):
        raise InputError(scope, "unknown scope; known: files, project")
    root = find_root(project)
    proj = load_project(root) if root is not None else None
    over: Literal["files", "project"] = (
        "project" if scope == "project" or (scope is None and not files) else "files"
    )
    if (not files or over == "project") and proj is None:
        raise InputError(project or Path.cwd(), "not inside a kwb project; name the PO files")
    if ids is None and proj is not None and proj.qa:
        ids = _configured(proj.qa, proj.root)
    project_files = sorted(proj.translations.glob("*.po")) if proj is not None else []
    named = files or project_files
    compared = list(named)
    if over == "project":
        # The project's files, and any named file outside translations/.
        known = {path.resolve() for path in project_files}
        compared = project_files + [p for p in named if p.resolve() not in known]
    gloss = glossary(glossary_path, project) if (glossary_path or proj) else None
    matcher = Matcher(gloss.active(), stopwords()) if gloss else None
    units = [u for path in compared for u in units_from_po(path, _name(path, proj))]
    report = {_name(path, proj) for path in named} if files and over == "project" else None
    spelling = proj is not None and "spelling" in (ids or ())
    words = read_words(words_path(proj.glossary)) if spelling and proj is not None else ()
    findings = check_units(units, matcher, ids, scope=over, report=report, known_words=words)
    shown = [f for f in findings if show_waived or f.waived is None]
    errors = any(f.severity == "error" and f.waived is None for f in findings)
    if json:
        write_json_lines(f.as_json() for f in shown)
    else:
        reported = len(units) if report is None else sum(u.file in report for u in units)
        _report(shown, findings, reported, display_mode(project))
        if any(BY_ID[c].scope == "corpus" for c in ids or BY_ID):
            files_compared = len({u.file for u in units})
            compared_scope = Scope(over, files_compared, sum(u.translated for u in units))
            _explain_scope(compared_scope, proj is not None)
    if errors:
        raise typer.Exit(ExitCode.FINDINGS)


def _configured(switches: dict[str, bool], root: Path) -> list[str]:
    """The checks `kwb check` runs by default in a project whose kwb.toml switches some on
    or off (`[qa] spelling = true`)."""
    from workbench.errors import InputError
    from workbench.qa.registry import BY_ID, CHECKS
    from workbench.store.project import CONFIG_NAME

    for check_id in switches:
        if check_id not in BY_ID:
            known = ", ".join(c.id for c in CHECKS)
            raise InputError(root / CONFIG_NAME, f"[qa] {check_id}: unknown check; known: {known}")
    return [c.id for c in CHECKS if switches.get(c.id, c.default)]


def _explain_scope(scope: Scope, in_project: bool) -> None:
    """A line saying what the corpus checks compared, and how to compare otherwise: the
    findings of `kwb check FILE` and `kwb check` differ by this alone."""
    line = f"corpus checks (term and sentence consistency) compared the entries {scope}"
    if scope.over == "files" and in_project:
        line += "; --scope project (or kwb check alone) compares them across the project"
    console().print(line, style="dim", markup=False, highlight=False)


def _name(path: Path, proj: object) -> str:
    root = getattr(proj, "root", None)
    try:
        return path.resolve().relative_to(root.resolve()).as_posix() if root else str(path)
    except ValueError:
        return str(path)


_ENTRY_WIDTH = 12
"""Enough for an entry id's last part (a hash of ten characters)."""


def _report(shown: list, findings: list, units: int, mode: Mode) -> None:  # type: ignore[type-arg]
    from collections import Counter

    from rich.table import Table
    from rich.text import Text

    from workbench.display.text import Bidi

    out = console()
    colours = {"error": "red", "warning": "yellow", "info": "dim"}
    for file in dict.fromkeys(f.file for f in shown):
        rows = [f for f in shown if f.file == file]
        table = Table(title=Text(file), show_lines=False, expand=True)
        # The short columns keep their words whole; the message takes the rest of the line.
        table.add_column("entry", overflow="fold", max_width=_ENTRY_WIDTH)
        table.add_column("check", no_wrap=True, min_width=max(len(f.check) for f in rows))
        table.add_column("severity", no_wrap=True, min_width=max(len(f.severity) for f in rows))
        table.add_column("message", ratio=1, overflow="fold")
        for f in rows:
            message = Text(f.message)
            if f.scope is not None:
                message.append(f" — {f.scope}", style="dim")
            if f.waived is not None:
                message.append(f"  (waived: {f.waived})", style="dim")
            table.add_row(
                Text(f.id.rsplit("/", 1)[-1]),
                f.check,
                Text(f.severity, style=colours[f.severity]),
                Bidi(message, mode, "ltr"),
            )
        out.print(table)
    summary = Table(title=f"kwb check: {units} entries, {len(findings)} findings")
    for column in ("check", "findings", "waived"):
        summary.add_column(column, justify="left" if column == "check" else "right")
    active = Counter(f.check for f in findings if f.waived is None)
    waived = Counter(f.check for f in findings if f.waived is not None)
    for check_id in sorted(set(active) | set(waived)):
        summary.add_row(check_id, str(active[check_id]), str(waived[check_id]))
    out.print(summary)
