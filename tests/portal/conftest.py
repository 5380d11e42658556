"""Portal test helpers: a calendar pinned to UTC and tickets made quickly."""

from collections.abc import Iterator
from datetime import datetime

import pytest

from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import utc_business_hours


@pytest.fixture(autouse=True)
def business_hours_in_utc(db: None) -> Iterator[None]:
    """Every portal test counts business hours in UTC."""
    with utc_business_hours():
        yield


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
