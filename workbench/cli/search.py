"""`kwb search`: a concordance of any query over the whole project."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from workbench.cli.common import JsonOpt, ProjectOpt
from workbench.cli.exit import ExitCode
from workbench.cli.output import console, display_mode, write_json_lines

if TYPE_CHECKING:
    from workbench.display.bidi import Direction, Mode
    from workbench.search.concordance import SearchHit


def register(app: typer.Typer) -> None:
    """Add the search command to `app`."""
    app.command()(search)


def search(
    query: Annotated[str, typer.Argument(help="Sorani or English words, or a regex.")],
    side: Annotated[
        str, typer.Option("--in", help="Where to look: source, target or both.")
    ] = "both",
    regex: Annotated[
        bool, typer.Option("--regex", help="QUERY is a Python regular expression.")
    ] = False,
    json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Find QUERY in every PO file of the project and in the articles not added yet.

    Sorani is found through inflection (هێزی شەڕکەر finds هێزێکی شەڕکەری, هێزە شەڕکەرەکان),
    English as whole words in any case, with their plural and possessive (force: forces,
    force's; never enforcement). Exit 0 with hits, 1 without.
    """
    from workbench.errors import InputError
    from workbench.search.concordance import SIDES, search_project
    from workbench.search.query import compile_query
    from workbench.store.project import open_project

    if side not in ("source", "target", "both"):
        raise InputError(side, "unknown side for --in; known: source, target, both")
    compiled = compile_query(query, regex)
    proj = open_project(project)
    sides = SIDES if side == "both" else tuple(s for s in SIDES if s == side)
    hits = search_project(proj, compiled, sides)
    if json:
        write_json_lines(h.as_json() for h in hits)
    else:
        _table(hits, query, display_mode(project))
    if not hits:
        raise typer.Exit(ExitCode.FINDINGS)


def _table(hits: list[SearchHit], query: str, mode: Mode) -> None:
    """The concordance: file, segment, side, and the hit in its context, highlighted."""
    from rich.table import Table
    from rich.text import Text

    from workbench.display.context import in_context
    from workbench.display.text import Bidi

    out = console()
    if not hits:
        message = Text("no hits for “")
        message.append(query)
        message.append("”")
        out.print(Bidi(message, mode, "ltr"))
        return
    table = Table(expand=True)
    table.add_column("file", overflow="fold", max_width=24)
    table.add_column("segment", no_wrap=True)
    table.add_column("side", no_wrap=True)
    table.add_column("context", ratio=1, overflow="fold")
    for hit in hits:
        table.add_row(
            Text(hit.file.rpartition("/")[2]),
            Text(hit.segment or "—"),
            Text(hit.side),
            Bidi(in_context(hit.text, hit.start, hit.end), mode, _direction(hit.side)),
        )
    out.print(table)
    segments = len({(h.file, h.segment, h.id) for h in hits})
    files = len({h.file for h in hits})
    summary = f"{len(hits)} hits in {segments} segments of {files} files"
    out.print(summary, style="dim", markup=False, highlight=False)


def _direction(side: str) -> Direction:
    """Sorani reads right to left; the English, left to right."""
    return "rtl" if side == "source" else "ltr"
