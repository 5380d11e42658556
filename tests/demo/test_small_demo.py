"""A small demo organisation, built once for this module with the command.

Time stands still at Wednesday 4 March 2026, 14:30 UTC, all module long; the
installation's zone is UTC in tests, so the business calendar is Monday to
Friday 09:00-17:00 UTC. The demo is rolled back when the module ends.
"""

from collections.abc import Iterator
from datetime import UTC, datetime
from io import StringIO
from itertools import pairwise
from typing import Any

import pytest
import time_machine
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction

from credence.demo.models import DemoOrganisation
from credence.slo.models import ClosedDay
from credence.tickets import services
from credence.tickets.models import Comment, EventType, Status, Ticket, TicketEvent
from credence.workers.models import Team, Worker
from credence.workers.roles import AGENTS, LEADS, is_agent, is_lead

NOW = datetime(2026, 3, 4, 14, 30, tzinfo=UTC)
SEED = 7
DAYS = 10
WORKERS = 12

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def first_run(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """What `credence demo` printed when it created the demo."""
    with (
        django_db_blocker.unblock(),
        time_machine.travel(NOW, tick=False),
        transaction.atomic(),
    ):
        output = StringIO()
        call_command("demo", seed=SEED, days=DAYS, workers=WORKERS, stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


def sign_in_lines(output: str) -> list[list[str]]:
    """The (role, username, "password", password) lines of the sign-ins."""
    after = output.split("(for trying Credence only, never for production):\n")[1]
    return [line.split() for line in after.splitlines()]


def test_the_first_run_says_what_it_created(first_run: str) -> None:
    lines = first_run.splitlines()

    assert lines[:2] == [
        "Looking for the demo organisation (creating one takes about 20 seconds)...",
        f"Created the demo organisation: 12 workers and {Ticket.objects.count()} "
        "tickets over the last 10 days (seed 7).",
    ]
    assert lines[2:4] == [
        "",
        "Demo sign-ins at http://127.0.0.1:8000/sign-in/ (for trying Credence "
        "only, never for production):",
    ]
    assert [line[0] for line in sign_in_lines(first_run)] == ["worker", "agent", "lead"]


def test_each_printed_sign_in_works_with_its_role(first_run: str) -> None:
    people = {}
    for role, username, word, password in sign_in_lines(first_run):
        # The documented rule: the username followed by "-demo".
        assert (word, password) == ("password", f"{username}-demo")
        person = authenticate(username=username, password=password)
        assert isinstance(person, Worker)
        people[role] = person

    assert (is_agent(people["worker"]), is_lead(people["worker"])) == (False, False)
    assert (is_agent(people["agent"]), is_lead(people["agent"])) == (True, False)
    assert (is_agent(people["lead"]), is_lead(people["lead"])) == (True, True)


def test_the_directory_has_the_asked_size_and_one_it_team(first_run: str) -> None:
    assert Worker.objects.count() == 12
    assert Worker.objects.filter(groups__name=AGENTS).count() == 3
    assert Worker.objects.filter(groups__name=LEADS).count() == 1
    it_team = set(Worker.objects.filter(team__name="IT").values_list("pk", flat=True))
    desk = set(
        Worker.objects.filter(groups__name__in=[AGENTS, LEADS]).values_list(
            "pk", flat=True
        )
    )
    assert it_team == desk
    # 12 people: the IT team of 4 and 8 served, who fill the five teams
    # before any team gets a second member.
    assert list(Team.objects.values_list("name", flat=True)) == [
        "Engineering",
        "Finance",
        "IT",
        "Operations",
        "People",
        "Sales",
    ]


def test_every_worker_has_a_made_up_address_and_a_manager_but_one(
    first_run: str,
) -> None:
    emails = Worker.objects.values_list("email", flat=True)
    assert all(email.endswith(("@example.test", "@example.org")) for email in emails)
    # Only the Operations manager, who runs the company, has no manager.
    assert Worker.objects.filter(manager=None).count() == 1
    assert Worker.objects.get(manager=None).team.name == "Operations"


def test_the_volume_fits_ten_days_of_a_desk(first_run: str) -> None:
    # From Sunday 22 February 14:30 to Wednesday 4 March 14:30: the working
    # days 23-27 February and 2-3 March are whole, 7 x 8 = 56 at least; at
    # most 7 x 15 on them, 15 on 4 March, and 2 on each of the 3 weekend
    # days: 105 + 15 + 6 = 126.
    assert 56 <= Ticket.objects.count() <= 126


def test_every_history_opens_first_and_runs_in_time_order(first_run: str) -> None:
    for ticket in Ticket.objects.all():
        events = list(TicketEvent.objects.filter(ticket=ticket).order_by("id"))
        assert events[0].type == EventType.OPENED
        assert events[0].at == ticket.opened_at
        assert all(earlier.at <= later.at for earlier, later in pairwise(events))


def test_nothing_happens_after_now(first_run: str) -> None:
    assert not TicketEvent.objects.filter(at__gt=NOW).exists()
    assert not Comment.objects.filter(created_at__gt=NOW).exists()
    assert not Ticket.objects.filter(updated_at__gt=NOW).exists()


def test_tickets_stand_in_every_status(first_run: str) -> None:
    statuses = set(Ticket.objects.values_list("status", flat=True))

    assert statuses == {
        Status.NEW,
        Status.IN_PROGRESS,
        Status.WAITING,
        Status.RESOLVED,
        Status.CLOSED,
    }


def test_some_objectives_were_met_and_some_breached(first_run: str) -> None:
    response = set(Ticket.objects.values_list("response_outcome", flat=True))
    resolution = set(Ticket.objects.values_list("resolution_outcome", flat=True))

    assert {"met", "breached"} <= response
    assert {"met", "breached"} <= resolution


def test_side_channel_tickets_are_logged_by_an_agent(first_run: str) -> None:
    side = Ticket.objects.exclude(channel="portal")
    portal = Ticket.objects.filter(channel="portal")

    assert side.exists()
    assert all(is_agent(ticket.logged_by) for ticket in side)
    assert all(ticket.logged_by_id == ticket.requester_id for ticket in portal)


def test_a_company_day_is_closed_on_the_business_calendar(first_run: str) -> None:
    # Fridays six weeks before and three weeks after Wednesday 4 March.
    assert list(ClosedDay.objects.values_list("date", "name")) == [
        (datetime(2026, 1, 23).date(), "Company day"),
        (datetime(2026, 3, 27).date(), "Office move"),
    ]


def test_a_second_run_creates_nothing_and_prints_the_sign_ins(first_run: str) -> None:
    counts = (
        Worker.objects.count(),
        Ticket.objects.count(),
        TicketEvent.objects.count(),
    )
    output = StringIO()

    call_command("demo", stdout=output)

    assert output.getvalue().splitlines()[:2] == [
        "Looking for the demo organisation (creating one takes about 20 seconds)...",
        "The demo organisation is already here; nothing was created.",
    ]
    assert sign_in_lines(output.getvalue()) == sign_in_lines(first_run)
    assert (
        Worker.objects.count(),
        Ticket.objects.count(),
        TicketEvent.objects.count(),
    ) == counts
    assert DemoOrganisation.objects.count() == 1


def test_tickets_opened_while_trying_the_demo_do_not_block_it(first_run: str) -> None:
    username = sign_in_lines(first_run)[0][1]
    services.open_ticket(
        requester=Worker.objects.get(username=username),
        kind="request",
        title="Trying the portal",
        priority="low",
        actor=Worker.objects.get(username=username),
    )
    output = StringIO()

    call_command("demo", stdout=output)

    assert "nothing was created" in output.getvalue()
