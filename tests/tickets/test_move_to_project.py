"""Moving a ticket to project work: who may, what it needs, what it stops.

The default objectives apply. High is round the clock (UTC): response 15
minutes, resolution 240. 1 June 2026 is a Monday.
"""

from datetime import UTC, datetime

import pytest
import time_machine

from credence.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from credence.tickets import services
from credence.tickets.models import (
    Channel,
    Comment,
    CommentKind,
    EventType,
    Outcome,
    Status,
    Ticket,
    TicketSpan,
)
from credence.workers.models import Worker

OPENED = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
TRACKER = "https://projects.example.org/PRJ-42"


def at(hour: int, minute: int = 0, day: int = 1) -> datetime:
    return datetime(2026, 6, day, hour, minute, tzinfo=UTC)


@pytest.fixture(autouse=True)
def later() -> object:
    # Read long after every move, so a clock left running would have breached.
    with time_machine.travel(at(9, day=10), tick=False) as traveller:
        yield traveller


@pytest.fixture
def ticket(worker: Worker) -> Ticket:
    return services.open_ticket(
        requester=worker,
        kind="request",
        title="A new reporting tool for finance",
        channel=Channel.PORTAL,
        priority="high",
        actor=worker,
        at=OPENED,
    )


def test_a_move_closes_the_ticket_and_records_where_and_why(
    ticket: Ticket, lead: Worker
) -> None:
    moved = services.move_to_project(
        ticket, lead, TRACKER, "Needs a vendor and a budget.", at=at(12)
    )

    assert moved.status == Status.CLOSED
    assert moved.closed_at == at(12)
    assert moved.moved_to_project_at == at(12)
    assert moved.project_tracked_at == TRACKER
    event = ticket.events.get(type=EventType.MOVED_TO_PROJECT)
    assert event.actor == lead
    assert event.at == at(12)
    assert event.data["tracked_at"] == TRACKER
    assert event.data["reason"] == "Needs a vendor and a budget."


def test_the_worker_is_told_where_the_work_went(ticket: Ticket, lead: Worker) -> None:
    services.move_to_project(
        ticket, lead, "Finance reporting 2026", "Too big.", at=at(12)
    )

    told = Comment.objects.get(ticket=ticket)
    assert told.kind == CommentKind.AUTOMATIC
    assert told.is_public
    assert told.body == (
        "This has become project work, so it is closed here. The project is "
        "tracked at: Finance reporting 2026"
    )


def test_running_clocks_stop_with_outcome_moved(ticket: Ticket, lead: Worker) -> None:
    services.acknowledge(ticket, lead, at=at(10, 5))

    moved = services.move_to_project(ticket, lead, TRACKER, "Too big.", at=at(12))

    # Response: 10:00-10:05 = 5 minutes, due 10:15: met, before the move.
    assert moved.response_outcome == Outcome.MET
    assert moved.response_elapsed_minutes == 5
    # Resolution: 10:00-12:00 = 120 of 240, due 14:00, still running at the
    # move: moved, stopped at 12:00, no minutes kept for the reports. Read
    # nine days later it has not breached.
    assert moved.resolution_outcome == Outcome.MOVED
    assert moved.resolution_stopped_at == at(12)
    assert moved.resolution_due == at(14)
    assert moved.resolution_elapsed_minutes is None
    assert moved.next_due is None
    assert moved.resolution_warn_at is None


def test_a_clock_breached_before_the_move_stays_breached(
    ticket: Ticket, lead: Worker
) -> None:
    # Never answered: response due 10:15, resolution due 14:00; the move at
    # 15:00 comes after both.
    moved = services.move_to_project(ticket, lead, TRACKER, "Too big.", at=at(15))

    assert moved.response_outcome == Outcome.BREACHED
    assert moved.resolution_outcome == Outcome.BREACHED
    assert moved.response_stopped_at == at(15)
    assert moved.resolution_stopped_at == at(15)


def test_the_last_span_says_moved_and_not_resolved(
    ticket: Ticket, lead: Worker
) -> None:
    services.move_to_project(ticket, lead, TRACKER, "Too big.", at=at(12))

    last = TicketSpan.objects.get(ticket=ticket, end__isnull=True)
    assert last.start == at(12)
    assert last.resolved is False
    # The response was never given: 10:00-10:15 ran out before the move.
    assert last.response_outcome == Outcome.BREACHED
    assert last.resolution_outcome == Outcome.MOVED
    assert last.resolution_elapsed_minutes is None


@pytest.mark.parametrize(
    ("tracked_at", "reason", "message"),
    [
        ("", "Too big.", "Write where the project is tracked; it cannot be empty."),
        ("   ", "Too big.", "Write where the project is tracked; it cannot be empty."),
        (TRACKER, "", "Write why this is project work; it cannot be empty."),
        (
            "x" * 301,
            "Too big.",
            "Where the project is tracked is 301 characters; keep it to 300, "
            "such as a link or the project's name.",
        ),
    ],
)
def test_where_and_why_are_both_required(
    ticket: Ticket, lead: Worker, tracked_at: str, reason: str, message: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        services.move_to_project(ticket, lead, tracked_at, reason, at=at(12))

    assert refused.value.message == message
    assert Ticket.objects.get(pk=ticket.pk).status == Status.NEW


def test_an_agent_may_not_move_a_ticket(ticket: Ticket, agent: Worker) -> None:
    with pytest.raises(NotAllowed) as refused:
        services.move_to_project(ticket, agent, TRACKER, "Too big.", at=at(12))

    assert refused.value.message == "Only a lead can move a ticket to project work."


def test_the_requester_may_not_move_their_own_ticket(
    ticket: Ticket, worker: Worker
) -> None:
    with pytest.raises(NotAllowed) as refused:
        services.move_to_project(ticket, worker, TRACKER, "Too big.", at=at(12))

    assert refused.value.message == "Only the IT team can do that."


def test_another_worker_is_told_not_found(ticket: Ticket, other_worker: Worker) -> None:
    with pytest.raises(NotFound):
        services.move_to_project(ticket, other_worker, TRACKER, "Too big.", at=at(12))


def test_a_resolved_ticket_cannot_be_moved(ticket: Ticket, lead: Worker) -> None:
    services.resolve(ticket, lead, at=at(11))

    with pytest.raises(InvalidTransition) as refused:
        services.move_to_project(ticket, lead, TRACKER, "Too big.", at=at(12))

    assert refused.value.message == (
        f"{ticket.reference} is resolved, so you cannot move it to project work; "
        "reopen it first if the work is not finished."
    )


def test_a_moved_ticket_cannot_be_reopened(ticket: Ticket, lead: Worker) -> None:
    services.move_to_project(ticket, lead, TRACKER, "Too big.", at=at(12))

    with pytest.raises(InvalidTransition) as refused:
        services.reopen(ticket, lead, "Still needed.", at=at(13))

    assert refused.value.message == (
        f"{ticket.reference} was moved to project work, tracked at {TRACKER}; "
        "open a new ticket if service work is needed again."
    )
