"""One ticket as its worker sees it: status, expectation, public conversation."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.portal.conftest import in_zone, open_for

# Tuesday 1 December 2026, 09:15 UTC.
NOW = datetime(2026, 12, 1, 9, 15, tzinfo=UTC)


def page_of(person: Worker, ticket: Ticket) -> str:
    response = signed_in(person).get(f"/portal/tickets/{ticket.number}/")
    assert response.status_code == 200
    return response.content.decode()


def test_reverse_names_the_page() -> None:
    assert reverse("portal:ticket", args=[1001]) == "/portal/tickets/1001/"


def test_signing_in_comes_first(client: Client, worker: Worker) -> None:
    ticket = open_for(worker)

    response = client.get(f"/portal/tickets/{ticket.number}/")

    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/portal/tickets/1001/"


def test_a_new_ticket_shows_status_and_what_to_expect(worker: Worker) -> None:
    in_zone(worker, "UTC")
    with time_machine.travel(NOW, tick=False):
        ticket = open_for(worker, "Printer on floor 3 jams", priority="medium")
        page = page_of(worker, ticket)

    assert "<h1>Printer on floor 3 jams</h1>" in page
    assert "CR-1001 · Something is broken · opened at 09:15 today" in page
    assert (
        "<strong>Status:</strong> Received: the IT team has not picked it up yet."
        in page
    )
    # Medium on Tuesday 09:15: 1 h -> 10:15; 8 h -> 465 min on Tuesday
    # and 15 on Wednesday -> 09:15 tomorrow.
    assert (
        "<strong>What to expect:</strong> Someone will respond by 10:15 today; "
        "we aim to resolve it by 09:15 tomorrow." in page
    )
    assert "You wrote, at 09:15 today" in page
    assert "It jams on every page." in page


def test_the_public_conversation_shows_and_internal_notes_never_do(
    worker: Worker, agent: Worker
) -> None:
    in_zone(worker, "UTC")
    with time_machine.travel(NOW, tick=False):
        ticket = open_for(worker)
    with time_machine.travel(NOW + timedelta(minutes=5), tick=False):
        services.send_automatic_message(ticket, "We have your ticket.")
    with time_machine.travel(NOW + timedelta(minutes=10), tick=False):
        services.add_note(ticket, agent, "Toner supplier owes us a refund.")
    with time_machine.travel(NOW + timedelta(minutes=15), tick=False):
        services.reply(ticket, agent, "On my way with a new drum.")
    with time_machine.travel(NOW + timedelta(minutes=20), tick=False):
        services.worker_comment(ticket, worker, "Thank you!")
        page = page_of(worker, ticket)

    assert "Toner supplier" not in page
    assert "refund" not in page
    assert page.index("We have your ticket.") < page.index("On my way with a new drum.")
    assert page.index("On my way with a new drum.") < page.index("Thank you!")
    assert "Automatic message, at 09:20 today" in page
    assert "Ada Agent, IT team, at 09:30 today" in page
    assert "You, at 09:35 today" in page
    assert "<strong>Status:</strong> The IT team is working on it." in page


def test_after_the_response_only_the_resolution_is_promised(
    worker: Worker, agent: Worker
) -> None:
    in_zone(worker, "UTC")
    with time_machine.travel(NOW, tick=False):
        ticket = open_for(worker, priority="medium")
    with time_machine.travel(NOW + timedelta(minutes=20), tick=False):
        services.acknowledge(ticket, agent)
        page = page_of(worker, ticket)

    assert (
        "<strong>What to expect:</strong> We aim to resolve it by 09:15 tomorrow."
        in page
    )


def test_waiting_on_the_worker_is_said_prominently(
    worker: Worker, agent: Worker
) -> None:
    ticket = open_for(worker)
    services.wait_on_worker(ticket, agent, "Which floor is the printer on?")

    page = page_of(worker, ticket)

    assert (
        '<h2 id="waiting-heading">The IT team is waiting for your answer</h2>' in page
    )
    assert page.index("waiting-heading") < page.index("Conversation")
    assert "Which floor is the printer on?" in page
    assert '<label for="id_body">Your comment</label>' in page


def test_a_resolved_ticket_asks_whether_it_is_fixed(
    worker: Worker, agent: Worker
) -> None:
    in_zone(worker, "UTC")
    with time_machine.travel(NOW, tick=False):
        ticket = open_for(worker)
        services.resolve(ticket, agent, "Replaced the drum.")
        page = page_of(worker, ticket)

    assert (
        "<strong>Status:</strong> Resolved: the IT team believes it is fixed." in page
    )
    assert '<p class="outcome">Resolved at 09:15 today.</p>' in page
    assert "What to expect" not in page
    assert '<h2 id="confirm-heading">Is it fixed?</h2>' in page
    assert '<button type="submit">Yes, it&#x27;s fixed</button>' not in page
    assert '<button type="submit">Yes, it\'s fixed</button>' in page
    assert '<label for="id_reason">What is still wrong?</label>' in page
    assert (
        '<button type="submit" class="secondary">No, it\'s not fixed</button>' in page
    )
    assert "Send comment" not in page


def test_a_closed_ticket_has_no_forms(worker: Worker, agent: Worker) -> None:
    in_zone(worker, "UTC")
    with time_machine.travel(NOW, tick=False):
        ticket = open_for(worker)
        services.resolve(ticket, agent, "Replaced the drum.")
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        services.close(ticket, worker)
        page = page_of(worker, ticket)
    ticket_part = page[page.index('<div id="ticket"') :]

    assert "<strong>Status:</strong> Closed." in page
    assert '<p class="outcome">Closed at 09:15 today.</p>' in page
    assert "<form" not in ticket_part
    assert "Replaced the drum." in page


def test_the_requester_sees_their_confidential_ticket(
    worker: Worker, lead: Worker
) -> None:
    ticket = open_for(worker, "About my contract", confidential=True, actor=lead)

    assert "<h1>About my contract</h1>" in page_of(worker, ticket)


@pytest.mark.parametrize("persona", ["agent", "lead"])
def test_agents_and_leads_follow_their_own_tickets_here(
    persona: str, request: pytest.FixtureRequest
) -> None:
    person: Worker = request.getfixturevalue(persona)
    ticket = open_for(person, "My own docking station")

    assert "<h1>My own docking station</h1>" in page_of(person, ticket)


def test_an_unknown_number_is_not_found(worker: Worker) -> None:
    response = signed_in(worker).get("/portal/tickets/999999/")

    assert response.status_code == 404
    assert (
        "There is no such ticket, or it is not yours to see."
        in response.content.decode()
    )
