"""The guided form at /portal/request/<slug>/, and the catalog's list."""

from datetime import UTC, datetime
from urllib.parse import urlencode

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from credence.assistant.models import Conversation
from credence.catalog.models import RequestType, TicketRequest
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.catalog.conftest import give_laptop
from tests.conftest import signed_in

URL = "/portal/request/hardware/"
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def test_reverse_names_the_pages() -> None:
    assert reverse("catalog:home") == "/portal/request/"
    assert reverse("catalog:request", args=["hardware"]) == URL


def test_signing_in_comes_first(client, db: None) -> None:  # type: ignore[no-untyped-def]
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/sign-in/?next={URL}"


def test_the_catalog_lists_the_active_types_with_their_descriptions(
    worker: Worker,
) -> None:
    RequestType.objects.filter(slug="question").update(active=False)

    page = signed_in(worker).get("/portal/request/").content.decode()

    assert '<a href="/portal/request/hardware/">New or replacement hardware</a>' in page
    assert "A laptop, screen, keyboard, headset or other equipment." in page
    assert "/portal/request/question/" not in page
    assert '<a class="something-else" href="/portal/ask/">Something else</a>' in page


def test_the_form_asks_the_type_s_questions_in_order(worker: Worker) -> None:
    page = signed_in(worker).get(URL).content.decode()

    order = [
        'id="id_title"',
        'id="id_description"',
        "What do you need?",
        "What else do you need?",
        "Does it replace something you have?",
        "Which device does it replace?",
        "By when do you need it?",
    ]
    positions = [page.index(text) for text in order]
    assert positions == sorted(positions)
    assert 'data-shown-when="replacement" data-shown-value="yes"' in page
    assert "Only if you answered “Yes” above." in page
    # Hardware has a fixed priority: no impact questions.
    assert "How many people are affected?" not in page


def test_articles_are_suggested_after_the_type_s_questions(
    worker: Worker,
) -> None:
    # A keyboard (or phone) worker meets the questions first; on a wide
    # screen the panel sits beside the form.
    page = signed_in(worker).get("/portal/request/something-broken/").content.decode()

    panel = page.index('<aside class="knowledge-suggestions"')
    assert page.index("Since when?") < panel
    assert page.index("Can you keep working?") < panel
    assert panel < page.index("Send to the IT team")
    assert 'hx-get="/portal/articles/suggest/"' in page


def test_a_failed_send_puts_the_focus_on_the_error_summary(worker: Worker) -> None:
    page = signed_in(worker).post(URL, {"item": "Laptop"}).content.decode()

    assert '<div class="error-summary" role="alert" tabindex="-1" autofocus>' in page
    # Only the summary takes the focus on arrival.
    assert page.count(" autofocus") == 1


def test_the_error_summary_links_each_problem_to_its_question(
    worker: Worker,
) -> None:
    data = {"title": "x" * 201, "item": "Something else", "replacement": "yes"}

    page = signed_in(worker).post(URL, data).content.decode()

    assert (
        "<ul>"
        '<li><a href="#id_title">Keep this to 200 characters (it has 201); put '
        "the rest in the details.</a></li>"
        '<li><a href="#field-item_other">Answer “What else do you need?”.</a></li>'
        '<li><a href="#field-replaces">Answer “Which device does it replace?”.'
        "</a></li>"
        "</ul>"
    ) in "".join(line.strip() for line in page.splitlines())


def test_an_incident_form_asks_the_impact_questions(worker: Worker) -> None:
    page = signed_in(worker).get("/portal/request/something-broken/").content.decode()

    assert "How many people are affected?" in page
    assert "Can you keep working?" in page


def test_the_worker_s_own_devices_are_offered_with_something_else(
    worker: Worker, other_worker: Worker
) -> None:
    give_laptop(worker, "LT-0042")
    give_laptop(other_worker, "LT-0099")

    page = signed_in(worker).get(URL).content.decode()

    assert '<option value="Laptop ThinkPad T14 (LT-0042)">' in page
    assert "LT-0099" not in page
    assert '<option value="__other__">Something else: I will type it</option>' in page
    assert (
        '<label for="field-replaces-other">If something else, which one?</label>'
        in page
    )


def test_a_hidden_type_is_not_found(worker: Worker) -> None:
    RequestType.objects.filter(slug="hardware").update(active=False)

    response = signed_in(worker).get(URL)

    assert response.status_code == 404


def test_title_and_description_are_prefilled_from_the_address(
    worker: Worker,
) -> None:
    conversation = Conversation.objects.create(worker=worker, started=timezone.now())
    query = urlencode(
        {
            "title": "Screen flickers",
            "description": "Since Monday.",
            "conversation": str(conversation.pk),
        }
    )

    page = signed_in(worker).get(f"{URL}?{query}").content.decode()

    assert 'value="Screen flickers"' in page
    assert ">Since Monday.</textarea>" in page
    assert (
        f'<input type="hidden" name="conversation" value="{conversation.pk}">' in page
    )


def test_a_conversation_not_the_worker_s_is_not_carried_in_the_form(
    worker: Worker, other_worker: Worker
) -> None:
    theirs = Conversation.objects.create(worker=other_worker, started=timezone.now())

    page = signed_in(worker).get(f"{URL}?conversation={theirs.pk}").content.decode()

    assert 'name="conversation"' not in page


def test_sending_opens_the_ticket_and_shows_it(worker: Worker) -> None:
    laptop = give_laptop(worker)
    data = {
        "title": "",
        "description": "The hinge broke.",
        "item": "Laptop",
        "replacement": "yes",
        "replaces": "Laptop ThinkPad T14 (LT-0042)",
        "replaces__other": "",
        "needed_by": "2026-12-18",
    }

    with time_machine.travel(NOW):
        response = signed_in(worker).post(URL, data)

    ticket = Ticket.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/portal/tickets/{ticket.number}/"
    assert ticket.title == "New or replacement hardware: Laptop"
    assert ticket.description == "The hinge broke."
    answers = TicketRequest.objects.get(ticket=ticket).answers.all()
    assert [(a.name, a.value, a.item_pk) for a in answers] == [
        ("item", "Laptop", None),
        ("replacement", "Yes", None),
        ("replaces", "Laptop ThinkPad T14 (LT-0042)", laptop.pk),
        ("needed_by", "2026-12-18", None),
    ]


def test_something_else_is_answered_by_what_was_typed(worker: Worker) -> None:
    give_laptop(worker)
    data = {
        "item": "Monitor",
        "replacement": "yes",
        "replaces": "__other__",
        "replaces__other": "The old grey screen",
    }

    signed_in(worker).post(URL, data)

    answer = TicketRequest.objects.get().answers.get(name="replaces")
    assert (answer.value, answer.item_pk) == ("The old grey screen", None)


def test_without_scripts_answers_to_fields_not_asked_are_ignored(
    worker: Worker,
) -> None:
    # Every field shows without scripts; the worker filled in the device
    # box, then said it is not a replacement.
    data = {
        "item": "Headset",
        "replacement": "no",
        "replaces__other": "My old headset",
    }

    signed_in(worker).post(URL, data)

    answers = TicketRequest.objects.get().answers.all()
    assert [a.name for a in answers] == ["item", "replacement"]


def test_missing_answers_are_explained_beside_their_fields(worker: Worker) -> None:
    data = {"item": "Something else", "replacement": "yes", "needed_by": "soon"}

    response = signed_in(worker).post(URL, data)
    page = response.content.decode()

    assert response.status_code == 400
    assert not Ticket.objects.exists()
    assert "Nothing was sent yet. Please check the messages below." in page
    assert (
        '<p class="error" id="field-item_other-error">'
        "Answer “What else do you need?”.</p>" in page
    )
    assert (
        '<p class="error" id="field-replaces-error">'
        "Answer “Which device does it replace?”.</p>" in page
    )
    assert (
        "For “By when do you need it?”, give a date as year-month-day, for "
        "example 2026-12-31."
    ) in page
    # What was typed stays in the form.
    assert 'value="soon"' in page


def test_the_impact_answers_are_required_with_the_portal_s_words(
    worker: Worker,
) -> None:
    response = signed_in(worker).post(
        "/portal/request/something-broken/", {"what": "Printer"}
    )
    page = response.content.decode()

    assert response.status_code == 400
    assert "Choose how many people are affected; “Not sure” is fine." in page
    assert "Choose whether you can keep working; “Not sure” is fine." in page


def test_a_double_submit_opens_one_ticket(worker: Worker) -> None:
    client = signed_in(worker)
    data = {"question": "Where is the VPN guide?"}

    with time_machine.travel(NOW, tick=False):
        first = client.post("/portal/request/question/", data)
    with time_machine.travel(NOW.replace(second=4), tick=False):
        second = client.post("/portal/request/question/", data, follow=True)

    ticket = Ticket.objects.get()
    assert (
        first["Location"]
        == second.redirect_chain[0][0]
        == (f"/portal/tickets/{ticket.number}/")
    )
    assert (
        f"You already sent this as {ticket.reference}; we kept that one."
        in second.content.decode()
    )


def test_the_conversation_is_attached_to_the_ticket(worker: Worker) -> None:
    conversation = Conversation.objects.create(worker=worker, started=timezone.now())

    signed_in(worker).post(
        "/portal/request/question/",
        {"question": "Who approves software?", "conversation": str(conversation.pk)},
    )

    conversation.refresh_from_db()
    ticket = Ticket.objects.get()
    assert conversation.ticket == ticket
    # Handed over by the assistant: the reports count it as the assistant's.
    assert ticket.channel == "assistant"


def test_a_request_without_a_conversation_comes_through_the_portal(
    worker: Worker,
) -> None:
    signed_in(worker).post(
        "/portal/request/question/", {"question": "Who approves software?"}
    )

    assert Ticket.objects.get().channel == "portal"


@pytest.mark.parametrize("whose", ["another worker's", "none"])
def test_a_conversation_not_the_worker_s_is_ignored(
    worker: Worker, other_worker: Worker, whose: str
) -> None:
    # A link with someone else's conversation, or one that does not exist,
    # still opens the worker's request: through the portal, with nothing
    # attached.
    theirs = Conversation.objects.create(worker=other_worker, started=timezone.now())
    wanted = str(theirs.pk) if whose != "none" else "999999"

    response = signed_in(worker).post(
        "/portal/request/question/",
        {"question": "Who approves software?", "conversation": wanted},
    )

    ticket = Ticket.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/portal/tickets/{ticket.number}/"
    assert ticket.channel == "portal"
    theirs.refresh_from_db()
    assert theirs.ticket is None


@pytest.mark.parametrize("sent", ["²", "12a", "99999999999999999999999", ""])
def test_a_conversation_that_is_not_a_key_is_ignored(worker: Worker, sent: str) -> None:
    client = signed_in(worker)
    shown = client.get(f"/portal/request/question/?conversation={sent}")
    response = client.post(
        "/portal/request/question/",
        {"question": "Who approves software?", "conversation": sent},
    )

    assert shown.status_code == 200
    assert response.status_code == 302
    assert Ticket.objects.get().channel == "portal"


@pytest.mark.parametrize("slug", ["hardware", "question", "something-broken"])
def test_every_field_has_a_label(worker: Worker, slug: str) -> None:
    page = signed_in(worker).get(f"/portal/request/{slug}/").content.decode()

    for field in RequestType.objects.get(slug=slug).fields.all():
        if field.type in ("choice", "yes_no"):
            assert f"<legend>{field.label}" in page
        else:
            assert f'<label for="field-{field.name}">{field.label}' in page


def test_answers_in_the_address_are_prefilled(worker: Worker) -> None:
    give_laptop(worker)
    query = urlencode(
        {
            "item": "Monitor",
            "replacement": "yes",
            "replaces": "__other__",
            "replaces__other": "The old grey screen",
        }
    )

    page = signed_in(worker).get(f"{URL}?{query}").content.decode()

    assert '<input type="radio" name="item" value="Monitor" checked>' in page
    assert '<input type="radio" name="replacement" value="yes" checked>' in page
    assert '<option value="__other__" selected>' in page
    assert 'value="The old grey screen"' in page


def test_a_title_too_long_is_explained_and_nothing_is_sent(worker: Worker) -> None:
    data = {"title": "x" * 201, "question": "Why?"}

    response = signed_in(worker).post("/portal/request/question/", data)

    assert response.status_code == 400
    assert (
        "Keep this to 200 characters (it has 201); put the rest in the details."
        in response.content.decode()
    )
    assert not Ticket.objects.exists()
