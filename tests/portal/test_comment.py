"""The worker adds a comment; an answer to a question resumes the work."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from credence.tickets import services
from credence.tickets.models import (
    Comment,
    CommentKind,
    EventType,
    Status,
    Ticket,
    TicketEvent,
)
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.portal.conftest import open_for

HTMX = {"HTTP_HX_REQUEST": "true"}

# Tuesday 1 December 2026, 10:00 UTC; the ticket was opened an hour before.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


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


def seconds_later(seconds: int) -> time_machine.travel:
    return time_machine.travel(NOW + timedelta(seconds=seconds), tick=False)


def test_the_same_comment_sent_twice_is_added_once(worker: Worker) -> None:
    ticket = open_for(worker, at=NOW - timedelta(hours=1))
    client = signed_in(worker)

    with seconds_later(0):
        client.post(url(ticket), {"body": "It is floor 3."}, follow=True)
    with seconds_later(3):
        second = client.post(url(ticket), {"body": " It is floor 3. "}, follow=True)

    # Answered as if sent: the worker has nothing to worry about.
    assert second.redirect_chain == [("/portal/tickets/1001/", 302)]
    assert [str(m) for m in second.context["messages"]] == [
        "Your comment was sent to the IT team."
    ]
    assert worker_comments(ticket) == ["It is floor 3."]
    assert (
        TicketEvent.objects.filter(
            ticket=ticket, type=EventType.WORKER_COMMENTED
        ).count()
        == 1
    )


def test_with_htmx_the_copy_is_answered_as_if_sent(worker: Worker) -> None:
    ticket = open_for(worker, at=NOW - timedelta(hours=1))
    client = signed_in(worker)

    with seconds_later(0):
        client.post(url(ticket), {"body": "It is floor 3."}, **HTMX)
    with seconds_later(1):
        second = client.post(url(ticket), {"body": "It is floor 3."}, **HTMX)

    assert second.status_code == 200
    assert (
        '<p class="message success" role="status" tabindex="-1" autofocus>Your '
        "comment was sent to the IT team.</p>" in second.content.decode()
    )
    assert worker_comments(ticket) == ["It is floor 3."]


def test_the_same_words_ten_seconds_later_are_still_the_copy(worker: Worker) -> None:
    ticket = open_for(worker, at=NOW - timedelta(hours=1))
    client = signed_in(worker)

    with seconds_later(0):
        client.post(url(ticket), {"body": "It is floor 3."})
    with seconds_later(10):
        client.post(url(ticket), {"body": "It is floor 3."})

    assert worker_comments(ticket) == ["It is floor 3."]


def test_the_same_words_eleven_seconds_later_are_a_new_comment(
    worker: Worker,
) -> None:
    ticket = open_for(worker, at=NOW - timedelta(hours=1))
    client = signed_in(worker)

    with seconds_later(0):
        client.post(url(ticket), {"body": "Any news?"})
    with seconds_later(11):
        client.post(url(ticket), {"body": "Any news?"})

    assert worker_comments(ticket) == ["Any news?", "Any news?"]


def test_different_words_within_seconds_are_a_new_comment(worker: Worker) -> None:
    ticket = open_for(worker, at=NOW - timedelta(hours=1))
    client = signed_in(worker)

    with seconds_later(0):
        client.post(url(ticket), {"body": "It is floor 3."})
    with seconds_later(2):
        client.post(url(ticket), {"body": "By the kitchen."})

    assert worker_comments(ticket) == ["It is floor 3.", "By the kitchen."]


def test_the_same_words_after_the_team_wrote_are_a_new_answer(
    worker: Worker, agent: Worker
) -> None:
    ticket = open_for(worker, at=NOW - timedelta(hours=1))
    client = signed_in(worker)

    with seconds_later(0):
        client.post(url(ticket), {"body": "Yes."})
    with seconds_later(2):
        services.reply(ticket, agent, "Is it the printer by the kitchen?")
    with seconds_later(4):
        client.post(url(ticket), {"body": "Yes."})

    assert worker_comments(ticket) == ["Yes.", "Yes."]


def test_the_same_words_on_another_ticket_are_a_new_comment(worker: Worker) -> None:
    first = open_for(worker, "Printer jams", at=NOW - timedelta(hours=1))
    second = open_for(worker, "Scanner jams", at=NOW - timedelta(hours=1))
    client = signed_in(worker)

    with seconds_later(0):
        client.post(url(first), {"body": "It is floor 3."})
    with seconds_later(1):
        client.post(url(second), {"body": "It is floor 3."})

    assert worker_comments(first) == ["It is floor 3."]
    assert worker_comments(second) == ["It is floor 3."]
