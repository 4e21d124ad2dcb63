"""Numbers read the same way in Sorani and English, in digits or spelled out.

Sorani numbers are read from the matching key, so ٢٬٥٠٠, ۲,۵۰۰ and 2,500 are all 2500, and
a scale word multiplies (١٣ هەزار = 13,000); spelled numbers are read whole
(`spelled_numbers`): دوو هەزار و پێنج سەد = 2,500, twenty-five = 25.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from workbench.read.spelled_numbers import Spelled, Word, read_spelled
from workbench.read.tables import fold_english, tables
from workbench.text import key_text
from workbench.text.patterns import alternatives, trie_pattern


def _number(not_after: str, digit: str = r"\d") -> str:
    """A number (2,500 or 2500, maybe with a decimal part) not just after a character of
    `not_after`. It begins with a digit (the lookbehind comes after it), so the regex engine
    skips ahead to digits instead of trying the lookbehind at every position."""
    d = digit
    return rf"({d}(?<!{not_after}{d})(?:{d}{{0,2}}(?:,{d}{{3}})+|{d}*))(?:\.({d}+))?"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    t = tables()
    ckb_scale, en_scale = alternatives(t.scale_ckb), alternatives(t.scale_en)
    # Digits right after a Latin letter are part of a name (H5N1, F1, M16), in either language.
    ckb_number, en_number = _number(r"[\d.,A-Za-z]"), _number(r"[\w.,]")
    en_suffix = rf"(?:st|nd|rd|th)?(?:\s*({en_scale})\b)?"
    letter = trie_pattern(t.letters_ckb, whole=True)
    return {
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
        # Two letter names or more in a row: an acronym (بی بی سی = BBC).
        "ckb_acronym": re.compile(rf"{letter}(?:\s+{letter})+"),
    }


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
