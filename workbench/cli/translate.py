"""`kwb translate [PO]`: open the workbench (Textual) on the project or one PO file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.common import ProjectOpt


def register(app: typer.Typer) -> None:
    """Add the translate command to `app`."""
    app.command()(translate)


def translate(
    po: Annotated[
        Path | None, typer.Argument(help="A PO file to open (default: the overview).")
    ] = None,
    rtl: Annotated[
        str | None,
        typer.Option("--rtl", help="visual (kwb reorders Sorani) or terminal (it does)."),
    ] = None,
    project: ProjectOpt = None,
) -> None:
    """Open the translator's workbench."""
    from workbench.errors import InputError
    from workbench.store.project import open_project
    from workbench.tui.app import KwbApp

    if rtl is not None and rtl not in ("visual", "terminal"):
        raise InputError(rtl, "--rtl is visual or terminal")
    proj = open_project(project or (po.resolve().parent if po else None))
    if po is not None and not po.exists():
        raise InputError(po, "no such PO file")
    KwbApp(proj, po.resolve() if po else None, rtl).run()  # type: ignore[arg-type]
