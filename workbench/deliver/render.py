"""The English article as plain text, Markdown or a standalone HTML page.

Paragraphs follow the source's (one blank line between them in text and Markdown); the
sentences of a paragraph are joined as English prose (`prose.join`). In a draft, an
untranslated sentence shows its Sorani in brackets and a fuzzy one its English marked
`[fuzzy: …]`. Markdown and HTML make a first paragraph without final punctuation (a
headline) the heading. Output holds nothing that changes between builds (no dates).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from workbench.deliver.article import Article, Segment
from workbench.deliver.prose import (
    FUZZY_CLOSE,
    FUZZY_OPEN,
    MARKS,
    SOURCE_CLOSE,
    SOURCE_OPEN,
    collapse,
    ends_sentence,
    join,
)

FORMATS = ("text", "markdown", "html", "review")
SUFFIXES = {"text": ".txt", "markdown": ".md", "html": ".html", "review": ".review.html"}


def piece(seg: Segment) -> str:
    """A sentence as it enters its paragraph: the English, or a draft mark."""
    if seg.state == "untranslated":
        return f"{SOURCE_OPEN}{collapse(seg.source)}{SOURCE_CLOSE}"
    if seg.state == "fuzzy":
        return f"{FUZZY_OPEN}{collapse(seg.target)}{FUZZY_CLOSE}"
    return seg.target


def paragraphs(article: Article) -> list[str]:
    """The article's paragraphs as prose (with draft marks); empty ones left out."""
    joined = (join(piece(s) for s in group) for group in article.paragraphs)
    return [p for p in joined if p]


def headline(paras: list[str]) -> bool:
    """Whether the first paragraph is a headline: it has no final punctuation."""
    return bool(paras) and not ends_sentence(paras[0])


def _marks(text: str, table: dict[str, str]) -> str:
    return text.translate({ord(mark): value for mark, value in table.items()})


_TEXT_MARKS = {FUZZY_OPEN: "[fuzzy: ", FUZZY_CLOSE: "]", SOURCE_OPEN: "[", SOURCE_CLOSE: "]"}


def render_text(article: Article) -> str:
    """Plain text: paragraphs separated by one blank line, ending in a newline."""
    paras = [_marks(p, _TEXT_MARKS) for p in paragraphs(article)]
    return "\n\n".join(paras) + "\n" if paras else ""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^(#|>|[-+=]|\d+(?=[.)]))")


def escape_markdown(text: str) -> str:
    """`text` as Markdown that shows exactly `text`: the characters that would format it
    escaped, and what would make a paragraph a heading, quote or list item at its start."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_ENTITY.sub(r"\\&", text)
    m = _MD_LINE_START.match(text)
    if m:
        start = m.end() if m[0][0].isdigit() else 0
        text = text[:start] + "\\" + text[start:]
    return text


def _escaped(text: str, escape: Callable[[str], str], table: dict[str, str]) -> str:
    """`text` escaped between its draft marks, the marks then replaced by `table`'s."""
    parts = re.split(f"([{''.join(sorted(MARKS))}])", text)
    return "".join(table[p] if p in MARKS else escape(p) for p in parts)


_MD_MARKS = {
    FUZZY_OPEN: "\\[fuzzy: ",
    FUZZY_CLOSE: "\\]",
    SOURCE_OPEN: "\\[",
    SOURCE_CLOSE: "\\]",
}


def render_markdown(article: Article) -> str:
    """Markdown: a headline as `# heading`, then the paragraphs."""
    paras = paragraphs(article)
    out = [_escaped(p, escape_markdown, _MD_MARKS) for p in paras]
    if headline(paras):
        out[0] = "# " + out[0]
    return "\n\n".join(out) + "\n" if out else ""


_HTML_MARKS = {
    FUZZY_OPEN: '<mark class="fuzzy" title="fuzzy: a draft to check">[fuzzy: ',
    FUZZY_CLOSE: "]</mark>",
    SOURCE_OPEN: '<span class="untranslated" title="untranslated">[<bdi lang="ckb" dir="rtl">',
    SOURCE_CLOSE: "</bdi>]</span>",
}

PAGE_STYLE = """body { font: 1.1rem/1.6 Georgia, "Times New Roman", serif; max-width: 42rem;
  margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.8rem; line-height: 1.25; }
mark.fuzzy { background: #fff2a8; }
.untranslated { background: #fde2e1; }
bdi[lang="ckb"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", serif; }"""


def page(title: str, body: str, style: str, lang: str = "en") -> str:
    """A standalone HTML page (UTF-8, no external resources)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{style}\n</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )


def plain(text: str) -> str:
    """A paragraph's text without its draft marks (for a title)."""
    return _marks(text, {mark: "" for mark in MARKS})


def render_html(article: Article) -> str:
    """A clean standalone page: the headline as `<h1>` and `<title>`, then the paragraphs."""
    paras = paragraphs(article)
    blocks = [_escaped(p, html.escape, _HTML_MARKS) for p in paras]
    title = article.id
    lines = []
    for n, block in enumerate(blocks):
        if n == 0 and headline(paras):
            title = plain(paras[0])
            lines.append(f"<h1>{block}</h1>\n")
        else:
            lines.append(f"<p>{block}</p>\n")
    return page(title, f"<article>\n{''.join(lines)}</article>\n", PAGE_STYLE)
