"""`open_request`: the contract that opens a ticket from the catalog."""

from datetime import UTC, datetime

import pytest
import time_machine

from credence.catalog.models import RequestType, TicketRequest
from credence.catalog.requests import AnswerError, open_request
from credence.errors import InvalidInput, NotFound
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.catalog.conftest import give_application, give_laptop

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def _answers(ticket: Ticket) -> list[tuple[str, str]]:
    record = TicketRequest.objects.get(ticket=ticket)
    return [(answer.label, answer.value) for answer in record.answers.all()]


def test_opens_a_portal_ticket_with_the_type_s_kind_and_fixed_priority(
    worker: Worker,
) -> None:
    ticket = open_request(
        worker,
        "software-install",
        {"software": "Inkscape 1.4", "device": "My home PC", "licence": "Not sure"},
    )

    assert ticket.reference == "CR-1001"
    assert (ticket.kind, ticket.priority, ticket.channel) == (
        "request",
        "low",
        "portal",
    )
    assert ticket.requester == worker
    assert ticket.title == "Software install: Inkscape 1.4"
    assert _answers(ticket) == [
        ("Which software?", "Inkscape 1.4"),
        ("On which device?", "My home PC"),
        ("Is there a licence for it?", "Not sure"),
    ]
    assert TicketRequest.objects.get(ticket=ticket).type_name == "Software install"


def test_the_impact_answers_give_the_priority_and_are_kept(worker: Worker) -> None:
    # Several people, and they cannot work: impact 1, urgency 2, highest.
    ticket = open_request(
        worker,
        "something-broken",
        {"what": "Shared printer", "affected": "several", "can_work": "no"},
        title="Printer down",
        description="Nothing prints.",
    )

    assert (ticket.kind, ticket.priority) == ("incident", "highest")
    assert (ticket.title, ticket.description) == ("Printer down", "Nothing prints.")
    assert _answers(ticket) == [
        ("What is broken?", "Shared printer"),
        ("How many people are affected?", "A few people or my team"),
        ("Can you keep working?", "No, I am blocked"),
    ]


def test_not_sure_rounds_the_priority_up(worker: Worker) -> None:
    # Just me, not sure whether I can work: urgency counts as "partly", so
    # impact 0 and urgency 1 give medium rather than low.
    ticket = open_request(
        worker,
        "vpn-wifi-problem",
        {
            "network": "VPN",
            "where": "At home",
            "affected": "just_me",
            "can_work": "not_sure",
        },
    )

    assert ticket.priority == "medium"


def test_the_impact_questions_must_be_answered(worker: Worker) -> None:
    with pytest.raises(AnswerError) as raised:
        open_request(worker, "something-broken", {"what": "Printer"})

    assert raised.value.field_name == "affected"
    assert raised.value.message == (
        "Choose how many people are affected; “Not sure” is fine."
    )
    assert not Ticket.objects.exists()


def test_a_missing_required_answer_names_the_field(worker: Worker) -> None:
    with pytest.raises(InvalidInput) as raised:
        open_request(worker, "password-mfa-reset", {"account": "Email"})

    assert raised.value.message == "Answer “What needs resetting?”."
    assert not Ticket.objects.exists()


def test_picking_one_of_the_worker_s_own_devices_links_it(worker: Worker) -> None:
    laptop = give_laptop(worker)

    ticket = open_request(
        worker,
        "software-install",
        {
            "software": "Zoom",
            "device": "Laptop ThinkPad T14 (LT-0042)",
            "licence": "Yes, we have one",
        },
    )

    record = TicketRequest.objects.get(ticket=ticket)
    device = record.answers.get(name="device")
    assert (device.value, device.item_pk) == (
        "Laptop ThinkPad T14 (LT-0042)",
        laptop.pk,
    )


def test_another_worker_s_device_is_only_text(
    worker: Worker, other_worker: Worker
) -> None:
    give_laptop(other_worker)

    ticket = open_request(
        worker,
        "software-install",
        {
            "software": "Zoom",
            "device": "Laptop ThinkPad T14 (LT-0042)",
            "licence": "Not sure",
        },
    )

    device = TicketRequest.objects.get(ticket=ticket).answers.get(name="device")
    assert device.item_pk is None


def test_an_application_of_the_worker_s_own_is_linked(worker: Worker) -> None:
    payroll = give_application(worker)

    ticket = open_request(
        worker,
        "application-access",
        {
            "application": "Payroll",
            "role": "Editor",
            "like_colleague": "no",
            "why": "I now approve the month's payslips.",
        },
    )

    answer = TicketRequest.objects.get(ticket=ticket).answers.get(name="application")
    assert (answer.value, answer.item_pk) == ("Payroll", payroll.pk)
    assert ticket.priority == "medium"


def test_a_first_request_needs_no_answer(worker: Worker) -> None:
    ticket = open_request(worker, "my-first-request", {})

    assert ticket.title == "My first request"
    assert ticket.priority == "medium"
    assert _answers(ticket) == []


def test_an_unknown_or_hidden_type_is_not_found(worker: Worker) -> None:
    RequestType.objects.filter(slug="question").update(active=False)

    with pytest.raises(NotFound) as raised:
        open_request(worker, "question", {"question": "Hello?"})

    assert raised.value.message == (
        "There is no request type “question” in the catalog; choose one from "
        "the list of requests."
    )


def test_a_bad_date_says_how_to_write_one(worker: Worker) -> None:
    with pytest.raises(AnswerError) as raised:
        open_request(
            worker,
            "hardware",
            {"item": "Monitor", "replacement": "no", "needed_by": "next Friday"},
        )

    assert raised.value.message == (
        "For “By when do you need it?”, give a date as year-month-day, for "
        "example 2026-12-31."
    )


def test_the_same_request_twice_within_seconds_opens_one_ticket(
    worker: Worker,
) -> None:
    answers = {"question": "How do I share my calendar?"}
    with time_machine.travel(NOW, tick=False):
        first = open_request(worker, "question", answers)
    with time_machine.travel(NOW.replace(second=5), tick=False):
        second = open_request(worker, "question", answers)

    assert second.pk == first.pk
    assert Ticket.objects.count() == 1


def test_the_same_request_a_minute_later_is_a_new_ticket(worker: Worker) -> None:
    answers = {"question": "How do I share my calendar?"}
    with time_machine.travel(NOW, tick=False):
        first = open_request(worker, "question", answers)
    with time_machine.travel(NOW.replace(minute=1), tick=False):
        second = open_request(worker, "question", answers)

    assert second.pk != first.pk


def test_a_different_answer_within_seconds_is_a_new_ticket(worker: Worker) -> None:
    with time_machine.travel(NOW, tick=False):
        first = open_request(
            worker,
            "password-mfa-reset",
            {"account": "Email", "reset": "My password", "sign_in_anywhere": "yes"},
        )
    with time_machine.travel(NOW.replace(second=3), tick=False):
        second = open_request(
            worker,
            "password-mfa-reset",
            {
                "account": "Email",
                "reset": "My account is locked",
                "sign_in_anywhere": "yes",
            },
        )

    assert second.pk != first.pk


def test_a_date_is_stored_as_year_month_day(worker: Worker) -> None:
    ticket = open_request(
        worker,
        "hardware",
        {"item": "Monitor", "replacement": "no", "needed_by": "20261218"},
    )

    assert _answers(ticket)[-1] == ("By when do you need it?", "2026-12-18")


def test_without_a_title_a_follow_up_answer_names_the_ticket(worker: Worker) -> None:
    ticket = open_request(
        worker,
        "hardware",
        {"item": "Something else", "item_other": "A tablet stand", "replacement": "no"},
    )

    assert ticket.title == "New or replacement hardware: A tablet stand"
