"""Portal test helpers: a calendar pinned to UTC and tickets made quickly."""

from collections.abc import Iterator
from datetime import datetime

import pytest

from credence.slo import objectives
from credence.slo.models import Calendar
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker


@pytest.fixture(autouse=True)
def business_hours_in_utc(db: None) -> Iterator[None]:
    """Monday to Friday 09:00-17:00 in UTC, whatever CREDENCE_TIME_ZONE says.

    The objectives are cached per process by the calendars' stamps; tests
    under frozen time can give two different set-ups the same stamps, so
    the cache is emptied around every test.
    """
    objectives.forget_objectives()
    objectives.ensure_defaults()
    calendar = Calendar.objects.get(name=objectives.BUSINESS_HOURS_NAME)
    calendar.time_zone = "UTC"
    calendar.save()
    yield
    objectives.forget_objectives()


def in_zone(person: Worker, zone: str) -> Worker:
    person.time_zone = zone
    person.save(update_fields=["time_zone"])
    return person


def open_for(
    person: Worker,
    title: str = "Printer on floor 3 jams",
    *,
    priority: str = "medium",
    kind: str = "incident",
    description: str = "It jams on every page.",
    at: datetime | None = None,
    confidential: bool = False,
    actor: Worker | None = None,
) -> Ticket:
    return services.open_ticket(
        requester=person,
        kind=kind,
        title=title,
        description=description,
        channel="portal",
        priority=priority,
        actor=actor or person,
        at=at,
        confidential=confidential,
    )
