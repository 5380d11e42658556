"""Calendars: the hours during which an objective's clock counts.

A calendar is either round the clock (24x7) or weekly opening hours in one
IANA time zone, less whole local days of holiday. Opening hours are local
wall-clock times; everything a calendar takes in and gives back is an aware
datetime, and what it gives back is in UTC.

Time is real elapsed time. On the day the clocks go back, a window holding
the repeated hour lasts an hour longer; on the day they go forward, one
holding the skipped hour lasts an hour less. A window edge that falls in the
skipped hour is the instant the clocks jumped to, and one that falls in the
repeated hour is its first occurrence.

This module is plain Python so that the clock can be tested and reused
without Django.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
ROUND_THE_CLOCK = "24x7"

# One local opening window: (opens, closes), closes None meaning 24:00.
Window = tuple[time, time | None]
Interval = tuple[datetime, datetime]

# No objective reaches this far; a search that does has met a calendar whose
# holidays cover every opening, and must stop rather than loop.
MAX_SCAN_DAYS = 366 * 20

# Day windows are cached per calendar; a long-running process sees an
# unbounded number of dates, so the cache is emptied when it grows this big.
_DAY_CACHE_SIZE = 4096

_CLOCK_TIME = re.compile(r"(\d{2}):(\d{2})(?::(\d{2}))?")
_WINDOW = re.compile(r"\s*(\S+)\s*-\s*(\S+)\s*")

# How a case file writes a window's end at midnight, closing the day.
_END_OF_DAY = ("24:00", "24:00:00")


class SloError(ValueError):
    """A service level figure that cannot be worked out, and why.

    The message template has named placeholders so that a caller with a
    translation catalogue can translate ``template`` and fill in ``params``;
    ``str(error)`` is the English message.
    """

    http_status = 400

    def __init__(self, code: str, template: str, **params: object) -> None:
        self.code = code
        self.template = template
        self.params = params
        super().__init__(template % params)


class CalendarError(SloError):
    """A calendar that cannot be built, or a question it cannot answer."""


@dataclass(frozen=True)
class Calendar:
    """Weekly opening hours in one time zone, less holidays.

    ``hours`` maps a weekday (0 for Monday to 6 for Sunday) to its opening
    windows, or is None for round the clock. A weekday that is missing is
    closed all day. ``holidays`` are local dates closed all day, on a
    round-the-clock calendar too.
    """

    time_zone: str
    hours: Mapping[int, tuple[Window, ...]] | None = None
    holidays: frozenset[date] = frozenset()
    _zone: ZoneInfo = field(init=False, repr=False, compare=False)
    _days: dict[date, tuple[Interval, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_zone", _load_zone(self.time_zone))
        object.__setattr__(self, "holidays", frozenset(self.holidays))
        if self.hours is not None:
            object.__setattr__(self, "hours", _checked_hours(self.hours))

    def __hash__(self) -> int:
        # The hours are a mapping, which cannot be hashed as it is; equal
        # calendars still hash alike, so that they can key a cache.
        hours = None if self.hours is None else tuple(sorted(self.hours.items()))
        return hash((self.time_zone, hours, self.holidays))

    @classmethod
    def from_spec(cls, spec: Mapping[str, object]) -> Calendar:
        """Build a calendar from its case-file form.

        The form is ``{"time_zone": "Europe/Berlin", "hours": "24x7"}`` or,
        for business hours, ``"hours": {"mon": ["09:00-17:00"], ...}`` with
        ``"24:00"`` allowed as an end, plus optional ``"holidays"``: a list
        of ``"YYYY-MM-DD"`` local dates.
        """
        if not isinstance(spec, Mapping):
            raise CalendarError(
                "calendar_not_object",
                "A calendar must be an object: write it like "
                '{"time_zone": "UTC", "hours": "24x7"}.',
            )
        time_zone = spec.get("time_zone")
        if not isinstance(time_zone, str):
            raise CalendarError(
                "calendar_missing_time_zone",
                "The calendar has no time_zone: add an IANA name such as "
                '"Europe/Berlin".',
            )
        return cls(
            time_zone=time_zone,
            hours=_hours_from_spec(spec.get("hours")),
            holidays=_holidays_from_spec(spec.get("holidays", [])),
        )

    def to_spec(self) -> dict[str, object]:
        """Give the case-file form that ``from_spec`` reads back."""
        hours: str | dict[str, list[str]]
        if self.hours is None:
            hours = ROUND_THE_CLOCK
        else:
            hours = {
                WEEKDAYS[day]: [_format_window(window) for window in windows]
                for day, windows in sorted(self.hours.items())
            }
        return {
            "time_zone": self.time_zone,
            "hours": hours,
            "holidays": [day.isoformat() for day in sorted(self.holidays)],
        }

    @property
    def has_open_hours(self) -> bool:
        """Whether any weekday has an opening window."""
        return self.hours is None or any(self.hours.values())

    def open_intervals(self, start: datetime, end: datetime) -> Iterator[Interval]:
        """Yield the calendar's open time within [start, end), in UTC.

        Intervals that touch, such as one day's window to 24:00 and the
        next day's from 00:00, come out as one.
        """
        start = _utc(start, "start")
        end = _utc(end, "end")
        if end <= start:
            return
        if self.hours is None and not self.holidays:
            yield start, end
            return

        pending: Interval | None = None
        first_day = start.astimezone(self._zone).date()
        last_day = end.astimezone(self._zone).date()
        for offset in range((last_day - first_day).days + 1):
            for opens, closes in self._day_windows(first_day + timedelta(offset)):
                if closes <= start or opens >= end:
                    continue
                piece = (max(opens, start), min(closes, end))
                if pending is None:
                    pending = piece
                elif pending[1] == piece[0]:
                    pending = (pending[0], piece[1])
                else:
                    yield pending
                    pending = piece
        if pending is not None:
            yield pending

    def open_time(self, start: datetime, end: datetime) -> timedelta:
        """Give the open time within [start, end), exactly."""
        total = timedelta(0)
        for opens, closes in self.open_intervals(start, end):
            total += closes - opens
        return total

    def minutes_between(self, start: datetime, end: datetime) -> float:
        """Give the open minutes within [start, end); none if end <= start."""
        return self.open_time(start, end) / timedelta(minutes=1)

    def add_minutes(self, start: datetime, minutes: float) -> datetime:
        """Give the instant at which the open time since start reaches minutes.

        A total reached exactly at a window's close is that close, not the
        next opening, and zero minutes is start itself.
        """
        if not math.isfinite(minutes) or minutes < 0:
            raise CalendarError(
                "calendar_bad_minutes",
                "Cannot add %(minutes)s minutes: give a finite number of "
                "minutes, zero or more.",
                minutes=minutes,
            )
        return self.add_open_time(start, timedelta(minutes=minutes))

    def add_open_time(self, start: datetime, amount: timedelta) -> datetime:
        """Give the instant at which the open time since start reaches amount.

        This is ``add_minutes`` on exact durations, for callers that keep
        their sums in timedelta to avoid rounding.
        """
        start = _utc(start, "start")
        if amount <= timedelta(0):
            return start
        if self.hours is None and not self.holidays:
            return start + amount
        if not self.has_open_hours:
            raise CalendarError(
                "calendar_never_open",
                "The calendar in %(zone)s has no opening hours, so no time can "
                "be counted on it: give it at least one window.",
                zone=self.time_zone,
            )

        remaining = amount
        day = start.astimezone(self._zone).date()
        for offset in range(MAX_SCAN_DAYS):
            for opens, closes in self._day_windows(day + timedelta(offset)):
                if closes <= start:
                    continue
                opens = max(opens, start)
                if remaining <= closes - opens:
                    return opens + remaining
                remaining -= closes - opens
        raise CalendarError(
            "calendar_too_few_hours",
            "The calendar in %(zone)s has no opening in the %(years)s years "
            "after %(start)s that its holidays leave: check its holidays.",
            zone=self.time_zone,
            years=MAX_SCAN_DAYS // 366,
            start=start.isoformat(),
        )

    def _day_windows(self, day: date) -> tuple[Interval, ...]:
        """Give the UTC intervals of a local date's opening windows."""
        cached = self._days.get(day)
        if cached is not None:
            return cached

        windows: tuple[Window, ...]
        if day in self.holidays:
            windows = ()
        elif self.hours is None:
            windows = ((time(0), None),)
        else:
            windows = self.hours.get(day.weekday(), ())
        intervals = []
        for opens, closes in windows:
            interval = (self._instant(day, opens), self._instant(day, closes))
            # A window inside a skipped hour lasts no time at all.
            if interval[0] < interval[1]:
                intervals.append(interval)

        if len(self._days) >= _DAY_CACHE_SIZE:
            self._days.clear()
        self._days[day] = tuple(intervals)
        return self._days[day]

    def _instant(self, day: date, at: time | None) -> datetime:
        """Give the UTC instant of a local wall-clock time, None being 24:00.

        A time the clocks repeat is its first occurrence (fold 0); a time
        they skip is the instant they jumped to.
        """
        if at is None:
            day, at = day + timedelta(days=1), time(0)
        wall = datetime.combine(day, at)
        instant = wall.replace(tzinfo=self._zone).astimezone(UTC)
        if instant.astimezone(self._zone).replace(tzinfo=None) == wall:
            return instant
        return self._jump_before(instant)

    def _jump_before(self, instant: datetime) -> datetime:
        """Give the instant of the clock change just before instant.

        Only called for a wall-clock time the clocks skipped: fold 0 read it
        with the offset from before the jump, which puts instant after the
        jump, and the jump is less than a day earlier.
        """
        after = instant.astimezone(self._zone).utcoffset()
        low, high = instant - timedelta(days=1), instant
        # Halving a day down to a microsecond takes 37 steps.
        for _ in range(64):
            if high - low <= timedelta(microseconds=1):
                break
            middle = low + (high - low) // 2
            if middle.astimezone(self._zone).utcoffset() == after:
                high = middle
            else:
                low = middle
        return high


def _load_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        raise CalendarError(
            "calendar_unknown_time_zone",
            "Unknown time zone %(zone)r: use an IANA name such as "
            '"Europe/Berlin" or "America/New_York".',
            zone=name,
        ) from None


def _checked_hours(
    hours: Mapping[int, Iterable[Window]],
) -> dict[int, tuple[Window, ...]]:
    """Give the hours, each day's windows in order, or say what is wrong."""
    checked = {}
    for day, given in hours.items():
        if not isinstance(day, int) or not 0 <= day <= 6:
            raise CalendarError(
                "calendar_unknown_weekday",
                "Unknown weekday %(day)r: use 0 for Monday through 6 for Sunday.",
                day=day,
            )
        windows = tuple(sorted(given, key=lambda window: window[0]))
        for opens, closes in windows:
            _check_window(day, opens, closes)
        for earlier, later in pairwise(windows):
            if earlier[1] is None or earlier[1] > later[0]:
                raise CalendarError(
                    "calendar_overlapping_windows",
                    "On %(weekday)s the windows %(first)s and %(second)s "
                    "overlap: merge them into one window or move an edge.",
                    weekday=WEEKDAY_NAMES[day],
                    first=_format_window(earlier),
                    second=_format_window(later),
                )
        if windows:
            checked[day] = windows
    return checked


def _check_window(day: int, opens: time, closes: time | None) -> None:
    if opens.tzinfo is not None or (closes is not None and closes.tzinfo):
        raise CalendarError(
            "calendar_window_has_zone",
            "On %(weekday)s a window has a time zone of its own: give local "
            "wall-clock times and the zone once, as the calendar's time_zone.",
            weekday=WEEKDAY_NAMES[day],
        )
    if closes is not None and closes <= opens:
        raise CalendarError(
            "calendar_window_closes_first",
            "On %(weekday)s the window %(window)s closes before it opens: give "
            "the opening time first, and 24:00 for a window to midnight.",
            weekday=WEEKDAY_NAMES[day],
            window=_format_window((opens, closes)),
        )


def _hours_from_spec(spec: object) -> dict[int, tuple[Window, ...]] | None:
    if spec == ROUND_THE_CLOCK:
        return None
    if not isinstance(spec, Mapping):
        raise CalendarError(
            "calendar_bad_hours",
            'The calendar\'s hours are neither "24x7" nor an object of '
            'weekdays: write "24x7", or for example {"mon": ["09:00-17:00"]}.',
        )

    hours = {}
    for name, windows in spec.items():
        if name not in WEEKDAYS:
            raise CalendarError(
                "calendar_unknown_weekday",
                "Unknown weekday %(day)r in hours: use mon, tue, wed, thu, fri, "
                "sat or sun.",
                day=name,
            )
        if not isinstance(windows, list):
            raise CalendarError(
                "calendar_bad_windows",
                'The hours for %(day)s are not a list: write them like ["09:00-'
                '12:00", "13:00-17:00"].',
                day=name,
            )
        hours[WEEKDAYS.index(name)] = tuple(
            _window_from_spec(name, window) for window in windows
        )
    return hours


def _window_from_spec(day: str, spec: object) -> Window:
    match = _WINDOW.fullmatch(spec) if isinstance(spec, str) else None
    if match is not None:
        opens = _time_from_spec(match.group(1))
        to_midnight = match.group(2) in _END_OF_DAY
        closes = None if to_midnight else _time_from_spec(match.group(2))
        if opens is not None and (closes is not None or to_midnight):
            return opens, closes
    raise CalendarError(
        "calendar_bad_window",
        "The window %(window)r on %(day)s is not HH:MM-HH:MM: write it like "
        '"09:00-17:00", with "24:00" allowed as an end.',
        window=spec,
        day=day,
    )


def _time_from_spec(text: str) -> time | None:
    """Read HH:MM or HH:MM:SS as a time of day; None if it is not one."""
    match = _CLOCK_TIME.fullmatch(text)
    if match is None:
        return None
    hour, minute, second = (int(part or 0) for part in match.groups())
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def _holidays_from_spec(spec: object) -> frozenset[date]:
    if not isinstance(spec, list):
        raise CalendarError(
            "calendar_bad_holidays",
            "The calendar's holidays are not a list: write them like "
            '["2026-12-25", "2026-12-26"].',
        )
    holidays = set()
    for text in spec:
        try:
            holidays.add(date.fromisoformat(text))
        except (TypeError, ValueError):
            raise CalendarError(
                "calendar_bad_holiday",
                "The holiday %(holiday)r is not a date: write it as YYYY-MM-DD.",
                holiday=text,
            ) from None
    return frozenset(holidays)


def _format_window(window: Window) -> str:
    opens, closes = window
    return (
        f"{_format_time(opens)}-{'24:00' if closes is None else _format_time(closes)}"
    )


def _format_time(at: time) -> str:
    return at.isoformat("minutes" if at.second == 0 else "seconds")


def _utc(instant: datetime, name: str) -> datetime:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise CalendarError(
            "calendar_naive_datetime",
            "The %(name)s %(instant)s has no time zone: give an aware datetime, "
            "for example one in UTC.",
            name=name,
            instant=instant.isoformat(),
        )
    return instant.astimezone(UTC)
