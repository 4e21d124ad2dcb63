"""Numbers and dates, read the same way in Sorani and English.

Sorani numbers are read from the matching key, so ٢٬٥٠٠, ۲,۵۰۰ and 2,500 are all 2500, and
a scale word multiplies (١٣ هەزار = 13,000). Dates are day–month–year with the Iraqi month
names (٣١ی کانوونی یەکەمی ٢٠٢١ = 31 December 2021); English dates in either order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from workbench.text import key_text


@dataclass(frozen=True)
class Date:
    """A date as written: any part may be missing."""

    day: int | None
    month: int
    year: int | None

    def __str__(self) -> str:
        parts = [
            str(self.day) if self.day else "",
            _MONTH_NAMES[self.month - 1],
            str(self.year or ""),
        ]
        return " ".join(p for p in parts if p)


_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class Tables:
    scale_ckb: dict[str, float]
    scale_en: dict[str, float]
    words_en: dict[str, float]
    words_ckb: dict[str, float]
    months_ckb: dict[str, int]
    months_en: dict[str, int]


@cache
def tables() -> Tables:
    data = resources.files("workbench.qa").joinpath("data/numbers.tsv").read_text("utf-8")
    rows: dict[str, dict[str, str]] = {}
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        table, word, value = line.split("\t")[:3]
        rows.setdefault(table, {})[word] = value
    return Tables(
        scale_ckb={key_text(k): float(v) for k, v in rows["scale-ckb"].items()},
        scale_en={k: float(v) for k, v in rows["scale-en"].items()},
        words_en={k: float(v) for k, v in rows["word-en"].items()},
        words_ckb={key_text(k): float(v) for k, v in rows["word-ckb"].items()},
        months_ckb={key_text(k): int(v) for k, v in rows["month-ckb"].items()},
        months_en={k: int(v) for k, v in rows["month-en"].items()},
    )


_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    t = tables()
    ckb_scale = "|".join(sorted(map(re.escape, t.scale_ckb), key=len, reverse=True))
    en_scale = "|".join(sorted(t.scale_en, key=len, reverse=True))
    en_words = "|".join(sorted(t.words_en, key=len, reverse=True))
    ckb_months = "|".join(sorted(map(re.escape, t.months_ckb), key=len, reverse=True))
    en_months = "|".join(sorted(t.months_en, key=len, reverse=True))
    return {
        "ckb": re.compile(rf"(?<![\d.,]){_NUMBER}(?:\s*({ckb_scale}))?"),
        "en": re.compile(
            rf"(?<![\w.,]){_NUMBER}(?:st|nd|rd|th)?(?:\s*({en_scale})\b)?", re.IGNORECASE
        ),
        "en_word": re.compile(rf"\b({en_words})(?:-({en_words}))?\b", re.IGNORECASE),
        "ckb_date": re.compile(
            rf"(?:(?<!\d)(\d{{1,2}})\s*ی?\s+)?({ckb_months})(?:ی|[^\W\d]*(?=\s|$|[^\w]))(?:\s+(?:ساڵی\s+)?(\d{{4}}))?"
        ),
        "en_date_dmy": re.compile(
            rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({en_months})\.?\b(?:,?\s+(\d{{4}}))?",
            re.IGNORECASE,
        ),
        "en_date_mdy": re.compile(
            rf"\b({en_months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.IGNORECASE
        ),
        "en_date_my": re.compile(rf"\b({en_months})\.?\s+(?:of\s+)?(\d{{4}})\b", re.IGNORECASE),
    }


def _value(whole: str, fraction: str | None, scale: float) -> float:
    number = float(whole.replace(",", "") + (f".{fraction}" if fraction else ""))
    return round(number * scale, 6)


def sorani_numbers(text: str, key: str | None = None) -> list[float]:
    """Numbers in Sorani text (any digit system, separators, scale words); pass the
    matching `key` when it is already known."""
    t = tables()
    key = key_text(text) if key is None else key
    return [
        _value(m[1], m[2], t.scale_ckb.get(m[3] or "", 1.0))
        for m in _patterns()["ckb"].finditer(key)
    ]


def sorani_number_words(key: str) -> list[float]:
    """Numbers written as Sorani words (دوو, سێ …) in a matching key."""
    words = tables().words_ckb
    return [words[w] for w in key.split() if w in words]


def english_digits(text: str) -> list[float]:
    """Numbers written in digits (with scale words) in English text."""
    t = tables()
    return [
        _value(m[1], m[2], t.scale_en.get((m[3] or "").casefold(), 1.0))
        for m in _patterns()["en"].finditer(text)
    ]


def english_words(text: str) -> list[float]:
    """Numbers written as words (three, twenty-five) in English text."""
    t = tables()
    words = []
    for m in _patterns()["en_word"].finditer(text):
        value = t.words_en[m[1].casefold()] + (t.words_en[m[2].casefold()] if m[2] else 0)
        words.append(value)
    return words


def sorani_dates(text: str, key: str | None = None) -> list[Date]:
    """Dates in Sorani text; a bare month name (ئازار is also "pain") is not a date."""
    t = tables()
    key = key_text(text) if key is None else key
    if not any(month in key for month in t.months_ckb):
        return []
    out = []
    for m in _patterns()["ckb_date"].finditer(key):
        day, month, year = m[1], m[2], m[3]
        if not day and not year:
            continue
        out.append(
            Date(int(day) if day else None, t.months_ckb[month], int(year) if year else None)
        )
    return out


def english_dates(text: str) -> list[Date]:
    """Dates in English text: 31 December 2021, December 31, 2021, December 2021."""
    t = tables()
    p = _patterns()
    out = []
    taken: list[tuple[int, int]] = []
    for m in p["en_date_dmy"].finditer(text):
        out.append(Date(int(m[1]), t.months_en[m[2].casefold()], int(m[3]) if m[3] else None))
        taken.append(m.span())
    for m in p["en_date_mdy"].finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        out.append(Date(int(m[2]), t.months_en[m[1].casefold()], int(m[3]) if m[3] else None))
        taken.append(m.span())
    for m in p["en_date_my"].finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        out.append(Date(None, t.months_en[m[1].casefold()], int(m[2])))
    return out


def date_agrees(source: Date, targets: list[Date]) -> bool:
    """Whether some target date has the source's month, and its day and year where both give one."""
    for d in targets:
        if d.month != source.month:
            continue
        if source.day and d.day and source.day != d.day:
            continue
        if source.year and d.year and source.year != d.year:
            continue
        return True
    return False
