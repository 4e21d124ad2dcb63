"""`kwb build`: the translated articles as files to hand over (text, Markdown, HTML) and the
bilingual review page."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.common import ProjectOpt
from workbench.cli.exit import ExitCode
from workbench.cli.output import write

FORMAT_HELP = (
    "text (.txt), markdown (.md: a headline as a heading), html (.html: a standalone page) or"
    " review (.review.html: Sorani beside English per segment, with status, glossary terms and"
    " QA findings; built even with unfinished segments, which it shows as such)."
)


def register(app: typer.Typer) -> None:
    """Add the build command to `app`."""
    app.command()(build)


def build(
    ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ID]...", help="Article ids (PO file stems in translations/; default: all)."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help=FORMAT_HELP)] = "text",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Output folder (default: output/ in the project, which must be inside it;"
            " a folder named here may be anywhere, as with kwb export).",
        ),
    ] = None,
    draft: Annotated[
        bool,
        typer.Option(
            "--draft",
            help="Build even with untranslated or fuzzy segments: the Sorani of an untranslated"
            " one in brackets, a fuzzy English marked [fuzzy: …].",
        ),
    ] = False,
    project: ProjectOpt = None,
) -> None:
    """Build the translated articles: DIR/<id>.txt, .md, .html or .review.html.

    An untranslated or fuzzy segment stops a text, markdown or html build (exit 1, nothing
    written) with the list of such segments, unless --draft. A build of an unchanged project
    writes nothing: the files are byte-identical."""
    from workbench.deliver.build import build as run
    from workbench.deliver.build import file_name
    from workbench.errors import InputError
    from workbench.store.project import open_project

    proj = open_project(project)
    if not any(proj.translations.glob("*.po")):
        raise InputError(proj.translations, "no articles to build (add one with kwb add)")
    result = run(proj, ids or (), fmt, out, draft)
    if result.blocked:
        write(
            "".join(
                f"{file_name(proj, a.path)}\t{s.id or s.key}\t{s.state}\n"
                for a, s in result.blocked
            )
        )
        typer.echo(
            f"kwb build: {len(result.blocked)} unfinished segment"
            f"{'' if len(result.blocked) == 1 else 's'}; nothing written"
            " (--draft builds with them marked)",
            err=True,
        )
        raise typer.Exit(ExitCode.FINDINGS)
    lines = []
    for o in result.outputs:
        verb = "wrote" if o.changed else "unchanged"
        left = len(o.article.unfinished)
        note = f" (draft: {left} unfinished)" if left and fmt != "review" else ""
        if left and fmt == "review":
            note = f" ({left} unfinished)"
        lines.append(f"{verb} {_shown(o.path)}{note}\n")
    write("".join(lines))


def _shown(path: Path) -> str:
    """A path relative to the current folder when below it, else as it is."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:
        return str(path)
