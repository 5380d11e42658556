"""Who sees which ticket, per persona."""

from datetime import UTC, datetime

import pytest

from credence.errors import NotAllowed, NotFound
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.tickets.visibility import (
    desk_tickets,
    get_visible_ticket,
    visible_tickets,
)
from credence.workers.models import Worker

OPENED = datetime(2026, 6, 2, 10, tzinfo=UTC)


def ticket_for(requester: Worker, actor: Worker, confidential: bool = False) -> Ticket:
    return services.open_ticket(
        requester=requester,
        kind="request",
        title="Salary system access",
        priority="low",
        channel="portal" if actor == requester else "email",
        actor=actor,
        at=OPENED,
        confidential=confidential,
    )


def test_a_worker_sees_only_their_own_tickets(
    worker: Worker, other_worker: Worker
) -> None:
    mine = ticket_for(worker, worker)
    theirs = ticket_for(other_worker, other_worker)

    assert list(visible_tickets(worker)) == [mine]
    with pytest.raises(NotFound):
        get_visible_ticket(worker, theirs.number)


def test_an_agent_sees_ordinary_tickets(worker: Worker, agent: Worker) -> None:
    ticket = ticket_for(worker, worker)

    assert get_visible_ticket(agent, ticket.number) == ticket
    assert list(desk_tickets(agent)) == [ticket]


def test_only_a_lead_opens_a_confidential_ticket(worker: Worker, agent: Worker) -> None:
    with pytest.raises(NotAllowed) as error:
        ticket_for(worker, agent, confidential=True)

    assert error.value.message == "Only a lead can open a confidential ticket."


def test_a_confidential_ticket_is_seen_by_its_requester_and_leads_alone(
    worker: Worker, other_worker: Worker, agent: Worker, lead: Worker
) -> None:
    secret = ticket_for(worker, lead, confidential=True)

    assert get_visible_ticket(worker, secret.number) == secret
    assert get_visible_ticket(lead, secret.number) == secret
    for outsider in (other_worker, agent):
        with pytest.raises(NotFound):
            get_visible_ticket(outsider, secret.number)
    assert list(desk_tickets(agent)) == []
    assert list(desk_tickets(lead)) == []


def test_an_agent_cannot_act_on_a_confidential_ticket(
    worker: Worker, agent: Worker, lead: Worker
) -> None:
    secret = ticket_for(worker, lead, confidential=True)

    with pytest.raises(NotFound):
        services.acknowledge(secret, agent, at=OPENED)
    with pytest.raises(NotFound):
        services.add_note(secret, agent, "Peeking", at=OPENED)


def test_a_worker_is_not_on_the_desk(worker: Worker) -> None:
    ticket_for(worker, worker)

    assert list(desk_tickets(worker)) == []
