"""Confidential tickets on the desk and in the metrics, per persona.

Every desk page and action, for the requester, another worker, an agent and
a lead: the ticket is the leads' alone; to anyone else it does not exist.
"""

from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from credence.tickets import services
from credence.tickets.models import Comment, Ticket, TicketEvent
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.desk.conftest import MONDAY_9, at, buttons, open_for

NOW = at(3, 9, 30)
SECRET_TITLE = "Complaint about my manager"

# Every action on a desk ticket page, with a form that would pass.
ACTIONS: list[tuple[str, dict[str, Any]]] = [
    ("acknowledge", {}),
    ("reply", {"body": "On it."}),
    ("note", {"body": "Looked at it."}),
    ("assign", {"assignee": ""}),
    ("priority", {"priority": "high", "reason": "Urgent."}),
    ("wait", {"question": "Which one?"}),
    ("resume", {}),
    ("resolve", {"resolution": "Done."}),
    ("reopen", {"reason": "Not done."}),
    ("close", {}),
    ("confidential_mark", {"reason": "Private."}),
    ("formalise", {}),
]
OUTSIDERS = ["worker", "other_worker", "agent"]


@pytest.fixture(autouse=True)
def frozen() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def secret(worker: Worker, lead: Worker) -> Ticket:
    return open_for(worker, MONDAY_9, SECRET_TITLE, actor=lead, confidential=True)


def _state(ticket: Ticket) -> tuple[object, ...]:
    ticket.refresh_from_db()
    return (
        ticket.status,
        ticket.confidential,
        ticket.assignee_id,
        ticket.priority,
        Comment.objects.filter(ticket=ticket).count(),
        TicketEvent.objects.filter(ticket=ticket).count(),
    )


def _post(person: Worker, ticket: Ticket, action: str, form: dict[str, Any]) -> Any:
    url = reverse(f"desk:{action}", args=[ticket.number])
    return signed_in(person).post(url, form)


# The queue and the ticket page


@pytest.mark.parametrize("persona", ["agent", "lead"])
def test_the_queue_leaves_a_confidential_ticket_out(
    persona: str, secret: Ticket, request: pytest.FixtureRequest
) -> None:
    person: Worker = request.getfixturevalue(persona)

    response = signed_in(person).get(reverse("desk:queue"))

    assert response.status_code == 200
    assert SECRET_TITLE not in response.content.decode()
    assert response.context["counts"]["open"] == 0


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_the_ticket_page_is_not_found_but_for_leads(
    persona: str, secret: Ticket, request: pytest.FixtureRequest
) -> None:
    person: Worker = request.getfixturevalue(persona)

    response = signed_in(person).get(reverse("desk:ticket", args=[secret.number]))

    assert response.status_code == 404
    assert SECRET_TITLE not in response.content.decode()


def test_a_lead_opens_it_and_may_formalise_it(lead: Worker, secret: Ticket) -> None:
    response = signed_in(lead).get(reverse("desk:ticket", args=[secret.number]))

    page = response.content.decode()
    assert response.status_code == 200
    assert '<span class="badge">Confidential</span>' in page
    assert "Formalise" in buttons(page)
    assert "Mark confidential" not in buttons(page)
    # Assignment offers the leads alone: Lee, not Ada the agent.
    assignees = response.context["forms"]["assign"].fields["assignee"].queryset
    assert list(assignees) == [lead]


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize(("action", "form"), ACTIONS)
def test_every_action_is_not_found_but_for_leads(
    persona: str,
    action: str,
    form: dict[str, Any],
    secret: Ticket,
    request: pytest.FixtureRequest,
) -> None:
    before = _state(secret)
    person: Worker = request.getfixturevalue(persona)

    response = _post(person, secret, action, form)

    assert response.status_code == 404
    assert SECRET_TITLE not in response.content.decode()
    assert _state(secret) == before


# Marking and formalising from the page


def test_a_lead_marks_a_ticket_confidential_from_its_page(
    worker: Worker, agent: Worker, lead: Worker
) -> None:
    ticket = open_for(worker, MONDAY_9, SECRET_TITLE)
    page = signed_in(lead).get(reverse("desk:ticket", args=[ticket.number]))
    assert "Mark confidential" in buttons(page.content.decode())

    client = signed_in(lead)
    url = reverse("desk:confidential_mark", args=[ticket.number])
    response = client.post(url, {"reason": "About HR."})

    assert response.status_code == 302
    followed = client.get(response["Location"]).content.decode()
    assert (
        f"{ticket.reference} is confidential: only Wanda Worker and the leads "
        "can see it."
    ) in followed
    assert "Marked confidential: About HR." in followed
    assert (
        SECRET_TITLE not in signed_in(agent).get(reverse("desk:queue")).content.decode()
    )


def test_marking_without_a_reason_is_refused_on_the_page(
    worker: Worker, lead: Worker
) -> None:
    ticket = open_for(worker, MONDAY_9, SECRET_TITLE)

    response = _post(lead, ticket, "confidential_mark", {"reason": " "})

    assert response.status_code == 400
    assert (
        "Write why the ticket is confidential; it cannot be empty."
        in response.content.decode()
    )
    ticket.refresh_from_db()
    assert ticket.confidential is False


def test_an_agent_is_neither_offered_nor_allowed_to_mark_confidential(
    worker: Worker, agent: Worker
) -> None:
    ticket = open_for(worker, MONDAY_9, SECRET_TITLE)
    page = signed_in(agent).get(reverse("desk:ticket", args=[ticket.number]))
    assert "Mark confidential" not in buttons(page.content.decode())
    before = _state(ticket)

    response = _post(agent, ticket, "confidential_mark", {"reason": "Private."})

    assert response.status_code == 403
    assert "Only a lead can mark a ticket confidential." in response.content.decode()
    assert _state(ticket) == before


def test_an_agent_may_not_formalise_an_ordinary_ticket(
    worker: Worker, agent: Worker
) -> None:
    ticket = open_for(worker, MONDAY_9, SECRET_TITLE)

    response = _post(agent, ticket, "formalise", {})

    assert response.status_code == 403
    assert (
        "Only a lead can formalise a confidential ticket." in response.content.decode()
    )


def test_formalising_shows_both_events_and_returns_it_to_the_queue(
    agent: Worker, lead: Worker, secret: Ticket
) -> None:
    response = _post(lead, secret, "formalise", {})

    assert response.status_code == 302
    page = signed_in(agent).get(response["Location"]).content.decode()
    assert "Opened via Portal at priority Medium, confidential" in page
    assert (
        '<td>Lee Lead</td>\n              <td><span class="free-text">Formalised: no '
        "longer confidential; the IT team sees it and its history</span></td>"
    ) in page
    assert SECRET_TITLE in signed_in(agent).get(reverse("desk:queue")).content.decode()


# Logging on a worker's behalf


def test_only_a_lead_is_offered_the_confidential_box(
    agent: Worker, lead: Worker
) -> None:
    box = 'name="confidential"'

    assert box in signed_in(lead).get(reverse("desk:log")).content.decode()
    assert box not in signed_in(agent).get(reverse("desk:log")).content.decode()


def _log_form(worker: Worker) -> dict[str, object]:
    return {
        "worker": worker.pk,
        "channel": "phone",
        "kind": "request",
        "title": SECRET_TITLE,
        "description": "Called in person.",
        "priority": "low",
        "confidential": "on",
    }


def test_a_lead_logs_a_confidential_ticket(worker: Worker, lead: Worker) -> None:
    response = signed_in(lead).post(reverse("desk:log"), _log_form(worker))

    assert response.status_code == 302
    ticket = Ticket.objects.get(title=SECRET_TITLE)
    assert ticket.confidential is True
    assert ticket.logged_by == lead


def test_an_agent_s_confidential_box_is_ignored(worker: Worker, agent: Worker) -> None:
    response = signed_in(agent).post(reverse("desk:log"), _log_form(worker))

    assert response.status_code == 302
    assert Ticket.objects.get(title=SECRET_TITLE).confidential is False


# The leads' confidential list


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_the_confidential_list_is_not_found_but_for_leads(
    persona: str, secret: Ticket, request: pytest.FixtureRequest
) -> None:
    person: Worker = request.getfixturevalue(persona)

    response = signed_in(person).get(reverse("desk:confidential"))

    assert response.status_code == 404
    assert SECRET_TITLE not in response.content.decode()


def test_a_lead_finds_confidential_tickets_in_their_list(
    worker: Worker, lead: Worker, secret: Ticket
) -> None:
    open_for(worker, MONDAY_9, "Ordinary printer")
    queue = signed_in(lead).get(reverse("desk:queue")).content.decode()
    assert 'href="/desk/confidential/">Confidential tickets</a>' in queue

    response = signed_in(lead).get(reverse("desk:confidential"))

    page = response.content.decode()
    assert response.status_code == 200
    assert [ticket for ticket in response.context["page"]] == [secret]
    assert f'href="/desk/tickets/{secret.number}/">{secret.reference}</a>' in page
    assert "Ordinary printer" not in page


def test_an_agent_is_not_offered_the_confidential_list(agent: Worker) -> None:
    queue = signed_in(agent).get(reverse("desk:queue")).content.decode()

    assert "/desk/confidential/" not in queue


# The metrics


@pytest.mark.parametrize("persona", ["agent", "lead"])
def test_the_metrics_count_it_without_naming_it(
    persona: str,
    worker: Worker,
    secret: Ticket,
    request: pytest.FixtureRequest,
) -> None:
    open_for(worker, MONDAY_9, "Ordinary printer")
    person: Worker = request.getfixturevalue(persona)

    response = signed_in(person).get(reverse("metrics:period"), {"month": "2025-03"})

    page = response.content.decode()
    assert response.status_code == 200
    # Two tickets opened in March 2025, the confidential one among them.
    assert response.context["kinds"] == [("Request", 0), ("Incident", 2)]
    assert SECRET_TITLE not in page
    assert "Ordinary printer" not in page
    assert "Wanda" not in page


def test_after_formalising_agents_do_not_read_why_it_was_confidential(
    lead: Worker, agent: Worker, worker: Worker
) -> None:
    ticket = services.open_ticket(
        requester=worker,
        kind="request",
        title="Payroll access",
        priority="low",
        actor=worker,
    )
    services.mark_confidential(ticket, lead, "HR matter")
    services.formalise(ticket, lead)

    agent_page = signed_in(agent).get(f"/desk/tickets/{ticket.number}/").text
    lead_page = signed_in(lead).get(f"/desk/tickets/{ticket.number}/").text

    assert "Marked confidential" in agent_page
    assert "HR matter" not in agent_page
    assert "Marked confidential: HR matter" in lead_page
