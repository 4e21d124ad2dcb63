"""`kwb overview`: the project's articles at a glance (paragraphs, sentences, words, changes)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.output import console


def register(app: typer.Typer) -> None:
    """Add the overview command to `app`."""
    app.command()(overview)


def overview(
    project: Annotated[
        Path | None, typer.Option("--project", help="Project folder (default: found upward).")
    ] = None,
) -> None:
    """Show every article of the project: paragraphs, sentences, words, normalization changes."""
    from rich.table import Table
    from rich.text import Text

    from workbench.cli.output import display_mode
    from workbench.display.text import Bidi, bidi_lines
    from workbench.store.project import open_project
    from workbench.text import change_stats, segment, tokenize
    from workbench.text.decode import read_text

    proj = open_project(project)
    out = console()
    mode = display_mode(project)
    title = bidi_lines(proj.name, out.width, mode, no_wrap=True)[0]
    table = Table(title=title, caption=Text(str(proj.seeds)))
    for column in ("article", "paragraphs", "sentences", "words", "normalization changes"):
        table.add_column(column, justify="left" if column == "article" else "right")
    totals = [0, 0, 0, 0]
    details: list[Bidi] = []
    for path in proj.articles():
        text = read_text(path)
        segments = segment(text)
        words = sum(1 for t in tokenize(text) if t.kind in ("word", "latin", "number"))
        changes = change_stats(text)
        paragraphs = segments[-1].paragraph if segments else 0
        row = [paragraphs, len(segments), words, sum(changes.values())]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        table.add_row(Bidi(path.name, mode), *(f"{n:,}" for n in row))
        kinds = ", ".join(f"{kind} ×{n}" for kind, n in changes.most_common())
        details.append(Bidi(Text.assemble((path.name, "bold"), " ", kinds or "none"), mode, "ltr"))
        if segments:
            details.append(Bidi(segments[0].text, mode, "rtl"))
    table.add_section()
    table.add_row("total", *(f"{n:,}" for n in totals))
    out.print(table)
    for info in details:
        out.print(info)
