"""number-mismatch and date-mismatch, across digit systems, separators and scale words."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from workbench.qa.context import Context
from workbench.qa.model import Unit
from workbench.read.calendar import (
    NOTHING,
    Named,
    english_named,
    may_name,
    sorani_named,
    weekday_names,
    without_weekdays,
)
from workbench.read.dates import Date, date_agrees, english_dates, sorani_dates
from workbench.read.numbers import (
    english_digits,
    english_name_numbers,
    english_words,
    sorani_dot_groups,
    sorani_number_words,
    sorani_numbers,
)
from workbench.read.tables import tables
from workbench.read.vague_numbers import sorani_optional_numbers, without_vague_numbers
from workbench.text.patterns import trie_pattern

Issue = tuple[str, tuple[str, ...]]
YEARS = ((1900, 2100), (2600, 2800))
"""Whole numbers in these ranges are shown as years are written (Gregorian, Kurdish)."""
_SMALL = frozenset(map(float, range(1, 1000)))
"""The numbers an ordinal or "both" may be (حەوتەم, seventh; هەر دوو, both: 2)."""
SPELLED_EXTRA = (3, 99)
"""English numbers spelled out in this range are flagged when the source has no such number."""


def _show(value: float) -> str:
    """A number as the message shows it: 13,000, 1.5, and a whole number that could be a
    year as a year is written (2021, not 2,021)."""
    if value != int(value):
        return f"{value:,}"
    year = any(first <= value <= last for first, last in YEARS)
    return f"{value:.0f}" if year else f"{value:,.0f}"


def source_dates(unit: Unit, ctx: Context) -> list[Date]:
    """The source's dates (read once per unit: the date, number and glossary checks use them)."""
    key = ctx.source_key(unit)
    return sorani_dates(unit.source, key, ctx.value(source_may_name, unit))


def source_may_name(unit: Unit, ctx: Context) -> bool:
    """Whether the source may name a month or a weekday (looked at once per unit)."""
    return may_name(ctx.source_key(unit))


def target_dates(unit: Unit, ctx: Context) -> list[Date]:
    """The target's dates (read once per unit)."""
    return english_dates(unit.target)


def number_mismatch(unit: Unit, ctx: Context) -> list[Issue]:
    """A number of the source missing from the target, or a digit number the source lacks."""
    key = ctx.source_key(unit)
    source = sorani_numbers(unit.source, key)
    spelled, replaced = sorani_number_words(key, _no_numbers)
    target = english_digits(unit.target)
    small = _may_spell_small(unit.target)
    words = english_words(unit.target) if small else None
    if not spelled and not words and sorted(source) == sorted(target):
        return []  # the same numbers in digits on both sides (or none at all)
    counts, target_counts = Counter(source), Counter(target)
    counts.subtract(replaced)  # ٢ هەزار of ٢ هەزار و پێنج سەد: 2,500 is in `spelled`
    for decimal, thousands in sorani_dot_groups(key):  # ١٠.٠٠٠: 10 or 10,000
        if (
            counts[decimal] > target_counts[decimal]
            and target_counts[thousands] > counts[thousands]
        ):
            counts[decimal] -= 1
            counts[thousands] += 1
    _leave_to_dates(
        ctx.value(source_dates, unit), ctx.value(target_dates, unit), counts, target_counts
    )
    named = Counter(english_name_numbers(unit.target))
    return _number_issues(+counts, Counter(spelled), +target_counts, unit.target, words, named, key)


def _no_numbers(key: str) -> str:
    """A matching key without the words that look like numbers but are none (دوو شەممە,
    Monday; هەر دوو, both; دەیان ملیۆن, tens of millions), the offsets kept."""
    return without_weekdays(without_vague_numbers(key))


@cache
def _small_word_start() -> re.Pattern[str]:
    """The English words for the numbers `SPELLED_EXTRA` flags, at a word's start (the
    tens begin their compounds: twenty-five). A space first: the regex engine skips ahead
    to spaces."""
    low, high = SPELLED_EXTRA
    words = [w for w, v in tables().words_en.items() if low <= v <= high]
    return re.compile(" " + trie_pattern(words))


def _may_spell_small(text: str) -> bool:
    """Whether an English text may spell out a number `SPELLED_EXTRA` flags: a quick look
    (a word beginning like one) before reading its numbers, which costs far more."""
    return _small_word_start().search(" " + text.lower()) is not None


@cache
def _sorani_words_of() -> dict[float, tuple[str, ...]]:
    """The Sorani words for each number (دوو for 2, پازدە and پانزە for 15)."""
    t = tables()
    found: dict[float, list[str]] = {}
    for word, value in (*t.words_ckb.items(), *t.bound_ckb.items()):
        found.setdefault(value, []).append(word)
    return {value: tuple(words) for value, words in found.items()}


def _inflected_in(value: float, key: str) -> bool:
    """Whether a Sorani word for `value` begins a word of the matching key `key`, with a
    suffix the number reader does not take (چواریان, the four of them; سیانیان)."""
    words = _sorani_words_of().get(value, ())
    return any(token.startswith(words) for token in key.split()) if words else False


def _leave_to_dates(
    sources: list[Date], targets: list[Date], source: Counter[float], target: Counter[float]
) -> None:
    """Take out of the number counts the numbers of each source date that a target date
    agrees with, where their numbers differ: where either is written in digits (2021/12/31
    = 31 December 2021), its month is a number on one side only; a Kurdish solar date
    (١ی خاکەلێوەی ٢٧٢١ = 21 March 2021) has other numbers altogether. The date check
    compares dates."""
    used: set[int] = set()
    for date in sources:
        for n, other in enumerate(targets):
            if n in used or not (date.numbers_apart or other.numbers_apart):
                continue
            if not date_agrees(date, [other]):
                continue
            used.add(n)
            source.subtract(date.numbers(other))
            target.subtract(other.numbers(date))
            break


def _number_issues(
    source: Counter[float],
    spelled: Counter[float],
    target: Counter[float],
    text: str,
    words: list[float] | None,
    named: Counter[float],
    source_key: str,
) -> list[Issue]:
    """The numbers missing from the English `text` (its numbers in digits `target`, spelled
    out `words`, None when not read yet) and the numbers it adds: in digits (but for the
    `named` ones, part of a name like COVID-19), or spelled out from three to ninety-nine
    where the source has no such number at all ("seven countries"; "one" and "two" are
    also "a" and "both"), not even inflected (چواریان, the four of them: `source_key`), nor
    as a number the source may be rendered with (an ordinal, حەوتەم = 7th)."""
    missing = [v for v, n in source.items() if target[v] < n]
    if missing or spelled:  # wire style spells out small numbers: "three years"
        if words is None:
            words = english_words(text)
        available = target + Counter(words)
        missing = [v for v, n in source.items() if available[v] < n]
        missing += [v for v, n in spelled.items() if available[v] < source[v] + n]
    extra = [v for v, n in (target - named).items() if source[v] + spelled[v] < n]
    extra += [
        v
        for v in dict.fromkeys(words or ())
        if SPELLED_EXTRA[0] <= v <= SPELLED_EXTRA[1]
        and not (source[v] or spelled[v] or target[v] or _inflected_in(v, source_key))
    ]
    if any(v in _SMALL for v in extra):  # read only here: seldom needed
        optional = Counter(sorani_optional_numbers(source_key))
        extra = [
            v for v in extra if source[v] + spelled[v] + optional[v] < max(target[v] - named[v], 1)
        ]
    issues: list[Issue] = []
    if missing:
        issues.append(
            (f"missing in the translation: {', '.join(_show(v) for v in sorted(missing))}", ())
        )
    if extra:
        issues.append((f"not in the source: {', '.join(_show(v) for v in sorted(extra))}", ()))
    return issues


def source_named(unit: Unit, ctx: Context) -> Named:
    """The weekdays and months the source names (read once per unit)."""
    return sorani_named(ctx.source_key(unit), ctx.value(source_dates, unit))


def date_mismatch(unit: Unit, ctx: Context) -> list[Issue]:
    """A source date (Iraqi month names, day–month–year) not rendered as the same date; a
    weekday, or a month named without a date, that the translation names otherwise."""
    dates = ctx.value(source_dates, unit)
    issues: list[Issue] = []
    if dates:
        targets = ctx.value(target_dates, unit)
        for date in dates:
            if not date_agrees(date, targets):
                found = ", ".join(str(d) for d in targets) or "no date"
                issues.append((f"the source says {date}; the translation has {found}", ()))
    # Weekdays and months named alone, where the source may name some.
    if ctx.value(source_may_name, unit):
        named_en = english_named(unit.target)
        if named_en is not NOTHING:
            named = ctx.value(source_named, unit)
            if named.weekdays or named.months:
                issues += [(message, ()) for message in differences(named, named_en)]
    return issues


def differences(source: Named, target: Named) -> list[str]:
    """What the translation names otherwise than the source: its weekdays, where both name
    some; its months, where the source names one alone and the translation any."""
    issues = []
    if source.weekdays and target.weekdays and source.weekdays != target.weekdays:
        issues.append(
            f"the source names {_days(source.weekdays)}; "
            f"the translation has {_days(target.weekdays)}"
        )
    if source.months and target.all_months:
        missing = [months for months in source.months if months.isdisjoint(target.all_months)]
        extra = target.all_months - source.all_months
        if missing or extra:
            named = " and ".join(" or ".join(_months(m)) for m in source.months)
            issues.append(
                f"the source names {named}; the translation has "
                + ", ".join(_months(target.all_months))
            )
    return issues


def _days(days: frozenset[int]) -> str:
    return ", ".join(weekday_names()[d] for d in sorted(days))


def _months(months: frozenset[int]) -> list[str]:
    return [tables().month_names_en[m - 1] for m in sorted(months)]
