"""`kwb replace`: search and replace in the English of the project's PO files, previewed."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from workbench.cli.common import JsonOpt, ProjectOpt
from workbench.cli.output import console, write_json_lines

if TYPE_CHECKING:
    from workbench.search.replace import Change

OLD_STYLE = "bold red strike"
NEW_STYLE = "bold green"


def register(app: typer.Typer) -> None:
    """Add the replace command to `app`."""
    app.command()(replace)


def interactive() -> bool:
    """Whether a person can be asked: standard input is a terminal."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):
        return False


def replace(
    old: Annotated[str, typer.Argument(help="The English to replace (literal unless --regex).")],
    new: Annotated[str, typer.Argument(help="What replaces it (with --regex: \\1 for groups).")],
    regex: Annotated[
        bool, typer.Option("--regex", help="OLD is a Python regular expression.")
    ] = False,
    word: Annotated[bool, typer.Option("--word", help="Whole words only.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the changes; write nothing.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Apply without asking.")] = False,
    json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Replace OLD with NEW in the English of every PO file of the project.

    Every change is shown first; on a terminal kwb asks before writing (unless --yes);
    otherwise --yes or --dry-run is needed. Each file is saved once, atomically; a
    reviewed entry that changes needs review again.
    """
    from workbench.errors import InputError
    from workbench.search.concordance import relative
    from workbench.search.replace import apply, changes, compile_replacer, plan
    from workbench.store.project import open_project

    replacer = compile_replacer(old, new, regex, word)
    asking = not (yes or dry_run)
    if asking and not interactive():
        raise InputError("replace", "not on a terminal: add --yes to apply or --dry-run to preview")
    proj = open_project(project)
    files = [(path, relative(proj, path)) for path in sorted(proj.translations.glob("*.po"))]
    plans = plan(files, replacer)
    found = changes(plans)
    if json:
        write_json_lines(c.as_json() for c in found)
    else:
        _preview(found, len(plans))
    if not found or dry_run:
        return
    if asking and not typer.confirm(
        f"Apply {len(found)} changes in {len(plans)} files?", default=False, err=True
    ):
        console(stderr=True).print("nothing changed", markup=False, highlight=False)
        return
    apply(plans)
    demoted = sum(c.reviewed for c in found)
    line = f"replaced in {len(found)} entries of {len(plans)} files"
    if demoted:
        line += f"; {demoted} reviewed entries need review again"
    console(stderr=json).print(line, markup=False, highlight=False)


def _preview(found: list[Change], files: int) -> None:
    """Every change: its file and entry, the English before and after, the change marked."""
    from rich.text import Text

    from workbench.display.text import highlighted

    out = console()
    if not found:
        out.print("nothing to replace", markup=False, highlight=False)
        return
    for change in found:
        title = Text(f"{change.file}  {change.id}", style="bold")
        if change.reviewed:
            title.append("  (reviewed: will need review again)", style="yellow")
        out.print(title)
        out.print(Text("  − ") + highlighted(change.before, change.old_spans, OLD_STYLE))
        out.print(Text("  + ") + highlighted(change.after, change.new_spans, NEW_STYLE))
    summary = f"{len(found)} changes in {files} files"
    out.print(summary, style="dim", markup=False, highlight=False)
