"""`kwb init`, `kwb add`, `kwb status`, `kwb practice`: the project and its PO files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.common import EncodingOpt, JsonOpt, ProjectOpt
from workbench.cli.output import console, display_mode, write_json_lines


def register(app: typer.Typer) -> None:
    """Add the project commands to `app`."""
    app.command()(init)
    app.command()(add)
    app.command()(status)
    app.command()(practice)


def init(
    folder: Annotated[Path, typer.Argument(help="Where to create the project.")] = Path("."),
    name: Annotated[str | None, typer.Option("--name", help="Project name.")] = None,
) -> None:
    """Create a project: kwb.toml, seeds/, translations/, glossary/ (the curated glossary)."""
    from workbench.store.project import init_project

    project = init_project(folder, name)
    console().print(f"Created kwb project [bold]{project.name}[/bold] in {project.root}")


def add(
    articles: Annotated[list[Path], typer.Argument(help="Sorani article files (.txt).")],
    article_id: Annotated[
        str | None, typer.Option("--id", help="Article id (default: the file name's stem).")
    ] = None,
    pretranslate: Annotated[
        bool,
        typer.Option(
            "--pretranslate",
            help="Fill from the TM: exact matches, and similar ones (≥ 70) as fuzzy.",
        ),
    ] = False,
    trust_exact: Annotated[
        bool, typer.Option("--trust-exact", help="Don't mark exact pre-translated matches fuzzy.")
    ] = False,
    encoding: EncodingOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Segment ARTICLES into translations/<id>.po, or update the PO from a new version."""
    from rich.table import Table

    from workbench.display.text import Bidi
    from workbench.errors import InputError
    from workbench.store.add import add_article
    from workbench.store.project import open_project
    from workbench.store.save import save_catalog
    from workbench.terms.glossary import load_glossary, stopwords
    from workbench.terms.matcher import Matcher

    if article_id is not None and len(articles) > 1:
        raise InputError(article_id, "--id names one article; give one file with it")
    proj = open_project(project)
    mode = display_mode(proj.root)
    proj.translations.mkdir(parents=True, exist_ok=True)
    matcher = Matcher(load_glossary(proj.glossary).active(), stopwords())
    table = Table(title="kwb add")
    for column in ("article", "PO file", "kept", "fuzzy", "new", "obsolete", "pre-translated"):
        table.add_column(column, justify="left" if column in ("article", "PO file") else "right")
    for path in articles:
        added = add_article(proj, path, article_id, matcher, encoding)
        filled = ""
        if pretranslate:
            from workbench.tm.index import open_tm
            from workbench.tm.pretranslate import pretranslate as fill

            with open_tm(proj) as tm:
                result = fill(added.catalog, tm, trust_exact)
            filled = str(result.filled)
            if result.filled:
                from workbench.store.pofile import touch_revision

                touch_revision(added.catalog.po)
        save_catalog(added.catalog)
        r = added.report
        table.add_row(
            Bidi(path.name, mode),
            Bidi(str(added.catalog.path.relative_to(proj.root)), mode),
            str(len(r.kept)),
            str(len(r.fuzzy)),
            str(len(r.new)),
            str(len(r.obsolete)),
            filled or "–",
        )
    console().print(table)


def status(json: JsonOpt = False, project: ProjectOpt = None) -> None:
    """Progress per PO file and in total: segments, words, entries by state."""
    from workbench.store.project import open_project
    from workbench.store.status import file_progress, total

    proj = open_project(project)
    rows = [file_progress(p) for p in sorted(proj.translations.glob("*.po"))]
    overall = total(rows)
    if json:
        write_json_lines([*(r.as_json() for r in rows), overall.as_json()])
        return
    from rich.table import Table

    from workbench.display.text import Bidi, bidi_lines

    out = console()
    mode = display_mode(proj.root)
    title = bidi_lines(f"{proj.name}: translation status", out.width, mode, no_wrap=True)[0]
    table = Table(title=title)
    columns = (
        "file",
        "segments",
        "words",
        "untranslated",
        "fuzzy",
        "translated",
        "reviewed",
        "done",
    )
    for column in columns:
        table.add_column(column, justify="left" if column == "file" else "right")
    for row in [*rows, overall]:
        if row is overall:
            table.add_section()
        table.add_row(
            Bidi(row.name, mode),
            f"{row.segments:,}",
            f"{row.words:,}",
            *(f"{row.states[s]:,}" for s in ("untranslated", "fuzzy", "translated", "reviewed")),
            f"{row.percent:.0f}%",
        )
    out.print(table)


def practice(
    folder: Annotated[
        Path | None,
        typer.Argument(help="Where the practice copy is (default: practice/ in the project)."),
    ] = None,
    project: ProjectOpt = None,
) -> None:
    """A practice copy of the project, made if missing: its articles to translate again
    (every third translated segment kept as a fuzzy draft to review)."""
    from workbench.store.practice import practice_copy
    from workbench.store.project import open_project

    proj = open_project(project)
    copy = practice_copy(proj, folder if folder is not None else proj.root / "practice")
    where = _shown(copy.project.root)
    todo = f"{copy.untranslated} segments to translate, {copy.drafts} drafts to review"
    if copy.created:
        console().print(f"Made a practice copy of {proj.name} in {where}: {todo}.")
    else:
        console().print(f"Kept your practice copy in {where} ({todo}); delete it to start over.")
    console().print(
        f"Translate in it: kwb translate --project {where}"
        f" · the reviewed original: kwb translate --project {_shown(proj.root)}"
    )


def _shown(path: Path) -> str:
    """A folder as the user would type it from here."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(path)
