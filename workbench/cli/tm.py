"""`kwb tm import` and `kwb tm search`: the project's translation memory."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.common import JsonOpt, ProjectOpt
from workbench.cli.output import console, write_json_lines

app = typer.Typer(help="Translation memory: import TMX, search.", no_args_is_help=True)


def register(root: typer.Typer) -> None:
    """Add the tm command group to `root`."""
    root.add_typer(app, name="tm")


@app.command("import")
def import_tmx(
    file: Annotated[Path, typer.Argument(help="A TMX 1.4b file with ckb and en.")],
    project: ProjectOpt = None,
) -> None:
    """Copy a TMX memory into the project's tm/ folder and index it."""
    from workbench.atomic import atomic_write
    from workbench.store.project import open_project
    from workbench.tm.index import open_tm
    from workbench.tm.tmx import read_tmx

    proj = open_project(project)
    units = sum(1 for _ in read_tmx(file))  # validates the whole file before copying
    folder = proj.root / "tm"
    folder.mkdir(exist_ok=True)
    atomic_write(folder / file.name, file.read_bytes())
    with open_tm(proj) as tm:
        size = len(tm)
    console().print(
        f"Imported {units:,} ckb→en units from {file.name}; the TM holds {size:,} units."
    )


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Sorani text to look up.")],
    minimum: Annotated[
        float, typer.Option("--min", help="Lowest similarity shown (0–100, word-level).")
    ] = 60.0,  # store.similarity.SUGGESTION_MINIMUM, not imported: the CLI starts light
    limit: Annotated[int, typer.Option("--limit", help="Most suggestions shown.")] = 10,
    json: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    """Exact and fuzzy translation-memory matches for TEXT, best first."""
    from workbench.store.project import open_project
    from workbench.tm.index import open_tm

    with open_tm(open_project(project)) as tm:
        matches = tm.search(text, minimum, limit)
    if json:
        write_json_lines(m.as_json() for m in matches)
        return
    from rich.table import Table
    from rich.text import Text

    from workbench.cli.output import display_mode
    from workbench.display.text import Bidi

    mode = display_mode(project)
    table = Table(title=f"{len(matches)} TM matches")
    for column in ("score", "Sorani", "English", "from"):
        table.add_column(column, justify="right" if column in ("score", "Sorani") else "left")
    for m in matches:
        table.add_row(f"{m.score:.0f}", Bidi(m.ckb, mode, "rtl"), Bidi(m.en, mode), Text(m.source))
    console().print(table)
