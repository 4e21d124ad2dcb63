"""The number, month and weekday words of data/numbers.tsv, which every reader shares: one
table of month names for the readers of dates and of named months and for the messages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from workbench.text import key_text


@dataclass(frozen=True)
class Tables:
    """The word tables the number and date readers share, in matching-key spelling for
    Sorani (see data/numbers.tsv for what each holds)."""

    scale_ckb: dict[str, float]
    scale_en: dict[str, float]
    words_en: dict[str, float]
    words_ckb: dict[str, float]
    bound_ckb: dict[str, float]
    letters_ckb: frozenset[str]
    months_ckb: dict[str, int]
    months_solar_ckb: dict[str, int]
    months_en: dict[str, int]
    month_names_en: tuple[str, ...]
    """The Gregorian months as messages show them (January …)."""
    solar_month_names_en: tuple[str, ...]
    """The Kurdish solar months as the glossary renders them (Khakelewe …)."""
    weekdays_ckb: dict[str, int]
    weekdays_en: dict[str, int]
    optional_ckb: dict[str, float]
    ordinal_endings_ckb: tuple[str, ...]
    name_endings_ckb: tuple[str, ...]
    quantifiers_ckb: tuple[str, ...]
    months_also_words_ckb: frozenset[str]


@cache
def tables() -> Tables:
    """The number, month and weekday tables of data/numbers.tsv (once per process)."""
    data = resources.files("workbench.read").joinpath("data/numbers.tsv").read_text("utf-8")
    rows: dict[str, dict[str, str]] = {}
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        table, word, value = line.split("\t")[:3]
        rows.setdefault(table, {})[word] = value
    return Tables(
        scale_ckb={key_text(k): float(v) for k, v in rows["scale-ckb"].items()},
        scale_en={k: float(v) for k, v in rows["scale-en"].items()},
        words_en={k: float(v) for k, v in rows["word-en"].items()},
        words_ckb={key_text(k): float(v) for k, v in rows["word-ckb"].items()},
        bound_ckb={key_text(k): float(v) for k, v in rows["word-ckb-bound"].items()},
        letters_ckb=frozenset(map(key_text, rows["letter-ckb"])),
        months_ckb={key_text(k): int(v) for k, v in rows["month-ckb"].items()},
        months_solar_ckb={key_text(k): int(v) for k, v in rows["month-solar-ckb"].items()},
        months_en={k: int(v) for k, v in rows["month-en"].items()},
        month_names_en=_names_by_number(rows["month-en"]),
        solar_month_names_en=_names_by_number(rows["month-solar-en"]),
        weekdays_ckb={key_text(k): int(v) for k, v in rows["weekday-ckb"].items()},
        weekdays_en={k.casefold(): int(v) for k, v in rows["weekday-en"].items()},
        optional_ckb={key_text(k): float(v) for k, v in rows["word-ckb-optional"].items()},
        ordinal_endings_ckb=tuple(map(key_text, rows["ordinal-ckb"])),
        name_endings_ckb=tuple(map(key_text, rows["name-ending-ckb"])),
        quantifiers_ckb=tuple(map(key_text, rows["quantifier-ckb"])),
        months_also_words_ckb=frozenset(map(key_text, rows["month-also-word-ckb"])),
    )


def _names_by_number(rows: dict[str, str]) -> tuple[str, ...]:
    """Each number's first name (its full name: the abbreviations come after), capitalized,
    in the order of the numbers."""
    first: dict[int, str] = {}
    for name, value in rows.items():
        first.setdefault(int(value), name.capitalize())
    return tuple(first[n] for n in sorted(first))


_DOTLESS = str.maketrans({"\u0307": None, "ı": "i"})


def fold_english(word: str) -> str:
    """An English word as the tables spell it. Case-insensitive regex matching lets the
    Turkish İ and ı stand for i (APRİL), which `str.casefold` turns into i + a combining dot
    and ı: drop the dot and undot the i, so what the pattern matched is what is looked up."""
    return word.casefold().translate(_DOTLESS)
