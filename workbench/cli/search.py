"""`kwb search`: a concordance of any query over the whole project."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from workbench.cli.common import JsonOpt, ProjectOpt
from workbench.cli.exit import ExitCode
from workbench.cli.output import console, display_mode, write_json_lines

if TYPE_CHECKING:
    from rich.text import Text

    from workbench.display.bidi import Mode
    from workbench.search.concordance import SearchHit

CONTEXT = 40
"""Characters of context shown on each side of a hit (cut at a word)."""


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
            Bidi(in_context(hit), mode, "rtl" if hit.side == "source" else "ltr"),
        )
    out.print(table)
    segments = len({(h.file, h.segment, h.id) for h in hits})
    files = len({h.file for h in hits})
    summary = f"{len(hits)} hits in {segments} segments of {files} files"
    out.print(summary, style="dim", markup=False, highlight=False)


def in_context(hit: SearchHit, width: int = CONTEXT) -> Text:
    """The hit with up to `width` characters on each side, cut at a word, highlighted."""
    from rich.text import Text

    from workbench.display.text import highlighted

    text = hit.text
    left = max(0, hit.start - width)
    if left > 0:
        space = text.find(" ", left, hit.start)
        left = space + 1 if space >= 0 else left
    right = min(len(text), hit.end + width)
    if right < len(text):
        space = text.rfind(" ", hit.end, right)
        right = space if space >= 0 else right
    shown = highlighted(text[left:right], [(hit.start - left, hit.end - left)])
    if left > 0:
        shown = Text("… ") + shown
    if right < len(text):
        shown.append(" …")
    return shown
