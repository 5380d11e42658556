"""Who receives a notice, and what it says."""

from collections.abc import Callable

import pytest
from django.core import mail
from pytest_django.fixtures import Settings

from credence.notify.models import Notice
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.notify.conftest import at, look

Opener = Callable[..., Ticket]


@pytest.fixture(autouse=True)
def base_url(settings: Settings) -> None:
    settings.CREDENCE_BASE_URL = "https://desk.example.test"


def test_an_assigned_ticket_notifies_its_assignee_only(
    open_high: Opener, agent: Worker, lead: Worker
) -> None:
    ticket = open_high(at(10))
    services.assign(ticket, lead, agent, at=at(10, 1))

    [message] = look(at(10, 11, 15))
    assert message.to == ["ada@example.test"]
    assert "because the ticket is assigned to you." in message.body


def test_an_unassigned_ticket_notifies_every_agent(
    open_high: Opener, agent: Worker, lead: Worker, other_worker: Worker
) -> None:
    open_high(at(10))

    [message] = look(at(10, 11, 15))
    # A lead works the desk too; a worker without the role hears nothing.
    assert message.to == ["ada@example.test", "lee@example.test"]


def test_an_agent_who_left_is_not_notified(
    open_high: Opener, agent: Worker, lead: Worker
) -> None:
    agent.is_active = False
    agent.save()
    open_high(at(10))

    [message] = look(at(10, 11, 15))
    assert message.to == ["lee@example.test"]


def test_a_confidential_ticket_notifies_leads_only(
    open_high: Opener, agent: Worker, lead: Worker
) -> None:
    open_high(at(10), actor=lead, confidential=True)

    [message] = look(at(10, 11, 15))
    assert message.to == ["lee@example.test"]
    assert "because the ticket is confidential and you lead the desk." in message.body


def test_the_warning_names_the_ticket_the_clock_the_time_left_and_links_to_it(
    open_high: Opener, agent: Worker
) -> None:
    ticket = open_high(at(10))

    # Due at 10:15: 3 min 45 s left, nearest 4 minutes.
    [message] = look(at(10, 11, 15))
    notice = Notice.objects.get()
    assert message.subject == "CR-1001 response due in 4 minutes: Printer on fire"
    assert message.body == (
        'CR-1001 "Printer on fire", high priority: the response clock is due in '
        "4 minutes, at Mon 2 Mar 2026, 10:15 UTC.\n"
        "\n"
        "Open the ticket: https://desk.example.test/desk/tickets/1001/\n"
        "\n"
        "You receive this because the ticket has no assignee and you work the "
        "desk.\n"
    )
    assert message.from_email == "credence@localhost"
    assert message.extra_headers["Message-ID"] == (
        f"<notice-{notice.pk}.warning.response.0.{ticket.pk}@desk.example.test>"
    )


def test_the_breach_notice_says_how_late_the_clock_is(
    open_high: Opener, agent: Worker
) -> None:
    open_high(at(10))

    # Resolution due 14:00; 16:20 is 2 h 20 min later (the response clock
    # breached at 10:15, 6 h 5 min before).
    messages = look(at(16, 20))
    assert [message.subject for message in messages] == [
        "CR-1001 response breached 6 hours 5 minutes ago: Printer on fire",
        "CR-1001 resolution breached 2 hours 20 minutes ago: Printer on fire",
    ]
    assert messages[1].body.startswith(
        'CR-1001 "Printer on fire", high priority: the resolution clock breached '
        "2 hours 20 minutes ago. It was due Mon 2 Mar 2026, 14:00 UTC.\n"
    )
    assert len(mail.outbox) == 2
