"""The worker sends a resolution back: "No, it's not fixed", with a reason."""

from django.urls import reverse

from credence.tickets import services
from credence.tickets.models import Comment, CommentKind, Status, Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.portal.conftest import open_for

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(ticket: Ticket) -> str:
    return f"/portal/tickets/{ticket.number}/not-fixed/"


def test_reverse_names_the_action() -> None:
    assert reverse("portal:not_fixed", args=[1001]) == "/portal/tickets/1001/not-fixed/"


def test_not_fixed_reopens_with_the_reason(worker: Worker, agent: Worker) -> None:
    ticket = services.resolve(open_for(worker), agent, "Replaced the drum.")

    response = signed_in(worker).post(
        url(ticket), {"reason": "It still jams on page two."}, follow=True
    )

    ticket.refresh_from_db()
    assert ticket.status == Status.IN_PROGRESS
    assert ticket.resolved_at is None
    assert response.redirect_chain == [("/portal/tickets/1001/", 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "CR-1001 is open again; the IT team will look at it."
    ]
    assert list(
        Comment.objects.filter(
            ticket=ticket, kind=CommentKind.WORKER_COMMENT
        ).values_list("body", flat=True)
    ) == ["It still jams on page two."]
    assert "It still jams on page two." in response.content.decode()


def test_a_reason_is_needed(worker: Worker, agent: Worker) -> None:
    ticket = services.resolve(open_for(worker), agent, "Replaced the drum.")

    response = signed_in(worker).post(url(ticket), {"reason": " "})
    page = response.content.decode()

    ticket.refresh_from_db()
    assert response.status_code == 400
    assert (
        '<p class="error" id="id_reason-error">Write what is still wrong; it '
        "cannot be empty.</p>" in page
    )
    assert ticket.status == Status.RESOLVED


def test_a_closed_ticket_cannot_be_sent_back(worker: Worker, agent: Worker) -> None:
    ticket = services.resolve(open_for(worker), agent, "Replaced the drum.")
    services.close(ticket, worker)

    response = signed_in(worker).post(url(ticket), {"reason": "Broken again."})

    ticket.refresh_from_db()
    assert response.status_code == 409
    assert (
        "CR-1001 is closed and cannot be reopened; ask for help again with a "
        "new request." in response.content.decode()
    )
    assert ticket.status == Status.CLOSED


def test_an_open_ticket_cannot_be_sent_back(worker: Worker) -> None:
    ticket = open_for(worker)

    response = signed_in(worker).post(url(ticket), {"reason": "Hm."})

    assert response.status_code == 409
    assert (
        "CR-1001 is still open; there is nothing to reopen."
        in response.content.decode()
    )


def test_with_htmx_a_missing_reason_keeps_the_forms(
    worker: Worker, agent: Worker
) -> None:
    ticket = services.resolve(open_for(worker), agent, "Replaced the drum.")

    response = signed_in(worker).post(url(ticket), {"reason": ""}, **HTMX)
    page = response.content.decode()

    assert response.status_code == 200
    assert "Write what is still wrong; it cannot be empty." in page
    assert "No, it&#x27;s not fixed" not in page
    assert "No, it's not fixed" in page
