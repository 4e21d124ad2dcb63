"""The registry of QA checks. The ids are public names (CLI `--checks`, JSON, waivers)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from workbench.qa import (
    consistency_checks,
    english_spelling,
    form_checks,
    glossary_checks,
    number_checks,
    term_consistency,
)
from workbench.qa.context import Context, PerUnit
from workbench.qa.model import Severity, Unit

EntryCheck = Callable[[Unit, Context], Iterable[tuple[str, tuple[str, ...]]]]
CorpusCheck = Callable[[list[Unit], Context], Iterable[tuple[Unit, str, tuple[str, ...]]]]


@dataclass(frozen=True)
class Check:
    """A named check: per entry (looks at one pair) or per corpus (compares pairs). Either is
    given translated units only."""

    id: str
    severity: Severity
    scope: Literal["entry", "corpus"]
    run: EntryCheck | CorpusCheck
    summary: str
    per_unit: tuple[PerUnit[object], ...] = ()
    """For a corpus check: the per-unit values it reads (`Context.values`), which the runner
    computes beside the entry checks, in whichever process checks the unit."""
    default: bool = True
    """Whether `kwb check` runs it unless told which checks to run; one that is not runs
    when named (`--checks`) or switched on in kwb.toml (`[qa]`)."""


CHECKS: tuple[Check, ...] = (
    Check(
        "glossary-missing",
        "warning",
        "entry",
        glossary_checks.missing,
        "term without its rendering",
    ),
    Check(
        "glossary-forbidden",
        "error",
        "entry",
        glossary_checks.forbidden,
        "forbidden rendering used",
    ),
    Check(
        "term-inconsistent",
        "warning",
        "corpus",
        term_consistency.inconsistent,
        "one term, several renderings",
        (glossary_checks.term_uses,),
    ),
    Check(
        "inconsistent-source",
        "warning",
        "corpus",
        consistency_checks.inconsistent_source,
        "one source, several translations",
        (consistency_checks.source_group,),
    ),
    Check(
        "inconsistent-target",
        "warning",
        "corpus",
        consistency_checks.inconsistent_target,
        "one translation, several sources",
        (consistency_checks.target_group,),
    ),
    Check("number-mismatch", "error", "entry", number_checks.number_mismatch, "numbers differ"),
    Check("date-mismatch", "error", "entry", number_checks.date_mismatch, "dates differ"),
    Check("untranslated", "error", "entry", form_checks.untranslated, "Sorani left in the English"),
    Check(
        "punctuation",
        "warning",
        "entry",
        form_checks.punctuation,
        "final punctuation, quotes, brackets",
    ),
    Check(
        "invisible-characters",
        "warning",
        "entry",
        form_checks.invisible,
        "bidi controls, zero-width, tatweel",
    ),
    Check("length-ratio", "info", "entry", form_checks.length_ratio, "unusually long or short"),
    Check(
        "whitespace", "info", "entry", form_checks.whitespace, "double, leading or trailing spaces"
    ),
    Check(
        "spelling",
        "warning",
        "entry",
        english_spelling.spelling,
        "English words neither the dictionary nor the project knows",
        default=False,
    ),
)
BY_ID = {c.id: c for c in CHECKS}
DEFAULT_CHECKS = tuple(c for c in CHECKS if c.default)
"""What runs when no check is named."""


def select(ids: Iterable[str] | None) -> tuple[Check, ...]:
    """The checks named by `ids` (the default ones when None); `KeyError` names an unknown
    id."""
    if ids is None:
        return DEFAULT_CHECKS
    chosen = []
    for check_id in ids:
        if check_id not in BY_ID:
            raise KeyError(check_id)
        chosen.append(BY_ID[check_id])
    return tuple(chosen)
