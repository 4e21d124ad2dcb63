"""What checks share: the glossary matcher, statistics of the whole checked corpus, and
what is derived from each unit once (matching key, target stems, per-unit values)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from workbench.qa.model import Unit
from workbench.read.english import stems
from workbench.terms.matcher import Matcher
from workbench.text import key_text

PRIOR_LOG_RATIO = (0.0, 0.25)
"""(median, spread) of log(len English / len Sorani) when too few pairs to measure."""
MIN_PAIRS_FOR_STATS = 20

T = TypeVar("T")
PerUnit = Callable[[Unit, "Context"], T]
"""A value (never None) a corpus check derives from one unit on its own, so that it can be
computed anywhere, in any order, and once."""


@dataclass
class Context:
    """Shared state for one QA run."""

    matcher: Matcher | None = None
    log_ratio: tuple[float, float] = PRIOR_LOG_RATIO
    _stems: dict[int, str] = field(default_factory=dict, repr=False)
    _keys: dict[int, str] = field(default_factory=dict, repr=False)
    _values: dict[PerUnit[Any], dict[int, Any]] = field(default_factory=dict, repr=False)
    per_entry: dict[object, Any] = field(default_factory=dict, repr=False)
    """What a check derives from a glossary entry and the run's matcher, keyed by the id of
    the entry (the matcher keeps its entries for the run)."""
    known_words: tuple[str, ...] = ()
    """The project's word list (`glossary/words.txt`): English the spell check accepts."""

    def source_key(self, unit: Unit) -> str:
        """The source's matching key (computed once per unit)."""
        key = id(unit)
        cached = self._keys.get(key)
        if cached is None:
            cached = self._keys[key] = key_text(unit.source)
        return cached

    def remember_key(self, unit: Unit, key: str) -> None:
        """Record a source's matching key computed elsewhere (the runner's batch pass)."""
        self._keys[id(unit)] = key

    def target_stems(self, unit: Unit) -> str:
        """The target's word stems (computed once per unit)."""
        key = id(unit)
        cached = self._stems.get(key)
        if cached is None:
            cached = self._stems[key] = stems(unit.target)
        return cached

    def value(self, derive: PerUnit[T], unit: Unit) -> T:
        """`derive(unit, self)`, computed once per unit (or remembered from elsewhere)."""
        values = self._values.get(derive)
        if values is None:  # (not setdefault: it would build an empty dict on every call)
            values = self._values[derive] = {}
        key = id(unit)
        if key in values:
            return cast(T, values[key])
        found = values[key] = derive(unit, self)
        return found

    def values(self, derive: PerUnit[T], units: Sequence[Unit]) -> list[T]:
        """`value` for each of `units`."""
        values = self._values.get(derive)
        if values is None:
            values = self._values[derive] = {}
        found = list(map(values.get, map(id, units)))
        if None in found:  # not all known yet (no value is None)
            found = [self.value(derive, unit) for unit in units]
        return cast(list[T], found)

    def remember_values(self, derive: PerUnit[T], units: Sequence[Unit], found: list[T]) -> None:
        """Record `derive`'s values for `units` computed elsewhere (a worker process)."""
        values = self._values.setdefault(derive, {})
        values.update(zip(map(id, units), found, strict=True))

    def measure(self, units: list[Unit]) -> None:
        """Learn the corpus's typical length ratio (median and median absolute deviation)."""
        ratios = [
            math.log(len(u.target) / len(u.source))
            for u in units
            if len(u.source) >= 20 and u.translated
        ]
        if len(ratios) < MIN_PAIRS_FOR_STATS:
            return
        median = statistics.median(ratios)
        mad = statistics.median(abs(r - median) for r in ratios) or PRIOR_LOG_RATIO[1]
        self.log_ratio = (median, mad / 0.6745)
