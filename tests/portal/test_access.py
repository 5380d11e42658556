"""Nobody sees or acts on another worker's ticket in the portal.

Each page and each action, for every persona who is not the requester: the
answer is "not found" (so the ticket's existence does not leak) and nothing
about the ticket changes. Agents and leads work other people's tickets on
the desk; the portal is only ever about one's own.
"""

from typing import Any

import pytest
from django.test import Client

from credence.tickets import services
from credence.tickets.models import Comment, Ticket, TicketEvent
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.portal.conftest import open_for

NOT_FOUND = "There is no such ticket, or it is not yours to see."

# (method, path after /portal/tickets/<number>/, form)
ACTIONS = [
    ("get", "", {}),
    ("post", "comment/", {"body": "Let me in."}),
    ("post", "fixed/", {}),
    ("post", "not-fixed/", {"reason": "Still broken."}),
]


def _resolved_ticket(requester: Worker, agent: Worker, **options: Any) -> Ticket:
    # Resolved, so that every action would be allowed for its requester.
    ticket = open_for(requester, "Wanda's printer jams", **options)
    return services.resolve(ticket, agent, "Replaced the drum.")


def _state(ticket: Ticket) -> tuple[object, ...]:
    ticket.refresh_from_db()
    return (
        ticket.status,
        ticket.closed_at,
        Comment.objects.filter(ticket=ticket).count(),
        TicketEvent.objects.filter(ticket=ticket).count(),
    )


@pytest.mark.parametrize("persona", ["other_worker", "agent", "lead"])
@pytest.mark.parametrize(("method", "path", "form"), ACTIONS)
def test_another_worker_s_ticket_is_not_found(
    persona: str,
    method: str,
    path: str,
    form: dict[str, str],
    worker: Worker,
    agent: Worker,
    request: pytest.FixtureRequest,
) -> None:
    ticket = _resolved_ticket(worker, agent)
    before = _state(ticket)
    person: Worker = request.getfixturevalue(persona)

    response = getattr(signed_in(person), method)(
        f"/portal/tickets/{ticket.number}/{path}", form
    )

    assert response.status_code == 404
    assert NOT_FOUND in response.content.decode()
    assert "Wanda" not in response.content.decode()
    assert _state(ticket) == before


@pytest.mark.parametrize("persona", ["other_worker", "agent", "lead"])
@pytest.mark.parametrize(("method", "path", "form"), ACTIONS)
def test_a_confidential_ticket_not_theirs_is_not_found(
    persona: str,
    method: str,
    path: str,
    form: dict[str, str],
    worker: Worker,
    lead: Worker,
    request: pytest.FixtureRequest,
) -> None:
    ticket = _resolved_ticket(worker, lead, confidential=True, actor=lead)
    before = _state(ticket)
    person: Worker = request.getfixturevalue(persona)

    response = getattr(signed_in(person), method)(
        f"/portal/tickets/{ticket.number}/{path}", form
    )

    assert response.status_code == 404
    assert _state(ticket) == before


@pytest.mark.parametrize(("method", "path", "form"), ACTIONS)
def test_signing_in_comes_first_for_every_page_and_action(
    method: str,
    path: str,
    form: dict[str, str],
    client: Client,
    worker: Worker,
    agent: Worker,
) -> None:
    ticket = _resolved_ticket(worker, agent)
    before = _state(ticket)
    url = f"/portal/tickets/{ticket.number}/{path}"

    response = getattr(client, method)(url, form)

    assert response.status_code == 302
    assert response["Location"] == f"/sign-in/?next={url}"
    assert _state(ticket) == before


@pytest.mark.parametrize("path", ["comment/", "fixed/", "not-fixed/"])
def test_visiting_an_action_leads_to_its_ticket(path: str, worker: Worker) -> None:
    # Where sign-in sends a worker whose sign-in ended as they sent a form.
    ticket = open_for(worker)
    before = _state(ticket)

    response = signed_in(worker).get(f"/portal/tickets/{ticket.number}/{path}")

    assert response.status_code == 302
    assert response["Location"] == "/portal/tickets/1001/"
    assert _state(ticket) == before


@pytest.mark.parametrize("path", ["comment/", "fixed/", "not-fixed/"])
def test_visiting_another_worker_s_action_is_not_found(
    path: str, worker: Worker, other_worker: Worker
) -> None:
    ticket = open_for(worker)

    response = signed_in(other_worker).get(f"/portal/tickets/{ticket.number}/{path}")

    assert response.status_code == 404


@pytest.mark.parametrize("path", ["comment/", "fixed/", "not-fixed/"])
def test_actions_take_no_other_method(path: str, worker: Worker) -> None:
    ticket = open_for(worker)

    response = signed_in(worker).put(f"/portal/tickets/{ticket.number}/{path}")

    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_the_lists_hold_only_one_s_own_tickets(
    worker: Worker, other_worker: Worker
) -> None:
    open_for(worker, "Wanda's printer jams")

    for url in ("/portal/", "/portal/tickets/"):
        page = signed_in(other_worker).get(url).content.decode()
        assert "printer jams" not in page
