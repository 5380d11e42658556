"""A ticket's desk page: who may open it, and what it shows."""

from collections.abc import Callable

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from credence.tickets import services
from credence.tickets.models import Ticket, TicketEvent
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.desk.conftest import MONDAY_9, at, buttons, open_for


def url(ticket: Ticket) -> str:
    return reverse("desk:ticket", args=[ticket.number])


@pytest.fixture
def ticket(worker: Worker) -> Ticket:
    with time_machine.travel(MONDAY_9, tick=False):
        return open_for(worker, MONDAY_9)


@pytest.fixture
def secret(worker: Worker, lead: Worker) -> Ticket:
    with time_machine.travel(MONDAY_9, tick=False):
        return open_for(worker, MONDAY_9, "Report", actor=lead, confidential=True)


# Access


def test_requester_gets_not_found_on_the_desk(worker: Worker, ticket: Ticket) -> None:
    assert signed_in(worker).get(url(ticket)).status_code == 404


def test_other_worker_gets_not_found(other_worker: Worker, ticket: Ticket) -> None:
    assert signed_in(other_worker).get(url(ticket)).status_code == 404


def test_agent_opens_the_ticket(agent: Worker, ticket: Ticket) -> None:
    response = signed_in(agent).get(url(ticket))
    assert response.status_code == 200
    assert (
        f"<h1>{ticket.reference} Laptop will not start</h1>"
        in response.content.decode()
    )


def test_lead_opens_the_ticket(lead: Worker, ticket: Ticket) -> None:
    assert signed_in(lead).get(url(ticket)).status_code == 200


def test_agent_gets_not_found_on_a_confidential_ticket(
    agent: Worker, secret: Ticket
) -> None:
    assert signed_in(agent).get(url(secret)).status_code == 404


def test_lead_opens_a_confidential_ticket(lead: Worker, secret: Ticket) -> None:
    response = signed_in(lead).get(url(secret))
    assert response.status_code == 200
    assert '<span class="badge">Confidential</span>' in response.content.decode()


def test_agent_follows_a_confidential_ticket_they_asked_for_in_the_portal(
    agent: Worker, lead: Worker
) -> None:
    # The desk page shows the leads' internal notes; an agent who asked for
    # a confidential ticket reads it as its requester, like any worker.
    with time_machine.travel(MONDAY_9, tick=False):
        own = open_for(agent, MONDAY_9, "My payslip", actor=lead, confidential=True)
    client = signed_in(agent)
    assert client.get(url(own)).status_code == 404
    assert client.get(f"/portal/tickets/{own.number}/").status_code == 200


def test_unknown_ticket_is_not_found(agent: Worker) -> None:
    assert signed_in(agent).get("/desk/tickets/999999/").status_code == 404


# Conversation and history


@pytest.fixture
def worked(worker: Worker, agent: Worker, ticket: Ticket) -> Ticket:
    with time_machine.travel(at(3, 11, 0), tick=False):
        services.reply(ticket, agent, "Is it plugged in?", at=at(3, 9, 10))
        services.add_note(ticket, agent, "Third laptop this week.", at=at(3, 9, 12))
        services.worker_comment(ticket, worker, "Yes it is.", at=at(3, 9, 20))
        services.assign(ticket, agent, agent, at=at(3, 9, 25))
        services.change_priority(
            ticket, agent, "high", "Needed for the board meeting", at=at(3, 9, 30)
        )
        return ticket


def test_conversation_shows_internal_notes_marked(
    agent: Worker, worked: Ticket
) -> None:
    with time_machine.travel(at(3, 11, 0), tick=False):
        page = signed_in(agent).get(url(worked)).content.decode()
    assert "Is it plugged in?" in page
    assert "Yes it is." in page
    assert '<li class="internal_note">' in page
    assert "Internal note: the worker does not see this" in page
    assert "Third laptop this week." in page


def test_history_says_who_did_what_and_when(agent: Worker, worked: Ticket) -> None:
    with time_machine.travel(at(3, 11, 0), tick=False):
        response = signed_in(agent).get(url(worked))
    lines = [(line.who, line.what) for line in response.context["history"]]
    assert lines == [
        ("Wanda Worker", "Opened via Portal at priority Medium"),
        ("Ada Agent", "Replied to the worker"),
        ("Ada Agent", "Added an internal note"),
        ("Wanda Worker", "Commented"),
        ("Ada Agent", "Assigned to Ada Agent"),
        (
            "Ada Agent",
            "Changed priority from Medium to High: Needed for the board meeting",
        ),
    ]
    page = response.content.decode()
    assert (
        '<time datetime="2025-03-03T09:30:00+00:00">Mon 3 Mar 2025, 09:30</time>'
        in page
    )


# The SLO panel


def test_panel_shows_target_due_elapsed_and_counted_stretches(
    worker: Worker, agent: Worker
) -> None:
    # Opened Friday 7 March at 16:30. Response: 30 min counts on Friday to
    # 17:00, the other 30 min on Monday from 09:00: due Monday 09:30. At
    # Monday 09:45 it has counted 30 + 45 = 75 min and breached 15 min ago.
    with time_machine.travel(at(10, 9, 45), tick=False):
        ticket = open_for(worker, at(7, 16, 30))
        response = signed_in(agent).get(url(ticket))
    clock = response.context["clocks"][0]
    assert clock.name == "Response"
    assert clock.target == "1 h on Business hours"
    assert clock.due == at(10, 9, 30)
    assert clock.due_words == "breached 15 min ago"
    assert clock.elapsed == "1 h 15 min"
    assert clock.outcome == "breached"
    assert [(s.start, s.end, s.minutes) for s in clock.counted] == [
        (at(7, 16, 30), at(7, 17, 0), "30 min"),
        (at(10, 9, 0), at(10, 9, 45), "45 min"),
    ]
    page = response.content.decode()
    assert '<h3>Response <span class="badge breached">Breached</span></h3>' in page
    assert "<dd>1 h on Business hours</dd>" in page
    assert "<dd>1 h 15 min counted</dd>" in page
    assert "<td>Fri 7 Mar, 16:30</td>" in page
    assert "<td>Mon 10 Mar, 09:45</td>" in page


def test_panel_lists_the_pauses_of_the_resolution_clock(
    worker: Worker, agent: Worker, ticket: Ticket
) -> None:
    # Medium resolution is 8 business hours. Running 09:00-10:00, waiting
    # 10:00-11:00, running again from 11:00: at 12:00 it has counted
    # 60 + 60 = 120 min; the other 360 min run 12:00-17:00 (300) and
    # Tuesday 09:00-10:00 (60): due Tuesday 10:00.
    with time_machine.travel(at(3, 12, 0), tick=False):
        services.wait_on_worker(ticket, agent, "Which model?", at=at(3, 10, 0))
        services.worker_comment(ticket, worker, "A T14.", at=at(3, 11, 0))
        response = signed_in(agent).get(url(ticket))
    clock = response.context["clocks"][1]
    assert clock.target == "8 h on Business hours"
    assert clock.elapsed == "2 h"
    assert clock.due == at(4, 10, 0)
    assert clock.due_words == "due tomorrow 10:00"
    assert [(p.start, p.end) for p in clock.pauses] == [(at(3, 10, 0), at(3, 11, 0))]
    assert "<li>Mon 3 Mar, 10:00 to Mon 3 Mar, 11:00</li>" in response.content.decode()


def test_panel_says_a_waiting_ticket_is_paused(agent: Worker, ticket: Ticket) -> None:
    with time_machine.travel(at(3, 12, 0), tick=False):
        services.wait_on_worker(ticket, agent, "Which model?", at=at(3, 10, 0))
        response = signed_in(agent).get(url(ticket))
    resolution = response.context["clocks"][1]
    assert resolution.outcome == "paused"
    assert resolution.due is None
    assert resolution.due_words == "paused (waiting on worker)"
    assert "now (still paused)" in response.content.decode()


def test_panel_shows_round_the_clock_targets(worker: Worker, agent: Worker) -> None:
    with time_machine.travel(at(3, 9, 5), tick=False):
        ticket = open_for(worker, MONDAY_9, priority="highest")
        clocks = signed_in(agent).get(url(ticket)).context["clocks"]
    assert [clock.target for clock in clocks] == [
        "15 min on Round the clock",
        "2 h on Round the clock",
    ]
    # 09:00 + 15 min = 09:15, ten minutes after 09:05.
    assert clocks[0].due_words == "due in 10 min"


def test_times_are_shown_in_the_agents_own_zone(agent: Worker, ticket: Ticket) -> None:
    agent.time_zone = "Europe/Berlin"
    agent.save()
    with time_machine.travel(at(3, 9, 30), tick=False):
        page = signed_in(agent).get(url(ticket)).content.decode()
    # 09:00 UTC is 10:00 in Berlin in March (UTC+1).
    assert "Times in Europe/Berlin." in page
    assert "Mon 3 Mar 2025, 10:00</time>" in page


# Offered whatever the status: the team's own notes and who works on it.
ALWAYS = {"Add note", "Assign", "Assign to me"}


def _acknowledged(ticket: Ticket, agent: Worker) -> None:
    services.acknowledge(ticket, agent, at=at(3, 9, 10))


def _waiting(ticket: Ticket, agent: Worker) -> None:
    services.wait_on_worker(ticket, agent, "Which model?", at=at(3, 9, 10))


def _resolved(ticket: Ticket, agent: Worker) -> None:
    services.resolve(ticket, agent, at=at(3, 9, 10))


def _closed(ticket: Ticket, agent: Worker) -> None:
    _resolved(ticket, agent)
    services.close(ticket, agent, at=at(3, 9, 20))


def _reopened(ticket: Ticket, agent: Worker) -> None:
    _closed(ticket, agent)
    services.reopen(ticket, agent, "It broke again.", at=at(3, 9, 25))


@pytest.mark.parametrize(
    ("make", "offered"),
    [
        (
            None,
            {"Acknowledge", "Send reply", "Change priority", "Send and wait"}
            | {"Resolve ticket"},
        ),
        (
            _acknowledged,
            {"Send reply", "Change priority", "Send and wait", "Resolve ticket"},
        ),
        (
            _waiting,
            {"Send reply", "Change priority", "Stop waiting", "Resolve ticket"},
        ),
        (
            _resolved,
            {"Send reply", "Close (the worker confirmed)", "Reopen ticket"},
        ),
        (_closed, {"Reopen ticket"}),
        # Reopening made the ticket acknowledged long ago: no Acknowledge.
        (
            _reopened,
            {"Send reply", "Change priority", "Send and wait", "Resolve ticket"},
        ),
    ],
    ids=["new", "acknowledged", "waiting", "resolved", "closed", "reopened"],
)
def test_only_the_actions_that_apply_are_offered(
    agent: Worker,
    ticket: Ticket,
    make: Callable[[Ticket, Worker], None] | None,
    offered: set[str],
) -> None:
    with time_machine.travel(at(3, 9, 30), tick=False):
        if make is not None:
            make(ticket, agent)
        page = signed_in(agent).get(url(ticket)).content.decode()
    assert buttons(page) == ALWAYS | offered


def test_reopen_asks_what_is_still_wrong(agent: Worker, ticket: Ticket) -> None:
    with time_machine.travel(at(3, 9, 30), tick=False):
        _resolved(ticket, agent)
        page = signed_in(agent).get(url(ticket)).content.decode()
    assert (
        '<label for="reopen_reason">What is still wrong? (the worker sees '
        "this)</label>" in page
    )
    assert (
        '<textarea name="reason" cols="40" rows="2" required id="reopen_reason">'
        in page
    )


def test_assign_lists_the_agents(agent: Worker, lead: Worker, ticket: Ticket) -> None:
    page = signed_in(agent).get(url(ticket)).content.decode()
    assert f'<option value="{agent.pk}">Ada Agent (ada, IT)</option>' in page
    assert f'<option value="{lead.pk}">Lee Lead (lee, IT)</option>' in page
    assert "Wanda Worker (wanda" not in page
    assert ">Assign to me</button>" in page


def _more_history(ticket: Ticket, agent: Worker, worker: Worker) -> None:
    # 28 more events, replies and comments by turns, 10:31 to 10:58.
    with time_machine.travel(at(3, 11, 0), tick=False):
        for minute in range(31, 59):
            if minute % 2:
                services.reply(ticket, agent, f"Try {minute}.", at=at(3, 10, minute))
            else:
                services.worker_comment(ticket, worker, "No.", at=at(3, 10, minute))


def test_page_query_count_does_not_grow_with_history(
    agent: Worker,
    worker: Worker,
    worked: Ticket,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    client: Client = signed_in(agent)
    with time_machine.travel(at(3, 11, 0), tick=False):
        client.get(url(worked))
        with CaptureQueriesContext(connection) as six_events:
            client.get(url(worked))
    _more_history(worked, agent, worker)
    assert worked.events.count() == 34

    most = len(six_events.captured_queries)
    with (
        time_machine.travel(at(3, 11, 0), tick=False),
        django_assert_max_num_queries(most),
    ):
        response = client.get(url(worked))

    assert len(response.context["history"]) == 34


def test_page_reads_the_events_once_for_history_and_clocks(
    agent: Worker, worker: Worker, worked: Ticket
) -> None:
    _more_history(worked, agent, worker)
    client: Client = signed_in(agent)

    with time_machine.travel(at(3, 11, 0), tick=False):
        client.get(url(worked))
        with CaptureQueriesContext(connection) as seen:
            response = client.get(url(worked))

    assert len(response.context["history"]) == 34
    assert [panel.name for panel in response.context["clocks"]] == [
        "Response",
        "Resolution",
    ]
    events_table = TicketEvent._meta.db_table
    reads = [q["sql"] for q in seen.captured_queries if events_table in q["sql"]]
    assert len(reads) == 1
