"""Assemble the `kwb` command from the command modules (imported only when kwb runs)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from workbench import __version__


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kwb {__version__}")
        raise typer.Exit()


def build() -> Any:
    """The click command behind `kwb`, with every subcommand registered."""
    from workbench.cli import (
        align,
        build,
        check,
        export,
        glossary,
        match,
        overview,
        project,
        replace,
        search,
        text,
        tm,
        translate,
    )

    app = typer.Typer(
        name="kwb",
        help="kwb: a Sorani Kurdish → English translation workbench.",
        add_completion=False,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )

    @app.callback()
    def root(
        version: Annotated[
            bool,
            typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
        ] = False,
    ) -> None:
        """kwb: a Sorani Kurdish → English translation workbench."""

    text.register(app)
    overview.register(app)
    match.register(app)
    project.register(app)
    tm.register(app)
    glossary.register(app)
    check.register(app)
    export.register(app)
    translate.register(app)
    align.register(app)
    build.register(app)
    search.register(app)
    replace.register(app)
    return typer.main.get_command(app)
