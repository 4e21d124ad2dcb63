"""Sorani normalization at two levels: canonical text and matching key, with offset maps.

Canonical text is what kwb stores and shows: Kurdish code points instead of Arabic and
Persian look-alikes, no presentation forms, harakat or bidi controls, and the old
spellings of ە folded — but the writer's own spelling otherwise kept (SORANI.md §1).
The matching key goes further (digits, joiners, alef and initial-ڕ variants folded) and
is only ever compared, never shown. Every result carries an `OffsetMap` back to the input,
so a hit found in the key is highlighted where the reader sees it.

The rules that need context live here; the character tables live in `data/orthography.tsv`.
Speed matters (normalize+segment runs at tens of millions of characters a second): every
pass is a C-level scan, and Python code runs only where a change is made.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from workbench.text.offsets import IDENTITY, Edit, OffsetMap
from workbench.text.patterns import char_class
from workbench.text.tables import Tables, load

ZWNJ = "\u200c"
ZWJ = "\u200d"
TATWEEL = "\u0640"


@dataclass(frozen=True)
class Normalized:
    """A normalized string and the map from its offsets back to the input's."""

    text: str
    offsets: OffsetMap

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the input that `text[start:end]` came from."""
        return self.offsets.span(start, end)


class _Recorder:
    """Collects length-changing edits while `re.sub` walks a string left to right."""

    __slots__ = ("edits", "shift", "stats")

    def __init__(self, stats: Counter[str] | None) -> None:
        self.edits: list[Edit] = []
        self.shift = 0
        self.stats = stats

    def record(self, m: re.Match[str], replacement: str, kind: str) -> str:
        start, end = m.span()
        if self.stats is not None and replacement != m.group():
            self.stats[kind] += 1
        if len(replacement) != end - start:
            norm_start = start + self.shift
            self.edits.append(Edit(norm_start, norm_start + len(replacement), start, end))
            self.shift += len(replacement) - (end - start)
        return replacement

    def offset_map(self) -> OffsetMap:
        return OffsetMap(tuple(self.edits)) if self.edits else IDENTITY


class _Replacer:
    """One-to-one character replacement, much faster than `str.translate` here.

    A class regex finds the next mapped character; `str.replace` swaps every copy of it
    at memory speed; so the work is one scan plus one replace per distinct character.
    """

    __slots__ = ("find", "kinds", "table")

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self.find = re.compile(f"[{char_class(set(table))}]")
        self.kinds = {s: f"{s} {_describe(s)} → {d} {_describe(d)}" for s, d in table.items()}

    def __call__(self, text: str, stats: Counter[str] | None = None) -> str:
        pos = 0
        while (m := self.find.search(text, pos)) is not None:
            ch = m.group()
            if stats is not None:
                stats[self.kinds[ch]] += text.count(ch)
            text = text.replace(ch, self.table[ch])
            pos = m.start()
        return text


def _describe(chars: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in chars)


@dataclass(frozen=True)
class _Compiled:
    """Regexes and replacers derived from the orthography tables."""

    rare_trigger: re.Pattern[str]
    rare: re.Pattern[str]
    replace: _Replacer
    context: re.Pattern[str]
    key_replace: _Replacer
    key_context: re.Pattern[str]
    tables: Tables


@cache
def _compiled() -> _Compiled:
    t = load()
    letters = char_class(t.letters)
    dual = char_class(t.dual_joining)
    marks = char_class(t.harakat)
    glue = f"{TATWEEL}{ZWNJ}{ZWJ}"
    one_to_one = {s: d for s, d in t.canonical.items() if len(s) == 1 and len(d) == 1}
    one_to_one.update(t.space)
    ligatures = {s for s, d in t.canonical.items() if len(s) == 1 and len(d) != 1}
    bidi = char_class(t.canonical_delete)
    # Stage 0, rare in real text: bidi controls, harakat (with NFC composition), ligatures.
    rare_trigger = re.compile(f"[{bidi}{marks}{char_class(ligatures)}]")
    rare = re.compile(
        f"(?P<bidi>[{bidi}]+)"
        f"|(?P<marks>[^{marks}][{marks}]+|[{marks}]+)"
        f"|(?P<ligature>[{char_class(ligatures)}])"
    )
    # Stage 2: rules that look at neighbouring characters. The pattern starts with one
    # character class, which the regex engine scans for at memory speed; each branch then
    # checks (by lookbehind) which character it was.
    context = re.compile(
        f"[هھ{ZWNJ}{TATWEEL}](?:"
        f"(?<=ه)(?:(?P<heh_zwnj>{ZWNJ})"
        f"|(?P<final_heh>(?<=[{letters}{glue}]ه)(?<!اه)(?![{letters}{glue}])))"
        f"|(?<=ھ)(?P<doachashmee>(?=[{TATWEEL}{ZWJ}]*[{letters}]))"
        f"|(?<={ZWNJ})(?P<zwnj>(?<![{dual}]{ZWNJ}){ZWNJ}*|{ZWNJ}+|(?![{letters}]))"
        f"|(?<=[{letters}]{TATWEEL})(?P<tatweel>{TATWEEL}*)(?=[{letters}]))"
    )
    deleted = char_class(t.key_delete)
    initial = char_class(set(t.key_initial))
    final = char_class(set(t.key_final))
    key_context = re.compile(
        f"[{deleted}{initial}{final}](?:"
        f"(?<![{letters}].)(?P<initial>(?<=[{initial}])|(?<=[{deleted}])[{deleted}]*[{initial}])"
        f"|(?<=[{deleted}])(?P<delete>[{deleted}]*)"
        f"|(?<=[{final}])(?P<final>(?![{deleted}]*[{letters}])))"
    )
    return _Compiled(
        rare_trigger=rare_trigger,
        rare=rare,
        replace=_Replacer(one_to_one),
        context=context,
        key_replace=_Replacer(dict(t.key)),
        key_context=key_context,
        tables=t,
    )


def _compose_marks(chunk: str, t: Tables) -> str:
    """A base letter and its marks → the composed letter, leftover marks dropped."""
    for seq, target in t.canonical.items():
        if len(seq) > 1 and chunk.startswith(seq):
            chunk = target + chunk[len(seq) :]
            break
    composed = unicodedata.normalize("NFC", chunk)
    base = "".join(c for c in composed if c not in t.harakat)
    return "".join(t.canonical.get(c, c) for c in base)


def _stage_rare(text: str, c: _Compiled, stats: Counter[str] | None) -> tuple[str, OffsetMap]:
    if not c.rare_trigger.search(text):
        return text, IDENTITY
    rec = _Recorder(stats)
    t = c.tables

    def repl(m: re.Match[str]) -> str:
        kind = m.lastgroup
        if kind == "bidi":
            return rec.record(m, "", "bidi control removed")
        if kind == "marks":
            return rec.record(m, _compose_marks(m.group(), t), "harakat removed or composed")
        return rec.record(m, t.canonical[m.group()], "presentation form folded")

    return c.rare.sub(repl, text), rec.offset_map()


_CONTEXT_KINDS = {
    "heh_zwnj": ("ە", "ه + ZWNJ → ە"),
    "final_heh": ("ە", "word-final ه → ە"),
    "doachashmee": ("ه", "ھ before a letter → ه"),
}


def _stage_context(text: str, c: _Compiled, stats: Counter[str] | None) -> tuple[str, OffsetMap]:
    rec = _Recorder(stats)
    dual = c.tables.dual_joining
    letters = c.tables.letters

    def repl(m: re.Match[str]) -> str:
        kind = m.lastgroup or ""
        if kind in _CONTEXT_KINDS:
            target, label = _CONTEXT_KINDS[kind]
            return rec.record(m, target, label)
        if kind == "zwnj":
            start, end = m.span()
            keep = (
                start > 0 and text[start - 1] in dual and end < len(text) and text[end] in letters
            )
            return rec.record(m, ZWNJ if keep else "", "ZWNJ removed")
        return rec.record(m, "", "tatweel between letters removed")

    return c.context.sub(repl, text), rec.offset_map()


def canonical(text: str, stats: Counter[str] | None = None) -> Normalized:
    """Canonical Sorani text (what kwb stores and shows), with offsets back to `text`.

    Pass a `Counter` as `stats` to count each kind of change.
    """
    c = _compiled()
    stage0, map0 = _stage_rare(text, c, stats)
    stage1 = c.replace(stage0, stats)
    stage2, map2 = _stage_context(stage1, c, stats)
    offsets = map2.chain(map0)
    if not map2.is_identity and c.context.search(stage2):
        # One rule can expose another (a deleted ZWNJ leaves tatweel between letters).
        again = canonical(stage2, stats)
        return Normalized(again.text, again.offsets.chain(offsets))
    return Normalized(stage2, offsets)


def canonical_text(text: str) -> str:
    """Just the canonical text of `text`."""
    return canonical(text).text


def key_from_canonical(text: str) -> Normalized:
    """The matching key of text that is already canonical, with offsets back to it."""
    c = _compiled()
    folded = c.key_replace(text)
    rec = _Recorder(None)
    t = c.tables

    def repl(m: re.Match[str]) -> str:
        kind = m.lastgroup
        if kind == "delete":
            return rec.record(m, "", "")
        if kind == "initial":
            return rec.record(m, t.key_initial[m.group()[-1]], "")
        return rec.record(m, t.key_final[m.group()], "")

    out = c.key_context.sub(repl, folded)
    return Normalized(out, rec.offset_map())


def matching_key(text: str) -> Normalized:
    """The matching key of raw text (canonical, then folded), with offsets back to `text`."""
    canon = canonical(text)
    key = key_from_canonical(canon.text)
    return Normalized(key.text, key.offsets.chain(canon.offsets))


def key_text(text: str) -> str:
    """Just the matching key of raw text."""
    return matching_key(text).text


def change_stats(text: str) -> Counter[str]:
    """How many changes of each kind canonical normalization makes to `text`."""
    stats: Counter[str] = Counter()
    canonical(text, stats)
    return stats
