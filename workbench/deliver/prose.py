"""English sentences joined into a paragraph as English prose.

Sentences are joined by one space, whitespace inside a translation becomes one space, and
the spacing around punctuation and quotation marks is made right across the joins: no
space before , . ; : ? ! ” ’ ) ] and none after “ ‘ ( [. A straight quote (") is an opening
or a closing one by what touches it (a space before and a letter after: opening; spaces
around it after a sentence's end: closing), else by the quotes before it in the paragraph,
so a quotation opened in one sentence and closed in the next, or closed by a quote the
translator left at the start of the next sentence, comes out right. A quote after a digit
is an inch mark. Apostrophes (don't, ’90s) are left alone.

Draft marks (`DRAFT`) travel through the joining as private-use characters the renderers
turn into their own marks; what the source mark encloses (Sorani) is left as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FUZZY_OPEN = "\U000f0001"
FUZZY_CLOSE = "\U000f0002"
SOURCE_OPEN = "\U000f0003"
SOURCE_CLOSE = "\U000f0004"
MARKS = frozenset((FUZZY_OPEN, FUZZY_CLOSE, SOURCE_OPEN, SOURCE_CLOSE))

_SPACES = re.compile(r"[^\S\u00a0\u202f]+")
"""Runs of whitespace, but not the no-break spaces a translator typed on purpose."""
_CLOSERS = frozenset(",.;:?!”)]")
_OPENERS = frozenset("“([")
_FINAL = re.compile(r"[.?!…][\"”’')\]]*$")
"""A sentence's final punctuation, possibly inside closing quotes or brackets."""


def collapse(text: str) -> str:
    """`text` on one line: whitespace runs as one space, none at the ends."""
    return _SPACES.sub(" ", text).strip()


def ends_sentence(text: str) -> bool:
    """Whether `text` ends with final punctuation (a headline does not)."""
    return bool(_FINAL.search("".join(c for c in text.rstrip() if c not in MARKS)))


def join(pieces: Iterable[str]) -> str:
    """The paragraph made of `pieces` (sentences, possibly with draft marks), as prose."""
    text = " ".join(filter(None, (collapse(p) for p in pieces)))
    return _tidy(text)


_SPECIAL = re.compile(f'[,.;:?!”)\\]“(\\[’‘"{SOURCE_OPEN}{SOURCE_CLOSE}]')
"""The characters `_roles` looks at: punctuation, quotes, brackets, and the source marks."""


def _roles(text: str) -> dict[int, str]:
    """The role of each character that constrains its spacing: "open" (no space after) or
    "close" (no space before), for the text outside the source marks."""
    roles: dict[int, str] = {}
    quoted = False
    opaque = False
    for m in _SPECIAL.finditer(text):
        i, c = m.start(), m.group()
        if c in (SOURCE_OPEN, SOURCE_CLOSE):
            opaque = c == SOURCE_OPEN
            continue
        if opaque:
            continue
        before = _neighbour(text, i, -1)
        after = _neighbour(text, i, 1)
        if c in _CLOSERS:
            # A decimal point or a number's comma, .5 or :30, keeps the space before it.
            if not (c in ".,:" and after.isdigit()):
                roles[i] = "close"
        elif c in _OPENERS:
            roles[i] = "open"
        elif c == "’":
            if not after.isalnum():
                roles[i] = "close"
        elif c == "‘":
            if not before.isalnum():
                roles[i] = "open"
        elif not before.isdigit():  # a straight quote; after a digit, an inch mark (5")
            spaced_before, spaced_after = before in " ", after in " "
            if spaced_before and not spaced_after and after not in _CLOSERS:
                opening = True
            elif spaced_after and not spaced_before:
                opening = False
            elif spaced_before and _last_word_char(text, i) in ".?!…":
                opening = False  # `said so. " Then`: a quote after a sentence's end closes
            else:
                opening = not quoted
            quoted = opening
            roles[i] = "open" if opening else "close"
    return roles


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest character before (step -1) or after (1) position `i` that is not a draft
    mark; " " at either end of the text."""
    j = i + step
    while 0 <= j < len(text) and text[j] in MARKS:
        j += step
    return text[j] if 0 <= j < len(text) else " "


def _last_word_char(text: str, i: int) -> str:
    """The last character before position `i` that is neither a space nor a mark."""
    j = i - 1
    while j >= 0 and (text[j] == " " or text[j] in MARKS):
        j -= 1
    return text[j] if j >= 0 else ""


_FUZZY = (FUZZY_OPEN, FUZZY_CLOSE)


def _tidy(text: str) -> str:
    """`text` (one line, single spaces) without the spaces punctuation does not want: the
    space before a closing character and after an opening one (across fuzzy marks; never
    inside or across the source marks, whose Sorani stays as written)."""
    drop: set[int] = set()
    for position, role in _roles(text).items():
        step = -1 if role == "close" else 1
        j = position + step
        while 0 <= j < len(text) and text[j] in _FUZZY:
            j += step
        if 0 <= j < len(text) and text[j] == " ":
            drop.add(j)
    if not drop:
        return text
    pieces, at = [], 0
    for j in sorted(drop):
        pieces.append(text[at:j])
        at = j + 1
    pieces.append(text[at:])
    return "".join(pieces)
