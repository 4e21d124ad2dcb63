"""Numbers written out in words, read whole: بیست و پێنج = 25, سێ سەد = 300,
دوو هەزار و پێنج سەد = 2,500; twenty-five = 25, three hundred and fifty = 350.

The reader knows no language: it is given the words in order (already folded), whether each
follows the one before with only spacing between, and the language's number words, scale
words and "and". Parts join into one number while each is of a lower order than the one
before (twenty, then five; three hundred, then twenty); "two and three" stays two numbers.
A number begun in digits and continued in words after its scale word is read whole too
(٢ هەزار و پێنج سەد = 2,500); the digits' reading alone (2,000) is then reported as replaced.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

HUNDRED = 100.0


class Word(NamedTuple):
    """A word of the text, as the reader sees it."""

    text: str
    joined: bool
    """Only spacing (or a hyphen) between it and the word before."""
    digits: bool
    """It holds a digit (a number in digits, which a scale word after it belongs to)."""
    number: float | None = None
    """Its value, when it is a number in digits and nothing else (٢ of ٢ هەزار)."""


class Spelled(NamedTuple):
    """What `read_spelled` found."""

    values: list[float]
    replaced: list[float]
    """For each number begun in digits and continued in words (٢ هەزار و پێنج سەد), the
    value its digits and scale word have on their own (2,000): a reading of the digits
    alone gives that number, which `values` (2,500) replaces."""


def _order(value: float) -> float:
    """The order of a part below a thousand: 1 for units, 10 for tens, 100 for hundreds."""
    return 1.0 if value < 10 else 10.0 if value < 100 else 100.0


class _Number:
    """A spelled number being read."""

    def __init__(self, bound_only: bool = False, digits: bool = False) -> None:
        self.total = 0.0  # the parts already multiplied by a scale
        self.group = 0.0  # the part since the last scale word (below a thousand)
        self.order = float("inf")  # what a part must be below to join
        self.scale = float("inf")  # the last scale word's value
        self.bound_only = bound_only  # only a word that is a number only inside a number
        self.last_unit = False  # the last part was a unit (so a hundred multiplies it)
        self.last = 0.0  # the value of the last part
        self.digits = digits  # begun with a number in digits
        self.in_digits: float | None = None  # its value before the first word after the scale

    @property
    def value(self) -> float:
        return self.total + self.group

    def takes_scale(self, scale: float) -> bool:
        """Multiply the group by a scale word below the last one (دوو هەزار; سەد هەزار)."""
        if scale >= self.scale:
            return False
        self.total += (self.group or 1.0) * scale
        self.group, self.scale, self.order, self.last = 0.0, scale, scale, scale
        self.bound_only = self.last_unit = False
        return True

    def takes_hundred(self, value: float, joined_by_and: bool) -> bool:
        """Multiply a unit by a hundred right after it (three hundred, سێ سەد)."""
        if not (value == HUNDRED and self.last_unit and not joined_by_and):
            return False
        if not 1 <= self.group < 10 or not self.joinable():
            return False
        self.group *= HUNDRED
        self.order, self.last_unit, self.bound_only, self.last = HUNDRED, False, False, self.group
        return True

    def takes_part(self, value: float, joined_by_and: bool) -> bool:
        """Add a part of a lower order than the last (twenty, then five). Without "and", a
        part joins after a scale word or a hundred (two thousand five hundred, three
        hundred fifty), and a unit after tens from twenty (twenty five; but "ten
        five-minute breaks" are two numbers)."""
        order = _order(value)
        if order >= self.order or not self.joinable():
            return False
        if not joined_by_and and not (self.order > 10 or (self.last >= 20 and self.last % 10 == 0)):
            return False
        self.add(value)
        self.bound_only = False
        return True

    def joinable(self) -> bool:
        """Whether a word may join: any may, unless the number began in digits and has no
        scale word yet (٢ هەزار و پێنج سەد is one number; ٢ و سێ is two)."""
        return not self.digits or self.scale != float("inf")

    def add(self, value: float) -> None:
        """Add a part (below a thousand)."""
        if self.digits and self.in_digits is None and self.scale != float("inf"):
            self.in_digits = self.value  # the first word after the digits and scale word
        order = _order(value)
        self.group += value
        self.order, self.last_unit, self.last = order, order == 1, value


class _Reader:
    """`read_spelled`'s state: the numbers found, and the one being read."""

    def __init__(self) -> None:
        self.found: list[float] = []
        self.replaced: list[float] = []
        self.number: _Number | None = None
        self.joined_by_and = False  # an "and" came after the number being read
        self.after_digits = False  # the word before was a number in digits

    def close(self) -> None:
        """End the number being read. One begun in digits is reported only if words
        continued it: the digits and their scale word alone are read elsewhere."""
        number = self.number
        if number is not None and not number.bound_only:
            if not number.digits:
                self.found.append(number.value)
            elif number.in_digits is not None:
                self.found.append(number.value)
                self.replaced.append(number.in_digits)
        self.number = None

    def start(self, number: _Number) -> None:
        self.close()
        self.number = number


def read_spelled(
    words: Iterable[Word],
    numbers: Mapping[str, float],
    scales: Mapping[str, float],
    joiner: str,
    bound: Mapping[str, float] | None = None,
    alone: Iterable[str] = (),
    half: str = "",
) -> Spelled:
    """The values of the spelled numbers among `words`, in order.

    `numbers`: words that are numbers (a hundred among them multiplies the unit before it);
    `bound`: words that are numbers only inside a number (Sorani یەک, also "a"); `scales`:
    words that multiply the number before them; `alone`: the scale words that are a number
    on their own too (هەزار is 1,000; "bn" is not a billion); `half`: the word that adds
    half the scale word before it (دوو ملیۆن و نیو = 2,500,000), or, before a scale word,
    is half of it (نیو ملیۆن = 500,000).
    """
    bound = bound or {}
    alone = frozenset(alone)
    r = _Reader()
    for word in words:
        text = word.text
        if not word.joined:
            r.close()
            r.joined_by_and = False
        number = r.number
        if text == joiner:
            if number is None or r.joined_by_and:
                r.close()
            r.joined_by_and = number is not None and not r.joined_by_and
            r.after_digits = False
            continue
        if half and text == half:
            if number is not None and r.joined_by_and and number.group == 0 < number.total:
                number.total += number.scale / 2
                r.close()
            else:  # a number only if a scale word follows
                r.start(_Number(bound_only=True))
                assert r.number is not None
                r.number.group, r.number.order = 0.5, 1.0
            r.joined_by_and = r.after_digits = False
            continue
        if word.number is not None:
            r.start(_Number(digits=True))
            assert r.number is not None
            r.number.add(word.number)
            r.joined_by_and, r.after_digits = False, True
            continue
        scale = scales.get(text)
        value = numbers.get(text)
        if value is None and text in bound:
            value = bound[text]
            weak = number is None  # a bound word alone is not a number (yet)
        else:
            weak = False
        if scale is not None:
            if number is None or not number.takes_scale(scale):
                r.close()
                if text in alone and not r.after_digits:
                    r.number = _Number()
                    r.number.total = r.number.scale = r.number.order = scale
        elif value is not None:
            joined = r.joined_by_and
            if number is None or not (
                number.takes_hundred(value, joined) or number.takes_part(value, joined)
            ):
                r.start(_Number(bound_only=weak))
                assert r.number is not None
                r.number.add(value)
        else:
            r.close()
        r.joined_by_and = False
        r.after_digits = word.digits
    r.close()
    return Spelled(r.found, r.replaced)
