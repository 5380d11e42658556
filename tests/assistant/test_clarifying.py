"""Guiding a request: a clarifying question, then the form filled in."""

from urllib.parse import parse_qs, urlsplit

import pytest

from credence.assistant import conversations
from credence.assistant.models import Conversation
from credence.directory.models import Application, ApplicationAccess, Device
from credence.workers.models import Worker
from tests.assistant.conftest import ScriptedSearch


@pytest.fixture
def apps(worker: Worker) -> dict[str, int]:
    found = {}
    for name in ("Payroll", "Salesforce"):
        application = Application.objects.create(name=name)
        ApplicationAccess.objects.create(
            worker=worker, application=application, role="reader"
        )
        found[name] = application.pk
    return found


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_a_request_for_access_asks_which_application(
    worker: Worker, apps: dict[str, int], scripted_search: ScriptedSearch
) -> None:
    _, said, reply = conversations.take_turn(worker, "I need access please")

    assert reply.text == (
        "I can fill in the “Access to an application” request for you. One "
        "thing first: Which application? Pick one of yours below, or type its "
        "name."
    )
    assert said.choices == [
        {"label": "Payroll", "value": "Payroll"},
        {"label": "Salesforce", "value": "Salesforce"},
    ]
    conversation = Conversation.objects.get(worker=worker)
    assert conversation.awaiting == "application"
    assert conversation.request_type == "application-access"
    # A clarifying question is no gap in the knowledge.
    assert reply.answered is False
    assert conversation.turns.filter(who="worker").get().answered is None


def test_the_answer_is_prefilled_in_the_request(
    worker: Worker, apps: dict[str, int], scripted_search: ScriptedSearch
) -> None:
    conversations.take_turn(worker, "I need access please")
    _, said, reply = conversations.take_turn(worker, "Salesforce")

    assert reply.text == (
        "Thank you. I have filled in the “Access to an application” request "
        "with Salesforce. Check it and send it to the IT team."
    )
    assert reply.handoff is not None
    assert urlsplit(reply.handoff.url).path == "/portal/request/application-access/"
    conversation = Conversation.objects.get(worker=worker)
    assert _query(reply.handoff.url) == {
        "title": ["I need access please"],
        "description": [
            "What I asked the assistant:\n- I need access please\n"
            "Which application: Salesforce"
        ],
        "application": ["Salesforce"],
        "conversation": [str(conversation.pk)],
    }
    assert said.handoff_url == reply.handoff.url
    assert conversation.awaiting == ""
    assert conversation.answers == {"application": "Salesforce"}


def test_an_application_named_in_the_question_needs_no_question(
    worker: Worker, apps: dict[str, int], scripted_search: ScriptedSearch
) -> None:
    _, _, reply = conversations.take_turn(worker, "I need access to Payroll")

    assert reply.handoff is not None
    assert reply.text.startswith("Thank you. I have filled in")
    assert _query(reply.handoff.url)["application"] == ["Payroll"]


def test_an_application_the_worker_does_not_have_is_typed(
    worker: Worker, apps: dict[str, int], scripted_search: ScriptedSearch
) -> None:
    conversations.take_turn(worker, "can I get access")
    _, _, reply = conversations.take_turn(worker, "Figma")

    assert reply.handoff is not None
    query = _query(reply.handoff.url)
    assert query["application"] == ["__other__"]
    assert query["application__other"] == ["Figma"]


def test_a_worker_with_no_applications_is_asked_to_type_one(
    worker: Worker, scripted_search: ScriptedSearch
) -> None:
    _, said, reply = conversations.take_turn(worker, "I need access")

    assert reply.text.endswith("Which application? Type its name below.")
    assert said.choices == []


def test_an_install_asks_which_device(
    worker: Worker, scripted_search: ScriptedSearch
) -> None:
    laptop = Device.objects.create(
        type="laptop", model="ThinkPad T14", serial="PF-123", worker=worker
    )

    _, said, reply = conversations.take_turn(worker, "I need Inkscape installed")

    assert reply.asks_for == "device"
    assert reply.text.endswith(
        "On which device? Pick one of yours below, or type its name."
    )
    assert said.choices == [{"label": laptop.label, "value": laptop.label}]


def test_a_how_to_question_is_answered_not_guided(
    worker: Worker, scripted_search: ScriptedSearch
) -> None:
    _, _, reply = conversations.take_turn(worker, "how do I reset my password")

    assert reply.asks_for == ""
    assert reply.handoff is not None
    # Nothing in the scripted search: handed to the password reset form.
    assert reply.handoff.type == "password-mfa-reset"


def test_the_request_form_opens_with_the_application_picked(
    worker: Worker, apps: dict[str, int], scripted_search: ScriptedSearch
) -> None:
    from tests.conftest import signed_in

    client = signed_in(worker)
    client.post("/portal/assistant/say/", {"text": "I need access please"})
    client.post("/portal/assistant/say/", {"text": "Salesforce"})
    handoff = Conversation.objects.get(worker=worker).turns.last()
    assert handoff is not None

    form = client.get(handoff.handoff_url).content.decode()

    assert '<option value="Salesforce" selected>Salesforce (reader)</option>' in form
    assert '<option value="__other__" selected>' not in form


def test_a_new_question_instead_of_an_answer_is_taken_as_one(
    worker: Worker, apps: dict[str, int], scripted_search: ScriptedSearch
) -> None:
    conversations.take_turn(worker, "I need access please")

    _, _, reply = conversations.take_turn(
        worker, "actually the wifi in the meeting room drops all the time"
    )

    assert reply.text.startswith("I could not find anything that answers this")
    assert scripted_search.calls
    assert Conversation.objects.get(worker=worker).awaiting == ""
