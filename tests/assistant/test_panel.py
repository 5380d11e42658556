"""The assistant panel in the portal: plain posts and htmx alike."""

import pytest

from credence.assistant.models import Conversation, Outcome, Turn
from credence.selfservice.models import Activity, Session
from credence.workers.models import Worker
from tests.assistant.conftest import ScriptedSearch, article_hit
from tests.conftest import signed_in

HTMX = {"HTTP_HX_REQUEST": "true"}
PRINTER = article_hit(
    "Clearing a paper jam",
    "printing-paperjam",
    "Open the printer's panel and pull the jammed paper out gently.",
)


@pytest.fixture
def printer_article(scripted_search: ScriptedSearch) -> ScriptedSearch:
    scripted_search.hits = [PRINTER]
    return scripted_search


def test_the_panel_asks_for_sign_in(db: None) -> None:
    from django.test import Client

    response = Client().get("/portal/assistant/")

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def test_an_empty_panel_has_a_labelled_box_and_a_live_region(worker: Worker) -> None:
    html = signed_in(worker).get("/portal/assistant/").content.decode()

    assert '<label for="id_text">Your question</label>' in html
    assert 'aria-live="polite"' in html
    assert "No messages yet." in html
    assert "Talk to a person" in html


def test_a_message_without_htmx_is_answered_on_the_page(
    worker: Worker, printer_article: ScriptedSearch
) -> None:
    client = signed_in(worker)

    response = client.post("/portal/assistant/say/", {"text": "printer paper jam"})

    said = Turn.objects.get(who="assistant")
    assert response.status_code == 302
    assert response["Location"] == f"/portal/assistant/#turn-{said.pk}"
    html = client.get("/portal/assistant/").content.decode()
    assert "pull the jammed paper out gently" in html
    assert (
        '<a href="/portal/articles/printing-paperjam/">Clearing a paper jam</a>' in html
    )
    assert "This solved it" in html


def test_a_message_with_htmx_returns_the_two_new_turns(
    worker: Worker, printer_article: ScriptedSearch
) -> None:
    response = signed_in(worker).post(
        "/portal/assistant/say/", {"text": "printer paper jam"}, **HTMX
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<li id="turn-') == 2
    assert "<strong>You</strong>" in html
    assert "<strong>Assistant</strong>" in html
    assert "From “Clearing a paper jam”:" in html
    assert "<html" not in html
    # The buttons under the conversation are swapped in beside the turns,
    # since the conversation exists now.
    assert (
        '<div id="assistant-actions" class="assistant-actions" hx-swap-oob="true">'
        in html
    )
    conversation = Conversation.objects.get(worker=worker)
    assert f'action="/portal/assistant/{conversation.pk}/solved/"' in html


def test_an_empty_message_says_what_to_write(worker: Worker) -> None:
    client = signed_in(worker)

    plain = client.post("/portal/assistant/say/", {"text": "  "})
    htmx = client.post("/portal/assistant/say/", {"text": ""}, **HTMX)

    message = "Write your question first, for example “My Wi-Fi keeps dropping”."
    assert plain.status_code == 400
    assert message in plain.content.decode()
    assert htmx.status_code == 200
    assert htmx["HX-Retarget"] == "#assistant-form"
    assert message in htmx.content.decode()
    assert not Conversation.objects.exists()


def test_a_conversation_counts_as_self_service(
    worker: Worker, printer_article: ScriptedSearch
) -> None:
    signed_in(worker).post("/portal/assistant/say/", {"text": "printer paper jam"})

    conversation = Conversation.objects.get(worker=worker)
    activity = Activity.objects.get(session__worker=worker)
    assert activity.kind == "assistant"
    assert activity.subject == str(conversation.pk)


def test_this_solved_it_ends_the_conversation_as_solved(
    worker: Worker, printer_article: ScriptedSearch
) -> None:
    client = signed_in(worker)
    client.post("/portal/assistant/say/", {"text": "printer paper jam"})
    conversation = Conversation.objects.get(worker=worker)

    response = client.post(f"/portal/assistant/{conversation.pk}/solved/")

    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.outcome == Outcome.SOLVED
    assert conversation.ended is not None
    session = Session.objects.get(worker=worker)
    assert session.solved_kind == "assistant"
    assert session.solved_subject == str(conversation.pk)


def test_nobody_else_can_mark_a_conversation_solved(
    worker: Worker, other_worker: Worker, printer_article: ScriptedSearch
) -> None:
    signed_in(worker).post("/portal/assistant/say/", {"text": "printer paper jam"})
    conversation = Conversation.objects.get(worker=worker)

    response = signed_in(other_worker).post(
        f"/portal/assistant/{conversation.pk}/solved/"
    )

    assert response.status_code == 404
    conversation.refresh_from_db()
    assert conversation.outcome == Outcome.ANSWERED


def test_starting_again_ends_the_last_conversation(
    worker: Worker, scripted_search: ScriptedSearch
) -> None:
    client = signed_in(worker)
    client.post("/portal/assistant/say/", {"text": "lunch menu"})
    first = Conversation.objects.get(worker=worker)

    client.post("/portal/assistant/new/")
    client.post("/portal/assistant/say/", {"text": "lunch menu again"})

    first.refresh_from_db()
    assert first.outcome == Outcome.ABANDONED
    assert first.ended is not None
    assert Conversation.objects.filter(worker=worker, ended__isnull=True).count() == 1


def test_an_answered_conversation_left_behind_counts_as_answered(
    worker: Worker, printer_article: ScriptedSearch
) -> None:
    client = signed_in(worker)
    client.post("/portal/assistant/say/", {"text": "printer paper jam"})

    client.post("/portal/assistant/new/")

    assert Conversation.objects.get(ended__isnull=False).outcome == Outcome.ANSWERED


def test_a_worker_sees_only_their_own_conversation(
    worker: Worker, other_worker: Worker, printer_article: ScriptedSearch
) -> None:
    signed_in(worker).post("/portal/assistant/say/", {"text": "printer paper jam"})

    html = signed_in(other_worker).get("/portal/assistant/").content.decode()

    assert "printer paper jam" not in html
    assert "No messages yet." in html
