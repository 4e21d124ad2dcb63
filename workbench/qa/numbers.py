"""Numbers and dates, read the same way in Sorani and English.

Sorani numbers are read from the matching key, so ٢٬٥٠٠, ۲,۵۰۰ and 2,500 are all 2500, and
a scale word multiplies (١٣ هەزار = 13,000). Dates are day–month–year with the Iraqi month
names (٣١ی کانوونی یەکەمی ٢٠٢١ = 31 December 2021); English dates in either order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from workbench.qa.spelled_numbers import Spelled, Word, read_spelled
from workbench.text import key_text


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
        return _written(self.day, MONTH_NAMES[self.month - 1], self.year)


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
        written = _written(self.day, _SOLAR_MONTH_NAMES[self.month - 1], self.year)
        usual = " or ".join(map(str, self.gregorian))
        return f"{usual} ({written} in the Kurdish calendar)"


MONTH_NAMES = (
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
)
"""The Gregorian months as messages show them."""
_SOLAR_MONTH_NAMES = (  # as the glossary renders them
    "Khakelewe",
    "Gulan",
    "Jozerdan",
    "Pushper",
    "Gelawezh",
    "Khermanan",
    "Rezber",
    "Gelarezan",
    "Sermawez",
    "Befranbar",
    "Rebendan",
    "Resheme",
)
_KURDISH_YEARS_AHEAD = 700
"""The Kurdish year is the Gregorian year + 700 from Newroz (21 March) on."""
_REFERENCE_YEAR = 2021
"""A year with no 29 February, for a solar day and month written without a year."""


@dataclass(frozen=True)
class Tables:
    scale_ckb: dict[str, float]
    scale_en: dict[str, float]
    words_en: dict[str, float]
    words_ckb: dict[str, float]
    bound_ckb: dict[str, float]
    letters_ckb: frozenset[str]
    months_ckb: dict[str, int]
    months_solar_ckb: dict[str, int]
    months_en: dict[str, int]
    weekdays_ckb: dict[str, int]
    weekdays_en: dict[str, int]
    optional_ckb: dict[str, float]
    ordinal_endings_ckb: tuple[str, ...]
    name_endings_ckb: tuple[str, ...]
    quantifiers_ckb: tuple[str, ...]
    months_also_words_ckb: frozenset[str]


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
        bound_ckb={key_text(k): float(v) for k, v in rows["word-ckb-bound"].items()},
        letters_ckb=frozenset(map(key_text, rows["letter-ckb"])),
        months_ckb={key_text(k): int(v) for k, v in rows["month-ckb"].items()},
        months_solar_ckb={key_text(k): int(v) for k, v in rows["month-solar-ckb"].items()},
        months_en={k: int(v) for k, v in rows["month-en"].items()},
        weekdays_ckb={key_text(k): int(v) for k, v in rows["weekday-ckb"].items()},
        weekdays_en={k.casefold(): int(v) for k, v in rows["weekday-en"].items()},
        optional_ckb={key_text(k): float(v) for k, v in rows["word-ckb-optional"].items()},
        ordinal_endings_ckb=tuple(map(key_text, rows["ordinal-ckb"])),
        name_endings_ckb=tuple(map(key_text, rows["name-ending-ckb"])),
        quantifiers_ckb=tuple(map(key_text, rows["quantifier-ckb"])),
        months_also_words_ckb=frozenset(map(key_text, rows["month-also-word-ckb"])),
    )


def _number(not_after: str, digit: str = r"\d") -> str:
    """A number (2,500 or 2500, maybe with a decimal part) not just after a character of
    `not_after`. It begins with a digit (the lookbehind comes after it), so the regex engine
    skips ahead to digits instead of trying the lookbehind at every position."""
    d = digit
    return rf"({d}(?<!{not_after}{d})(?:{d}{{0,2}}(?:,{d}{{3}})+|{d}*))(?:\.({d}+))?"


def trie_pattern(words: Iterable[str], whole: bool = False) -> str:
    """A regex matching any of `words`, longest first, as a trie (دوو(?:سەد)?): the engine
    tries one branch per position instead of every word, and skips ahead to the letters a
    word can begin with. With `whole`, only whole words: no word character before (checked
    after the first letter, so the skipping still works) or after."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])
    complete = "" in groups
    groups.pop("", None)
    branches = []
    for first, rests in sorted(groups.items()):
        head = re.escape(first) + (rf"(?<!\w{re.escape(first)})" if whole else "")
        branches.append(head + trie_pattern(rests))
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")"
    if whole:
        return body + r"(?!\w)"
    return body + "?" if complete else body


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def _sorani_month_date(months: Iterable[str], ezafe: str, year: str) -> re.Pattern[str]:
    """A Sorani date with a month name: an optional day (then `ezafe`), the month with an
    ending (ی, دا …), an optional year (`year`, maybe after ساڵی). Groups: day, month, year."""
    return re.compile(
        rf"(?:(?<!\d)(\d{{1,2}})\s*{ezafe}\s+)?({_alternatives(months)})"
        rf"(?:ی|[^\W\d]*(?=\s|$|[^\w]))(?:\s+(?:ساڵی\s+)?({year})(?!\d))?"
    )


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    t = tables()
    ckb_scale, en_scale = _alternatives(t.scale_ckb), _alternatives(t.scale_en)
    en_months = _alternatives(t.months_en)
    # Digits right after a Latin letter are part of a name (H5N1, F1, M16), in either language.
    ckb_number, en_number = _number(r"[\d.,A-Za-z]"), _number(r"[\w.,]")
    en_suffix = rf"(?:st|nd|rd|th)?(?:\s*({en_scale})\b)?"
    letter = trie_pattern(t.letters_ckb, whole=True)
    return {
        "digits": re.compile(r"\d+"),
        "ckb": re.compile(rf"{ckb_number}(?:\s*({ckb_scale}))?"),
        "en": re.compile(en_number + en_suffix, re.IGNORECASE),
        # In ASCII text \d is [0-9], which the regex engine tests faster.
        "en_ascii": re.compile(_number(r"[\w.,]", "[0-9]") + en_suffix, re.IGNORECASE),
        # The words of spelled numbers (`spelled_numbers`), as whole words.
        "en_spelled": re.compile(
            trie_pattern([*t.words_en, *t.scale_en], whole=True)
        ),  # on `fold_english`
        "ckb_spelled": re.compile(
            trie_pattern([*t.words_ckb, *t.bound_ckb, *t.scale_ckb, _HALF_CKB], whole=True)
        ),
        "ckb_month": re.compile(trie_pattern(t.months_ckb)),
        "ckb_solar_month": re.compile(trie_pattern(t.months_solar_ckb)),
        # A solar month's day takes its ی (١٠ی گوڵان: ١٠ گوڵان is "10 flowers"), and its
        # year is a Kurdish one (٢٧٢١).
        "ckb_solar_date": _sorani_month_date(t.months_solar_ckb, "ی", r"2[67]\d\d"),
        # Two letter names or more in a row: an acronym (بی بی سی = BBC).
        "ckb_acronym": re.compile(rf"{letter}(?:\s+{letter})+"),
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


_DOTLESS = str.maketrans({"\u0307": None, "ı": "i"})


def fold_english(word: str) -> str:
    """An English word as the tables spell it. Case-insensitive regex matching lets the
    Turkish İ and ı stand for i (APRİL), which `str.casefold` turns into i + a combining dot
    and ı: drop the dot and undot the i, so what the pattern matched is what is looked up."""
    return word.casefold().translate(_DOTLESS)


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


def _value(whole: str, fraction: str | None, scale: float) -> float:
    if not fraction:  # a whole number times a whole scale: round(…, 6) would change nothing
        return float(whole.replace(",", "")) * scale
    return round(float(f"{whole.replace(',', '')}.{fraction}") * scale, 6)


def sorani_numbers(text: str, key: str | None = None) -> list[float]:
    """Numbers in Sorani text (any digit system, separators, scale words); pass the
    matching `key` when it is already known."""
    t = tables()
    key = key_text(text) if key is None else key
    if "،" in key:  # ١،٥٠٠: the Arabic comma typed for the thousands separator ٬
        key = _COMMA_THOUSANDS.sub(",", key)
    found = list(_patterns()["ckb"].finditer(key))
    values = [_value(m[1], m[2], t.scale_ckb.get(m[3] or "", 1.0)) for m in found]
    if any(m[3] for m in found):
        return _scaled_together(key, found, values)
    return values


def _scaled_together(key: str, found: list[re.Match[str]], values: list[float]) -> list[float]:
    """The numbers as Sorani joins them after a scale word with و: a number below the scale
    adds to the one before (٢ هەزار و ٥٠٠ = 2,500; ٣ ملیۆن و ٥٠٠ هەزار = 3,500,000), and
    نیو adds half the scale (٢ ملیۆن و نیو = 2,500,000)."""
    scales = tables().scale_ckb
    joined: list[float] = []
    scale, end = 1.0, -1  # the scale word of the number before, and where that number ended
    for m, value in zip(found, values, strict=True):
        if joined and scale > 1 and value < scale and _AND.fullmatch(key, end, m.start()):
            joined[-1] += value
        else:
            joined.append(value)
        scale, end = scales.get(m[3] or "", 1.0), m.end()
        if scale > 1 and _HALF.match(key, end):
            joined[-1] += scale / 2
    return joined


_DOT_GROUPS = re.compile(r"(\d(?<![\d.,]\d)\d{0,2})((?:\.\d{3})+)(?![\d.,]*\d)")


def sorani_dot_groups(key: str) -> list[tuple[float, float]]:
    """Numbers in a matching key written with dots between groups of three digits, which
    some writers use for thousands (١٠.٠٠٠ = 10,000): (the value `sorani_numbers` reads,
    the value as thousands). Not after or before a scale word, where the dot is a decimal
    point (١.٥٠٠ ملیۆن)."""
    if "." not in key:
        return []
    found = []
    scales = tables().scale_ckb
    for m in _DOT_GROUPS.finditer(key):
        after = key[m.end() :].split(maxsplit=1)
        if after and after[0] in scales:
            continue
        groups = m[2].split(".")
        found.append((float(f"{m[1]}.{groups[1]}"), float(m[1] + "".join(groups))))
    return found


_COMMA_THOUSANDS = re.compile(r"،(?<=\d،)(?=\d{3}(?!\d))")  # the comma first: found fast
_AND = re.compile(r"\s+و\s+")
_HALF = re.compile(r"\s+و\s+نیو(?!\w)")


def sorani_number_words(key: str, blank: Callable[[str], str] | None = None) -> Spelled:
    """Numbers spelled out in Sorani (دوو, بیست و پێنج, سێ سەد, دوو هەزار, نیو ملیۆن) in a
    matching key, each read whole (`spelled_numbers`), also where digits begin them
    (٢ هەزار و پێنج سەد). Where the key has number words, `blank` takes out of it those
    that are no numbers (the offsets kept): its result is read instead."""
    words = _words(key, _patterns()["ckb_spelled"], _AND_CKB, "")
    if not words:
        return Spelled([], [])
    if blank is not None and (blanked := blank(key)) != key:
        key = blanked
        words = _words(key, _patterns()["ckb_spelled"], _AND_CKB, "")
    t = tables()
    if not t.letters_ckb.isdisjoint(w.text for w in words):
        key = _patterns()["ckb_acronym"].sub(_blank, key)
        words = _words(key, _patterns()["ckb_spelled"], _AND_CKB, "")
    return read_spelled(
        words, t.words_ckb, t.scale_ckb, _AND_CKB, t.bound_ckb, t.scale_ckb, _HALF_CKB
    )


def _blank(found: re.Match[str]) -> str:
    """Letters as long as what was found: no number word, the same offsets."""
    return "x" * len(found.group())


_AND_CKB = key_text("و")
_HALF_CKB = key_text("نیو")
_ENGLISH_SCALES_ALONE = ("thousand", "million", "billion", "trillion")
_SPACES = " \t\n\r\f\v\u00a0"
_LAST_WORD = re.compile(r"\w+\Z")
_LAST_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\Z")
"""A number in digits (2,500, 2.5) ending a stretch of text, and nothing before it in its word."""


def _words(text: str, pattern: re.Pattern[str], joiner: str, joints: str) -> list[Word]:
    """What `read_spelled` needs of `text`: the number and scale words `pattern` finds, the
    joiner where it alone stands between two of them, and an empty word for whatever else
    does (which ends a number; it is digits when a number in digits comes just before)."""
    words = []
    end = 0
    for m in pattern.finditer(text):
        between = text[end : m.start()]
        gap = between.strip(_SPACES + joints)
        if gap == joiner and end:
            words.append(Word(joiner, True, False))
        elif gap:
            # Its last word (split off first: a regex anchored at the end would still read
            # the whole stretch from its beginning).
            before = between.rstrip(_SPACES + joints).rsplit(maxsplit=1)[-1]
            last = _LAST_WORD.search(before)
            digits = last is not None and any(map(str.isdigit, last.group()))
            words.append(Word("", False, digits))
            if digits and (number := _LAST_NUMBER.search(before)) is not None:
                words.append(Word(number.group(), True, True, float(number[1].replace(",", ""))))
        words.append(Word(m.group(), True, False))
        end = m.end()
    return words


def english_digits(text: str) -> list[float]:
    """Numbers written in digits (with scale words) in English text."""
    t = tables()
    pattern = _patterns()["en_ascii" if text.isascii() else "en"]
    return [
        _value(m[1], m[2], t.scale_en.get(fold_english(m[3] or ""), 1.0))
        for m in pattern.finditer(text)
    ]


_NAME_NUMBER = re.compile(r"(?<=[^\W\d_]-)\d+(?![\d.,]?\w)")


def english_name_numbers(text: str) -> list[float]:
    """Numbers that are part of a name, joined to a word by a hyphen (COVID-19, F-16,
    Su-25): a translation may add them where the Sorani has none (کۆرۆنا)."""
    return [float(m.group()) for m in _NAME_NUMBER.finditer(text)] if "-" in text else []


def english_words(text: str) -> list[float]:
    """Numbers spelled out in English (three, twenty-five, two thousand five hundred), each
    read whole (`spelled_numbers`)."""
    # Folded first: a case-insensitive regex is four times slower than a plain one.
    folded = fold_english(text)
    halves: list[float] = []
    if "half" in folded:  # read first, and blanked out: "three" of "three and a half million"
        halves = _english_halves(folded)
        folded = _HALF_EN.sub(_blank, folded)
    words = _words(folded, _patterns()["en_spelled"], "and", "-")
    if not words:
        return halves
    t = tables()
    found = read_spelled(words, t.words_en, t.scale_en, "and", alone=_ENGLISH_SCALES_ALONE)
    return found.values + halves


_HALF_EN = re.compile(
    r"\bhalf an? (thousand|million|billion)\b"  # half a million
    r"|\b(\w+) and a half (thousand|million|billion)\b"  # two and a half million
    r"|\ba (thousand|million|billion) and a half\b"  # a million and a half
)


def _english_halves(folded: str) -> list[float]:
    """The numbers English says with "half": half a million = 500,000, two and a half
    million = 2,500,000, a million and a half = 1,500,000."""
    t = tables()
    values = []
    for m in _HALF_EN.finditer(folded):
        if m[1]:
            values.append(t.scale_en[m[1]] / 2)
        elif m[3]:
            whole = t.words_en.get(m[2]) if not m[2].isdigit() else float(m[2])
            if whole is not None:
                values.append((whole + 0.5) * t.scale_en[m[3]])
        else:
            values.append(t.scale_en[m[4]] * 1.5)
    return values


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
