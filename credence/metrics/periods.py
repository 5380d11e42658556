"""Reporting periods: a calendar month or an ISO week, in local time.

A period is [start, end) between two local midnights in the installation's
time zone (settings.TIME_ZONE), so "March" means March where the IT team
works, whatever zone the database stores instants in.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from credence.errors import InvalidInput

_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")


@dataclass(frozen=True)
class Period:
    """A month or an ISO week; `key` is how it is written in a URL."""

    kind: str
    key: str
    label: str
    start: datetime
    end: datetime

    def previous(self) -> "Period":
        if self.kind == "week":
            return week_of(self.start.date() - timedelta(days=7))
        return month_of(self.start.date() - timedelta(days=1))

    def following(self) -> "Period":
        if self.kind == "week":
            return week_of(self.start.date() + timedelta(days=7))
        return month_of(self.end.date())


def _local_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(settings.TIME_ZONE))


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


def current_month(now: datetime) -> Period:
    """The month going on at an instant, in the installation's zone."""
    return month_of(now.astimezone(ZoneInfo(settings.TIME_ZONE)).date())


def parse_month(text: str) -> Period:
    """Read "2016-03"; anything else is refused with the expected form."""
    match = _MONTH.fullmatch(text.strip())
    if match is None or not 1 <= int(match[2]) <= 12 or int(match[1]) < 1:
        raise InvalidInput(
            "%(text)r is not a month: give it as YYYY-MM, for example 2016-03.",
            text=text,
        )
    return month_of(date(int(match[1]), int(match[2]), 1))


def parse_week(text: str) -> Period:
    """Read an ISO week such as "2026-W49"; week 53 only where it exists."""
    match = _WEEK.fullmatch(text.strip())
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


def parse_instant(text: str) -> datetime:
    """Read an ISO 8601 instant; one without an offset is local time."""
    try:
        instant = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            "%(text)r is not an instant: give it in ISO 8601, for example "
            "2016-04-01T00:00:00+00:00.",
            text=text,
        ) from None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
    return instant


def default_as_of(period: Period, now: datetime) -> datetime:
    """The end of the period, or now if the period has not ended yet.

    Measuring a period that is still going on at its end would count as
    breached every clock whose due falls before that end, breaches that
    have not happened and may never happen.
    """
    return min(period.end, now)
