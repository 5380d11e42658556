"""Helpers for the desk's tests: tickets opened at hand-picked instants.

Times are UTC and the business calendar is the default one, Monday to
Friday 09:00-17:00 in the installation's zone, which these tests pin to UTC
so that every expected value can be worked out by hand.
"""

import re
from datetime import UTC, datetime

import pytest
from pytest_django.fixtures import Settings

from credence.tickets import services
from credence.tickets.models import Channel, Ticket
from credence.workers.models import Worker

# Monday 3 March 2025, nine in the morning: the business calendar opens.
MONDAY_9 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in March 2025, UTC; the 3rd is a Monday."""
    return datetime(2025, 3, day, hour, minute, tzinfo=UTC)


@pytest.fixture(autouse=True)
def utc_installation(settings: Settings) -> None:
    settings.TIME_ZONE = "UTC"


def open_for(
    requester: Worker,
    when: datetime,
    title: str = "Laptop will not start",
    priority: str = "medium",
    kind: str = "incident",
    actor: Worker | None = None,
    confidential: bool = False,
) -> Ticket:
    return services.open_ticket(
        requester=requester,
        kind=kind,
        title=title,
        description="It shows a black screen.",
        channel=Channel.PORTAL,
        priority=priority,
        actor=actor if actor is not None else requester,
        at=when,
        confidential=confidential,
    )


def buttons(page: str) -> set[str]:
    """The buttons of a desk page's content, without the sign-out in the nav."""
    content = page[page.index('<div class="desk">') :]
    return set(re.findall(r"<button[^>]*>([^<]+)</button>", content))
