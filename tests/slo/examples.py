"""Calendars, objectives and histories that the SLO tests share."""

from datetime import datetime, time

from credence.slo.calendar import Calendar
from credence.slo.clock import ClockEvent, Objective, Target

NINE_TO_FIVE = ((time(9), time(17)),)

NEW_YORK_BUSINESS = Calendar(
    time_zone="America/New_York", hours=dict.fromkeys(range(5), NINE_TO_FIVE)
)
BERLIN_BUSINESS = Calendar(
    time_zone="Europe/Berlin", hours=dict.fromkeys(range(5), NINE_TO_FIVE)
)
ROUND_THE_CLOCK = Calendar(time_zone="UTC")


def objectives(
    response_pauses: bool = False, resolution_pauses: bool = True
) -> dict[str, Objective]:
    """The founding document's table, business hours in New York."""
    table = {
        "highest": (15, ROUND_THE_CLOCK, 120, ROUND_THE_CLOCK),
        "high": (15, ROUND_THE_CLOCK, 240, ROUND_THE_CLOCK),
        "medium": (60, NEW_YORK_BUSINESS, 480, NEW_YORK_BUSINESS),
        "low": (60, NEW_YORK_BUSINESS, 960, NEW_YORK_BUSINESS),
        "lowest": (120, NEW_YORK_BUSINESS, 1920, NEW_YORK_BUSINESS),
    }
    return {
        priority: Objective(
            response=Target(response, response_calendar, response_pauses),
            resolution=Target(resolution, resolution_calendar, resolution_pauses),
        )
        for priority, (
            response,
            response_calendar,
            resolution,
            resolution_calendar,
        ) in table.items()
    }


OBJECTIVES = objectives()


def at(text: str) -> datetime:
    """Read an ISO 8601 instant, which must carry its offset."""
    instant = datetime.fromisoformat(text)
    assert instant.tzinfo is not None, f"{text} has no offset"
    return instant


def history(*entries: tuple[str, str] | tuple[str, str, str]) -> list[ClockEvent]:
    """Build events from (instant, type) or (instant, type, priority)."""
    return [
        ClockEvent(at=at(entry[0]), type=entry[1], priority=(entry[2:] or (None,))[0])
        for entry in entries
    ]
