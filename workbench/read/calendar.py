"""Weekdays and month names as a text names them, in Sorani and English.

The date check compares dates; a translation may also change a weekday (Sunday → Saturday)
or a month named without a day (September → December), which these readers find. Sorani
weekdays are counted from Saturday (شەممە) and written in several ways (دووشەممە,
دوو شەممە, دووشەمە, دوشەممە), with the endings a name takes (لە دوو شەمەدا,
ڕۆژی چوارشەممەی ڕابردوو); month names are the Iraqi ones and the Kurdish solar months,
which span two Gregorian months each.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from workbench.read.dates import Date, SolarDate, solar_months
from workbench.read.tables import tables
from workbench.text.patterns import trie_pattern

_MONTH_OF = "مانگی"
"""The word before a month name that makes it one: مانگی ئازار, the month of March."""
_SATURDAY = "شەممە"
"""The weekday the Sorani names count from; the others are a number before it (دووشەممە)."""


class Named(NamedTuple):
    """The weekdays and months a text names."""

    weekdays: frozenset[int]
    months: tuple[frozenset[int], ...]
    """The months named on their own (not in a date the date check compares), each as the
    Gregorian months it may be (a Kurdish solar month: the two it spans)."""
    all_months: frozenset[int]
    """Every Gregorian month the text names or dates, alone or in a date."""


NOTHING = Named(frozenset(), (), frozenset())


@cache
def _sorani_spellings() -> dict[str, int]:
    """Each way Sorani writes each weekday (matching-key spelling) → its ISO number: the
    table's names, and for the names counted from Saturday the number apart and شەممە with
    one م (دوو شەممە, دووشەمە, دوو شەمە)."""
    spellings: dict[str, int] = {}
    for name, day in tables().weekdays_ckb.items():
        spellings[name] = day
        if name.endswith(_SATURDAY):
            number = name.removesuffix(_SATURDAY)
            for saturday in (_SATURDAY, _SATURDAY.replace("مم", "م")):
                spellings[number + saturday] = day
                if number:
                    spellings[f"{number} {saturday}"] = day
    return spellings


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    t = tables()
    months = [*t.months_ckb, *t.months_solar_ckb]
    endings = sorted(t.name_endings_ckb, key=len, reverse=True)
    return {
        # The names found fast through a trie; where a word begins and what follows are
        # checked on each one found.
        "weekday_ckb": re.compile(trie_pattern(_sorani_spellings())),
        "month_ckb": re.compile(trie_pattern(months)),
        "named_ckb": re.compile(trie_pattern([*months, *_weekday_clues()])),
        "ending_ckb": re.compile("(?:" + "|".join(map(re.escape, endings)) + r")*(?![^\W\d_])"),
        # English names as English writes them, capitalized or in capitals ("may" is a
        # verb); where a word begins and ends is checked on each one found.
        "named_en": re.compile(trie_pattern(_english_names())),
    }


@cache
def _english_names() -> dict[str, tuple[str, int]]:
    """Each English month and weekday name as written (March, MARCH) → ("month" or
    "weekday", its number)."""
    names: dict[str, tuple[str, int]] = {}
    for n, month in enumerate(tables().month_names_en, 1):
        names[month] = names[month.upper()] = ("month", n)
    for day, n in tables().weekdays_en.items():
        names[day.capitalize()] = names[day.upper()] = ("weekday", n)
    return names


@cache
def weekday_names() -> dict[int, str]:
    """The weekdays (ISO 8601: 1 = Monday) as messages show them."""
    return {n: day.capitalize() for day, n in tables().weekdays_en.items()}


def _names(pattern: re.Pattern[str], key: str) -> list[str]:
    """The names `pattern` finds in a matching key that stand as words of their own: at a
    word's start, followed by nothing but a name's endings; a month name that is also a
    common word (ئازار, pain) only after مانگی, "the month of"."""
    ending = _patterns()["ending_ckb"]
    also_words = tables().months_also_words_ckb
    found = []
    for m in pattern.finditer(key):
        start = m.start()
        if start and (key[start - 1].isalpha() or key[start - 1].isdigit()):
            continue
        if ending.match(key, m.end()) is None:
            continue
        if m.group() in also_words and not key[:start].rstrip().endswith(_MONTH_OF):
            continue
        found.append(m.group())
    return found


@cache
def _weekday_clues() -> tuple[str, ...]:
    """Strings every Sorani weekday name holds one of (شەم of the names counted from
    Saturday, the others whole): a quick look before the names are read."""
    clue = _SATURDAY[:3]
    return tuple({clue if clue in n else n for n in _sorani_spellings()})


def without_weekdays(key: str) -> str:
    """A matching key with its weekday names blanked out (the offsets kept): دوو شەممە is
    Monday, not the number two."""
    if _SATURDAY[:3] not in key:
        return key  # only the names counted from Saturday hold a number
    return _patterns()["weekday_ckb"].sub(lambda m: "x" * len(m[0]), key)


def may_name(key: str) -> bool:
    """Whether a Sorani matching key may name a month (Iraqi or Kurdish solar) or a weekday:
    a quick look, which the readers of dates and of named months and weekdays share."""
    return _patterns()["named_ckb"].search(key) is not None


def _may_name_weekday(key: str) -> bool:
    return any(clue in key for clue in _weekday_clues())


def sorani_named(key: str, dates: list[Date], month_names: bool | None = None) -> Named:
    """The weekdays and months named in a Sorani matching key whose dates (`sorani_dates`)
    are `dates`: a month named in one of those dates is the date check's, not named alone.
    `month_names`: False when the key is known to name no month (`may_name`)."""
    p = _patterns()
    weekdays = (
        frozenset(_sorani_spellings()[name] for name in _names(p["weekday_ckb"], key))
        if _may_name_weekday(key)
        else frozenset()
    )
    all_months = {r.month for date in dates for r in date.readings}
    if not (p["month_ckb"].search(key) if month_names is None else month_names):
        return Named(weekdays, (), frozenset(all_months)) if weekdays or dates else NOTHING
    t = tables()
    dated = {d.month for d in dates if not d.numeric and not isinstance(d, SolarDate)}
    dated_solar = {d.month for d in dates if isinstance(d, SolarDate)}
    months: list[frozenset[int]] = []
    for name in _names(p["month_ckb"], key):
        if name in t.months_ckb:
            if t.months_ckb[name] not in dated:
                months.append(frozenset({t.months_ckb[name]}))
        elif t.months_solar_ckb[name] not in dated_solar:
            months.append(solar_months(t.months_solar_ckb[name]))
    months = list(dict.fromkeys(months))
    all_months.update(m for alternatives in months for m in alternatives)
    return Named(weekdays, tuple(months), frozenset(all_months))


def english_named(text: str) -> Named:
    """The weekdays and months named in English text (capitalized or in capitals, as
    English writes them: "may" is a verb), in dates or not; a weekday may be plural or
    possessive (Mondays, Thursday's)."""
    names = _english_names()
    weekdays: set[int] = set()
    months: set[int] = set()
    for m in _patterns()["named_en"].finditer(text):
        start, end = m.span()
        if start and text[start - 1].isalnum():
            continue
        kind, number = names[m.group()]
        rest = _PLURAL_OR_POSSESSIVE.match(text, end) if kind == "weekday" else None
        if rest is not None:
            end = rest.end()
        if end < len(text) and text[end].isalnum():
            continue
        (weekdays if kind == "weekday" else months).add(number)
    if not weekdays and not months:
        return NOTHING
    return Named(
        frozenset(weekdays), tuple(frozenset({m}) for m in sorted(months)), frozenset(months)
    )


_PLURAL_OR_POSSESSIVE = re.compile(r"s\b|['’]s\b|S\b|['’]S\b")
