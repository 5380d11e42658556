"""The desk's panel about a ticket's requester, per persona."""

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from credence.directory.models import (
    Application,
    ApplicationAccess,
    Change,
    Device,
    DeviceType,
)
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.desk.conftest import open_for

pytestmark = pytest.mark.django_db

# Tuesday 10 March 2026, ten in the morning UTC.
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=UTC)
HEADING = '<h2 id="requester-context-heading">About Wanda Worker</h2>'


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def ticket(worker: Worker) -> Ticket:
    return open_for(worker, NOW - timedelta(hours=1), "Ledger shows no totals")


@pytest.fixture
def context_of_wanda(worker: Worker, other_worker: Worker) -> None:
    ledger = Application.objects.create(name="Ledger")
    wiki = Application.objects.create(name="Wiki")
    ApplicationAccess.objects.create(worker=worker, application=ledger, role="approver")
    ApplicationAccess.objects.create(
        worker=other_worker, application=wiki, role="editor"
    )
    laptop = Device.objects.create(
        type=DeviceType.LAPTOP,
        model="Aurora 14 G3",
        serial="TST0001",
        operating_system="Windows 11 24H2",
        worker=worker,
    )
    Device.objects.create(
        type=DeviceType.PHONE, model="Pocket 8", serial="TST0002", worker=other_worker
    )
    for reference, summary, days_ago, application, device in (
        ("CHG-1", "Ledger upgraded to 5.2", 2, ledger, None),
        ("CHG-2", "Firmware updated", 5, None, laptop),
        ("CHG-3", "Wiki moved to a new server", 1, wiki, None),
        ("CHG-4", "Ledger certificate renewed", 31, ledger, None),
    ):
        Change.objects.create(
            reference=reference,
            summary=summary,
            happened_at=NOW - timedelta(days=days_ago),
            application=application,
            device=device,
        )


def page(viewer: Worker, ticket: Ticket) -> str:
    response = signed_in(viewer).get(reverse("desk:ticket", args=[ticket.number]))
    assert response.status_code == 200
    return response.content.decode()


def panel(html: str) -> str:
    start = html.index('<section class="requester-context"')
    end = re.compile(r"</div>\s*</section>").search(html, start)
    assert end is not None
    return html[start : end.end()]


def test_agent_sees_the_requesters_devices_applications_and_changes(
    agent: Worker, ticket: Ticket, context_of_wanda: None
) -> None:
    shown = panel(page(agent, ticket))

    assert HEADING in shown
    assert "<strong>Laptop</strong> Aurora 14 G3, Windows 11 24H2" in shown
    assert "serial TST0001" in shown
    assert 'Ledger <span class="meta">approver</span>' in shown
    assert "Ledger upgraded to 5.2" in shown
    assert "Firmware updated" in shown
    # Another worker's records and a change older than thirty days stay out.
    for elsewhere in ("Pocket 8", "Wiki", "Ledger certificate renewed"):
        assert elsewhere not in shown


def test_changes_are_newest_first_with_what_they_touched(
    agent: Worker, ticket: Ticket, context_of_wanda: None
) -> None:
    shown = panel(page(agent, ticket))

    assert shown.index("Ledger upgraded to 5.2") < shown.index("Firmware updated")
    assert "CHG-2 · Laptop Aurora 14 G3 (TST0001)" in shown
    assert '<time datetime="2026-03-08T10:00:00+00:00">8 Mar, 10:00</time>' in shown


def test_the_panel_has_a_heading_for_each_part(agent: Worker, ticket: Ticket) -> None:
    shown = panel(page(agent, ticket))

    for heading in (
        "Devices",
        "Applications",
        "Changes in the last 30 days",
        "Other open tickets",
    ):
        assert f">{heading}</h3>" in shown
    assert "No devices assigned." in shown
    assert "No applications recorded." in shown


def test_the_agent_sees_who_the_requester_is_and_their_local_time(
    agent: Worker, worker: Worker, other_worker: Worker, ticket: Ticket
) -> None:
    Worker.objects.filter(pk=worker.pk).update(
        kind="contractor",
        manager=other_worker,
        start_date=date(2026, 2, 20),
        time_zone="Asia/Singapore",
    )

    shown = panel(page(agent, ticket))

    assert (
        '<dt>Kind</dt><dd>Contractor <span class="badge">New starter</span></dd>'
        in shown
    )
    assert "<dt>Team</dt><dd>Finance</dd>" in shown
    assert "<dt>Manager</dt><dd>Oscar Other</dd>" in shown
    assert '<time datetime="2026-02-20">20 Feb 2026</time>' in shown
    # Ten in the morning UTC is six in the evening in Singapore (UTC+8).
    assert (
        '<dt>Their time</dt><dd><time datetime="2026-03-10T18:00+08:00">18:00</time>'
        " (Asia/Singapore)</dd>" in shown
    )


@pytest.mark.parametrize(
    ("started", "new"),
    [
        # Thirty days before 10 March is 8 February.
        (date(2026, 2, 8), False),
        (date(2026, 2, 9), True),
        (date(2026, 3, 10), True),
        # Not started yet: their first day is still to come.
        (date(2026, 3, 11), False),
    ],
)
def test_a_new_starter_is_marked_for_thirty_days(
    agent: Worker, worker: Worker, ticket: Ticket, started: date, new: bool
) -> None:
    Worker.objects.filter(pk=worker.pk).update(start_date=started)

    shown = panel(page(agent, ticket))

    assert ("New starter" in shown) is new


def test_other_open_tickets_link_to_the_desk_and_leave_out_closed_ones(
    agent: Worker, worker: Worker, other_worker: Worker, ticket: Ticket
) -> None:
    printer = open_for(worker, NOW - timedelta(days=2), "Printer jams")
    done = open_for(worker, NOW - timedelta(days=3), "Old request")
    services.resolve(done, actor=agent, resolution="Done.", at=NOW)
    open_for(other_worker, NOW - timedelta(days=1), "Someone else's")

    shown = panel(page(agent, ticket))

    link = reverse("desk:ticket", args=[printer.number])
    assert f'<a href="{link}">{printer.reference} Printer jams</a>' in shown
    for absent in ("Old request", "Someone else&#x27;s", "Ledger shows no totals"):
        assert absent not in shown


def test_confidential_other_tickets_are_hidden_from_agents_but_not_leads(
    agent: Worker, lead: Worker, worker: Worker, ticket: Ticket
) -> None:
    open_for(
        worker,
        NOW - timedelta(days=1),
        "A private matter",
        actor=lead,
        confidential=True,
    )

    assert "A private matter" not in panel(page(agent, ticket))
    assert "A private matter" in panel(page(lead, ticket))


def test_the_requester_cannot_reach_the_desk_page(
    worker: Worker, ticket: Ticket, context_of_wanda: None
) -> None:
    response = signed_in(worker).get(reverse("desk:ticket", args=[ticket.number]))

    assert response.status_code == 404
    assert "TST0001" not in response.content.decode()


def test_the_tag_shows_nothing_to_a_worker_wherever_it_is_used(
    worker: Worker, other_worker: Worker, ticket: Ticket, context_of_wanda: None
) -> None:
    request = RequestFactory().get("/")
    request.user = other_worker
    template = Template("{% load directory_tags %}{% requester_context ticket %}")

    html = template.render(Context({"request": request, "ticket": ticket}))

    assert html.strip() == ""


def test_a_long_list_of_other_tickets_stops_at_ten(
    agent: Worker, worker: Worker, ticket: Ticket
) -> None:
    for number in range(12):
        open_for(worker, NOW - timedelta(days=2, minutes=number), f"Ask {number}")

    shown = panel(page(agent, ticket))

    # Newest first: "Ask 0" was opened last of the twelve.
    assert shown.count('<a href="/desk/tickets/') == 10
    assert "Ask 9" in shown
    assert "Ask 10" not in shown
    assert "Only the newest 10 are listed." in shown


def test_the_panel_costs_five_queries_however_much_is_recorded(
    agent: Worker,
    worker: Worker,
    ticket: Ticket,
    context_of_wanda: None,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    for number in range(5):
        open_for(worker, NOW - timedelta(days=2, minutes=number), f"Ask {number}")
    request = RequestFactory().get("/")
    request.user = agent
    template = Template("{% load directory_tags %}{% requester_context ticket %}")
    # The agent's permissions are looked up once per request, before the page.
    template.render(Context({"request": request, "ticket": ticket}))

    # The requester with team and manager, devices, applications, changes
    # and the other tickets.
    with django_assert_num_queries(5):
        html = template.render(Context({"request": request, "ticket": ticket}))

    assert "Ask 4" in html
