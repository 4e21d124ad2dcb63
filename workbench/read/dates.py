"""Dates read the same way in Sorani and English: day–month–year with the Iraqi month names
(٣١ی کانوونی یەکەمی ٢٠٢١ = 31 December 2021), the Kurdish solar calendar (١٠ی گوڵانی ٢٧٢١,
read as the Gregorian dates it may be), English dates in either order, and dates in digits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from workbench.read.tables import fold_english, tables
from workbench.text import key_text
from workbench.text.patterns import alternatives, trie_pattern


@dataclass(frozen=True)
class Date:
    """A date as written: any part may be missing."""

    day: int | None
    month: int
    year: int | None
    numeric: bool = field(default=False, compare=False)
    """Written in digits only (31/12/2021), its month a number too."""

    def numbers(self, other: Date) -> list[float]:
        """The numbers this date is written with that `other` (the same date in the other
        language) gives too: the number check leaves those to the date check."""
        parts = (
            self.day if other.day else None,
            self.month if self.numeric else None,
            self.year if other.year else None,
        )
        return [float(part) for part in parts if part is not None]

    @property
    def readings(self) -> tuple[Date, ...]:
        """The Gregorian dates it may be: itself."""
        return (self,)

    @property
    def numbers_apart(self) -> bool:
        """Whether the same date in the other language is written with other numbers: in
        digits only (its month a number too), or in another calendar."""
        return self.numeric

    def __str__(self) -> str:
        return _written(self.day, tables().month_names_en[self.month - 1], self.year)


def _written(day: int | None, month: str, year: int | None) -> str:
    return " ".join(str(part) for part in (day, month, year) if part)


@dataclass(frozen=True)
class SolarDate(Date):
    """A date in the Kurdish solar calendar: `month` is its month (1 = Khakelewe, which
    begins at Newroz) and `year` the Kurdish year. It agrees with the Gregorian dates it
    may be: the year may begin on 20 or 21 March, so a day either side of the usual
    conversion is taken too."""

    gregorian: tuple[Date, ...] = field(default=(), compare=False)
    """The usual conversion: one date, or for a month without a day the two Gregorian
    months it spans."""
    tolerated: tuple[Date, ...] = field(default=(), compare=False)

    @property
    def readings(self) -> tuple[Date, ...]:
        return self.tolerated

    @property
    def numbers_apart(self) -> bool:
        return True

    def __str__(self) -> str:
        written = _written(self.day, tables().solar_month_names_en[self.month - 1], self.year)
        usual = " or ".join(map(str, self.gregorian))
        return f"{usual} ({written} in the Kurdish calendar)"


_KURDISH_YEARS_AHEAD = 700
"""The Kurdish year is the Gregorian year + 700 from Newroz (21 March) on."""
_REFERENCE_YEAR = 2021
"""A year with no 29 February, for a solar day and month written without a year."""


def _sorani_month_date(months: Iterable[str], ezafe: str, year: str) -> re.Pattern[str]:
    """A Sorani date with a month name: an optional day (then `ezafe`), the month with an
    ending (ی, دا …), an optional year (`year`, maybe after ساڵی). Groups: day, month, year."""
    return re.compile(
        rf"(?:(?<!\d)(\d{{1,2}})\s*{ezafe}\s+)?({alternatives(months)})"
        rf"(?:ی|[^\W\d]*(?=\s|$|[^\w]))(?:\s+(?:ساڵی\s+)?({year})(?!\d))?"
    )


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    t = tables()
    en_months = alternatives(t.months_en)
    return {
        "digits": re.compile(r"\d+"),
        "ckb_month": re.compile(trie_pattern(t.months_ckb)),
        "ckb_solar_month": re.compile(trie_pattern(t.months_solar_ckb)),
        # A solar month's day takes its ی (١٠ی گوڵان: ١٠ گوڵان is "10 flowers"), and its
        # year is a Kurdish one (٢٧٢١).
        "ckb_solar_date": _sorani_month_date(t.months_solar_ckb, "ی", r"2[67]\d\d"),
        "ckb_date": _sorani_month_date(t.months_ckb, "ی?", r"\d{4}"),
        "en_date_dmy": re.compile(
            rf"(\d(?<!\w\d)\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?({en_months})\.?\b(?:,?\s+(\d{{4}}))?",
            re.IGNORECASE,
        ),
        "en_date_mdy": re.compile(
            rf"\b({en_months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.IGNORECASE
        ),
        "en_date_my": re.compile(rf"\b({en_months})\.?\s+(?:of\s+)?(\d{{4}})\b", re.IGNORECASE),
    }


@cache
def _english_month_prefixes() -> tuple[str, ...]:
    """Beginnings of the English month names (jan, feb …) that case-insensitive regex
    matching and `str.casefold` agree on: every letter but i (İ and ı match it), so a
    beginning stops before any i."""
    return tuple(sorted({month[:3].split("i")[0] for month in tables().months_en}))


def _english_month_starts(text: str) -> list[int] | None:
    """Where an English month name may begin (sorted), or None when any position may."""
    folded = text.casefold()
    prefixes = _english_month_prefixes()
    if len(folded) != len(text) or "" in prefixes:
        return None  # offsets in the folded text are not the text's, or no prefix to look for
    return _occurrences(folded, prefixes)


def _occurrences(text: str, words: Iterable[str]) -> list[int]:
    """The start of every occurrence of every word (overlaps included), sorted."""
    starts = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            starts.append(at)
            at = text.find(word, at + 1)
    return sorted(starts)


def _matches_at(
    pattern: re.Pattern[str], text: str, starts: list[int] | None
) -> Iterable[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that never matches empty and can only match
    at `starts` (sorted; None: anywhere): the same matches, tried only where they can begin."""
    if starts is None:
        return pattern.finditer(text)
    matches = []
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)) is not None:
            matches.append(m)
            end = m.end()
    return matches


def sorani_dates(text: str, key: str | None = None, month_names: bool = True) -> list[Date]:
    """Dates in Sorani text: with a month name (a bare month name -- ئازار is also "pain" --
    is not a date), of the Kurdish solar calendar, then in digits: day/month/year or
    year/month/day, and day, month and year each with its ezafe (١٢ی ٥ی ٢٠٢٣). Pass
    `month_names=False` when the text is known to name no month: the dates with one are not
    looked for."""
    key = key_text(text) if key is None else key
    found = _numeric_dates(key, _SORANI_DATE_ORDERS)
    if month_names:
        found = _sorani_written_dates(key) + found
    # Quick looks first: a solar date has a day with its ezafe (١٠ی گوڵان) or a Kurdish
    # year (٢٧٢١); a date in digits joined by the ezafe has such a day too.
    day = _DAY_EZAFE.search(key) is not None
    if month_names and (day or "27" in key or "26" in key):
        found += _solar_dates(key)
    if day:
        found += _ezafe_dates(key)
    return found


_DAY_EZAFE = re.compile(r"ی(?<=[0-9]ی)")
"""A number with its ezafe (١٠ی). It begins with its letter: the regex engine skips ahead
to the letter, and then looks back, faster than it tries every digit."""
# A matching key has ASCII digits only: [0-9] is tested faster than \d.
_EZAFE_DATE = re.compile(
    r"([0-9](?<![\w/.,-][0-9])[0-9]?)ی\s*([0-9]{1,2})ی\s*([0-9]{4})(?![0-9/-])"
)
"""Day, month and year in digits, joined by the ezafe: ١٢ی ٥ی ٢٠٢٣ is 12 May 2023."""


def _ezafe_dates(key: str) -> list[Date]:
    found = []
    for m in _EZAFE_DATE.finditer(key):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        if 1 <= day <= 31 and 1 <= month <= 12:
            found.append(Date(day, month, year, numeric=True))
    return found


def _sorani_written_dates(key: str) -> list[Date]:
    t = tables()
    p = _patterns()
    if not p["ckb_month"].search(key):
        return []
    # A date begins with its day (a run of digits) or with its month name.
    starts = sorted(
        {m.start() for m in p["digits"].finditer(key)}.union(_occurrences(key, t.months_ckb))
    )
    out = []
    for m in _matches_at(p["ckb_date"], key, starts):
        day, month, year = m[1], m[2], m[3]
        if not day and not year:
            continue
        out.append(
            Date(int(day) if day else None, t.months_ckb[month], int(year) if year else None)
        )
    return out


def _solar_dates(key: str) -> list[Date]:
    """Dates of the Kurdish solar calendar: a month name with a day or a Kurdish year."""
    p = _patterns()
    if not p["ckb_solar_month"].search(key):
        return []
    months = tables().months_solar_ckb
    found: list[Date] = []
    for m in p["ckb_solar_date"].finditer(key):
        day, month, year = int(m[1]) if m[1] else None, months[m[2]], int(m[3]) if m[3] else None
        if day is None and year is None:
            continue
        if day is not None and not 1 <= day <= (31 if month <= 6 else 30):
            continue
        found.append(_solar(day, month, year))
    return found


def _solar(day: int | None, month: int, year: int | None) -> SolarDate:
    """A Kurdish solar date with the Gregorian dates it is (`SolarDate`)."""
    gregorian_year = (year - _KURDISH_YEARS_AHEAD) if year else _REFERENCE_YEAR
    newroz = dt.date(gregorian_year, 3, 21)
    before = (month - 1) * 31 if month <= 7 else 186 + (month - 7) * 30  # days of the months before
    if day is None:  # the month's first and last days: the two Gregorian months it spans
        first = newroz + dt.timedelta(before)
        last = first + dt.timedelta(30 if month <= 6 else 29)
        usual = tuple(dict.fromkeys(Date(None, d.month, d.year) for d in (first, last)))
        return SolarDate(None, month, year, gregorian=usual, tolerated=usual)
    exact = newroz + dt.timedelta(before + day - 1)
    near = [exact + dt.timedelta(shift) for shift in (0, -1, 1)]
    dates = [Date(d.day, d.month, d.year if year else None) for d in near]
    return SolarDate(day, month, year, gregorian=tuple(dates[:1]), tolerated=tuple(dates))


def solar_months(month: int) -> frozenset[int]:
    """The Gregorian months a Kurdish solar month spans (Khakelewe: March and April)."""
    return frozenset(d.month for d in _solar(None, month, None).gregorian)


def english_dates(text: str) -> list[Date]:
    """Dates in English text: 31 December 2021, December 31, 2021, December 2021; then in
    digits, read every way English writes them (31/12/2021, 12/31/2021, 2021-12-31)."""
    return _english_written_dates(text) + _numeric_dates(text, _ENGLISH_DATE_ORDERS)


def _english_written_dates(text: str) -> list[Date]:
    t = tables()
    p = _patterns()
    out = []
    taken: list[tuple[int, int]] = []
    for m in p["en_date_dmy"].finditer(text):
        out.append(Date(int(m[1]), t.months_en[fold_english(m[2])], int(m[3]) if m[3] else None))
        taken.append(m.span())
    months = _english_month_starts(text)
    if months == []:
        return out
    for m in _matches_at(p["en_date_mdy"], text, months):
        if any(a <= m.start() < b for a, b in taken):
            continue
        out.append(Date(int(m[2]), t.months_en[fold_english(m[1])], int(m[3]) if m[3] else None))
        taken.append(m.span())
    for m in _matches_at(p["en_date_my"], text, months):
        if any(a <= m.start() < b for a, b in taken):
            continue
        out.append(Date(None, t.months_en[fold_english(m[1])], int(m[2])))
    return out


_NUMERIC_DATE = re.compile(r"(?<![\w/-])(\d{1,4})([/-])(\d{1,2})\2(\d{1,4})(?![\w/-])")
"""Three numbers joined by slashes or hyphens (the same twice): a date when some order of
them is a day, a month and a four-digit year."""
_SORANI_DATE_ORDERS = ("dmy", "ymd")
_ENGLISH_DATE_ORDERS = ("dmy", "mdy", "ymd")


def _numeric_dates(text: str, orders: tuple[str, ...]) -> list[Date]:
    """Dates written in digits, each reading `orders` allows that makes sense (03/04/2021
    is 3 April or March 4 in English: both are given, so either agrees)."""
    if "/" not in text and "-" not in text:
        return []
    found = []
    for m in _NUMERIC_DATE.finditer(text):
        first, _, second, third = m.groups()
        for order in orders:
            parts = dict(zip(order, (first, second, third), strict=True))
            day, month, year = int(parts["d"]), int(parts["m"]), parts["y"]
            if len(year) == 4 and 1 <= month <= 12 and 1 <= day <= 31:
                date = Date(day, month, int(year), numeric=True)
                if date not in found:
                    found.append(date)
    return found


def date_agrees(source: Date, targets: list[Date]) -> bool:
    """Whether some target date has the month of a Gregorian reading of the source, and its
    day and year where both give one."""
    for reading in source.readings:
        for d in targets:
            if d.month != reading.month:
                continue
            if reading.day and d.day and reading.day != d.day:
                continue
            if reading.year and d.year and reading.year != d.year:
                continue
            return True
    return False
