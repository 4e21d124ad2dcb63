"""`kwb export`: the project's reviewed pairs as a parallel corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.common import ProjectOpt
from workbench.cli.output import console


def register(app: typer.Typer) -> None:
    """Add the export command to `app`."""
    app.command()(export)


def export(
    corpus_format: Annotated[
        str, typer.Option("--format", help="moses, tsv, jsonl, tmx or xliff.")
    ],
    out: Annotated[Path, typer.Option("--out", help="Output file (moses: prefix for .ckb/.en).")],
    status: Annotated[
        str,
        typer.Option("--status", help="reviewed, translated (+reviewed, default) or any (+fuzzy)."),
    ] = "translated",
    qa_clean: Annotated[
        bool, typer.Option("--qa-clean", help="Drop pairs with QA errors.")
    ] = False,
    dedupe: Annotated[
        bool, typer.Option("--dedupe", help="Drop repeated (normalized) pairs.")
    ] = False,
    min_words: Annotated[
        int | None, typer.Option("--min-words", help="Fewest words per side.")
    ] = None,
    max_words: Annotated[
        int | None, typer.Option("--max-words", help="Most words per side.")
    ] = None,
    max_ratio: Annotated[
        float | None, typer.Option("--max-ratio", help="Largest length ratio between the sides.")
    ] = None,
    normalize: Annotated[bool, typer.Option("--normalize", help="Canonical Sorani.")] = False,
    tokenize: Annotated[
        bool, typer.Option("--tokenize", help="Tokenize (sacremoses for English, kwb for Sorani).")
    ] = False,
    split: Annotated[
        str | None, typer.Option("--split", help="By document, e.g. train,dev,test=80,10,10.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the split.")] = 0,
    project: ProjectOpt = None,
) -> None:
    """Export reviewed segment pairs (Moses, TSV, JSONL, TMX, XLIFF) with a report."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from rich.table import Table

    from workbench.corpus.export import ExportOptions, parse_split, report_path
    from workbench.corpus.export import export as run
    from workbench.corpus.writers import WRITERS
    from workbench.errors import InputError
    from workbench.store.project import open_project
    from workbench.terms.glossary import load_glossary, stopwords
    from workbench.terms.matcher import Matcher

    if status not in ("reviewed", "translated", "any"):
        raise InputError(status, "--status is reviewed, translated or any")
    if corpus_format not in WRITERS:
        raise InputError(corpus_format, f"unknown format; use one of {', '.join(WRITERS)}")
    options = ExportOptions(
        format=corpus_format,
        out=out,
        status=status,  # type: ignore[arg-type]
        qa_clean=qa_clean,
        dedupe=dedupe,
        min_words=min_words,
        max_words=max_words,
        max_ratio=max_ratio,
        normalize=normalize,
        tokenize=tokenize,
        split=parse_split(split) if split else (),
        seed=seed,
    )
    proj = open_project(project)
    files = sorted(proj.translations.glob("*.po"))
    matcher = Matcher(load_glossary(proj.glossary).active(), stopwords()) if qa_clean else None
    err = console(stderr=True)
    if err.is_terminal:
        with Progress(
            TextColumn("exporting"), BarColumn(), MofNCompleteColumn(), console=err, transient=True
        ) as bar:
            task = bar.add_task("pairs", total=None)
            report = run(files, options, matcher, lambda n: bar.update(task, completed=n))
    else:
        report = run(files, options, matcher)
    table = Table(title=f"kwb export → {out}")
    table.add_column("")
    table.add_column("", justify="right")
    table.add_row("pairs read", f"{report.read:,}")
    table.add_row("kept", f"{report.kept:,}")
    for reason, count in sorted(report.dropped.items()):
        table.add_row(f"dropped: {reason}", f"{count:,}")
    table.add_row("tokens (Sorani / English)", f"{report.tokens_ckb:,} / {report.tokens_en:,}")
    for name, count in report.splits.items():
        table.add_row(f"split {name}", f"{count:,}")
    console().print(table)
    console().print(f"[dim]{report.signature}[/dim]")
    console().print(f"wrote {', '.join(report.outputs)} and {report_path(options)}")
