"""Project work on the desk: the queue's flag and filter, and the lead's move.

The service window is 7 days unless a lead sets another; a ticket open
longer than it, in calendar time, is a project candidate. Tickets here are
opened on Monday 3 March 2025 at 09:00 UTC.
"""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from credence.slo.models import ServiceSettings
from credence.tickets.models import EventType, Outcome, Status, Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.desk.conftest import MONDAY_9, at, open_for

QUEUE = reverse("desk:queue")
FLAG = "Project candidate: open longer than the service window"
TRACKER = "https://projects.example.org/PRJ-7"


@pytest.fixture
def ticket(worker: Worker) -> Ticket:
    return open_for(worker, MONDAY_9, title="Replace every meeting room screen")


@pytest.fixture
def newer(worker: Worker) -> Ticket:
    # Two days later: Wednesday 5 March 09:00.
    return open_for(worker, at(5, 9), title="Printer jams on floor two")


def queue_at(person: Worker, when: Any, query: str = "") -> Any:
    with time_machine.travel(when, tick=False):
        return signed_in(person).get(QUEUE + query)


def flagged(response: Any) -> set[str]:
    return {
        row.ticket.reference
        for row in response.context["rows"]
        if row.project_candidate
    }


def shown(response: Any) -> set[str]:
    return {row.ticket.reference for row in response.context["rows"]}


def test_not_flagged_at_exactly_seven_days(agent: Worker, ticket: Ticket) -> None:
    # Opened Mon 3 March 09:00; 7 days later is Mon 10 March 09:00: open
    # exactly as long as the window, not longer.
    response = queue_at(agent, MONDAY_9 + timedelta(days=7))

    assert flagged(response) == set()
    assert FLAG not in response.content.decode()
    assert response.context["counts"]["candidates"] == 0


def test_flagged_a_minute_after_seven_days(
    agent: Worker, ticket: Ticket, newer: Ticket
) -> None:
    # Mon 10 March 09:01: the first ticket is 7 days and a minute old, the
    # newer one 5 days and a minute.
    response = queue_at(agent, at(10, 9, 1))

    assert flagged(response) == {ticket.reference}
    assert response.content.decode().count(FLAG) == 1
    assert response.context["counts"]["candidates"] == 1


def test_the_filter_shows_project_candidates_alone(
    agent: Worker, ticket: Ticket, newer: Ticket
) -> None:
    response = queue_at(agent, at(10, 9, 1), "?candidates=on")

    assert shown(response) == {ticket.reference}
    assert "Project candidates" in response.content.decode()


def test_a_lead_shortens_the_window(
    agent: Worker, ticket: Ticket, newer: Ticket
) -> None:
    ServiceSettings.objects.create(service_window_days=2)

    # Fri 7 March 10:00: the first ticket is 4 days and 1 hour old, the
    # newer one 2 days and 1 hour: both longer than 2 days.
    response = queue_at(agent, at(7, 10), "?candidates=on")

    assert shown(response) == {ticket.reference, newer.reference}
    assert response.context["counts"]["candidates"] == 2


def test_a_lead_lengthens_the_window(agent: Worker, ticket: Ticket) -> None:
    ServiceSettings.objects.create(service_window_days=10)

    # Mon 10 March 09:01 is past 7 days but not past 10 (Thu 13 09:00).
    assert flagged(queue_at(agent, at(10, 9, 1))) == set()
    assert flagged(queue_at(agent, at(13, 9, 1))) == {ticket.reference}


def test_the_window_is_from_1_to_365_days(db: None) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        ServiceSettings(service_window_days=0).full_clean()
    assert refused.value.message_dict == {
        "service_window_days": ["Ensure this value is greater than or equal to 1."]
    }
    with pytest.raises(ValidationError) as refused:
        ServiceSettings(service_window_days=366).full_clean()
    assert refused.value.message_dict == {
        "service_window_days": ["Ensure this value is less than or equal to 365."]
    }


def test_a_lead_edits_the_window_in_the_admin(lead: Worker, agent: Worker) -> None:
    lead_client = signed_in(lead)
    added = lead_client.post(
        reverse("admin:slo_servicesettings_add"), {"service_window_days": "3"}
    )

    assert added.status_code == 302
    assert ServiceSettings.current().service_window_days == 3
    # A second row would leave two windows in force: only the one is edited.
    assert lead_client.get(reverse("admin:slo_servicesettings_add")).status_code == 403
    row = ServiceSettings.objects.get()
    change = reverse("admin:slo_servicesettings_change", args=[row.pk])
    assert signed_in(agent).get(change).status_code == 302


def move(client: Client, ticket: Ticket, **data: str) -> Any:
    return client.post(reverse("desk:move_to_project", args=[ticket.number]), data)


def test_a_lead_moves_a_ticket_from_its_page(lead: Worker, ticket: Ticket) -> None:
    client = signed_in(lead)
    with time_machine.travel(at(10, 9, 1), tick=False):
        page = client.get(reverse("desk:ticket", args=[ticket.number]))
        assert "Move to project work" in page.content.decode()
        response = move(client, ticket, tracked_at=TRACKER, reason="Needs a budget.")

    assert response.status_code == 302
    moved = Ticket.objects.get(pk=ticket.pk)
    assert moved.status == Status.CLOSED
    assert moved.project_tracked_at == TRACKER
    event = moved.events.get(type=EventType.MOVED_TO_PROJECT)
    assert event.data["reason"] == "Needs a budget."
    # Never answered: the response clock breached at 10:00 on the 3rd; the
    # resolution clock (480 business minutes, due Mon 3 March 17:00) too.
    assert moved.response_outcome == Outcome.BREACHED
    assert moved.resolution_outcome == Outcome.BREACHED

    with time_machine.travel(at(10, 9, 2), tick=False):
        after = client.get(response["Location"]).content.decode()
    assert (
        f"{ticket.reference} moved to project work, tracked at {TRACKER}; it is "
        "closed and its clocks have stopped."
    ) in after
    assert f'<a href="{TRACKER}">{TRACKER}</a>' in after
    assert "Move to project work</button>" not in after


def test_a_moved_ticket_leaves_the_queue(lead: Worker, ticket: Ticket) -> None:
    with time_machine.travel(at(10, 9, 1), tick=False):
        move(signed_in(lead), ticket, tracked_at="Screens 2025", reason="Big.")

    assert shown(queue_at(lead, at(10, 9, 2))) == set()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"tracked_at": "", "reason": "Needs a budget."},
            "Write where the project is tracked; it cannot be empty.",
        ),
        (
            {"tracked_at": TRACKER, "reason": "  "},
            "Write why this is project work; it cannot be empty.",
        ),
    ],
)
def test_both_fields_are_required(
    lead: Worker, ticket: Ticket, data: dict[str, str], message: str
) -> None:
    with time_machine.travel(at(10, 9, 1), tick=False):
        response = move(signed_in(lead), ticket, **data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).status == Status.NEW


def test_an_agent_is_refused_and_not_offered_the_form(
    agent: Worker, ticket: Ticket
) -> None:
    client = signed_in(agent)
    with time_machine.travel(at(10, 9, 1), tick=False):
        page = client.get(reverse("desk:ticket", args=[ticket.number]))
        response = move(client, ticket, tracked_at=TRACKER, reason="Big.")

    assert "Move to project work" not in page.content.decode()
    assert response.status_code == 403
    assert "Only a lead can move a ticket to project work." in response.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).status == Status.NEW


def test_the_requester_is_told_not_found(worker: Worker, ticket: Ticket) -> None:
    with time_machine.travel(at(10, 9, 1), tick=False):
        response = move(signed_in(worker), ticket, tracked_at=TRACKER, reason="Big.")

    assert response.status_code == 404
    assert Ticket.objects.get(pk=ticket.pk).status == Status.NEW


def test_the_worker_reads_where_the_work_went(
    lead: Worker, worker: Worker, ticket: Ticket
) -> None:
    with time_machine.travel(at(10, 9, 1), tick=False):
        move(signed_in(lead), ticket, tracked_at=TRACKER, reason="Needs a budget.")
        page = signed_in(worker).get(reverse("portal:ticket", args=[ticket.number]))

    text = page.content.decode()
    assert page.status_code == 200
    assert (
        "This has become project work, so it is closed here. The project is "
        f"tracked at: {TRACKER}"
    ) in text
    assert f'<a href="{TRACKER}" rel="noopener noreferrer">{TRACKER}</a>' in text
    # The reason is for the team, not the worker.
    assert "Needs a budget." not in text
