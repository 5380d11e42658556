"""Marking a ticket confidential and formalising it, per persona."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from credence.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from credence.tickets import services
from credence.tickets.models import EventType, Ticket
from credence.tickets.visibility import (
    confidential_tickets,
    desk_tickets,
    desk_visible_tickets,
    get_desk_ticket,
    shareable_tickets,
    visible_tickets,
)
from credence.workers.models import Worker

# Tuesday 2 June 2026, 10:00 UTC; high priority runs round the clock.
OPENED = datetime(2026, 6, 2, 10, tzinfo=UTC)
LATER = OPENED + timedelta(minutes=5)


def ordinary(requester: Worker) -> Ticket:
    return services.open_ticket(
        requester=requester,
        kind="incident",
        title="Harassment report",
        priority="high",
        actor=requester,
        at=OPENED,
    )


def secret(requester: Worker, lead: Worker) -> Ticket:
    return services.open_ticket(
        requester=requester,
        kind="request",
        title="Salary review access",
        priority="high",
        channel="phone",
        actor=lead,
        at=OPENED,
        confidential=True,
    )


def types(ticket: Ticket) -> list[str]:
    return [event.type for event in ticket.events.order_by("at", "id")]


# Marking confidential


def test_a_lead_marks_a_ticket_confidential_with_a_reason(
    worker: Worker, agent: Worker, lead: Worker
) -> None:
    ticket = ordinary(worker)

    marked = services.mark_confidential(ticket, lead, "  About a colleague.  ", LATER)

    assert marked.confidential is True
    event = marked.events.get(type=EventType.MARKED_CONFIDENTIAL)
    assert (event.at, event.actor, event.data) == (
        LATER,
        lead,
        {"reason": "About a colleague."},
    )
    assert list(desk_tickets(agent)) == []
    assert list(visible_tickets(agent)) == []
    assert list(visible_tickets(worker)) == [marked]
    assert list(confidential_tickets(lead)) == [marked]


def test_marking_confidential_needs_a_reason(worker: Worker, lead: Worker) -> None:
    ticket = ordinary(worker)

    with pytest.raises(InvalidInput) as error:
        services.mark_confidential(ticket, lead, "   ", LATER)

    assert error.value.message == (
        "Write why the ticket is confidential; it cannot be empty."
    )
    ticket.refresh_from_db()
    assert ticket.confidential is False


def test_an_agent_cannot_mark_a_ticket_confidential(
    worker: Worker, agent: Worker
) -> None:
    ticket = ordinary(worker)

    with pytest.raises(NotAllowed) as error:
        services.mark_confidential(ticket, agent, "Sensitive.", LATER)

    assert error.value.message == "Only a lead can mark a ticket confidential."
    ticket.refresh_from_db()
    assert ticket.confidential is False
    assert types(ticket) == ["opened"]


def test_a_worker_cannot_mark_even_their_own_ticket_confidential(
    worker: Worker, other_worker: Worker
) -> None:
    ticket = ordinary(worker)

    with pytest.raises(NotAllowed) as error:
        services.mark_confidential(ticket, worker, "Private.", LATER)
    assert error.value.message == "Only a lead can mark a ticket confidential."
    # Another worker does not learn that the ticket exists.
    with pytest.raises(NotFound):
        services.mark_confidential(ticket, other_worker, "Private.", LATER)


def test_a_ticket_already_confidential_is_not_marked_again(
    worker: Worker, lead: Worker
) -> None:
    ticket = secret(worker, lead)

    with pytest.raises(InvalidTransition) as error:
        services.mark_confidential(ticket, lead, "Again.", LATER)

    assert error.value.message == f"{ticket.reference} is already confidential."


def test_marking_confidential_unassigns_an_agent_but_keeps_a_lead(
    worker: Worker, agent: Worker, lead: Worker
) -> None:
    with_agent = services.assign(ordinary(worker), agent, agent, at=OPENED)
    with_lead = services.assign(ordinary(worker), lead, lead, at=OPENED)

    with_agent = services.mark_confidential(with_agent, lead, "HR matter.", LATER)
    with_lead = services.mark_confidential(with_lead, lead, "HR matter.", LATER)

    assert with_agent.assignee is None
    unassigned = with_agent.events.filter(type=EventType.ASSIGNED).last()
    assert unassigned is not None
    assert unassigned.data == {"assignee": None, "previous": agent.pk}
    assert types(with_agent) == [
        "opened",
        "assigned",
        "marked_confidential",
        "assigned",
    ]
    assert with_lead.assignee == lead
    assert types(with_lead) == ["opened", "assigned", "marked_confidential"]


def test_marking_and_formalising_leave_the_clocks_alone(
    worker: Worker, lead: Worker
) -> None:
    with time_machine.travel(LATER, tick=False):
        ticket = ordinary(worker)
        before = (ticket.response_due, ticket.resolution_due, ticket.next_due)
        services.mark_confidential(ticket, lead, "HR matter.", LATER)
        formalised = services.formalise(ticket, lead, LATER)

    # High: 15 min response and 4 h resolution round the clock from 10:00.
    assert before == (
        OPENED + timedelta(minutes=15),
        OPENED + timedelta(hours=4),
        OPENED + timedelta(minutes=15),
    )
    after = (formalised.response_due, formalised.resolution_due, formalised.next_due)
    assert after == before
    assert formalised.response_outcome == "running"
    assert formalised.acknowledged_at is None


# Opening confidential


def test_a_confidential_opening_is_written_in_the_history(
    worker: Worker, lead: Worker
) -> None:
    ticket = secret(worker, lead)

    opened = ticket.events.get(type=EventType.OPENED)
    assert opened.data == {
        "priority": "high",
        "channel": "phone",
        "kind": "request",
        "confidential": True,
    }
    assert ordinary(worker).events.get().data == {
        "priority": "high",
        "channel": "portal",
        "kind": "incident",
    }


# Formalising


def test_a_lead_formalises_a_confidential_ticket_with_its_history(
    worker: Worker, agent: Worker, lead: Worker
) -> None:
    ticket = secret(worker, lead)
    services.add_note(ticket, lead, "Spoke to HR.", at=OPENED)

    formalised = services.formalise(ticket, lead, LATER)

    assert formalised.confidential is False
    event = formalised.events.get(type=EventType.FORMALISED)
    assert (event.at, event.actor) == (LATER, lead)
    assert types(formalised) == ["opened", "noted", "formalised"]
    assert list(desk_tickets(agent)) == [formalised]
    assert get_desk_ticket(agent, ticket.number) == formalised
    assert list(confidential_tickets(lead)) == []


def test_only_a_lead_formalises(
    worker: Worker, other_worker: Worker, agent: Worker, lead: Worker
) -> None:
    ticket = secret(worker, lead)

    with pytest.raises(NotAllowed) as error:
        services.formalise(ticket, worker, LATER)
    assert error.value.message == "Only a lead can formalise a confidential ticket."
    for outsider in (other_worker, agent):
        with pytest.raises(NotFound):
            services.formalise(ticket, outsider, LATER)
    ticket.refresh_from_db()
    assert ticket.confidential is True


def test_an_ordinary_ticket_is_not_formalised(worker: Worker, lead: Worker) -> None:
    ticket = ordinary(worker)

    with pytest.raises(InvalidTransition) as error:
        services.formalise(ticket, lead, LATER)

    assert error.value.message == (
        f"{ticket.reference} is not confidential; there is nothing to formalise."
    )


# Who sees it where


def test_an_agent_who_asked_works_it_only_as_its_requester(
    agent: Worker, lead: Worker
) -> None:
    own = secret(agent, lead)

    assert list(visible_tickets(agent)) == [own]
    assert list(desk_visible_tickets(agent)) == []
    with pytest.raises(NotFound):
        get_desk_ticket(agent, own.number)
    with pytest.raises(NotFound):
        services.add_note(own, agent, "Note to self.", at=LATER)
    with pytest.raises(NotFound):
        services.acknowledge(own, agent, at=LATER)
    commented = services.worker_comment(own, agent, "Any news?", at=LATER)
    assert types(commented) == ["opened", "worker_commented"]


def test_a_confidential_ticket_is_assigned_to_leads_alone(
    worker: Worker, agent: Worker, lead: Worker
) -> None:
    ticket = secret(worker, lead)

    with pytest.raises(InvalidInput) as error:
        services.assign(ticket, lead, agent, at=LATER)

    assert (
        error.value.message == "A confidential ticket can only be assigned to a lead."
    )
    assert services.assign(ticket, lead, lead, at=LATER).assignee == lead


def test_confidential_tickets_are_never_shareable(worker: Worker, lead: Worker) -> None:
    visible = ordinary(worker)
    secret(worker, lead)

    assert list(shareable_tickets()) == [visible]


@pytest.mark.parametrize("persona", ["worker", "other_worker", "agent"])
def test_only_leads_have_a_confidential_list(
    persona: str, lead: Worker, worker: Worker, request: pytest.FixtureRequest
) -> None:
    secret(worker, lead)
    person: Worker = request.getfixturevalue(persona)

    assert list(confidential_tickets(person)) == []
