"""Re-deriving a ticket once after many changes (imports).

The installation's zone is UTC in tests, so the business calendar is
Monday to Friday 09:00-17:00 UTC. 2 June 2026 is a Tuesday.
"""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine
from pytest_django.fixtures import Settings

from credence.errors import InvalidTransition
from credence.tickets import services
from credence.tickets.models import Ticket, TicketEvent, TicketSpan
from credence.workers.models import Worker


@pytest.fixture(autouse=True)
def utc_installation(settings: Settings) -> None:
    settings.TIME_ZONE = "UTC"


@pytest.fixture(autouse=True)
def before_the_events() -> Iterator[None]:
    with time_machine.travel(datetime(2026, 6, 1, tzinfo=UTC), tick=False):
        yield


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 6, day, hour, minute, tzinfo=UTC)


def _story(worker: Worker) -> Ticket:
    ticket = services.open_ticket(
        requester=worker,
        kind="incident",
        title="Printer jams",
        priority="medium",
        actor=None,
        at=at(2, 10),
    )
    ticket = services.acknowledge(ticket, None, at=at(2, 10, 30))
    ticket = services.wait_on_worker(ticket, None, "Which printer?", at=at(2, 11))
    ticket = services.resume(ticket, None, at=at(3, 9))
    return services.resolve(ticket, None, at=at(3, 10))


def test_figures_after_the_block_are_those_of_one_change_at_a_time(
    worker: Worker,
) -> None:
    with services.derive_once():
        ticket = _story(worker)
    once = Ticket.objects.get(pk=ticket.pk)

    # Response: 10:00 to 10:30 = 30 min, due 11:00. Resolution: 10:00-11:00
    # (60 min), waiting until Wednesday 09:00, then 09:00-10:00 (60 min):
    # 120 min, met; 360 to go from 10:00 Wednesday: due 16:00.
    assert once.response_elapsed_minutes == 30
    assert once.response_due == at(2, 11)
    assert once.resolution_elapsed_minutes == 120
    assert once.resolution_due == at(3, 16)
    assert once.resolution_outcome == "met"
    spans = list(TicketSpan.objects.filter(ticket=once).values_list("start", "end"))
    step_by_step = _story(worker)
    assert spans == list(
        TicketSpan.objects.filter(ticket=step_by_step).values_list("start", "end")
    )


def test_a_refusal_inside_the_block_leaves_nothing(worker: Worker) -> None:
    with pytest.raises(InvalidTransition), services.derive_once():
        ticket = _story(worker)
        services.resume(ticket, None, at=at(3, 11))

    assert Ticket.objects.count() == 0
    assert TicketEvent.objects.count() == 0
