"""How the desk says a deadline and a duration, with hand-worked values."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from credence.desk.words import minutes_in_words, time_left_in_words

# Monday 3 March 2025, 10:00 UTC.
NOW = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)


def words(due: datetime, now: datetime = NOW, zone: str = "UTC") -> str:
    return time_left_in_words(due, now, ZoneInfo(zone))


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (0, "0 min"),
        (25, "25 min"),
        # 59.9 minutes have not yet made an hour.
        (59.9, "59 min"),
        (60, "1 h"),
        # 190 = 3 * 60 + 10.
        (190, "3 h 10 min"),
        # 32 business hours stay hours: 1920 / 60 = 32.
        (1920, "32 h"),
    ],
)
def test_minutes_are_said_in_hours_and_minutes(minutes: float, expected: str) -> None:
    assert minutes_in_words(minutes) == expected


def test_due_within_the_hour_is_counted_in_minutes() -> None:
    # 10:25 - 10:00 = 25 min.
    assert words(NOW + timedelta(minutes=25)) == "due in 25 min"


def test_due_within_hours_is_counted_in_hours_and_minutes() -> None:
    # 13:10 - 10:00 = 3 h 10 min.
    assert words(datetime(2025, 3, 3, 13, 10, tzinfo=UTC)) == "due in 3 h 10 min"


def test_whole_hours_leave_out_the_minutes() -> None:
    assert words(datetime(2025, 3, 3, 12, 0, tzinfo=UTC)) == "due in 2 h"


def test_part_minutes_left_are_dropped() -> None:
    # 17:59:30 - 10:00 = 7 h 59 min 30 s: still under the 8 h limit.
    due = datetime(2025, 3, 3, 17, 59, 30, tzinfo=UTC)
    assert words(due) == "due in 7 h 59 min"


def test_under_a_minute_left_says_so() -> None:
    assert words(NOW + timedelta(seconds=40)) == "due in less than 1 min"


def test_a_clock_exactly_at_its_due_has_not_breached() -> None:
    assert words(NOW) == "due in less than 1 min"


def test_eight_hours_or_more_away_is_named_by_day_and_time() -> None:
    # 18:00 is exactly 8 h after 10:00, the same day.
    assert words(datetime(2025, 3, 3, 18, 0, tzinfo=UTC)) == "due today 18:00"


def test_due_on_the_next_day_says_tomorrow() -> None:
    # Monday 16:00 to Tuesday 09:30 is 17 h 30 min.
    now = datetime(2025, 3, 3, 16, 0, tzinfo=UTC)
    due = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)
    assert words(due, now) == "due tomorrow 09:30"


def test_due_later_in_the_week_names_the_weekday() -> None:
    # 6 March 2025 is a Thursday.
    assert words(datetime(2025, 3, 6, 11, 0, tzinfo=UTC)) == "due Thursday 11:00"


def test_due_further_off_names_the_date() -> None:
    # 20 March is 17 days after 3 March.
    assert words(datetime(2025, 3, 20, 10, 0, tzinfo=UTC)) == "due 20 Mar 10:00"


def test_due_in_another_year_names_the_year() -> None:
    due = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    assert words(due) == "due 5 Jan 2026 10:00"


def test_days_and_times_are_read_in_the_given_zone() -> None:
    # 23:00 UTC on Monday is 00:00 on Tuesday in Berlin (UTC+1 in March);
    # the due, 08:30 UTC on Tuesday, is 09:30 in Berlin, 9 h 30 min away.
    now = datetime(2025, 3, 3, 23, 0, tzinfo=UTC)
    due = datetime(2025, 3, 4, 8, 30, tzinfo=UTC)
    assert words(due, now, "Europe/Berlin") == "due today 09:30"
    assert words(due, now, "UTC") == "due tomorrow 08:30"


@pytest.mark.parametrize(
    ("since", "expected"),
    [
        (timedelta(seconds=30), "breached just now"),
        (timedelta(minutes=25), "breached 25 min ago"),
        (timedelta(hours=2), "breached 2 h ago"),
        # 2 h 59 min counts as 2 whole hours.
        (timedelta(hours=2, minutes=59), "breached 2 h ago"),
        (timedelta(days=1, hours=3), "breached 1 day ago"),
        (timedelta(days=3), "breached 3 days ago"),
    ],
)
def test_a_passed_due_says_how_long_ago_it_breached(
    since: timedelta, expected: str
) -> None:
    assert words(NOW, NOW + since) == expected
