"""`kwb normalize` and `kwb segment`: the text core on files and stdin."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from workbench.cli.common import EncodingOpt, FileArg
from workbench.cli.output import console, display_mode, write, write_json_lines


def register(app: typer.Typer) -> None:
    """Add the text commands to `app`."""
    app.command()(normalize)
    app.command()(segment)


def normalize(
    file: FileArg,
    key: Annotated[bool, typer.Option("--key", help="Print the matching key instead.")] = False,
    stats: Annotated[bool, typer.Option("--stats", help="Report each kind of change.")] = False,
    encoding: EncodingOpt = None,
) -> None:
    """Print the canonical Sorani text of FILE (or its matching key with --key)."""
    from workbench.text import canonical, change_stats, matching_key
    from workbench.text.decode import read_text

    text = read_text(file, encoding)
    result = (matching_key(text) if key else canonical(text)).text
    if display_mode() == "terminal":
        write(result)  # the text itself, byte for byte: for a pipe, a file, a bidi terminal
    else:
        from workbench.display.text import Bidi

        console().print(Bidi(result, "visual", "rtl"), soft_wrap=False)
    if stats:
        from rich.table import Table

        counts = change_stats(text)
        table = Table(title=f"Normalization changes in {file}")
        table.add_column("change")
        table.add_column("count", justify="right")
        for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            table.add_row(kind, f"{n:,}")
        table.add_row("[bold]total[/bold]", f"[bold]{sum(counts.values()):,}[/bold]")
        console(stderr=True).print(table)


def segment(
    file: FileArg,
    json: Annotated[bool, typer.Option("--json", help="One JSON object per segment.")] = False,
    encoding: EncodingOpt = None,
) -> None:
    """Split FILE into paragraphs and sentences, with offsets into the original."""
    from workbench.text import segment as split
    from workbench.text.decode import read_text

    text = read_text(file, encoding)
    segments = split(text)
    if json:
        write_json_lines(asdict(s) for s in segments)
        return
    from rich.table import Table
    from rich.text import Text

    from workbench.display.text import Bidi

    mode = display_mode()
    table = Table(title=Text(f"{file}: {len(segments)} sentences"), show_lines=True)
    table.add_column("id", no_wrap=True)
    table.add_column("offsets", justify="right", no_wrap=True)
    table.add_column("sentence", justify="right")
    for s in segments:
        table.add_row(s.id, f"{s.start}–{s.end}", Bidi(s.text, mode, "rtl"))
    console().print(table)
