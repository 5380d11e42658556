"""The domain operations on tickets, with the default objectives.

The installation's zone is UTC in tests, so the business calendar is
Monday to Friday 09:00-17:00 UTC. 2 June 2026 is a Tuesday.
"""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine

from credence.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from credence.tickets import services
from credence.tickets.models import (
    AppendOnlyError,
    Comment,
    CommentKind,
    Status,
    Ticket,
    TicketEvent,
    TicketNumber,
)
from credence.workers.models import Worker


@pytest.fixture(autouse=True)
def before_the_events() -> Iterator[None]:
    # Stored outcomes are as of the later of now and the last event; with
    # the clock stopped before the story starts, they are as of the last
    # event, which is what these tests reason about.
    with time_machine.travel(datetime(2026, 6, 1, tzinfo=UTC), tick=False):
        yield


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 6, day, hour, minute, tzinfo=UTC)


def open_medium(worker: Worker, when: datetime | None = None) -> Ticket:
    return services.open_ticket(
        requester=worker,
        kind="incident",
        title="Laptop will not start",
        description="Black screen since this morning.",
        priority="medium",
        actor=worker,
        at=when or at(2, 10),
    )


def event_types(ticket: Ticket) -> list[str]:
    return list(ticket.events.values_list("type", flat=True))


def test_opening_numbers_the_ticket_and_sets_both_dues(worker: Worker) -> None:
    ticket = open_medium(worker)

    assert ticket.number == 1001
    assert ticket.reference == "CR-1001"
    assert ticket.status == Status.NEW
    assert event_types(ticket) == ["opened"]
    # Medium: respond within 1 business hour, so Tuesday 11:00.
    assert ticket.response_due == at(2, 11)
    # Resolve within 8 business hours: Tuesday 10:00-17:00 is 7 h, the last
    # hour is Wednesday 09:00-10:00.
    assert ticket.resolution_due == at(3, 10)
    assert ticket.next_due == at(2, 11)
    assert ticket.response_outcome == "running"


def test_ticket_numbers_keep_counting(worker: Worker) -> None:
    first = open_medium(worker)
    second = open_medium(worker, at(2, 10, 5))

    assert (first.number, second.number) == (1001, 1002)


def test_acknowledging_stops_the_response_clock(worker: Worker, agent: Worker) -> None:
    ticket = open_medium(worker)

    ticket = services.acknowledge(ticket, agent, at=at(2, 10, 30))

    assert ticket.status == Status.IN_PROGRESS
    assert ticket.acknowledged_at == at(2, 10, 30)
    assert ticket.response_outcome == "met"
    assert ticket.response_elapsed_minutes == pytest.approx(30)
    # Only the resolution clock is still running.
    assert ticket.next_due == at(3, 10)


def test_acknowledging_twice_is_refused(worker: Worker, agent: Worker) -> None:
    ticket = services.acknowledge(open_medium(worker), agent, at=at(2, 10, 30))

    with pytest.raises(InvalidTransition) as error:
        services.acknowledge(ticket, agent, at=at(2, 10, 40))

    assert error.value.message == "CR-1001 was already acknowledged."


def test_a_worker_cannot_acknowledge(worker: Worker) -> None:
    ticket = open_medium(worker)

    with pytest.raises(NotAllowed) as error:
        services.acknowledge(ticket, worker, at=at(2, 10, 30))

    assert error.value.message == "Only the IT team can do that."
    assert event_types(ticket) == ["opened"]


def test_another_worker_cannot_touch_the_ticket(
    worker: Worker, other_worker: Worker
) -> None:
    ticket = open_medium(worker)

    with pytest.raises(NotFound):
        services.worker_comment(ticket, other_worker, "Me too", at=at(2, 11))
    with pytest.raises(NotFound):
        services.reopen(ticket, other_worker, "Still broken", at=at(2, 11))


def test_an_internal_note_is_not_a_response(worker: Worker, agent: Worker) -> None:
    ticket = open_medium(worker)

    ticket = services.add_note(
        ticket, agent, "Checking the asset list.", at=at(2, 10, 5)
    )
    ticket = services.send_automatic_message(ticket, "We got it.", at=at(2, 10, 6))

    assert ticket.response_stopped_at is None
    assert ticket.acknowledged_at is None
    kinds = list(ticket.comments.values_list("kind", flat=True))
    assert kinds == [CommentKind.INTERNAL_NOTE, CommentKind.AUTOMATIC]


def test_the_first_public_reply_is_the_response(worker: Worker, agent: Worker) -> None:
    ticket = open_medium(worker)

    ticket = services.reply(ticket, agent, "Looking now.", at=at(2, 11, 20))
    ticket = services.reply(ticket, agent, "Found it.", at=at(2, 11, 40))

    # 80 minutes against a 60-minute objective.
    assert ticket.response_stopped_at == at(2, 11, 20)
    assert ticket.response_elapsed_minutes == pytest.approx(80)
    assert ticket.response_outcome == "breached"


def test_waiting_on_worker_pauses_resolution_until_they_answer(
    worker: Worker, agent: Worker
) -> None:
    ticket = open_medium(worker)

    ticket = services.wait_on_worker(ticket, agent, "Which model is it?", at=at(2, 11))
    assert ticket.status == Status.WAITING
    # The question is the response: 60 minutes, due at 11:00, met.
    assert ticket.response_outcome == "met"
    assert ticket.resolution_outcome == "paused"
    assert ticket.resolution_due is None
    assert ticket.next_due is None

    ticket = services.worker_comment(ticket, worker, "A T14.", at=at(3, 14))

    assert ticket.status == Status.IN_PROGRESS
    assert event_types(ticket) == [
        "opened",
        "replied",
        "waiting",
        "worker_commented",
        "resumed",
    ]
    # 60 minutes ran before the pause; 420 remain from Wednesday 14:00:
    # 180 on Wednesday, 240 on Thursday from 09:00, so Thursday 13:00.
    assert ticket.resolution_due == at(4, 13)


def test_waiting_needs_a_question(worker: Worker, agent: Worker) -> None:
    ticket = open_medium(worker)

    with pytest.raises(InvalidInput) as error:
        services.wait_on_worker(ticket, agent, "   ", at=at(2, 11))

    assert error.value.message == (
        "Write what you need from the worker; it cannot be empty."
    )


def test_changing_priority_needs_a_reason(worker: Worker, agent: Worker) -> None:
    ticket = open_medium(worker)

    with pytest.raises(InvalidInput) as error:
        services.change_priority(ticket, agent, "high", "", at=at(2, 10, 10))

    assert error.value.message == (
        "Write why the priority changes; it cannot be empty."
    )
    ticket.refresh_from_db()
    assert ticket.priority == "medium"


def test_raising_priority_remeasures_from_the_start(
    worker: Worker, agent: Worker
) -> None:
    ticket = open_medium(worker)

    ticket = services.change_priority(
        ticket, agent, "high", "Whole team blocked", at=at(2, 10, 10)
    )

    assert ticket.priority == "high"
    # High: 15 minutes round the clock from the opening at 10:00.
    assert ticket.response_due == at(2, 10, 15)
    # 4 hours round the clock.
    assert ticket.resolution_due == at(2, 14)
    change = ticket.events.get(type="priority_changed")
    assert change.actor == agent
    assert change.data == {
        "priority": "high",
        "previous": "medium",
        "reason": "Whole team blocked",
    }


def test_resolving_counts_as_the_response(worker: Worker, agent: Worker) -> None:
    ticket = open_medium(worker)

    ticket = services.resolve(ticket, agent, "Reseated the RAM.", at=at(2, 10, 45))

    assert ticket.status == Status.RESOLVED
    assert ticket.response_stopped_at == at(2, 10, 45)
    assert ticket.response_outcome == "met"
    assert ticket.resolution_elapsed_minutes == pytest.approx(45)
    assert ticket.resolution_outcome == "met"
    reply = Comment.objects.get(ticket=ticket)
    assert (reply.kind, reply.body) == (CommentKind.PUBLIC_REPLY, "Reseated the RAM.")


def test_reopen_continues_the_resolution_clock(worker: Worker, agent: Worker) -> None:
    ticket = open_medium(worker)
    ticket = services.resolve(ticket, agent, "", at=at(2, 12))

    ticket = services.reopen(ticket, worker, "Dead again.", at=at(3, 9))

    assert ticket.status == Status.IN_PROGRESS
    assert ticket.resolved_at is None
    # 120 minutes ran on Tuesday; 360 remain from Wednesday 09:00: 15:00.
    assert ticket.resolution_due == at(3, 15)
    ticket = services.resolve(ticket, agent, "New board.", at=at(3, 16))
    # 120 + 420 = 540 business minutes, past the 480 objective.
    assert ticket.resolution_elapsed_minutes == pytest.approx(540)
    assert ticket.resolution_outcome == "breached"


def test_the_worker_confirms_and_the_ticket_closes(
    worker: Worker, agent: Worker
) -> None:
    ticket = services.resolve(open_medium(worker), agent, "", at=at(2, 12))

    ticket = services.close(ticket, worker, at=at(2, 13))

    assert ticket.status == Status.CLOSED
    assert ticket.closed_at == at(2, 13)
    with pytest.raises(InvalidTransition) as error:
        services.reopen(ticket, worker, "Broken again", at=at(2, 14))
    assert error.value.message == (
        "CR-1001 is closed and cannot be reopened; ask for help again with a "
        "new request."
    )


def test_a_resolved_ticket_keeps_its_priority(worker: Worker, agent: Worker) -> None:
    ticket = services.resolve(open_medium(worker), agent, "", at=at(2, 12))

    with pytest.raises(InvalidTransition) as error:
        services.change_priority(ticket, agent, "lowest", "Not urgent", at=at(2, 13))

    assert error.value.message == (
        "CR-1001 is resolved; its priority can no longer change. Reopen it "
        "first if the work is not finished."
    )
    ticket.refresh_from_db()
    assert ticket.priority == "medium"


def test_acting_on_a_resolved_ticket_says_to_reopen_it(
    worker: Worker, agent: Worker
) -> None:
    ticket = services.resolve(open_medium(worker), agent, "", at=at(2, 12))

    with pytest.raises(InvalidTransition) as error:
        services.wait_on_worker(ticket, agent, "Which one?", at=at(2, 13))

    assert error.value.message == (
        "CR-1001 is resolved, so you cannot wait on the worker; reopen it "
        "first if the work is not finished."
    )


def test_reopening_an_open_ticket_is_refused(worker: Worker) -> None:
    ticket = open_medium(worker)

    with pytest.raises(InvalidTransition) as error:
        services.reopen(ticket, worker, "Still broken", at=at(2, 11))

    assert error.value.message == "CR-1001 is still open; there is nothing to reopen."


def test_closing_an_open_ticket_is_refused(worker: Worker, agent: Worker) -> None:
    ticket = open_medium(worker)

    with pytest.raises(InvalidTransition) as error:
        services.close(ticket, agent, at=at(2, 11))

    assert error.value.message == (
        "Only a resolved ticket can be closed; CR-1001 is new."
    )


def test_a_worker_cannot_log_a_ticket_for_someone_else(
    worker: Worker, other_worker: Worker
) -> None:
    with pytest.raises(NotAllowed):
        services.open_ticket(
            requester=other_worker,
            kind="request",
            title="Access please",
            priority="low",
            actor=worker,
            at=at(2, 10),
        )
    assert Ticket.objects.count() == 0


def test_an_agent_logs_a_side_channel_request(worker: Worker, agent: Worker) -> None:
    ticket = services.open_ticket(
        requester=worker,
        kind="request",
        title="Printer on floor 2",
        priority="low",
        channel="walk-up",
        actor=agent,
        at=at(2, 10),
    )

    assert (ticket.requester, ticket.logged_by, ticket.channel) == (
        worker,
        agent,
        "walk-up",
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "  ", "Write a short title; it cannot be empty."),
        (
            "kind",
            "wish",
            "'wish' is not a kind of ticket; choose request or incident.",
        ),
        (
            "priority",
            "urgent",
            "'urgent' is not a priority; choose one of highest, high, medium, "
            "low, lowest.",
        ),
    ],
)
def test_bad_input_says_what_to_fix(
    worker: Worker, field: str, value: str, message: str
) -> None:
    values = {"kind": "request", "title": "Access", "priority": "low"}
    values[field] = value

    with pytest.raises(InvalidInput) as error:
        services.open_ticket(requester=worker, actor=worker, at=at(2, 10), **values)

    assert error.value.message == message
    assert Ticket.objects.count() == 0


def test_a_crash_half_way_leaves_no_ticket_behind(
    worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "rederive_ticket", broken)

    with pytest.raises(RuntimeError):
        open_medium(worker)

    assert Ticket.objects.count() == 0
    assert TicketEvent.objects.count() == 0
    assert not TicketNumber.objects.filter(last__gt=1000).exists()


def test_events_cannot_be_stamped_before_the_history(
    worker: Worker, agent: Worker
) -> None:
    ticket = services.acknowledge(open_medium(worker), agent, at=at(2, 11))

    with pytest.raises(InvalidInput) as error:
        services.reply(ticket, agent, "Earlier?", at=at(2, 10, 30))

    assert error.value.message == (
        "This change is stamped 2026-06-02T10:30:00+00:00, before the ticket's "
        "last event at 2026-06-02T11:00:00+00:00. Events are recorded in time "
        "order."
    )
    assert ticket.comments.count() == 0


def test_only_agents_can_be_assigned(
    worker: Worker, other_worker: Worker, agent: Worker
) -> None:
    ticket = open_medium(worker)

    with pytest.raises(InvalidInput) as error:
        services.assign(ticket, agent, other_worker, at=at(2, 10, 5))
    assert error.value.message == (
        "Oscar Other is not on the IT team; assign the ticket to an agent."
    )

    ticket = services.assign(ticket, agent, agent, at=at(2, 10, 5))
    assert ticket.assignee == agent
    assert ticket.events.get(type="assigned").data == {
        "assignee": agent.pk,
        "previous": None,
    }


def test_history_is_append_only(worker: Worker) -> None:
    event = open_medium(worker).events.get()

    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_spans_answer_how_the_ticket_stood_at_an_instant(
    worker: Worker, agent: Worker
) -> None:
    ticket = open_medium(worker)
    ticket = services.acknowledge(ticket, agent, at=at(2, 11, 30))

    spans = list(ticket.spans.order_by("start"))

    # Opened 10:00 with the response running until its due at 11:00
    # inclusive, breached from just after 11:00, stopped late at 11:30 (90
    # minutes); the resolution's due, Wednesday 10:00, passes later.
    assert [span.start for span in spans] == [
        at(2, 10),
        at(2, 11).replace(microsecond=1),
        at(2, 11, 30),
        at(3, 10).replace(microsecond=1),
    ]
    assert [span.response_outcome for span in spans] == [
        "running",
        "breached",
        "breached",
        "breached",
    ]
    assert [span.resolution_outcome for span in spans] == [
        "running",
        "running",
        "running",
        "breached",
    ]
    assert spans[2].response_elapsed_minutes == pytest.approx(90)
    assert spans[-1].end is None
