"""inconsistent-source and inconsistent-target: one sentence, one translation — and back."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from workbench.qa.context import Context
from workbench.qa.model import Unit

_WORDS = re.compile(r"\w+")
_ASCII_GAPS = "".join(c if _WORDS.fullmatch(c) else " " for c in map(chr, range(128)))
"""For ASCII text, `str.translate` table that blanks everything between words."""


def _words(text: str) -> str:
    """The text's words (punctuation and spacing dropped), joined by single spaces."""
    if text.isascii():
        return " ".join(text.translate(_ASCII_GAPS).split())
    return " ".join(_WORDS.findall(text))


def source_text(unit: Unit, ctx: Context) -> str:
    """What inconsistent-source compares: the normalized source."""
    return ctx.source_key(unit).strip()


def target_text(unit: Unit, ctx: Context) -> str:
    """What inconsistent-target compares: the target's words, casefolded."""
    return _words(unit.target.casefold())


def source_group(unit: Unit, ctx: Context) -> int:
    """What inconsistent-source groups a unit by: the hash of its `source_text`. A number
    is what a worker process sends back for each unit instead of the whole sentence (the
    workers are forked, so they hash strings as this process does); the groups are then
    confirmed on the text itself (`_repeated`)."""
    return hash(source_text(unit, ctx))


def target_group(unit: Unit, ctx: Context) -> int:
    """What inconsistent-target groups a unit by: the hash of its `target_text`."""
    return hash(target_text(unit, ctx))


def _repeated(
    units: list[Unit], hashes: list[int], text: Callable[[Unit], str]
) -> dict[str, list[Unit]]:
    """The units by `text`, for the texts that several units share (in order of
    appearance). Only units whose hash is shared have their text computed: hashes that
    collide still make separate groups."""
    counts = Counter(hashes)
    repeated = {key for key, n in counts.items() if n > 1}
    groups: dict[str, list[Unit]] = {}
    for unit, key in zip(units, hashes, strict=True):
        if key in repeated:
            groups.setdefault(text(unit), []).append(unit)
    return {key: group for key, group in groups.items() if len(group) > 1}


def inconsistent_source(
    units: list[Unit], ctx: Context
) -> Iterable[tuple[Unit, str, tuple[str, ...]]]:
    """The same normalized source sentence translated differently: the minority versions."""
    groups = _repeated(units, ctx.values(source_group, units), lambda unit: source_text(unit, ctx))
    for group in groups.values():
        versions = Counter(" ".join(u.target.split()) for u in group)
        if len(versions) < 2:
            continue
        majority = versions.most_common(1)[0][0]
        for unit in group:
            if " ".join(unit.target.split()) != majority:
                others = tuple(u.id for u in group if u is not unit)
                yield (
                    unit,
                    f"the same sentence is translated {len(versions)} ways; "
                    f"most often: {majority!r}",
                    others,
                )


def inconsistent_target(
    units: list[Unit], ctx: Context
) -> Iterable[tuple[Unit, str, tuple[str, ...]]]:
    """One translation for different source sentences (beyond punctuation and spacing)."""
    groups = _repeated(units, ctx.values(target_group, units), lambda unit: target_text(unit, ctx))
    groups.pop("", None)  # no words at all: nothing to compare
    for group in groups.values():
        sources = {_words(ctx.source_key(u)) for u in group}
        if len(sources) < 2:
            continue
        for unit in group:
            others = tuple(u.id for u in group if u is not unit)
            yield (
                unit,
                f"the same translation is used for {len(sources)} different source sentences",
                others,
            )
