"""Months and ISO weeks, between local midnights (the zone is UTC here)."""

from datetime import UTC, date, datetime

import pytest

from credence.errors import InvalidInput
from credence.metrics import periods


def test_a_month_runs_from_its_first_midnight_to_the_next_months() -> None:
    december = periods.parse_month("2025-12")

    assert (december.kind, december.key, december.label) == (
        "month",
        "2025-12",
        "December 2025",
    )
    assert december.start == datetime(2025, 12, 1, tzinfo=UTC)
    assert december.end == datetime(2026, 1, 1, tzinfo=UTC)
    assert december.following().key == "2026-01"
    assert periods.parse_month("2026-01").previous().key == "2025-12"


def test_february_of_a_leap_year_has_29_days() -> None:
    february = periods.parse_month("2028-02")

    assert february.end == datetime(2028, 3, 1, tzinfo=UTC)


def test_an_iso_week_runs_monday_to_monday() -> None:
    # 1 January 2026 is a Thursday, so week 1 starts Mon 29 Dec 2025, and
    # 2026 has 53 weeks; the last starts Mon 28 Dec 2026.
    first = periods.parse_week("2026-W01")
    last = periods.parse_week("2026-W53")

    assert first.start == datetime(2025, 12, 29, tzinfo=UTC)
    assert first.end == datetime(2026, 1, 5, tzinfo=UTC)
    assert first.label == "Week 1 of 2026, 29 Dec to 4 Jan 2026"
    assert last.start == datetime(2026, 12, 28, tzinfo=UTC)
    assert last.following().key == "2027-W01"
    assert first.previous().key == "2025-W52"


def test_week_of_any_day_is_its_iso_week() -> None:
    # Sunday 15 March 2026 ends week 11.
    assert periods.week_of(date(2026, 3, 15)).key == "2026-W11"


# "2026" in full-width digits and "2026-11" in Arabic-Indic ones: int()
# reads them as numbers, but a month or a week is written in ASCII digits.
FULL_WIDTH_2026 = "\uff12\uff10\uff12\uff16"
ARABIC_INDIC_2026_11 = "\u0662\u0660\u0662\u0666-\u0661\u0661"


@pytest.mark.parametrize(
    "text",
    [
        "2016-13",
        "March",
        "2016-3",
        "2016-00",
        "",
        f"{FULL_WIDTH_2026}-11",
        ARABIC_INDIC_2026_11,
    ],
)
def test_a_bad_month_is_refused_with_the_expected_form(text: str) -> None:
    with pytest.raises(InvalidInput) as error:
        periods.parse_month(text)

    assert error.value.message == (
        f"{text!r} is not a month: give it as YYYY-MM, for example 2016-03."
    )


@pytest.mark.parametrize(
    ("text", "year", "weeks"),
    # 28 December 2025 is in week 52 of 2025; 28 December 2026 in week 53.
    [("2025-W53", 2025, 52), ("2027-W53", 2027, 52)],
)
def test_a_week_the_year_does_not_have_says_how_many_it_has(
    text: str, year: int, weeks: int
) -> None:
    with pytest.raises(InvalidInput) as error:
        periods.parse_week(text)

    assert error.value.message == (
        f"{year} has {weeks} weeks; choose one from {year}-W01 to {year}-W{weeks}."
    )


@pytest.mark.parametrize(
    "text", ["2026-W00", "2026-W54", "2026-49", "W49", f"{FULL_WIDTH_2026}-W11"]
)
def test_a_bad_week_is_refused_with_the_expected_form(text: str) -> None:
    with pytest.raises(InvalidInput) as error:
        periods.parse_week(text)

    assert error.value.message == (
        f"{text!r} is not a week: give it as YYYY-Www, for example 2026-W49."
    )


@pytest.mark.parametrize(
    "text", ["0001-01", "1899-12", "9999-01", "9999-12", "0000-01"]
)
def test_a_month_outside_1900_to_9998_is_refused_with_the_range(text: str) -> None:
    with pytest.raises(InvalidInput) as error:
        periods.parse_month(text)

    assert error.value.message == (
        f"{text!r} is out of range: choose a month between 1900-01 and 9998-12."
    )


@pytest.mark.parametrize("text", ["0001-W01", "1899-W52", "9999-W01", "0000-W01"])
def test_a_week_outside_1900_to_9998_is_refused_with_the_range(text: str) -> None:
    with pytest.raises(InvalidInput) as error:
        periods.parse_week(text)

    # 28 December 9998 is a Monday in week 53, so 9998 has 53 ISO weeks.
    assert error.value.message == (
        f"{text!r} is out of range: choose a week between 1900-W01 and 9998-W53."
    )


def test_the_first_and_last_months_link_no_further() -> None:
    first = periods.parse_month("1900-01")
    last = periods.parse_month("9998-12")

    assert first.start == datetime(1900, 1, 1, tzinfo=UTC)
    assert first.previous() is None
    assert first.following() == periods.parse_month("1900-02")
    assert last.end == datetime(9999, 1, 1, tzinfo=UTC)
    assert last.following() is None
    assert last.previous() == periods.parse_month("9998-11")


def test_the_first_and_last_weeks_link_no_further() -> None:
    # 1 January 1900 was a Monday, so week 1 of 1900 starts on it. Week 53
    # of 9998 runs from Mon 28 Dec 9998 to Sun 3 Jan 9999.
    first = periods.parse_week("1900-W01")
    last = periods.parse_week("9998-W53")

    assert first.start == datetime(1900, 1, 1, tzinfo=UTC)
    assert first.previous() is None
    assert last.start == datetime(9998, 12, 28, tzinfo=UTC)
    assert last.end == datetime(9999, 1, 4, tzinfo=UTC)
    assert last.following() is None
    assert last.previous() == periods.parse_week("9998-W52")


def test_an_instant_without_offset_is_in_the_installations_zone() -> None:
    assert periods.parse_instant("2026-03-11T12:00") == datetime(
        2026, 3, 11, 12, tzinfo=UTC
    )
    assert periods.parse_instant("2026-03-11T13:00+01:00") == datetime(
        2026, 3, 11, 12, tzinfo=UTC
    )


@pytest.mark.parametrize(
    "text", ["0001-01-01T00:00+14:00", "1899-12-31T23:59", "9999-12-31T23:00-05:00"]
)
def test_an_instant_outside_1900_to_9998_is_refused_with_the_range(text: str) -> None:
    with pytest.raises(InvalidInput) as error:
        periods.parse_instant(text)

    assert error.value.message == (
        f"{text!r} is out of range: choose an instant between 1900-01-01 00:00 and "
        "9998-12-31 23:59."
    )


def test_an_instant_with_other_scripts_digits_is_not_an_instant() -> None:
    text = f"{FULL_WIDTH_2026}-03-11T12:00"
    with pytest.raises(InvalidInput) as error:
        periods.parse_instant(text)

    assert error.value.message == (
        f"{text!r} is not an instant: give it in ISO 8601, for example "
        "2016-04-01T00:00:00+00:00."
    )


def test_a_period_still_going_on_is_measured_now() -> None:
    march = periods.parse_month("2026-03")
    now = datetime(2026, 3, 11, 12, tzinfo=UTC)

    assert periods.default_as_of(march, now) == now
    assert periods.default_as_of(march, datetime(2026, 6, 1, tzinfo=UTC)) == (march.end)


def test_the_current_month_is_the_one_going_on_now() -> None:
    assert periods.current_month(datetime(2026, 3, 31, 23, 59, tzinfo=UTC)).key == (
        "2026-03"
    )
