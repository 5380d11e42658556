"""Calendars: open time, adding minutes, daylight saving and validation."""

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest

from credence.slo.calendar import Calendar, CalendarError
from tests.slo.examples import NEW_YORK_BUSINESS, NINE_TO_FIVE, ROUND_THE_CLOCK, at


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_round_the_clock_counts_every_minute() -> None:
    start = at("2026-06-01T09:00:00+00:00")

    assert ROUND_THE_CLOCK.minutes_between(start, start + timedelta(days=2)) == 2880
    assert ROUND_THE_CLOCK.add_minutes(start, 90) == at("2026-06-01T10:30:00+00:00")
    assert list(ROUND_THE_CLOCK.open_intervals(start, start + timedelta(hours=1))) == [
        (start, start + timedelta(hours=1))
    ]


def test_round_the_clock_counts_real_time_across_the_spring_jump() -> None:
    new_york = Calendar(time_zone="America/New_York")

    # 00:00 EST to 04:00 EDT on 2026-03-08 is four hours on the wall, three
    # real ones.
    minutes = new_york.minutes_between(
        at("2026-03-08T00:00:00-05:00"), at("2026-03-08T04:00:00-04:00")
    )

    assert minutes == 180


def test_business_minutes_skip_the_night() -> None:
    minutes = NEW_YORK_BUSINESS.minutes_between(
        at("2026-06-02T16:00:00-04:00"), at("2026-06-03T10:00:00-04:00")
    )

    assert minutes == 120


def test_business_minutes_skip_the_weekend() -> None:
    minutes = NEW_YORK_BUSINESS.minutes_between(
        at("2026-06-05T16:00:00-04:00"), at("2026-06-08T09:30:00-04:00")
    )

    assert minutes == 90


def test_holidays_close_the_whole_local_day() -> None:
    calendar = Calendar(
        time_zone="America/New_York",
        hours=dict.fromkeys(range(5), NINE_TO_FIVE),
        holidays=frozenset({date(2026, 7, 3)}),
    )

    # Thursday 2 July 16:00 to Monday 6 July 10:00: an hour on Thursday, the
    # Friday holiday, the weekend, an hour on Monday.
    minutes = calendar.minutes_between(
        at("2026-07-02T16:00:00-04:00"), at("2026-07-06T10:00:00-04:00")
    )

    assert minutes == 120


def test_holidays_close_a_round_the_clock_calendar_too() -> None:
    calendar = Calendar(
        time_zone="Europe/Berlin", holidays=frozenset({date(2026, 12, 25)})
    )

    # The 25th is closed from 00:00 to 24:00 Berlin time (23:00 to 23:00 UTC).
    intervals = list(
        calendar.open_intervals(utc("2026-12-24T22:00:00"), utc("2026-12-26T00:00:00"))
    )

    assert intervals == [
        (utc("2026-12-24T22:00:00"), utc("2026-12-24T23:00:00")),
        (utc("2026-12-25T23:00:00"), utc("2026-12-26T00:00:00")),
    ]


def test_open_intervals_are_in_utc_and_clipped() -> None:
    intervals = list(
        NEW_YORK_BUSINESS.open_intervals(
            at("2026-06-01T12:00:00-04:00"), at("2026-06-02T10:00:00-04:00")
        )
    )

    assert intervals == [
        (utc("2026-06-01T16:00:00"), utc("2026-06-01T21:00:00")),
        (utc("2026-06-02T13:00:00"), utc("2026-06-02T14:00:00")),
    ]
    assert all(opens.tzinfo is UTC for opens, _ in intervals)


def test_windows_that_touch_come_out_as_one_interval() -> None:
    calendar = Calendar(
        time_zone="UTC",
        hours={0: ((time(9), time(12)), (time(12), None)), 1: ((time(0), time(8)),)},
    )

    intervals = list(
        calendar.open_intervals(utc("2026-06-01T00:00:00"), utc("2026-06-03T00:00:00"))
    )

    assert intervals == [(utc("2026-06-01T09:00:00"), utc("2026-06-02T08:00:00"))]


def test_an_empty_or_reversed_range_has_no_open_time() -> None:
    start = at("2026-06-01T10:00:00-04:00")

    assert NEW_YORK_BUSINESS.minutes_between(start, start) == 0
    assert NEW_YORK_BUSINESS.minutes_between(start, start - timedelta(hours=1)) == 0
    assert list(NEW_YORK_BUSINESS.open_intervals(start, start)) == []


def test_adding_minutes_that_end_at_closing_gives_the_close() -> None:
    due = NEW_YORK_BUSINESS.add_minutes(at("2026-06-01T16:00:00-04:00"), 60)

    assert due == at("2026-06-01T17:00:00-04:00")


def test_adding_minutes_past_closing_goes_on_at_the_next_opening() -> None:
    due = NEW_YORK_BUSINESS.add_minutes(at("2026-06-05T16:00:00-04:00"), 61)

    assert due == at("2026-06-08T09:01:00-04:00")


def test_adding_minutes_from_outside_hours_starts_at_the_opening() -> None:
    due = NEW_YORK_BUSINESS.add_minutes(at("2026-06-06T11:00:00-04:00"), 30)

    assert due == at("2026-06-08T09:30:00-04:00")


def test_adding_zero_minutes_gives_the_start_even_when_closed() -> None:
    start = at("2026-06-06T11:00:00-04:00")

    assert NEW_YORK_BUSINESS.add_minutes(start, 0) == start


def test_adding_fractions_of_a_minute() -> None:
    due = NEW_YORK_BUSINESS.add_minutes(at("2026-06-01T09:00:00-04:00"), 0.5)

    assert due == at("2026-06-01T09:00:30-04:00")


def test_a_window_edge_in_the_skipped_hour_is_the_jump() -> None:
    calendar = Calendar(time_zone="Europe/Berlin", hours={6: ((time(2, 30), time(4)),)})

    # 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00 UTC; 04:00 CEST is
    # 02:00 UTC.
    intervals = list(
        calendar.open_intervals(utc("2026-03-28T00:00:00"), utc("2026-03-30T00:00:00"))
    )

    assert intervals == [(utc("2026-03-29T01:00:00"), utc("2026-03-29T02:00:00"))]


def test_a_window_inside_the_skipped_hour_never_opens() -> None:
    calendar = Calendar(
        time_zone="America/New_York", hours={6: ((time(2, 10), time(2, 50)),)}
    )

    minutes = calendar.minutes_between(
        at("2026-03-08T00:00:00-05:00"), at("2026-03-09T00:00:00-04:00")
    )

    assert minutes == 0


def test_a_window_edge_in_the_repeated_hour_is_its_first_occurrence() -> None:
    calendar = Calendar(
        time_zone="America/New_York", hours={6: ((time(1, 30), time(3)),)}
    )

    # 2026-11-01: 02:00 EDT becomes 01:00 EST at 06:00 UTC. 01:30 EDT is
    # 05:30 UTC; 03:00 EST is 08:00 UTC: two and a half real hours.
    intervals = list(
        calendar.open_intervals(utc("2026-10-31T00:00:00"), utc("2026-11-02T00:00:00"))
    )

    assert intervals == [(utc("2026-11-01T05:30:00"), utc("2026-11-01T08:00:00"))]


def test_a_day_with_the_repeated_hour_lasts_twenty_five_hours() -> None:
    calendar = Calendar(time_zone="Europe/Berlin", hours={6: ((time(0), None),)})

    minutes = calendar.minutes_between(
        utc("2026-10-24T00:00:00"), utc("2026-10-27T00:00:00")
    )

    assert minutes == 25 * 60


def test_a_midnight_that_the_clocks_skip_opens_at_the_jump() -> None:
    # Santiago's clocks jumped from 00:00 to 01:00 on 2022-09-11 (04:00 UTC).
    calendar = Calendar(time_zone="America/Santiago", hours={6: ((time(0), None),)})

    intervals = list(
        calendar.open_intervals(utc("2022-09-10T00:00:00"), utc("2022-09-13T00:00:00"))
    )

    # Sunday from the jump to 24:00 at -03:00: 04:00 to 03:00 UTC the next day.
    assert intervals == [(utc("2022-09-11T04:00:00"), utc("2022-09-12T03:00:00"))]


def test_business_days_keep_their_wall_clock_hours_across_daylight_saving() -> None:
    due = NEW_YORK_BUSINESS.add_minutes(at("2026-03-06T16:30:00-05:00"), 480)

    # 30 minutes on Friday at -05:00, 450 on Monday at -04:00.
    assert due == at("2026-03-09T16:30:00-04:00")


@pytest.mark.parametrize("seed", range(40))
def test_adding_the_minutes_between_two_instants_comes_back(seed: int) -> None:
    calendar = Calendar(
        time_zone="Europe/Berlin",
        hours={
            **dict.fromkeys(range(5), ((time(8), time(12)), (time(13), time(17, 30)))),
            6: ((time(1, 30), time(3, 30)),),
        },
        holidays=frozenset({date(2026, 3, 31), date(2026, 10, 27)}),
    )
    chance = random.Random(seed)
    around = utc("2026-03-25T00:00:00") if seed % 2 else utc("2026-10-21T00:00:00")
    start = around + timedelta(minutes=chance.randrange(10 * 24 * 60))
    minutes = chance.randrange(1, 4000) + chance.random()

    due = calendar.add_minutes(start, minutes)

    assert calendar.minutes_between(start, due) == pytest.approx(minutes, abs=1e-6)
    # The due is the first instant to reach the total, never the end of a
    # stretch of closed time after it.
    just_before = due - timedelta(microseconds=1)
    assert calendar.minutes_between(start, just_before) < minutes


def test_a_long_addition_is_quick_and_right() -> None:
    # 250 business days of 8 hours in 2027, which has no holiday here: 2027
    # starts on a Friday, so day 250 is Thursday 16 December, its close.
    due = NEW_YORK_BUSINESS.add_minutes(at("2027-01-01T00:00:00-05:00"), 250 * 480)

    assert due == at("2027-12-16T17:00:00-05:00")


def test_round_trip_through_the_case_file_form() -> None:
    spec = {
        "time_zone": "Europe/Berlin",
        "hours": {"mon": ["13:00-17:00", "08:00-12:00"], "sat": ["20:00-24:00"]},
        "holidays": ["2026-12-25", "2026-05-14"],
    }

    calendar = Calendar.from_spec(spec)

    assert calendar.hours == {
        0: ((time(8), time(12)), (time(13), time(17))),
        5: ((time(20), None),),
    }
    assert calendar.to_spec() == {
        "time_zone": "Europe/Berlin",
        "hours": {"mon": ["08:00-12:00", "13:00-17:00"], "sat": ["20:00-24:00"]},
        "holidays": ["2026-05-14", "2026-12-25"],
    }
    assert Calendar.from_spec(calendar.to_spec()) == calendar


def test_equal_calendars_hash_alike() -> None:
    first = Calendar(time_zone="UTC", hours={0: NINE_TO_FIVE, 1: NINE_TO_FIVE})
    second = Calendar(time_zone="UTC", hours={1: NINE_TO_FIVE, 0: NINE_TO_FIVE})

    assert first == second
    assert hash(first) == hash(second)
    assert len({first, second, ROUND_THE_CLOCK}) == 2


def test_round_the_clock_in_the_case_file_form() -> None:
    calendar = Calendar.from_spec({"time_zone": "Asia/Kolkata", "hours": "24x7"})

    assert calendar == Calendar(time_zone="Asia/Kolkata")
    assert calendar.to_spec() == {
        "time_zone": "Asia/Kolkata",
        "hours": "24x7",
        "holidays": [],
    }


@pytest.mark.parametrize(
    ("build", "code", "message"),
    [
        (
            lambda: Calendar(time_zone="Mars/Olympus_Mons"),
            "calendar_unknown_time_zone",
            "Unknown time zone 'Mars/Olympus_Mons': use an IANA name such as "
            '"Europe/Berlin" or "America/New_York".',
        ),
        (
            lambda: Calendar(time_zone="UTC", hours={2: ((time(17), time(9)),)}),
            "calendar_window_closes_first",
            "On Wednesday the window 17:00-09:00 closes before it opens: give the "
            "opening time first, and 24:00 for a window to midnight.",
        ),
        (
            lambda: Calendar(time_zone="UTC", hours={0: ((time(9), time(9)),)}),
            "calendar_window_closes_first",
            "On Monday the window 09:00-09:00 closes before it opens: give the "
            "opening time first, and 24:00 for a window to midnight.",
        ),
        (
            lambda: Calendar(
                time_zone="UTC", hours={4: ((time(13), None), (time(9), time(14)))}
            ),
            "calendar_overlapping_windows",
            "On Friday the windows 09:00-14:00 and 13:00-24:00 overlap: merge them "
            "into one window or move an edge.",
        ),
        (
            lambda: Calendar(time_zone="UTC", hours={7: NINE_TO_FIVE}),
            "calendar_unknown_weekday",
            "Unknown weekday 7: use 0 for Monday through 6 for Sunday.",
        ),
        (
            lambda: Calendar.from_spec({"hours": "24x7"}),
            "calendar_missing_time_zone",
            'The calendar has no time_zone: add an IANA name such as "Europe/Berlin".',
        ),
        (
            lambda: Calendar.from_spec({"time_zone": "UTC", "hours": "9 to 5"}),
            "calendar_bad_hours",
            'The calendar\'s hours are neither "24x7" nor an object of weekdays: '
            'write "24x7", or for example {"mon": ["09:00-17:00"]}.',
        ),
        (
            lambda: Calendar.from_spec({"time_zone": "UTC", "hours": {"monday": []}}),
            "calendar_unknown_weekday",
            "Unknown weekday 'monday' in hours: use mon, tue, wed, thu, fri, sat or "
            "sun.",
        ),
        (
            lambda: Calendar.from_spec(
                {"time_zone": "UTC", "hours": {"mon": ["9am-5pm"]}}
            ),
            "calendar_bad_window",
            "The window '9am-5pm' on mon is not HH:MM-HH:MM: write it like "
            '"09:00-17:00", with "24:00" allowed as an end.',
        ),
        (
            lambda: Calendar.from_spec(
                {"time_zone": "UTC", "hours": {"tue": ["24:00-08:00"]}}
            ),
            "calendar_bad_window",
            "The window '24:00-08:00' on tue is not HH:MM-HH:MM: write it like "
            '"09:00-17:00", with "24:00" allowed as an end.',
        ),
        (
            lambda: Calendar.from_spec(
                {"time_zone": "UTC", "hours": {"tue": ["09:00-25:00"]}}
            ),
            "calendar_bad_window",
            "The window '09:00-25:00' on tue is not HH:MM-HH:MM: write it like "
            '"09:00-17:00", with "24:00" allowed as an end.',
        ),
        (
            lambda: Calendar.from_spec(
                {"time_zone": "UTC", "hours": "24x7", "holidays": ["25/12/2026"]}
            ),
            "calendar_bad_holiday",
            "The holiday '25/12/2026' is not a date: write it as YYYY-MM-DD.",
        ),
    ],
)
def test_a_calendar_that_makes_no_sense_is_refused_with_what_to_do(
    build: Callable[[], object], code: str, message: str
) -> None:
    with pytest.raises(CalendarError) as raised:
        build()

    assert raised.value.code == code
    assert str(raised.value) == message
    assert raised.value.template % raised.value.params == message


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(CalendarError) as raised:
        NEW_YORK_BUSINESS.minutes_between(
            datetime(2026, 6, 1, 9), at("2026-06-02T09:00:00+00:00")
        )

    assert str(raised.value) == (
        "The start 2026-06-01T09:00:00 has no time zone: give an aware datetime, "
        "for example one in UTC."
    )


def test_negative_minutes_are_refused() -> None:
    with pytest.raises(CalendarError) as raised:
        NEW_YORK_BUSINESS.add_minutes(at("2026-06-01T09:00:00+00:00"), -5)

    assert str(raised.value) == (
        "Cannot add -5 minutes: give a finite number of minutes, zero or more."
    )


def test_a_calendar_never_open_cannot_count_minutes() -> None:
    never = Calendar(time_zone="Europe/Paris", hours={})

    with pytest.raises(CalendarError) as raised:
        never.add_minutes(at("2026-06-01T09:00:00+00:00"), 1)

    assert raised.value.code == "calendar_never_open"
    assert str(raised.value) == (
        "The calendar in Europe/Paris has no opening hours, so no time can be "
        "counted on it: give it at least one window."
    )
    assert (
        never.minutes_between(
            at("2026-06-01T09:00:00+00:00"), at("2026-07-01T09:00:00+00:00")
        )
        == 0
    )


def test_holidays_over_every_opening_stop_the_search() -> None:
    # Open only on 29 February, and that made a holiday in the next leap years.
    leap_days = frozenset(date(year, 2, 29) for year in range(2028, 2060, 4))
    calendar = Calendar(
        time_zone="UTC",
        hours=dict.fromkeys(range(7), NINE_TO_FIVE),
        holidays=frozenset(
            date(2027, 1, 1) + timedelta(days=day) for day in range(366 * 21)
        )
        - leap_days,
    )
    only_leap_days = Calendar(
        time_zone="UTC", hours=calendar.hours, holidays=calendar.holidays | leap_days
    )

    assert calendar.add_minutes(at("2027-01-01T00:00:00+00:00"), 60) == at(
        "2028-02-29T10:00:00+00:00"
    )
    with pytest.raises(CalendarError) as raised:
        only_leap_days.add_minutes(at("2027-01-01T00:00:00+00:00"), 60)
    assert raised.value.code == "calendar_too_few_hours"
    assert str(raised.value) == (
        "The calendar in UTC has no opening in the 20 years after "
        "2027-01-01T00:00:00+00:00 that its holidays leave: check its holidays."
    )
