"""number-mismatch and date-mismatch, across digit systems, separators and scale words."""

from __future__ import annotations

from collections import Counter

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


def number_mismatch(unit: Unit, ctx: Context) -> list[Issue]:
    """A number of the source missing from the target, or a digit number the source lacks."""
    key = ctx.source_key(unit)
    source = sorani_numbers(unit.source, key)
    spelled = sorani_number_words(key)
    target = english_digits(unit.target)
    if not spelled and sorted(source) == sorted(target):
        return []  # the same numbers in digits on both sides (or none at all)
    return _number_issues(Counter(source), Counter(spelled), Counter(target), unit.target)


def _number_issues(
    source: Counter[float], spelled: Counter[float], target: Counter[float], text: str
) -> list[Issue]:
    """The numbers missing from the English `text` and the digit numbers it adds."""
    missing = [v for v, n in source.items() if target[v] < n]
    if missing or spelled:  # wire style spells out small numbers: "three years"
        available = target + Counter(english_words(text))
        missing = [v for v, n in source.items() if available[v] < n]
        missing += [v for v, n in spelled.items() if available[v] < source[v] + n]
    extra = [v for v, n in target.items() if source[v] + spelled[v] < n]
    issues: list[Issue] = []
    if missing:
        issues.append(
            (f"missing in the translation: {', '.join(_show(v) for v in sorted(missing))}", ())
        )
    if extra:
        issues.append((f"not in the source: {', '.join(_show(v) for v in sorted(extra))}", ()))
    return issues


def date_mismatch(unit: Unit, ctx: Context) -> list[Issue]:
    """A source date (Iraqi month names, day–month–year) not rendered as the same date."""
    dates = sorani_dates(unit.source, ctx.source_key(unit))
    if not dates:
        return []
    targets = english_dates(unit.target)
    issues: list[Issue] = []
    for date in dates:
        if not date_agrees(date, targets):
            found = ", ".join(str(d) for d in targets) or "no date"
            issues.append((f"the source says {date}; the translation has {found}", ()))
    return issues
