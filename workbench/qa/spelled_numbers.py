"""Numbers written out in words, read whole: بیست و پێنج = 25, سێ سەد = 300,
دوو هەزار و پێنج سەد = 2,500; twenty-five = 25, three hundred and fifty = 350.

The reader knows no language: it is given the words in order (already folded), whether each
follows the one before with only spacing between, and the language's number words, scale
words and "and". Parts join into one number while each is of a lower order than the one
before (twenty, then five; three hundred, then twenty); "two and three" stays two numbers.
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


def _order(value: float) -> float:
    """The order of a part below a thousand: 1 for units, 10 for tens, 100 for hundreds."""
    return 1.0 if value < 10 else 10.0 if value < 100 else 100.0


class _Number:
    """A spelled number being read."""

    def __init__(self) -> None:
        self.total = 0.0  # the parts already multiplied by a scale
        self.group = 0.0  # the part since the last scale word (below a thousand)
        self.order = float("inf")  # what a part must be below to join
        self.scale = float("inf")  # the last scale word's value
        self.bound_only = True  # only a word that is a number only inside a number
        self.last_unit = False  # the last part was a unit (so a hundred multiplies it)
        self.last = 0.0  # the value of the last part

    @property
    def value(self) -> float:
        return self.total + self.group


def read_spelled(
    words: Iterable[Word],
    numbers: Mapping[str, float],
    scales: Mapping[str, float],
    joiner: str,
    bound: Mapping[str, float] | None = None,
    alone: Iterable[str] = (),
    half: str = "",
) -> list[float]:
    """The values of the spelled numbers among `words`, in order.

    `numbers`: words that are numbers (a hundred among them multiplies the unit before it);
    `bound`: words that are numbers only inside a number (Sorani یەک, also "a"); `scales`:
    words that multiply the number before them; `alone`: the scale words that are a number
    on their own too (هەزار is 1,000; "bn" is not a billion); `half`: the word that adds
    half the scale word before it (دوو ملیۆن و نیو = 2,500,000).
    """
    bound = bound or {}
    alone = frozenset(alone)
    found: list[float] = []
    number: _Number | None = None
    pending_joiner = False
    after_digits = False

    def close() -> None:
        nonlocal number
        if number is not None and not number.bound_only:
            found.append(number.value)
        number = None

    for word in words:
        if not word.joined:
            close()
            pending_joiner = False
        text = word.text
        if text == joiner:
            if number is None or pending_joiner:
                close()
                pending_joiner = False
            else:
                pending_joiner = True
            after_digits = False
            continue
        if half and text == half:
            if number is not None and pending_joiner and number.group == 0 < number.total:
                number.total += number.scale / 2
            close()
            pending_joiner = after_digits = False
            continue
        value = numbers.get(text)
        if value is None and number is not None:
            value = bound.get(text)
        weak = value is None and text in bound
        if weak and number is None:
            value = bound[text]
        scale = scales.get(text)
        if scale is not None:
            if number is not None and scale < number.scale:
                number.total += (number.group or 1.0) * scale
                number.group, number.scale, number.order = 0.0, scale, scale
                number.bound_only = number.last_unit = False
                number.last = scale
            else:
                close()
                if text in alone and not after_digits:
                    number = _Number()
                    number.total, number.scale, number.order = scale, scale, scale
                    number.bound_only = False
        elif value is not None:
            if (
                number is not None
                and value == HUNDRED
                and number.last_unit
                and not pending_joiner
                and 1 <= number.group < 10
            ):
                number.group *= HUNDRED  # three hundred, سێ سەد
                number.order, number.last_unit, number.bound_only = HUNDRED, False, False
                number.last = number.group
            else:
                order = _order(value)
                joins = number is not None and order < number.order
                if joins and not pending_joiner and number is not None:
                    # Without "and", a part joins after a scale word or a hundred (two
                    # thousand five hundred, three hundred fifty), and a unit after tens
                    # from twenty (twenty five; but "ten five-minute breaks" are two).
                    joins = number.order > 10 or (number.last >= 20 and number.last % 10 == 0)
                if not joins:
                    close()
                    number = _Number()
                    number.bound_only = weak
                elif number is not None:
                    number.bound_only = False
                assert number is not None
                number.group += value
                number.order, number.last_unit, number.last = order, order == 1, value
        else:
            close()
        pending_joiner = False
        after_digits = word.digits
    close()
    return found
