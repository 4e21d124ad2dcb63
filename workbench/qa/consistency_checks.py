"""inconsistent-source and inconsistent-target: one sentence, one translation — and back."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from workbench.qa.context import Context
from workbench.qa.model import Unit
from workbench.text import key_text

_PUNCTUATION = re.compile(r"[^\w\s]")


def _target_key(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.casefold()).split())


def _source_key(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", key_text(text)).split())


def inconsistent_source(
    units: list[Unit], ctx: Context
) -> Iterable[tuple[Unit, str, tuple[str, ...]]]:
    """The same normalized source sentence translated differently: the minority versions."""
    groups: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        if unit.translated:
            groups[ctx.source_key(unit).strip()].append(unit)
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
    groups: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        if unit.translated and _target_key(unit.target):
            groups[_target_key(unit.target)].append(unit)
    for group in groups.values():
        sources = {_source_key(u.source) for u in group}
        if len(sources) < 2:
            continue
        for unit in group:
            others = tuple(u.id for u in group if u is not unit)
            yield (
                unit,
                f"the same translation is used for {len(sources)} different source sentences",
                others,
            )
