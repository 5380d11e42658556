"""`credence demo` on databases that are not the demo's, and its seed.

Time stands still at Wednesday 4 March 2026, 14:30 UTC.
"""

from collections.abc import Iterator
from datetime import UTC, datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import transaction

from credence.demo.models import DemoOrganisation
from credence.demo.organisation import ensure_demo
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker

NOW = datetime(2026, 3, 4, 14, 30, tzinfo=UTC)

REFUSAL = (
    "This database already holds data that is not Credence's demo (%s), so "
    "the demo was not created. To try the demo, start fresh with an empty "
    "database of its own, for example: "
    "DATABASE_URL=sqlite:////tmp/credence-demo.sqlite3 make run"
)

Snapshot = list[tuple[object, ...]]


@pytest.fixture(autouse=True)
def still() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def run_demo(**options: object) -> str:
    output = StringIO()
    call_command("demo", stdout=output, **options)
    return output.getvalue()


def test_a_database_with_another_worker_is_refused(worker: Worker) -> None:
    with pytest.raises(CommandError) as refused:
        run_demo(days=2, workers=8)

    assert str(refused.value) == REFUSAL % "1 worker"
    assert Worker.objects.count() == 1
    assert not DemoOrganisation.objects.exists()


def test_a_database_with_tickets_is_refused(
    worker: Worker, agent: Worker, lead: Worker
) -> None:
    services.open_ticket(
        requester=worker,
        kind="incident",
        title="Printer jams",
        priority="low",
        actor=worker,
        at=datetime(2026, 3, 4, 9, tzinfo=UTC),
    )

    with pytest.raises(CommandError) as refused:
        run_demo(days=2, workers=8)

    assert str(refused.value) == REFUSAL % "1 ticket and 3 workers"
    assert Ticket.objects.count() == 1
    assert not DemoOrganisation.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("workers", 4, "--workers must be from 5 to 3136."),
        ("workers", 3137, "--workers must be from 5 to 3136."),
        ("days", 0, "--days must be 1 or more."),
    ],
)
def test_sizes_out_of_range_are_refused(option: str, value: int, message: str) -> None:
    # 56 given names x 56 family names = 3136 different people at most.
    with pytest.raises(CommandError) as refused:
        run_demo(**{option: value})

    assert str(refused.value) == message
    assert not Worker.objects.exists()


def built(seed: int) -> Snapshot:
    """The tickets a demo of `seed` creates, then undone."""
    with transaction.atomic():
        ensure_demo(seed=seed, days=3, workers=8)
        snapshot: Snapshot = [
            (
                ticket.number,
                ticket.title,
                ticket.requester.username,
                ticket.channel,
                ticket.priority,
                ticket.status,
                tuple(ticket.events.values_list("type", "at", "actor__username")),
            )
            for ticket in Ticket.objects.order_by("number")
        ]
        transaction.set_rollback(True)
    return snapshot


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_tickets() -> None:
    first = built(seed=11)

    assert first
    assert built(seed=11) == first
    assert built(seed=12) != first
