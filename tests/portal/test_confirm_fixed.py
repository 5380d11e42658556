"""The worker confirms a resolution: "Yes, it's fixed" closes the ticket."""

from django.urls import reverse

from credence.tickets import services
from credence.tickets.models import Status, Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.portal.conftest import open_for

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(ticket: Ticket) -> str:
    return f"/portal/tickets/{ticket.number}/fixed/"


def test_reverse_names_the_action() -> None:
    assert reverse("portal:confirm_fixed", args=[1001]) == "/portal/tickets/1001/fixed/"


def test_confirming_closes_the_ticket(worker: Worker, agent: Worker) -> None:
    ticket = services.resolve(open_for(worker), agent, "Replaced the drum.")

    response = signed_in(worker).post(url(ticket), follow=True)

    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED
    assert response.redirect_chain == [("/portal/tickets/1001/", 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "Thank you for confirming. CR-1001 is closed."
    ]
    assert "<strong>Status:</strong> Closed." in response.content.decode()


def test_an_open_ticket_cannot_be_confirmed(worker: Worker) -> None:
    ticket = open_for(worker)

    response = signed_in(worker).post(url(ticket))

    ticket.refresh_from_db()
    assert response.status_code == 409
    assert (
        "Only a resolved ticket can be closed; CR-1001 is new."
        in response.content.decode()
    )
    assert ticket.status == Status.NEW


def test_confirming_twice_is_refused_the_second_time(
    worker: Worker, agent: Worker
) -> None:
    ticket = services.resolve(open_for(worker), agent, "Done.")
    client = signed_in(worker)
    client.post(url(ticket))

    response = client.post(url(ticket))

    assert response.status_code == 409
    assert (
        "Only a resolved ticket can be closed; CR-1001 is closed."
        in response.content.decode()
    )


def test_with_htmx_the_closed_ticket_comes_back_without_forms(
    worker: Worker, agent: Worker
) -> None:
    ticket = services.resolve(open_for(worker), agent, "Done.")

    response = signed_in(worker).post(url(ticket), **HTMX)
    page = response.content.decode()

    assert response.status_code == 200
    assert "Thank you for confirming. CR-1001 is closed." in page
    assert "<form" not in page
