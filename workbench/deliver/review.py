"""The bilingual review page: for an editor who reads the translation in a browser.

One table row per segment in reading order: its id, its status, the Sorani (right to left,
`lang="ckb"`) and the English (`lang="en"`) side by side, glossary terms highlighted on both
sides (the project matcher's hits in the Sorani, the glossary's renderings of those terms
in the English), and the segment's QA findings and waivers. A summary of counts heads the
page. Unfinished segments are shown as such (the page is built whatever their state).
Everything the translator or the glossary wrote is escaped; the page needs no network.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from workbench.deliver.article import Article, Segment
from workbench.deliver.render import page
from workbench.qa.model import Finding
from workbench.store.pofile import STATES
from workbench.terms.matcher import Hit, Matcher
from workbench.terms.renderings import acceptable

Span = tuple[int, int, str, str]
"""(start, end, term id, title) of a highlighted term."""

REVIEW_STYLE = """body { font: 15px/1.5 system-ui, "Segoe UI", "Noto Sans", sans-serif;
  margin: 1.5rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: 0 0 1rem;
  padding: .6rem .8rem; background: #f4f4f2; border-radius: 6px; }
.summary dt { font-weight: 600; } .summary dd { margin: 0 0 0 .3rem; }
.summary div { display: flex; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-bottom: 1px solid #ddd; padding: .45rem .5rem; vertical-align: top;
  text-align: start; }
th { background: #eee; position: sticky; top: 0; }
col.id { width: 5.5rem; } col.status { width: 7rem; } col.qa { width: 22%; }
tr.paragraph td { border-top: 2px solid #999; }
td.ckb { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", serif;
  font-size: 1.15em; line-height: 1.8; }
td.id { font-family: ui-monospace, monospace; font-size: .9em; }
.status { display: inline-block; padding: 0 .4rem; border-radius: 4px; font-size: .85em; }
.status.untranslated { background: #fde2e1; } .status.fuzzy { background: #fff2a8; }
.status.translated { background: #e3f0ff; } .status.reviewed { background: #dff3e3; }
tr.untranslated td.en, tr.fuzzy td.en { background: #fffbea; }
mark.term { background: #d9ecff; border-bottom: 2px solid #3b82f6; padding: 0 1px; }
ul.qa { margin: 0; padding-inline-start: 1.1rem; }
li.finding.error { color: #a61b1b; } li.finding.warning { color: #8a5a00; }
li.finding.waived { color: #666; } .waiver { font-style: italic; }
.empty { color: #888; font-style: italic; }"""


def render_review(
    article: Article,
    matcher: Matcher | None,
    findings: Mapping[str, Sequence[Finding]],
    file_name: str,
) -> str:
    """The review page of `article`; `findings` are its QA findings (waived ones included)
    by entry key, `file_name` the PO file as `kwb check` names it."""
    rows = []
    previous = None
    every_hits = _hits(matcher, [seg.source for seg in article.segments])
    for seg, hits in zip(article.segments, every_hits, strict=True):
        rows.append(_row(seg, hits, findings.get(seg.key, ()), seg.paragraph != previous))
        previous = seg.paragraph
    terms = len({h.entry.id for hits in every_hits for h in hits})
    body = (
        f"<h1>Review: {html.escape(article.id)}</h1>\n"
        f"{_summary(article, findings, file_name, terms)}"
        '<table class="review">\n<colgroup><col class="id"><col class="status"><col class="ckb">'
        '<col class="en"><col class="qa"></colgroup>\n<thead><tr><th>segment</th><th>status</th>'
        '<th lang="en">Sorani</th><th>English</th><th>QA</th></tr></thead>\n<tbody>\n'
        f"{''.join(rows)}</tbody>\n</table>\n"
    )
    return page(f"Review: {article.id}", body, REVIEW_STYLE)


def _summary(
    article: Article,
    findings: Mapping[str, Sequence[Finding]],
    file_name: str,
    terms: int,
) -> str:
    """Counts at the top: segments by state, QA findings by severity, waivers, and the
    distinct glossary terms found."""
    states = Counter(s.state for s in article.segments)
    seen = {s.key for s in article.segments}
    found = [f for key in seen for f in findings.get(key, ())]
    active = Counter(f.severity for f in found if f.waived is None)
    items: list[tuple[str, str]] = [("file", file_name), ("segments", str(len(article.segments)))]
    items += [(name, str(states[name])) for name in STATES]
    items += [
        ("QA errors", str(active["error"])),
        ("QA warnings", str(active["warning"] + active["info"])),
        ("waived", str(sum(f.waived is not None for f in found))),
        ("glossary terms", str(terms)),
    ]
    cells = "".join(
        f'<div class="count" data-count="{html.escape(name)}"><dt>{html.escape(name)}</dt>'
        f"<dd>{html.escape(value)}</dd></div>"
        for name, value in items
    )
    return f'<dl class="summary">{cells}</dl>\n'


def _row(seg: Segment, hits: list[Hit], findings: Sequence[Finding], opens: bool) -> str:
    classes = seg.state + (" paragraph" if opens else "")
    source = _highlighted(seg.source, [_source_span(h) for h in hits])
    if seg.target.strip():
        english = _highlighted(seg.target, english_spans(seg.target, hits))
    else:
        english = '<span class="empty">untranslated</span>'
    title = html.escape(seg.key, quote=True)
    return (
        f'<tr class="{classes}" id="{html.escape(seg.id or seg.key, quote=True)}">'
        f'<td class="id" title="{title}">{html.escape(seg.id or "—")}</td>'
        f'<td><span class="status {seg.state}">{seg.state}</span></td>'
        f'<td class="ckb" dir="rtl" lang="ckb">{source}</td>'
        f'<td class="en" lang="en">{english}</td>'
        f'<td class="qa" lang="en">{_findings(findings)}</td></tr>\n'
    )


def _findings(findings: Iterable[Finding]) -> str:
    items = []
    for f in findings:
        kind = "waived" if f.waived is not None else f.severity
        text = f"<b>{html.escape(f.check)}</b> {html.escape(f.message)}"
        if f.waived is not None:
            reason = f" — {f.waived}" if f.waived else ""
            text += f' <span class="waiver">waived{html.escape(reason)}</span>'
        items.append(f'<li class="finding {kind}" data-check="{html.escape(f.check)}">{text}</li>')
    return f'<ul class="qa">{"".join(items)}</ul>' if items else ""


def _hits(matcher: Matcher | None, sources: list[str]) -> list[list[Hit]]:
    """The glossary terms of every source, found in one pass of the matcher."""
    if matcher is None or not sources:
        return [[] for _ in sources]
    found, _ = matcher.find_each(sources)
    return found


def _source_span(hit: Hit) -> Span:
    return (hit.start, hit.end, hit.entry.id, f"{hit.entry.source} → {hit.target}")


@lru_cache(maxsize=4096)
def _rendering_pattern(rendering: str) -> re.Pattern[str]:
    """A rendering in English text: case aside, any spacing, with an English ending
    (force → forces, force's; a plural rendering, forces, also as force)."""
    words = rendering.split()
    last = words[-1]
    if len(last) > 3 and last.islower() and last.endswith("s") and not last.endswith("ss"):
        words[-1] = last[:-1]  # the plural's stem: the ending below puts the s back
    pattern = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w-]){pattern}(?:s|es|'s|’s)?(?![\w-])", re.IGNORECASE)


def english_spans(target: str, hits: Iterable[Hit]) -> list[Span]:
    """Where the English holds an accepted rendering of a term found in the Sorani: the
    longest first, none overlapping."""
    found: list[Span] = []
    lowered = target.lower()
    seen: set[tuple[str, str]] = set()
    for hit in hits:
        for rendering in acceptable(hit):
            words = rendering.lower().split()
            # most renderings are not there: a plain search for the first word's start
            # rules them out before the pattern is run
            if not words or words[0][:4] not in lowered or (hit.entry.id, rendering) in seen:
                continue
            seen.add((hit.entry.id, rendering))
            title = f"{hit.entry.source} → {rendering}"
            for m in _rendering_pattern(rendering).finditer(target):
                found.append((m.start(), m.end(), hit.entry.id, title))
    found.sort(key=lambda s: (s[0] - s[1], s[0]))
    kept: list[Span] = []
    for span in found:
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def _highlighted(text: str, spans: list[Span]) -> str:
    """`text` escaped, with each span wrapped in a term mark (spans sorted, disjoint)."""
    out = []
    at = 0
    for start, end, term, title in sorted(spans):
        if start < at:
            continue
        out.append(html.escape(text[at:start]))
        out.append(
            f'<mark class="term" data-term="{html.escape(term, quote=True)}"'
            f' title="{html.escape(title, quote=True)}">{html.escape(text[start:end])}</mark>'
        )
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)
