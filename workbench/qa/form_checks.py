"""untranslated, punctuation, invisible-characters, length-ratio, whitespace."""

from __future__ import annotations

import math
import re

from workbench.qa.context import Context
from workbench.qa.model import Unit
from workbench.text import key_text

Issue = tuple[str, tuple[str, ...]]

_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]+")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff\u0640\u00ad]")
_CLOSERS = "\"'”’»)]"
_QUOTE_CLOSERS = "\"'”’»"
_FINAL = {
    ".": ".",
    "؟": "?",
    "?": "?",
    "!": "!",
    "…": "…",
    ":": ":",
    "؛": ";",
    ";": ";",
    "،": ",",
    ",": ",",
}
_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"), ("«", "»"))
MIN_LENGTH_FOR_RATIO = 20
RATIO_Z = 3.5


def untranslated(unit: Unit, ctx: Context) -> list[Issue]:
    """Sorani left in the English, or the target equal to the source."""
    target = unit.target
    leftover = [] if target.isascii() else _ARABIC_SCRIPT.findall(target)
    if leftover:
        return [(f"Arabic-script text in the translation: {' '.join(leftover[:3])}", ())]
    source_key = ctx.source_key(unit)
    # Normalizing text without Arabic script adds none, so the keys can only be equal when
    # the source's has none either (BBC News → BBC News).
    if _ARABIC_SCRIPT.search(source_key) is None and key_text(target).strip() == source_key.strip():
        return [("the translation is the source text", ())]
    return []


def _final(text: str) -> str:
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    if stripped.endswith("..."):
        return "…"
    return _FINAL.get(stripped[-1:], "") if stripped else ""


def _quoted_ending(source: str, source_end: str, target_end: str) -> bool:
    """A quotation that ends the source with no stop of its own (گوتی: «ئامادەین»), where the
    English closes the sentence inside its quotation marks as English does ("ready.")."""
    return not source_end and target_end == "." and source.rstrip()[-1:] in _QUOTE_CLOSERS


def punctuation(unit: Unit, ctx: Context) -> list[Issue]:
    """Final punctuation that differs (؟ = ?, ، = ,, ؛ = ;), unbalanced quotes or brackets."""
    issues: list[Issue] = []
    source_end, target_end = _final(unit.source), _final(unit.target)
    if source_end != target_end and not _quoted_ending(unit.source, source_end, target_end):
        issues.append(
            (
                f"ends with {target_end or 'no punctuation'!r}, "
                f"the source with {source_end or 'none'!r}",
                (),
            )
        )
    straight = unit.target.count('"')
    if straight % 2 and unit.source.count('"') % 2 == 0:
        issues.append(("unbalanced double quotes", ()))
    for opening, closing in _PAIRS:
        if unit.target.count(opening) != unit.target.count(closing):
            issues.append((f"unbalanced {opening}{closing}", ()))
    return issues


def invisible(unit: Unit, ctx: Context) -> list[Issue]:
    """Bidi controls, zero-width characters or tatweel in the English."""
    if unit.target.isascii():
        return []
    found = sorted({f"U+{ord(c):04X}" for c in _INVISIBLE.findall(unit.target)})
    if found:
        return [(f"invisible characters in the translation: {', '.join(found)}", ())]
    return []


def length_ratio(unit: Unit, ctx: Context) -> list[Issue]:
    """A translation much longer or shorter than its source, for this corpus."""
    if len(unit.source) < MIN_LENGTH_FOR_RATIO or not unit.translated:
        return []
    median, spread = ctx.log_ratio
    z = (math.log(len(unit.target) / len(unit.source)) - median) / spread
    if abs(z) > RATIO_Z:
        what = "longer" if z > 0 else "shorter"
        message = f"much {what} than usual ({len(unit.target)} characters for {len(unit.source)})"
        return [(message, ())]
    return []


def whitespace(unit: Unit, ctx: Context) -> list[Issue]:
    """Double spaces, tabs, leading or trailing whitespace in the target."""
    issues: list[Issue] = []
    if unit.target[:1].isspace() or unit.target[-1:].isspace():
        issues.append(("leading or trailing whitespace", ()))
    if "  " in unit.target or "\t" in unit.target:
        issues.append(("double space or tab inside the translation", ()))
    return issues
