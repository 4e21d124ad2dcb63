"""`kwb match`: glossary terms in Sorani text, through normalization and inflection."""

from __future__ import annotations

import typer

from workbench.cli.common import EncodingOpt, FileArg, GlossaryOpt, JsonOpt, ProjectOpt, glossary
from workbench.cli.output import console, write_json_lines


def register(app: typer.Typer) -> None:
    """Add the match command to `app`."""
    app.command()(match)


def match(
    file: FileArg,
    glossary_path: GlossaryOpt = None,
    json: JsonOpt = False,
    encoding: EncodingOpt = None,
    project: ProjectOpt = None,
) -> None:
    """Find every glossary term in FILE, inflected or not, at its offsets in the input.

    A term is also found as its nisba adjective (ئەمریکییەکان for ئەمریکا) when the glossary
    does not list that: the hit names the term it comes from, and `derived` is true in JSON.
    Likewise in the spelling variants of real text (عیراق for عێراق, فلیپین for فیلیپین):
    `respelled` is true in JSON.
    """
    from workbench.terms.glossary import stopwords
    from workbench.terms.matcher import Matcher
    from workbench.text.decode import read_text

    text = read_text(file, encoding)
    entries = glossary(glossary_path, project).active()
    hits = Matcher(entries, stopwords()).find(text)
    if json:
        write_json_lines(
            {
                "start": h.start,
                "end": h.end,
                "surface": h.surface,
                "term": h.entry.source,
                "entry": h.entry.id,
                "target": h.target,
                "variants": list(h.variants),
                "derived": h.derived,
                "respelled": h.respelled,
            }
            for h in hits
        )
        return
    from rich.table import Table
    from rich.text import Text

    from workbench.cli.output import display_mode
    from workbench.display.text import Bidi, highlighted

    out = console()
    mode = display_mode(project)
    source = highlighted(text, [(h.start, h.end) for h in hits])
    out.print(Bidi(source, mode, "rtl", justify=None if out.is_terminal else "left"))
    table = Table(title=f"{len(hits)} glossary hits in {file}")
    for column in ("term", "found as", "entry", "rendering", "variants"):
        table.add_column(column, justify="right" if column in ("term", "found as") else "left")
    for h in hits:
        table.add_row(
            Bidi(h.entry.source, mode, "rtl"),
            Bidi(h.surface, mode, "rtl"),
            Text(h.entry.id + _how(h.derived, h.respelled)),
            Bidi(h.target, mode),
            Bidi(", ".join(h.variants), mode),
        )
    out.print(table)


def _how(derived: bool, respelled: bool) -> str:
    """What the table says after an entry's id about how its term was found."""
    how = [word for word, yes in (("adjective", derived), ("spelling", respelled)) if yes]
    return f" ({', '.join(how)})" if how else ""
