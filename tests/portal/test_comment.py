"""The worker adds a comment; an answer to a question resumes the work."""

import pytest
from django.urls import reverse

from credence.tickets import services
from credence.tickets.models import Comment, CommentKind, Status, Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.portal.conftest import open_for

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(ticket: Ticket) -> str:
    return f"/portal/tickets/{ticket.number}/comment/"


def worker_comments(ticket: Ticket) -> list[str]:
    return list(
        Comment.objects.filter(ticket=ticket, kind=CommentKind.WORKER_COMMENT)
        .order_by("id")
        .values_list("body", flat=True)
    )


def test_reverse_names_the_action() -> None:
    assert reverse("portal:comment", args=[1001]) == "/portal/tickets/1001/comment/"


def test_a_comment_reaches_the_team(worker: Worker) -> None:
    ticket = open_for(worker)

    response = signed_in(worker).post(
        url(ticket), {"body": "  It is floor 3.  "}, follow=True
    )

    assert response.redirect_chain == [("/portal/tickets/1001/", 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "Your comment was sent to the IT team."
    ]
    assert worker_comments(ticket) == ["It is floor 3."]
    assert "It is floor 3." in response.content.decode()


def test_answering_a_question_lets_the_team_carry_on(
    worker: Worker, agent: Worker
) -> None:
    ticket = open_for(worker)
    services.wait_on_worker(ticket, agent, "Which floor?")

    response = signed_in(worker).post(url(ticket), {"body": "Floor 3."}, follow=True)

    ticket.refresh_from_db()
    assert ticket.status == Status.IN_PROGRESS
    assert "The IT team is waiting for your answer" not in response.content.decode()


def test_an_empty_comment_is_refused_next_to_the_box(worker: Worker) -> None:
    ticket = open_for(worker)

    response = signed_in(worker).post(url(ticket), {"body": "   "})
    page = response.content.decode()

    assert response.status_code == 400
    assert (
        '<p class="error" id="id_body-error">Write your comment; it cannot be '
        "empty.</p>" in page
    )
    assert 'aria-invalid="true" autofocus>' in page
    assert worker_comments(ticket) == []


def test_a_closed_ticket_takes_no_comment_and_says_why(
    worker: Worker, agent: Worker
) -> None:
    ticket = open_for(worker)
    services.resolve(ticket, agent, "Done.")
    services.close(ticket, worker)

    response = signed_in(worker).post(url(ticket), {"body": "One more thing"})
    page = response.content.decode()

    assert response.status_code == 409
    assert (
        '<p class="message error" role="alert" tabindex="-1" autofocus>CR-1001 is '
        "closed; ask for help again with a new request.</p>" in page
    )
    assert worker_comments(ticket) == []


def test_with_htmx_the_ticket_part_comes_back_with_the_news(worker: Worker) -> None:
    ticket = open_for(worker)

    response = signed_in(worker).post(url(ticket), {"body": "Floor 3."}, **HTMX)
    page = response.content.decode()

    assert response.status_code == 200
    assert '<div id="ticket" class="stack">' in page
    assert "<html" not in page
    assert (
        '<p class="message success" role="status" tabindex="-1" autofocus>Your '
        "comment was sent to the IT team.</p>" in page
    )
    assert "Floor 3." in page
    assert worker_comments(ticket) == ["Floor 3."]


def test_with_htmx_a_refusal_is_shown_in_place(worker: Worker) -> None:
    ticket = open_for(worker)

    response = signed_in(worker).post(url(ticket), {"body": ""}, **HTMX)
    page = response.content.decode()

    # htmx swaps only successful answers, so the refusal travels as a 200.
    assert response.status_code == 200
    assert "<html" not in page
    assert "Write your comment; it cannot be empty." in page
    assert worker_comments(ticket) == []


@pytest.mark.parametrize("persona", ["agent", "lead"])
def test_agents_and_leads_comment_on_their_own_tickets(
    persona: str, request: pytest.FixtureRequest
) -> None:
    person: Worker = request.getfixturevalue(persona)
    ticket = open_for(person)

    response = signed_in(person).post(url(ticket), {"body": "Any news?"})

    assert response.status_code == 302
    assert worker_comments(ticket) == ["Any news?"]
