"""`kwb align`: pair the sentences of a Sorani article with its English version."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from workbench.cli.common import EncodingOpt, JsonOpt, ProjectOpt
from workbench.cli.output import console, write_json_lines

if TYPE_CHECKING:
    from workbench.align.aligner import Alignment
    from workbench.store.project import Project
    from workbench.terms.matcher import Matcher

MinScoreOpt = Annotated[
    float | None,
    typer.Option(
        "--min-score",
        min=0.0,
        max=1.0,
        help="Report pairs scoring below S as unaligned and leave them out of the PO file.",
    ),
]


def register(app: typer.Typer) -> None:
    """Add the align command to `app`."""
    app.command()(align)


def align(
    sorani: Annotated[str, typer.Argument(help="The Sorani article (.txt), or - for stdin.")],
    english: Annotated[str, typer.Argument(help="Its English version (.txt).")],
    article_id: Annotated[
        str | None, typer.Option("--id", help="Article id (default: the Sorani file's stem).")
    ] = None,
    json: JsonOpt = False,
    min_score: MinScoreOpt = None,
    encoding: EncodingOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Align SORANI and ENGLISH sentence by sentence into translations/<id>.po (fuzzy entries
    for review), or print the pairs as JSON lines with --json."""
    from workbench.align import align_texts
    from workbench.errors import InputError
    from workbench.text.decode import read_text

    ckb_text = read_text(sorani, encoding)
    en_text = read_text(english, encoding)
    proj = _project(project, required=not json)
    matcher = _matcher(proj)
    if not json and sorani == "-" and article_id is None:
        raise InputError("<stdin>", "give --id when the Sorani text comes from standard input")
    alignment = align_texts(ckb_text, en_text, matcher, min_score)
    if json:
        write_json_lines(alignment.rows())
        return
    assert proj is not None
    _write(proj, alignment, sorani, article_id, matcher, min_score)


def _project(path: Path | None, required: bool) -> Project | None:
    """The project, or None when there is none and none is required."""
    from workbench.store.project import find_root, open_project

    if required or path is not None or find_root() is not None:
        return open_project(path)
    return None


def _matcher(proj: Project | None) -> Matcher | None:
    """The glossary matcher that gives the aligner its term anchors: the project's glossary,
    or outside a project the curated glossary bundled with kwb (noted once on stderr)."""
    from workbench.store.project import curated_glossary
    from workbench.terms.glossary import load_glossary, stopwords
    from workbench.terms.matcher import Matcher

    if proj is not None:
        return Matcher(load_glossary(proj.glossary).active(), stopwords())
    bundled = curated_glossary()
    if not bundled.is_file():
        sys.stderr.write("kwb: note: no kwb project here; aligning without glossary anchors\n")
        return None
    sys.stderr.write("kwb: note: no kwb project here; aligning with kwb's curated glossary\n")
    return Matcher(load_glossary(bundled).active(), stopwords())


def _write(
    proj: Project,
    alignment: Alignment,
    sorani: str,
    article_id: str | None,
    matcher: Matcher | None,
    min_score: float | None,
) -> None:
    """Write translations/<id>.po and show the pairs and a summary."""
    from workbench.align.po import write_po
    from workbench.errors import InputError
    from workbench.store.add import article_id_of, bring_into_project
    from workbench.store.save import save_catalog

    if sorani == "-":
        source_name = source_file = "<stdin>"
        chosen = article_id or ""
    else:
        source = bring_into_project(proj, Path(sorani))
        source_name = source.name
        source_file = source.relative_to(proj.root.resolve()).as_posix()
        chosen = article_id or article_id_of(Path(sorani))
    if not chosen or "/" in chosen or chosen.startswith("."):
        raise InputError(sorani, f"invalid article id {chosen!r}")
    proj.translations.mkdir(parents=True, exist_ok=True)
    written = write_po(proj, alignment, chosen, source_name, source_file, matcher, min_score)
    save_catalog(written.catalog)
    _report(alignment, written.catalog.path.relative_to(proj.root), len(written.kept))


def _clip(text: str, limit: int) -> str:
    """At most `limit` characters of `text`, cut at a word boundary, with … when cut."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit] + " …"


def _report(alignment: Alignment, po_path: Path, kept: int) -> None:
    """The table of beads and the summary line."""
    from rich.table import Table

    from workbench.cli.output import display_mode
    from workbench.display.text import Bidi

    out = console()
    mode = display_mode()
    ids = [" ".join(alignment.ckb_ids(b)) or "–" for b in alignment.beads]
    numbers = [" ".join(map(str, alignment.en_numbers(b))) or "–" for b in alignment.beads]
    id_width = max(map(len, ids), default=3)
    number_width = max(map(len, numbers), default=2)
    score_width = len("low 0.00")
    # borders and padding: 3 characters per column plus one
    width = max(20, (out.width - id_width - number_width - score_width - 16) // 2)
    table = Table(title=f"kwb align → {po_path}", show_lines=True)
    table.add_column("ckb", no_wrap=True, min_width=id_width)
    table.add_column("Sorani", justify="right", width=width)
    table.add_column("en", no_wrap=True, min_width=number_width)
    table.add_column("English", width=width)
    table.add_column("score", justify="right", no_wrap=True, min_width=score_width)
    for bead, bead_ids, bead_numbers in zip(alignment.beads, ids, numbers, strict=True):
        if bead.paired:
            status = f"{bead.score:.2f}"
        elif bead.low:
            status = f"[yellow]low {bead.score:.2f}[/yellow]"
        else:
            status = "[red]–[/red]"
        table.add_row(
            bead_ids,
            Bidi(_clip(alignment.ckb_of(bead), 2 * width), mode, "rtl"),
            bead_numbers,
            Bidi(_clip(alignment.en_of(bead), 2 * width), mode),
            status,
        )
    out.print(table)
    pairs = sum(1 for b in alignment.beads if b.paired)
    ckb, en = alignment.unaligned()
    summary = f"{pairs} pairs, {ckb} Sorani and {en} English sentences unaligned"
    if kept:
        summary += f" ({kept} entries already translated in the PO file were kept)"
    out.print(summary, markup=False, highlight=False)
