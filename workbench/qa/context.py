"""What checks share: the glossary matcher and statistics of the whole checked corpus."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

from workbench.qa.english import stems
from workbench.qa.model import Unit
from workbench.terms.matcher import Matcher
from workbench.text import key_text

PRIOR_LOG_RATIO = (0.0, 0.25)
"""(median, spread) of log(len English / len Sorani) when too few pairs to measure."""
MIN_PAIRS_FOR_STATS = 20


@dataclass
class Context:
    """Shared state for one QA run."""

    matcher: Matcher | None = None
    log_ratio: tuple[float, float] = PRIOR_LOG_RATIO
    _stems: dict[int, str] = field(default_factory=dict, repr=False)
    _keys: dict[int, str] = field(default_factory=dict, repr=False)

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

    def measure(self, units: list[Unit]) -> None:
        """Learn the corpus's typical length ratio (median and median absolute deviation)."""
        ratios = [
            math.log(len(u.target) / len(u.source))
            for u in units
            if u.translated and len(u.source) >= 20
        ]
        if len(ratios) < MIN_PAIRS_FOR_STATS:
            return
        median = statistics.median(ratios)
        mad = statistics.median(abs(r - median) for r in ratios) or PRIOR_LOG_RATIO[1]
        self.log_ratio = (median, mad / 0.6745)
