"""Options and loaders shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.terms.glossary import Glossary, load_glossary

FILE_HELP = "A text file, or - for standard input."
ENCODING_HELP = "Decode with this encoding (e.g. cp1256) when the file has no BOM."

FileArg = Annotated[str, typer.Argument(help=FILE_HELP)]
EncodingOpt = Annotated[str | None, typer.Option("--encoding", help=ENCODING_HELP)]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Machine-readable output, one object a line.")
]
ProjectOpt = Annotated[
    Path | None, typer.Option("--project", help="Project folder (default: found upward).")
]
GlossaryOpt = Annotated[
    Path | None,
    typer.Option(
        "--glossary", help="Glossary: the project's (default), a glossary.toml, .csv or .tbx file."
    ),
]


def glossary(path: Path | None, project: Path | None = None) -> Glossary:
    """The glossary named by --glossary, else the project's."""
    if path is not None:
        return load_glossary(path)
    from workbench.store.project import open_project

    return load_glossary(open_project(project).glossary)
