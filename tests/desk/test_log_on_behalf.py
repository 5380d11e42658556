"""Logging a side-channel request for a worker."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.desk.conftest import at

LOG = reverse("desk:log")


@pytest.fixture(autouse=True)
def frozen() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(at(3, 10, 0), tick=False) as traveller:
        yield traveller


def form_data(worker: Worker, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "worker": worker.pk,
        "channel": "phone",
        "kind": "incident",
        "title": "Monitor flickers",
        "description": "Since this morning.",
        "priority": "low",
    }
    data.update(changes)
    return data


# Access


@pytest.mark.django_db
def test_signed_out_visitor_is_sent_to_sign_in() -> None:
    response = Client().get(LOG)
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/desk/log/"


def test_worker_gets_not_found(worker: Worker) -> None:
    client = signed_in(worker)
    assert client.get(LOG).status_code == 404
    assert client.post(LOG, form_data(worker)).status_code == 404
    assert not Ticket.objects.exists()


def test_other_worker_gets_not_found(other_worker: Worker, worker: Worker) -> None:
    client = signed_in(other_worker)
    assert client.get(LOG).status_code == 404
    assert client.post(LOG, form_data(worker)).status_code == 404


def test_lead_may_log(lead: Worker, worker: Worker) -> None:
    assert signed_in(lead).post(LOG, form_data(worker)).status_code == 302


# The form


def test_form_lists_workers_and_only_side_channels(
    agent: Worker, worker: Worker
) -> None:
    page = signed_in(agent).get(LOG).content.decode()
    assert f'<option value="{worker.pk}">Wanda Worker (wanda, Finance)</option>' in page
    for channel in ("email", "chat", "phone", "walk-up", "api"):
        assert f'<option value="{channel}">' in page
    assert '<option value="portal">' not in page
    assert '<option value="assistant">' not in page
    assert '<label for="id_worker">Worker who asked</label>' in page


def test_agent_logs_a_phone_call_for_a_worker(agent: Worker, worker: Worker) -> None:
    client = signed_in(agent)
    response = client.post(LOG, form_data(worker))
    ticket = Ticket.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/desk/tickets/{ticket.number}/"
    assert (ticket.requester, ticket.logged_by, ticket.channel) == (
        worker,
        agent,
        "phone",
    )
    assert (ticket.kind, ticket.title, ticket.priority) == (
        "incident",
        "Monitor flickers",
        "low",
    )
    assert ticket.description == "Since this morning."
    opened = ticket.events.get()
    assert (opened.type, opened.actor, opened.at) == ("opened", agent, at(3, 10, 0))
    assert opened.data["channel"] == "phone"
    page = client.get(response["Location"]).content.decode()
    assert f"{ticket.reference} logged for Wanda Worker." in page


@pytest.mark.parametrize("channel", ["portal", "assistant"])
def test_front_door_channels_are_refused(
    agent: Worker, worker: Worker, channel: str
) -> None:
    response = signed_in(agent).post(LOG, form_data(worker, channel=channel))
    assert response.status_code == 400
    assert (
        f"Select a valid choice. {channel} is not one of the available choices."
        in response.content.decode()
    )
    assert not Ticket.objects.exists()


def test_missing_title_shows_the_message_and_keeps_the_rest(
    agent: Worker, worker: Worker
) -> None:
    response = signed_in(agent).post(LOG, form_data(worker, title="  "))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Write a short title; it cannot be empty." in page
    assert ">\nSince this morning.</textarea>" in page
    assert f'<option value="{worker.pk}" selected>' in page
    assert '<option value="phone" selected>' in page
    assert not Ticket.objects.exists()


# The same form sent twice


def flashed(response: Any) -> list[str]:
    """The messages shown on the page a redirect led to."""
    return [str(message) for message in response.context["messages"]]


def test_the_same_form_sent_twice_logs_one_ticket(
    agent: Worker, worker: Worker, frozen: time_machine.Traveller
) -> None:
    client = signed_in(agent)
    client.post(LOG, form_data(worker), follow=True)
    frozen.shift(timedelta(seconds=3))

    second = client.post(LOG, form_data(worker), follow=True)

    ticket = Ticket.objects.get()
    assert second.redirect_chain == [(f"/desk/tickets/{ticket.number}/", 302)]
    assert flashed(second) == [
        "You already logged this as CR-1001 for Wanda Worker; we kept that one."
    ]
    assert ticket.events.count() == 1


def test_a_resend_with_extra_spaces_is_still_the_same(
    agent: Worker, worker: Worker, frozen: time_machine.Traveller
) -> None:
    client = signed_in(agent)
    client.post(LOG, form_data(worker))
    # Ten seconds is still inside the window.
    frozen.shift(timedelta(seconds=10))

    client.post(LOG, form_data(worker, description="  Since this morning.\n"))

    assert Ticket.objects.count() == 1


def test_the_same_words_later_log_a_second_ticket(
    agent: Worker, worker: Worker, frozen: time_machine.Traveller
) -> None:
    client = signed_in(agent)
    client.post(LOG, form_data(worker), follow=True)
    frozen.shift(timedelta(seconds=11))

    second = client.post(LOG, form_data(worker), follow=True)

    assert Ticket.objects.count() == 2
    assert flashed(second) == ["CR-1002 logged for Wanda Worker."]


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Monitor flickers again"},
        {"description": "Since yesterday."},
    ],
    ids=["title", "description"],
)
def test_different_words_log_a_second_ticket(
    agent: Worker, worker: Worker, change: dict[str, str]
) -> None:
    client = signed_in(agent)
    client.post(LOG, form_data(worker))
    client.post(LOG, form_data(worker, **change))
    assert Ticket.objects.count() == 2


def test_the_same_words_for_another_worker_log_a_second_ticket(
    agent: Worker, worker: Worker, other_worker: Worker
) -> None:
    client = signed_in(agent)
    client.post(LOG, form_data(worker))
    client.post(LOG, form_data(other_worker))
    assert [t.requester for t in Ticket.objects.order_by("number")] == [
        worker,
        other_worker,
    ]


def test_two_agents_logging_the_same_words_log_two_tickets(
    agent: Worker, lead: Worker, worker: Worker
) -> None:
    # Only an agent's own resend is caught: two people taking two calls
    # about the same trouble is for them to merge, not for a guess here.
    signed_in(agent).post(LOG, form_data(worker))
    signed_in(lead).post(LOG, form_data(worker))
    assert [t.logged_by for t in Ticket.objects.order_by("number")] == [agent, lead]
