"""The installation's objectives and calendars, as the clock's plain values.

Building calendars means expanding country holidays over many years, so the
result is kept per process and rebuilt only when a lead's edit changes the
calendars or objectives (their `updated_at` stamps tell).
"""

import threading
from collections.abc import Mapping
from datetime import date, time

import holidays
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from credence.slo import models
from credence.slo.calendar import Calendar as ClockCalendar
from credence.slo.clock import Objective as ClockObjective
from credence.slo.clock import Target

ROUND_THE_CLOCK_NAME = "Round the clock"
BUSINESS_HOURS_NAME = "Business hours"

# The founding table: (response minutes, response calendar, resolution
# minutes, resolution calendar) per priority.
DEFAULT_OBJECTIVES = {
    "highest": (15, ROUND_THE_CLOCK_NAME, 120, ROUND_THE_CLOCK_NAME),
    "high": (15, ROUND_THE_CLOCK_NAME, 240, ROUND_THE_CLOCK_NAME),
    "medium": (60, BUSINESS_HOURS_NAME, 480, BUSINESS_HOURS_NAME),
    "low": (60, BUSINESS_HOURS_NAME, 960, BUSINESS_HOURS_NAME),
    "lowest": (120, BUSINESS_HOURS_NAME, 1920, BUSINESS_HOURS_NAME),
}

# Country holidays are expanded over these years; tickets outside them are
# measured as if those years had no public holidays.
HOLIDAY_FIRST_YEAR = 2000
HOLIDAY_YEARS_AHEAD = 10

_cache_lock = threading.Lock()
_cache: dict[str, object] = {}


def ensure_defaults() -> None:
    """Create the default calendars and objectives where none exist."""
    with transaction.atomic():
        always, _ = models.Calendar.objects.get_or_create(
            name=ROUND_THE_CLOCK_NAME,
            defaults={"kind": models.Calendar.ROUND_THE_CLOCK, "time_zone": "UTC"},
        )
        business, created = models.Calendar.objects.get_or_create(
            name=BUSINESS_HOURS_NAME,
            defaults={
                "kind": models.Calendar.BUSINESS_HOURS,
                "time_zone": settings.TIME_ZONE,
            },
        )
        if created:
            for weekday in range(5):
                models.BusinessWindow.objects.create(
                    calendar=business, weekday=weekday, opens=time(9), closes=time(17)
                )
        by_name = {always.name: always, business.name: business}
        for priority, values in DEFAULT_OBJECTIVES.items():
            response_minutes, response_cal, resolution_minutes, resolution_cal = values
            models.Objective.objects.get_or_create(
                priority=priority,
                defaults={
                    "response_minutes": response_minutes,
                    "response_calendar": by_name[response_cal],
                    "resolution_minutes": resolution_minutes,
                    "resolution_calendar": by_name[resolution_cal],
                },
            )


def _holidays_for(calendar: models.Calendar) -> frozenset[date]:
    closed = set(calendar.closed_days.values_list("date", flat=True))
    if calendar.holiday_country:
        years = range(HOLIDAY_FIRST_YEAR, timezone.now().year + HOLIDAY_YEARS_AHEAD)
        country = holidays.country_holidays(
            calendar.holiday_country,
            subdiv=calendar.holiday_subdivision or None,
            years=years,
        )
        closed.update(country.keys())
    return frozenset(closed)


def clock_calendar(calendar: models.Calendar) -> ClockCalendar:
    if calendar.kind == models.Calendar.ROUND_THE_CLOCK:
        return ClockCalendar(
            time_zone=calendar.time_zone, hours=None, holidays=_holidays_for(calendar)
        )
    hours: dict[int, list[tuple[time, time | None]]] = {}
    for window in calendar.windows.all():
        hours.setdefault(window.weekday, []).append((window.opens, window.closes))
    return ClockCalendar(
        time_zone=calendar.time_zone,
        hours={day: tuple(windows) for day, windows in hours.items()},
        holidays=_holidays_for(calendar),
    )


def _version() -> tuple[object, ...]:
    calendars = models.Calendar.objects.aggregate(n=Count("id"), at=Max("updated_at"))
    objectives = models.Objective.objects.aggregate(n=Count("id"), at=Max("updated_at"))
    return (calendars["n"], calendars["at"], objectives["n"], objectives["at"])


def build_objectives() -> dict[str, ClockObjective]:
    calendars = {
        calendar.pk: clock_calendar(calendar)
        for calendar in models.Calendar.objects.prefetch_related(
            "windows", "closed_days"
        )
    }
    result = {}
    for objective in models.Objective.objects.all():
        result[objective.priority] = ClockObjective(
            response=Target(
                minutes=objective.response_minutes,
                calendar=calendars[objective.response_calendar_id],
                pauses_when_waiting=False,
            ),
            resolution=Target(
                minutes=objective.resolution_minutes,
                calendar=calendars[objective.resolution_calendar_id],
                pauses_when_waiting=True,
            ),
        )
    return result


def current_objectives() -> Mapping[str, ClockObjective]:
    """The objectives in force, rebuilt only after a lead changed them."""
    version = _version()
    with _cache_lock:
        if _cache.get("version") == version:
            return _cache["objectives"]  # type: ignore[return-value]
    if version[2] == 0:
        ensure_defaults()
        version = _version()
    objectives = build_objectives()
    with _cache_lock:
        _cache["version"] = version
        _cache["objectives"] = objectives
    return objectives


def forget_objectives() -> None:
    """Drop this process's copy; the next reader rebuilds it."""
    with _cache_lock:
        _cache.clear()


def targets() -> dict[str, dict[str, float]]:
    """Compliance targets per priority: {"medium": {"response": 0.8, ...}}."""
    return {
        objective.priority: {
            "response": objective.response_target,
            "resolution": objective.resolution_target,
        }
        for objective in models.Objective.objects.all()
    }
