"""Satisfaction: asked at each resolution, answered by the requester alone."""

from datetime import UTC, datetime

import pytest
from django.test import Client

from credence.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from credence.selfservice.models import Satisfaction
from credence.selfservice.satisfaction import answer
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in

OPENED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
RESOLVED = datetime(2026, 3, 2, 11, 0, tzinfo=UTC)


@pytest.fixture
def ticket(worker: Worker) -> Ticket:
    return services.open_ticket(
        requester=worker,
        kind="incident",
        title="Screen flickers",
        priority="medium",
        actor=worker,
        at=OPENED,
    )


@pytest.fixture
def resolved(ticket: Ticket, agent: Worker) -> Ticket:
    return services.resolve(ticket, agent, "New cable.", at=RESOLVED)


def _url(ticket: Ticket) -> str:
    return f"/portal/self-service/tickets/{ticket.number}/satisfaction/"


def test_resolving_asks_the_requester_once(resolved: Ticket, worker: Worker) -> None:
    question = Satisfaction.objects.get()

    assert question.ticket_id == resolved.pk
    assert question.worker_id == worker.pk
    assert question.resolved_at == RESOLVED
    assert question.score is None


def test_the_requester_answers(resolved: Ticket, worker: Worker) -> None:
    answer(resolved, worker, 4, "  Quick, thanks.  ")

    question = Satisfaction.objects.get()
    assert (question.score, question.comment) == (4, "Quick, thanks.")
    assert question.answered_at is not None


def test_no_answer_before_resolution(ticket: Ticket, worker: Worker) -> None:
    with pytest.raises(InvalidTransition) as error:
        answer(ticket, worker, 5)

    assert error.value.message == (
        f"{ticket.reference} is not resolved yet; you can say how satisfied you "
        "are once the IT team has resolved it."
    )
    assert Satisfaction.objects.count() == 0


def test_another_worker_cannot_answer(resolved: Ticket, other_worker: Worker) -> None:
    with pytest.raises(NotFound):
        answer(resolved, other_worker, 1)


def test_an_agent_cannot_answer_for_the_requester(
    resolved: Ticket, agent: Worker
) -> None:
    with pytest.raises(NotAllowed) as error:
        answer(resolved, agent, 5)

    assert error.value.message == (
        "Only the worker who asked for help can say how satisfied they are."
    )
    assert Satisfaction.objects.get().score is None


def test_a_lead_cannot_answer_for_the_requester(resolved: Ticket, lead: Worker) -> None:
    with pytest.raises(NotAllowed):
        answer(resolved, lead, 5)


@pytest.mark.parametrize("score", [0, 6, "five", None, ""])
def test_a_score_outside_one_to_five_is_refused(
    resolved: Ticket, worker: Worker, score: object
) -> None:
    with pytest.raises(InvalidInput) as error:
        answer(resolved, worker, score)  # type: ignore[arg-type]

    assert error.value.message == (
        "Choose how satisfied you are, from 1 (very dissatisfied) to 5 "
        "(very satisfied)."
    )


def test_the_answer_can_change_until_closed(resolved: Ticket, worker: Worker) -> None:
    answer(resolved, worker, 2)
    answer(resolved, worker, 4, "Works now.")
    services.close(resolved, worker)

    with pytest.raises(InvalidTransition) as error:
        answer(resolved, worker, 1)

    assert error.value.message == (
        f"{resolved.reference} is closed and you already answered; your answer "
        "stands as given."
    )
    question = Satisfaction.objects.get()
    assert (question.score, question.comment) == (4, "Works now.")


def test_a_closed_ticket_not_yet_answered_still_takes_an_answer(
    resolved: Ticket, worker: Worker
) -> None:
    services.close(resolved, worker)

    answer(resolved, worker, 5)

    assert Satisfaction.objects.get().score == 5


def test_a_reopen_and_a_new_resolution_ask_again(
    resolved: Ticket, worker: Worker, agent: Worker
) -> None:
    answer(resolved, worker, 1, "Still broken.")
    services.reopen(resolved, worker, "It flickers again.")
    with pytest.raises(InvalidTransition):
        answer(resolved, worker, 3)
    again = services.resolve(resolved, agent, "New screen.")
    answer(again, worker, 5)

    assert list(
        Satisfaction.objects.order_by("resolved_at").values_list("score", flat=True)
    ) == [1, 5]


def test_imported_history_is_not_asked(worker: Worker, agent: Worker) -> None:
    imported = services.open_ticket(
        requester=worker,
        kind="incident",
        title="Old incident",
        priority="low",
        actor=None,
        channel="phone",
        at=OPENED,
        source_ref="servicenow:INC0000001",
    )
    services.resolve(imported, None, at=RESOLVED)

    assert Satisfaction.objects.count() == 0


# The portal's ticket page.


def _page(client: Client, ticket: Ticket) -> str:
    return client.get(f"/portal/tickets/{ticket.number}/").content.decode()


def test_the_resolved_ticket_page_asks_with_words(
    resolved: Ticket, worker: Worker
) -> None:
    page = _page(signed_in(worker), resolved)

    assert "How satisfied are you with how this was resolved?" in page
    for words in (
        "Very satisfied",
        "Neither satisfied nor dissatisfied",
        "Dissatisfied",
    ):
        assert f"> {words}</label>" in page
    assert 'type="radio" name="score" value="1"' in page
    assert "Anything you want to tell the IT team? (optional)" in page


def test_an_open_ticket_page_does_not_ask(ticket: Ticket, worker: Worker) -> None:
    assert "How did we do?" not in _page(signed_in(worker), ticket)


def test_answering_from_the_page(resolved: Ticket, worker: Worker) -> None:
    client = signed_in(worker)

    response = client.post(_url(resolved), {"score": "5", "comment": "Great"})

    assert response.status_code == 302
    assert response["Location"] == f"/portal/tickets/{resolved.number}/"
    assert Satisfaction.objects.get().score == 5
    page = _page(client, resolved)
    assert "You said: <strong>Very satisfied</strong>, and wrote “Great”." in page
    assert "Change my answer" in page


def test_answering_with_htmx_returns_the_block(
    resolved: Ticket, worker: Worker
) -> None:
    response = signed_in(worker).post(
        _url(resolved), {"score": "3"}, headers={"HX-Request": "true"}
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="satisfaction"')
    assert "Thank you for your answer." in body


def test_no_score_on_the_page_says_what_to_do(resolved: Ticket, worker: Worker) -> None:
    response = signed_in(worker).post(_url(resolved), {"comment": "hm"})

    assert response.status_code == 400
    assert (
        "Choose how satisfied you are, from “Very dissatisfied” to “Very satisfied”."
        in response.content.decode()
    )
    assert Satisfaction.objects.get().score is None


def test_another_workers_answer_is_not_found(
    resolved: Ticket, other_worker: Worker
) -> None:
    response = signed_in(other_worker).post(_url(resolved), {"score": "1"})

    assert response.status_code == 404
    assert Satisfaction.objects.get().score is None


def test_an_agent_posting_on_the_requesters_ticket_is_not_found(
    resolved: Ticket, agent: Worker
) -> None:
    # The portal shows a person only their own tickets.
    response = signed_in(agent).post(_url(resolved), {"score": "5"})

    assert response.status_code == 404


def test_before_resolution_the_page_refuses(ticket: Ticket, worker: Worker) -> None:
    response = signed_in(worker).post(_url(ticket), {"score": "5"})

    assert response.status_code == 409
    assert "is not resolved yet" in response.content.decode()


# The desk's ticket page.


def test_the_desk_shows_the_answer(
    resolved: Ticket, worker: Worker, agent: Worker
) -> None:
    answer(resolved, worker, 2, "Slow.")

    page = signed_in(agent).get(f"/desk/tickets/{resolved.number}/").content.decode()

    assert "Requester's satisfaction" in page
    assert "<strong>2 of 5, dissatisfied</strong>: “Slow.”" in page


def test_the_desk_shows_an_unanswered_question(resolved: Ticket, agent: Worker) -> None:
    page = signed_in(agent).get(f"/desk/tickets/{resolved.number}/").content.decode()

    assert "asked, no answer yet." in page


def test_a_closed_ticket_links_to_the_question(
    resolved: Ticket, worker: Worker
) -> None:
    client = signed_in(worker)
    services.close(resolved, worker)

    page = _page(client, resolved)
    own = client.get(_url(resolved)).content.decode()

    assert f'<a href="{_url(resolved)}">Tell us how satisfied you are' in page
    assert 'name="score"' not in page
    assert 'name="score"' in own
    client.post(_url(resolved), {"score": "4"})
    assert "You said: <strong>Satisfied</strong>." in _page(client, resolved)
