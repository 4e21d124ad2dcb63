"""The language readers' shared tables: one table of month names serves the date readers,
the named-month reader and the messages, in both calendars."""

from __future__ import annotations

import pytest

from workbench.read.calendar import english_named
from workbench.read.dates import english_dates, sorani_dates
from workbench.read.tables import tables

GREGORIAN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SOLAR = [
    "Khakelewe",
    "Gulan",
    "Jozerdan",
    "Pushper",
    "Gelawezh",
    "Khermanan",
    "Rezber",
    "Gelarezan",
    "Sermawez",
    "Befranbar",
    "Rebendan",
    "Resheme",
]


@pytest.mark.parametrize("month", range(1, 13))
def test_a_month_read_in_english_is_shown_by_its_full_name(month: int) -> None:
    name = GREGORIAN[month - 1]
    (date,) = english_dates(f"on 3 {name} 2021")
    assert (date.month, str(date)) == (month, f"3 {name} 2021")
    assert english_named(f"in {name}.").all_months == frozenset({month})
    assert english_named(f"IN {name.upper()}.").all_months == frozenset({month})


@pytest.mark.parametrize(
    ("sorani", "shown"),
    [
        ("لە ١ی خاکەلێوەی ٢٧٢١", "21 March 2021 (1 Khakelewe 2721 in the Kurdish calendar)"),
        ("لە ١٠ی گوڵانی ٢٧٢١", "30 April 2021 (10 Gulan 2721 in the Kurdish calendar)"),
        ("لە ١ی سەرماوەزی ٢٧٢٣", "22 November 2023 (1 Sermawez 2723 in the Kurdish calendar)"),
        ("لە ٣١ی کانوونی یەکەمی ٢٠٢١", "31 December 2021"),
        ("لە ٥ی ئایاری ٢٠٢٠", "5 May 2020"),
    ],
)
def test_sorani_dates_are_shown_with_the_month_names_of_the_table(sorani: str, shown: str) -> None:
    (date,) = sorani_dates(sorani)
    assert str(date) == shown


def test_every_month_of_both_calendars_has_one_name_to_show() -> None:
    t = tables()
    assert t.month_names_en == tuple(GREGORIAN)
    assert t.solar_month_names_en == tuple(SOLAR)
    assert set(t.months_en.values()) == set(t.months_solar_ckb.values()) == set(range(1, 13))
