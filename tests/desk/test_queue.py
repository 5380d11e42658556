"""The desk's queue: who sees it, its order, its words, its filters."""

from datetime import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from credence.desk.queue import QueueRow
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.desk.conftest import MONDAY_9, at, open_for

QUEUE = reverse("desk:queue")


def references(client: Client, query: str = "") -> list[str]:
    response = client.get(QUEUE + query)
    assert response.status_code == 200
    return [row.ticket.reference for row in response.context["rows"]]


def rows_by_reference(client: Client, query: str = "") -> dict[str, QueueRow]:
    response = client.get(QUEUE + query)
    return {row.ticket.reference: row for row in response.context["rows"]}


# Access


@pytest.mark.django_db
def test_signed_out_visitor_is_sent_to_sign_in() -> None:
    response = Client().get(QUEUE)
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/desk/"


def test_worker_gets_not_found(worker: Worker) -> None:
    assert signed_in(worker).get(QUEUE).status_code == 404


def test_other_worker_gets_not_found(other_worker: Worker) -> None:
    assert signed_in(other_worker).get(QUEUE).status_code == 404


def test_agent_sees_the_queue(agent: Worker) -> None:
    response = signed_in(agent).get(QUEUE)
    assert response.status_code == 200
    assert b"<h1>Queue</h1>" in response.content


def test_lead_sees_the_queue(lead: Worker) -> None:
    assert signed_in(lead).get(QUEUE).status_code == 200


# What is in it, and in which order


@pytest.fixture
def morning(worker: Worker, agent: Worker, lead: Worker) -> dict[str, Ticket]:
    """Tickets opened on Monday 3 March 2025, in a hand-worked order.

    Medium is 1 h response and 8 h resolution on business hours (Monday to
    Friday 09:00-17:00 UTC); high is 15 min and 4 h round the clock; low is
    1 h and 16 h on business hours.
    """
    with time_machine.travel(at(3, 9, 20), tick=False):
        # Response due 09:00 + 1 h = 10:00.
        medium_at_nine = open_for(worker, MONDAY_9, "Printer jammed")
        # Opened before opening hours: counts from 09:00, due 10:00 too.
        medium_early = open_for(worker, at(3, 8, 0), "VPN drops")
        # Acknowledged at 09:10; resolution 16 business hours: Monday
        # 09:00-17:00 and Tuesday 09:00-17:00, due Tuesday 17:00.
        low = open_for(worker, MONDAY_9, "New mouse", priority="low", kind="request")
        services.acknowledge(low, agent, at=at(3, 9, 10))
        # Waiting on the worker from 09:20: resolution paused, no due known.
        waiting = open_for(worker, MONDAY_9, "Shared drive")
        services.wait_on_worker(waiting, agent, "Which drive?", at=at(3, 9, 20))
        # Resolved: not in the queue.
        done = open_for(worker, MONDAY_9, "Password reset")
        services.resolve(done, agent, "Reset.", at=at(3, 9, 15))
        # Confidential: never in the queue, not even a lead's.
        secret = open_for(
            worker, MONDAY_9, "Harassment report", actor=lead, confidential=True
        )
    with time_machine.travel(at(3, 9, 30), tick=False):
        # Response due 09:30 + 15 min = 09:45, round the clock.
        high = open_for(worker, at(3, 9, 30), "Payroll down", priority="high")
    return {
        "medium_at_nine": medium_at_nine,
        "medium_early": medium_early,
        "low": low,
        "waiting": waiting,
        "done": done,
        "secret": secret,
        "high": high,
    }


def test_queue_orders_by_nearest_due_then_opening(
    agent: Worker, morning: dict[str, Ticket]
) -> None:
    # Dues: high 09:45; medium_early and medium_at_nine 10:00 (the one
    # opened first goes first); low Tuesday 17:00; waiting has none.
    expected = ["high", "medium_early", "medium_at_nine", "low", "waiting"]
    with time_machine.travel(at(3, 9, 35), tick=False):
        shown = references(signed_in(agent))
    assert shown == [morning[name].reference for name in expected]


def test_lead_queue_also_leaves_out_confidential_tickets(
    lead: Worker, morning: dict[str, Ticket]
) -> None:
    with time_machine.travel(at(3, 9, 35), tick=False):
        shown = references(signed_in(lead))
    assert morning["secret"].reference not in shown
    assert morning["done"].reference not in shown
    assert len(shown) == 5


def test_rows_say_the_time_left_in_words(
    agent: Worker, morning: dict[str, Ticket]
) -> None:
    with time_machine.travel(at(3, 9, 35), tick=False):
        rows = rows_by_reference(signed_in(agent))

    def lines(name: str) -> list[tuple[str, str]]:
        row = rows[morning[name].reference]
        return [(line.clock, line.words) for line in row.clocks]

    # High: response 09:45 - 09:35 = 10 min; resolution 09:30 + 4 h = 13:30,
    # 3 h 55 min away.
    assert lines("high") == [
        ("Response", "due in 10 min"),
        ("Resolution", "due in 3 h 55 min"),
    ]
    # Medium: response 10:00, 25 min away; resolution 8 business hours from
    # 09:00 is 17:00, 7 h 25 min away.
    assert lines("medium_at_nine") == [
        ("Response", "due in 25 min"),
        ("Resolution", "due in 7 h 25 min"),
    ]
    # Low: responded; resolution due Tuesday 17:00.
    assert lines("low") == [("Resolution", "due tomorrow 17:00")]
    assert lines("waiting") == [("Resolution", "paused (waiting on worker)")]


def test_the_page_shows_reference_title_requester_priority_status_assignee(
    agent: Worker, morning: dict[str, Ticket]
) -> None:
    with time_machine.travel(at(3, 9, 35), tick=False):
        services.assign(morning["high"], agent, agent, at=at(3, 9, 35))
        page = signed_in(agent).get(QUEUE).content.decode()
    number = morning["high"].number
    assert f'<a id="queue-ticket-{number}" href="/desk/tickets/{number}/">CR-' in page
    assert "Payroll down" in page
    assert "Wanda Worker" in page
    assert "<td>High</td>" in page
    assert "<td>New</td>" in page
    assert "<td>Waiting on worker</td>" in page
    assert "<td>Ada Agent</td>" in page
    assert "paused (waiting on worker)" in page


# Breaches


def test_running_clock_past_its_due_is_marked_breached(
    agent: Worker, morning: dict[str, Ticket]
) -> None:
    # At 10:30 both medium tickets' responses (due 10:00) and the high one's
    # (due 09:45) have breached; low's and the waiting one's have not.
    with time_machine.travel(at(3, 10, 30), tick=False):
        client = signed_in(agent)
        rows = rows_by_reference(client)
        page = client.get(QUEUE).content.decode()

    breached = {
        name
        for name, ticket in morning.items()
        if ticket.reference in rows and rows[ticket.reference].breached
    }
    assert breached == {"high", "medium_early", "medium_at_nine"}
    medium = rows[morning["medium_at_nine"].reference]
    assert medium.clocks[0].words == "breached 30 min ago"
    assert page.count('<tr class="breached-row">') == 3
    assert page.count('<span class="badge breached">Breached</span>') == 3


def test_a_clock_that_stopped_late_keeps_the_row_breached(
    worker: Worker, agent: Worker
) -> None:
    with time_machine.travel(at(3, 10, 15), tick=False):
        ticket = open_for(worker, MONDAY_9)
        # Acknowledged at 10:15, 15 min after the 10:00 due.
        services.acknowledge(ticket, agent, at=at(3, 10, 15))
        rows = rows_by_reference(signed_in(agent))
    row = rows[ticket.reference]
    assert row.breached
    assert [(line.clock, line.words) for line in row.clocks] == [
        ("Response", "breached"),
        ("Resolution", "due in 6 h 45 min"),
    ]


# Filters


@pytest.fixture
def assigned(agent: Worker, lead: Worker, morning: dict[str, Ticket]) -> None:
    with time_machine.travel(at(3, 9, 31), tick=False):
        services.assign(morning["high"], agent, agent, at=at(3, 9, 31))
        services.assign(morning["low"], agent, agent, at=at(3, 9, 31))
        services.assign(morning["medium_early"], lead, lead, at=at(3, 9, 31))


def names_shown(client: Client, morning: dict[str, Ticket], query: str) -> set[str]:
    shown = set(references(client, query))
    return {name for name, ticket in morning.items() if ticket.reference in shown}


@pytest.mark.usefixtures("assigned")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?mine=on", {"high", "low"}),
        ("?unassigned=on", {"medium_at_nine", "waiting"}),
        ("?priority=medium", {"medium_at_nine", "medium_early", "waiting"}),
        ("?waiting=on", {"waiting"}),
        # At 10:30: high (09:45) and both mediums (10:00) have breached.
        ("?breached=on", {"high", "medium_early", "medium_at_nine"}),
        ("?mine=on&breached=on", {"high"}),
        ("?unassigned=on&priority=medium&breached=on", {"medium_at_nine"}),
        ("?mine=on&unassigned=on", set()),
        # An unknown priority is ignored; the other filters still apply.
        ("?priority=urgent&mine=on", {"high", "low"}),
    ],
)
def test_filters_combine(
    agent: Worker, morning: dict[str, Ticket], query: str, expected: set[str]
) -> None:
    with time_machine.travel(at(3, 10, 30), tick=False):
        assert names_shown(signed_in(agent), morning, query) == expected


@pytest.mark.usefixtures("assigned")
def test_filter_counts_are_shown_beside_each_filter(
    agent: Worker, morning: dict[str, Ticket]
) -> None:
    with time_machine.travel(at(3, 10, 30), tick=False):
        response = signed_in(agent).get(QUEUE + "?waiting=on")
    assert response.context["counts"] == {
        "open": 5,
        "mine": 2,
        "unassigned": 2,
        "breached": 3,
        "waiting": 1,
        # All five were opened this morning, far inside the 7-day window.
        "candidates": 0,
    }
    page = response.content.decode()
    assert 'Assigned to me <span class="count" id="count-mine">(2)</span>' in page
    assert 'Breached <span class="count" id="count-breached">(3)</span>' in page
    assert "Showing 1 of 5 open tickets, nearest due first." in page
    # The chosen filter stays ticked.
    assert 'name="waiting" id="id_waiting" checked' in page


def test_filters_through_htmx_return_only_the_results(
    agent: Worker, morning: dict[str, Ticket]
) -> None:
    with time_machine.travel(at(3, 9, 35), tick=False):
        response = signed_in(agent).get(QUEUE + "?waiting=on", HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "HX-Request" in response["Vary"]
    assert "<html" not in page
    assert "Shared drive" in page
    assert "Printer jammed" not in page


def test_no_match_says_so(agent: Worker) -> None:
    page = signed_in(agent).get(QUEUE + "?waiting=on").content.decode()
    assert "No open tickets match these filters." in page


# Size


def test_queue_pages_by_fifty(worker: Worker, agent: Worker) -> None:
    with time_machine.travel(at(3, 9, 0), tick=False):
        for number in range(51):
            open_for(worker, MONDAY_9, f"Ticket {number}")
        client = signed_in(agent)
        first = client.get(QUEUE)
        second = client.get(QUEUE + "?page=2")
    assert len(first.context["rows"]) == 50
    assert len(second.context["rows"]) == 1
    assert 'href="/desk/?page=2">Next page</a>' in first.content.decode()
    assert "Page 2 of 2" in second.content.decode()


def test_queue_query_count_does_not_grow_with_tickets(
    worker: Worker,
    other_worker: Worker,
    agent: Worker,
    lead: Worker,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    opened: datetime = MONDAY_9
    with time_machine.travel(at(3, 10, 0), tick=False):
        for number in range(30):
            requester = worker if number % 2 else other_worker
            ticket = open_for(requester, opened, f"Ticket {number}")
            if number % 3 == 0:
                services.assign(ticket, agent, lead if number % 2 else agent)
        client = signed_in(agent)
        client.get(QUEUE)
        # Session, worker, two permission look-ups, counts, page count,
        # page rows: seven, and the same for 30 tickets as for 3.
        with django_assert_max_num_queries(10):
            response = client.get(QUEUE + "?priority=medium")
    assert len(response.context["rows"]) == 30
