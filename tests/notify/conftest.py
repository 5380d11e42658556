"""Helpers for the clock notices: open tickets at set instants, look, send.

Times are UTC, the installation's zone in tests. 2 March 2026 is a Monday.
High priority: response 15 min, resolution 240 min, both round the clock;
highest: 15 and 120 min round the clock. The warning share is 0.75.
"""

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail

from credence.notify.delivery import deliver_message
from credence.notify.notices import decide_notices
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker


def at(hour: int, minute: int = 0, second: int = 0, day: int = 2) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, tzinfo=UTC)


def look(now: datetime) -> list[mail.EmailMessage]:
    """Decide and deliver what is due at `now`; give the mail sent now."""
    before = len(mail.outbox)
    with time_machine.travel(now, tick=False):
        for message in decide_notices():
            deliver_message(message.pk)
    return list(mail.outbox[before:])


def subjects(messages: list[mail.EmailMessage]) -> list[str]:
    return [message.subject for message in messages]


@pytest.fixture
def open_high(worker: Worker) -> Callable[..., Ticket]:
    def opener(
        when: datetime,
        priority: str = "high",
        actor: Worker | None = None,
        confidential: bool = False,
    ) -> Ticket:
        return services.open_ticket(
            requester=worker,
            kind="incident",
            title="Printer on fire",
            priority=priority,
            actor=actor or worker,
            at=when,
            confidential=confidential,
        )

    return opener


@pytest.fixture(autouse=True)
def before_the_story() -> Iterator[None]:
    # Operations record their instants; the stored figures are as of the
    # later of now and the last event, so now is put before everything.
    with time_machine.travel(datetime(2026, 3, 1, tzinfo=UTC), tick=False):
        yield
