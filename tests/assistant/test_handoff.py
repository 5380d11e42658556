"""Handing a conversation to the IT team: the ticket carries its transcript."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from credence.assistant import conversations
from credence.assistant.handoff import attach_to_ticket
from credence.assistant.models import Conversation, Outcome, Turn
from credence.errors import NotFound
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.assistant.conftest import ScriptedSearch
from tests.conftest import signed_in


def _ticket(requester: Worker) -> Ticket:
    return services.open_ticket(
        requester=requester,
        kind="request",
        title="Lunch menu",
        priority="low",
        actor=requester,
    )


@pytest.fixture
def talked(worker: Worker, scripted_search: ScriptedSearch) -> Conversation:
    conversations.take_turn(worker, "What is on the lunch menu today?")
    return Conversation.objects.get(worker=worker)


def test_attaching_links_the_conversation_to_the_ticket(
    worker: Worker, talked: Conversation
) -> None:
    ticket = _ticket(worker)

    attach_to_ticket(talked.pk, ticket, worker)

    talked.refresh_from_db()
    assert talked.ticket == ticket
    assert talked.outcome == Outcome.HANDED_OFF
    assert talked.ended is not None


def test_only_the_conversations_worker_may_attach_it(
    worker: Worker, other_worker: Worker, talked: Conversation
) -> None:
    theirs = _ticket(other_worker)

    with pytest.raises(NotFound):
        attach_to_ticket(talked.pk, theirs, other_worker)
    talked.refresh_from_db()
    assert talked.ticket is None


def test_a_conversation_goes_only_to_the_workers_own_ticket(
    worker: Worker, other_worker: Worker, talked: Conversation
) -> None:
    with pytest.raises(NotFound):
        attach_to_ticket(talked.pk, _ticket(other_worker), worker)


def test_a_conversation_stays_with_its_first_ticket(
    worker: Worker, talked: Conversation
) -> None:
    first, second = _ticket(worker), _ticket(worker)
    attach_to_ticket(talked.pk, first, worker)

    attach_to_ticket(talked.pk, second, worker)

    talked.refresh_from_db()
    assert talked.ticket == first


def test_talk_to_a_person_leads_to_the_form_and_the_ticket_gets_the_transcript(
    worker: Worker, agent: Worker, talked: Conversation
) -> None:
    client = signed_in(worker)

    response = client.post("/portal/assistant/person/")

    assert response.status_code == 302
    form_url = response["Location"]
    assert urlsplit(form_url).path == "/portal/request/question/"
    form = client.get(form_url)
    assert form.status_code == 200
    page = form.content.decode()
    assert "What is on the lunch menu today?" in page
    assert f'name="conversation" value="{talked.pk}"' in page

    sent = client.post(
        form_url,
        {
            "title": "What is on the lunch menu today?",
            "description": "Asked the assistant first.",
            "question": "What is on the lunch menu today?",
            "conversation": str(talked.pk),
        },
    )
    assert sent.status_code == 302, sent.content.decode()[:2000]
    talked.refresh_from_db()
    assert talked.outcome == Outcome.HANDED_OFF
    assert talked.ticket is not None

    desk = signed_in(agent).get(f"/desk/tickets/{talked.ticket.number}/")
    html = desk.content.decode()
    assert "Conversation with the assistant" in html
    assert "<details>" in html
    assert "What is on the lunch menu today?" in html
    assert "I could not find anything that answers this" in html


def test_talk_to_a_person_before_asking_anything_opens_an_empty_question(
    worker: Worker,
) -> None:
    response = signed_in(worker).post("/portal/assistant/person/")

    assert response.status_code == 302
    url = urlsplit(response["Location"])
    assert url.path == "/portal/request/question/"
    conversation = Conversation.objects.get(worker=worker)
    assert url.query == (
        f"title=Help+from+the+IT+team&description=&question=&conversation={conversation.pk}"
    )


def test_a_ticket_without_a_conversation_shows_none(
    worker: Worker, agent: Worker
) -> None:
    ticket = _ticket(worker)

    html = signed_in(agent).get(f"/desk/tickets/{ticket.number}/").content.decode()

    assert "Conversation with the assistant" not in html


@pytest.mark.parametrize(
    "message",
    ["talk to someone", "Can I speak to a human?", "please open a ticket", "agent"],
)
def test_asking_for_a_person_hands_off(
    message: str, worker: Worker, scripted_search: ScriptedSearch
) -> None:
    _, said, reply = conversations.take_turn(worker, message)

    assert reply.handoff is not None
    assert reply.text.startswith("I have filled in a request to the IT team")
    assert said.handoff_url == reply.handoff.url
    assert scripted_search.calls == []


def test_a_question_asked_with_the_person_goes_with_it(
    worker: Worker, scripted_search: ScriptedSearch
) -> None:
    _, _, reply = conversations.take_turn(
        worker, "My laptop screen is broken, I want to talk to a person"
    )

    assert reply.handoff is not None
    assert reply.handoff.type == "something-broken"
    assert (
        reply.handoff.title == "My laptop screen is broken, I want to talk to a person"
    )


def test_human_resources_is_a_question_not_a_person(
    worker: Worker, scripted_search: ScriptedSearch
) -> None:
    _, _, reply = conversations.take_turn(worker, "human resources phone number")

    assert reply.text.startswith("I could not find anything")
    assert scripted_search.calls


def test_a_long_conversation_hands_off_through_an_address_that_fits(
    worker: Worker, scripted_search: ScriptedSearch
) -> None:
    # Three questions of 900 characters each (accented letters take six
    # characters in an address) would make an address of about 15,000
    # characters; the turn keeps at most 1,000, and PostgreSQL refuses more.
    question = "Pourquoi l'écran reste noir après la mise à jour? " * 18
    for _ in range(3):
        conversations.take_turn(worker, question[:900])

    _, said, reply = conversations.take_turn(worker, conversations.PERSON_PLEASE)

    assert reply.handoff is not None
    assert len(said.handoff_url) <= Turn._meta.get_field("handoff_url").max_length
    query = dict(parse_qsl(urlsplit(said.handoff_url).query))
    assert query["conversation"] == str(said.conversation_id)
    assert query["description"].startswith("What I asked the assistant:")
    assert query["description"].endswith("…")
