"""A hand-built week of self-service (described in test_figures.py), shared by
the figures and the reports."""

from datetime import UTC, datetime

import pytest
import time_machine

from credence.selfservice.sessions import note, solved
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker


def on(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def _note(worker: Worker, at: datetime, kind: str = "search") -> None:
    with time_machine.travel(at, tick=False):
        note(worker, kind, "printer")


def _solved(worker: Worker, at: datetime) -> None:
    with time_machine.travel(at, tick=False):
        solved(worker, "article", "printer-jam")


def open_ticket(requester: Worker, at: datetime, channel: str = "portal") -> Ticket:
    return services.open_ticket(
        requester=requester,
        kind="incident",
        title="Printer jams",
        channel=channel,
        priority="medium",
        actor=None if channel == "email" else requester,
        at=at,
    )


@pytest.fixture
def week_of_sessions(worker: Worker, other_worker: Worker, agent: Worker) -> None:
    _note(worker, on(1, 23))
    _note(worker, on(2, 9))
    _solved(worker, on(2, 9, 5))
    _note(worker, on(3, 10))
    _note(other_worker, on(4, 12))
    _note(other_worker, on(8, 9))
    _note(agent, on(5, 15), "assistant")
    _solved(agent, on(5, 15, 10))
    _note(other_worker, on(6, 9))
    _note(worker, on(9, 8))

    open_ticket(worker, on(4, 10))
    open_ticket(agent, on(6, 11), "email")
    open_ticket(other_worker, on(13, 9))
