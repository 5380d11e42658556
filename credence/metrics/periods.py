"""Reporting periods: a calendar month or an ISO week, in local time.

A period is [start, end) between two local midnights in the installation's
time zone (settings.TIME_ZONE), so "March" means March where the IT team
works, whatever zone the database stores instants in.

Periods and instants are taken from 1900 to 9998 only. Python's datetime
holds years 1 to 9999, and a period needs room around it: its neighbours
are linked, and its bounds move by up to a day when turned into another
zone. No help desk history reaches before 1900, and 9998 leaves a year of
room at the top.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from credence.errors import InvalidInput

# [0-9], not \d: \d also matches other scripts' digits, such as full-width
# ones, which int() would read as if they were ASCII.
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")

FIRST_YEAR = 1900
LAST_YEAR = 9998


@dataclass(frozen=True)
class Period:
    """A month or an ISO week; `key` is how it is written in a URL."""

    kind: str
    key: str
    label: str
    start: datetime
    end: datetime

    def previous(self) -> "Period | None":
        """The period before, or None before the first that can be chosen."""
        if self.kind == "week":
            return _week_in_range(self.start.date() - timedelta(days=7))
        return _month_in_range(self.start.date() - timedelta(days=1))

    def following(self) -> "Period | None":
        """The period after, or None after the last that can be chosen."""
        if self.kind == "week":
            return _week_in_range(self.start.date() + timedelta(days=7))
        return _month_in_range(self.end.date())


def local_zone() -> ZoneInfo:
    """The installation's zone, in which periods begin and end."""
    return ZoneInfo(settings.TIME_ZONE)


def _local_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=local_zone())


def month_of(day: date) -> Period:
    """The month holding a local date."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return Period(
        kind="month",
        key=f"{first:%Y-%m}",
        label=f"{first:%B %Y}",
        start=_local_midnight(first),
        end=_local_midnight(following),
    )


def week_of(day: date) -> Period:
    """The ISO week (Monday to Sunday) holding a local date."""
    year, week, weekday = day.isocalendar()
    monday = day - timedelta(days=weekday - 1)
    sunday = monday + timedelta(days=6)
    return Period(
        kind="week",
        key=f"{year}-W{week:02d}",
        label=(
            f"Week {week} of {year}, {monday.day} {monday:%b} to "
            f"{sunday.day} {sunday:%b %Y}"
        ),
        start=_local_midnight(monday),
        end=_local_midnight(monday + timedelta(days=7)),
    )


def _month_in_range(day: date) -> Period | None:
    return month_of(day) if FIRST_YEAR <= day.year <= LAST_YEAR else None


def _week_in_range(day: date) -> Period | None:
    in_range = FIRST_YEAR <= day.isocalendar().year <= LAST_YEAR
    return week_of(day) if in_range else None


def current_month(now: datetime) -> Period:
    """The month going on at an instant, in the installation's zone."""
    return month_of(now.astimezone(local_zone()).date())


def parse_month(text: str) -> Period:
    """Read "2016-03"; anything else is refused with the expected form."""
    match = _MONTH.fullmatch(text.strip())
    if match is None or not 1 <= int(match[2]) <= 12:
        raise InvalidInput(
            "%(text)r is not a month: give it as YYYY-MM, for example 2016-03.",
            text=text,
        )
    if not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
        raise InvalidInput(
            "%(text)r is out of range: choose a month between %(first)s-01 and "
            "%(last)s-12.",
            text=text,
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    return month_of(date(int(match[1]), int(match[2]), 1))


def parse_week(text: str) -> Period:
    """Read an ISO week such as "2026-W49"; week 53 only where it exists."""
    match = _WEEK.fullmatch(text.strip())
    if match is not None and not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
        raise InvalidInput(
            "%(text)r is out of range: choose a week between %(first)s-W01 and "
            "%(last)s-W%(weeks)02d.",
            text=text,
            first=FIRST_YEAR,
            last=LAST_YEAR,
            weeks=_last_week_of(LAST_YEAR),
        )
    if match is not None and 1 <= int(match[2]) <= 53:
        year, week = int(match[1]), int(match[2])
        if week > _last_week_of(year):
            raise InvalidInput(
                "%(year)d has %(weeks)d weeks; choose one from %(year)d-W01 to "
                "%(year)d-W%(weeks)02d.",
                year=year,
                weeks=_last_week_of(year),
            )
    try:
        if match is None:
            raise ValueError(text)
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise InvalidInput(
            "%(text)r is not a week: give it as YYYY-Www, for example 2026-W49.",
            text=text,
        ) from None
    return week_of(monday)


def _last_week_of(year: int) -> int:
    # 28 December is always in the last ISO week of its year.
    return date(year, 12, 28).isocalendar().week


def parse_instant(text: str) -> datetime:
    """Read an ISO 8601 instant; one without an offset is local time.

    Its year, as written, must be from 1900 to 9998, so that it can be
    turned into any zone.
    """
    try:
        if not text.isascii():
            raise ValueError(text)
        instant = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            "%(text)r is not an instant: give it in ISO 8601, for example "
            "2016-04-01T00:00:00+00:00.",
            text=text,
        ) from None
    if not FIRST_YEAR <= instant.year <= LAST_YEAR:
        raise InvalidInput(
            "%(text)r is out of range: choose an instant between "
            "%(first)s-01-01 00:00 and %(last)s-12-31 23:59.",
            text=text,
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=local_zone())
    return instant


def default_as_of(period: Period, now: datetime) -> datetime:
    """The end of the period, or now if the period has not ended yet.

    Measuring a period that is still going on at its end would count as
    breached every clock whose due falls before that end, breaches that
    have not happened and may never happen.
    """
    return min(period.end, now)
