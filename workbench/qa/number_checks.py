"""number-mismatch and date-mismatch, across digit systems, separators and scale words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from workbench.qa.context import Context
from workbench.qa.model import Unit
from workbench.qa.numbers import (
    date_agrees,
    english_dates,
    english_digits,
    english_words,
    sorani_dates,
    sorani_number_words,
    sorani_numbers,
)

Issue = tuple[str, tuple[str, ...]]


def _show(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def number_mismatch(unit: Unit, ctx: Context) -> Iterable[Issue]:
    """A number of the source missing from the target, or a digit number the source lacks."""
    source = Counter(sorani_numbers(unit.source, ctx.source_key(unit)))
    target = Counter(english_digits(unit.target))
    missing = [v for v, n in source.items() if target[v] < n]
    if missing:  # wire style spells out small numbers: "three years"
        available = target + Counter(english_words(unit.target))
        missing = [v for v, n in source.items() if available[v] < n]
    spelled = Counter(sorani_number_words(ctx.source_key(unit)))
    if spelled:
        available = target + Counter(english_words(unit.target))
        missing += [v for v, n in spelled.items() if available[v] < source[v] + n]
    extra = [v for v, n in target.items() if source[v] + spelled[v] < n]
    if missing:
        yield f"missing in the translation: {', '.join(_show(v) for v in sorted(missing))}", ()
    if extra:
        yield f"not in the source: {', '.join(_show(v) for v in sorted(extra))}", ()


def date_mismatch(unit: Unit, ctx: Context) -> Iterable[Issue]:
    """A source date (Iraqi month names, day–month–year) not rendered as the same date."""
    dates = sorani_dates(unit.source, ctx.source_key(unit))
    if not dates:
        return
    targets = english_dates(unit.target)
    for date in dates:
        if not date_agrees(date, targets):
            found = ", ".join(str(d) for d in targets) or "no date"
            yield f"the source says {date}; the translation has {found}", ()
