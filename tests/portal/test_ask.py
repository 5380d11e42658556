"""Asking for help: the form, the priority from two answers, double submits."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from credence.errors import InvalidInput
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.portal.conftest import in_zone

URL = "/portal/ask/"

# Tuesday 1 December 2026, 09:15 UTC.
NOW = datetime(2026, 12, 1, 9, 15, tzinfo=UTC)


def answers(**changes: str) -> dict[str, str]:
    form = {
        "kind": "request",
        "title": "New keyboard",
        "description": "The space bar sticks.",
        "affected": "just_me",
        "can_work": "yes",
    }
    form.update(changes)
    return form


def flashed(response: HttpResponse) -> list[str]:
    """The messages shown on the page a redirect led to."""
    return [str(message) for message in response.context["messages"]]


def test_reverse_names_the_page() -> None:
    assert reverse("portal:ask") == URL


def test_signing_in_comes_first(client: Client, db: None) -> None:
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/portal/ask/"


def test_form_asks_plain_questions_with_labels(worker: Worker) -> None:
    response = signed_in(worker).get(URL)
    page = response.content.decode()

    assert response.status_code == 200
    assert "<legend>What kind of help do you need?</legend>" in page
    assert '<input type="radio" name="kind" value="request"> I need something' in page
    assert (
        '<input type="radio" name="kind" value="incident"> Something is broken' in page
    )
    assert '<label for="id_title">Title</label>' in page
    assert '<label for="id_description">Description</label>' in page
    assert "<legend>How many people are affected?</legend>" in page
    assert "<legend>Can you keep working?</legend>" in page
    assert page.count("> Not sure</label>") == 2
    assert '<button type="submit">Send to the IT team</button>' in page
    assert "priority" not in page.lower()


def test_submitting_opens_a_portal_ticket_and_says_what_to_expect(
    worker: Worker,
) -> None:
    in_zone(worker, "UTC")
    client = signed_in(worker)

    with time_machine.travel(NOW, tick=False):
        response = client.post(URL, answers(), follow=True)

    ticket = Ticket.objects.get()
    assert response.redirect_chain == [(f"/portal/tickets/{ticket.number}/", 302)]
    assert (ticket.reference, ticket.kind, ticket.title) == (
        "CR-1001",
        "request",
        "New keyboard",
    )
    assert ticket.description == "The space bar sticks."
    assert (ticket.channel, ticket.requester, ticket.logged_by) == (
        "portal",
        worker,
        worker,
    )
    # Just me, can keep working: low (1 h / 16 h on business hours).
    # Respond by 09:15 + 1 h = 10:15 today. Resolve: Tuesday 09:15-17:00
    # is 465 min, Wednesday 480 (945), the last 15 on Thursday -> 09:15,
    # two days ahead, so "Thursday".
    assert flashed(response) == [
        "Sent to the IT team as CR-1001. Someone will respond by 10:15 today; "
        "we aim to resolve it by Thursday 09:15."
    ]


def test_expectation_is_in_the_worker_s_own_zone(worker: Worker) -> None:
    in_zone(worker, "Asia/Tokyo")
    client = signed_in(worker)

    # 09:15 UTC is 18:15 in Tokyo (UTC+9); many people, cannot work:
    # highest, 15 min / 2 h round the clock -> 18:30 and 20:15 there.
    with time_machine.travel(NOW, tick=False):
        response = client.post(
            URL, answers(affected="many", can_work="no"), follow=True
        )

    assert flashed(response) == [
        "Sent to the IT team as CR-1001. Someone will respond by 18:30 today; "
        "we aim to resolve it by 20:15 today."
    ]


# Impact rows (just me, several, many) by urgency columns (yes, partly,
# no): low medium high / medium high highest / high highest highest.
# "Not sure" counts as the middle answer of its question, i.e. rounds up
# from the mildest.
@pytest.mark.parametrize(
    ("affected", "can_work", "priority"),
    [
        ("just_me", "yes", "low"),
        ("just_me", "partly", "medium"),
        ("just_me", "no", "high"),
        ("several", "yes", "medium"),
        ("several", "partly", "high"),
        ("several", "no", "highest"),
        ("many", "yes", "high"),
        ("many", "partly", "highest"),
        ("many", "no", "highest"),
        ("not_sure", "yes", "medium"),
        ("just_me", "not_sure", "medium"),
        ("not_sure", "not_sure", "high"),
        ("many", "not_sure", "highest"),
    ],
)
def test_priority_comes_from_the_two_answers(
    worker: Worker, affected: str, can_work: str, priority: str
) -> None:
    signed_in(worker).post(URL, answers(affected=affected, can_work=can_work))

    assert Ticket.objects.get().priority == priority


def test_an_incident_is_something_broken(worker: Worker) -> None:
    signed_in(worker).post(URL, answers(kind="incident", title="VPN drops"))

    assert Ticket.objects.get().kind == "incident"


def test_missing_answers_are_marked_next_to_each_and_typing_is_kept(
    worker: Worker,
) -> None:
    response = signed_in(worker).post(
        URL, {"title": "", "description": "Screen flickers after lunch."}
    )
    page = response.content.decode()

    assert response.status_code == 400
    assert Ticket.objects.count() == 0
    assert "Nothing was sent yet. Please check the messages below." in page
    assert (
        '<p class="error" id="id_kind-error">Choose whether you need something '
        "or something is broken.</p>" in page
    )
    assert (
        '<p class="error" id="id_title-error">Write a short title, for example '
        "“Cannot print”.</p>" in page
    )
    assert (
        '<p class="error" id="id_affected-error">Choose how many people are '
        "affected; “Not sure” is fine.</p>" in page
    )
    assert (
        '<p class="error" id="id_can_work-error">Choose whether you can keep '
        "working; “Not sure” is fine.</p>" in page
    )
    assert ">Screen flickers after lunch.</textarea>" in page


def test_first_problem_takes_the_focus(worker: Worker) -> None:
    response = signed_in(worker).post(URL, answers(title=""))
    page = response.content.decode()

    assert page.count(" autofocus") == 1
    assert 'aria-invalid="true" autofocus>' in page


def test_answers_already_given_stay_chosen(worker: Worker) -> None:
    response = signed_in(worker).post(URL, answers(title="", can_work="partly"))
    page = response.content.decode()

    assert '<input type="radio" name="kind" value="request" checked>' in page
    assert '<input type="radio" name="affected" value="just_me" checked>' in page
    assert '<input type="radio" name="can_work" value="partly" checked>' in page


def test_a_title_too_long_says_how_long(worker: Worker) -> None:
    response = signed_in(worker).post(URL, answers(title="x" * 201))

    assert response.status_code == 400
    assert Ticket.objects.count() == 0
    assert (
        "Keep the title to 200 characters (it has 201); put the rest in the "
        "description." in response.content.decode()
    )
    assert 'value="' + "x" * 201 + '"' in response.content.decode()


def test_an_answer_outside_the_choices_is_refused(worker: Worker) -> None:
    response = signed_in(worker).post(URL, answers(affected="everyone"))

    assert response.status_code == 400
    assert Ticket.objects.count() == 0
    assert (
        "Choose how many people are affected; “Not sure” is fine."
        in response.content.decode()
    )


def test_a_rule_broken_in_the_service_is_shown_with_the_form_kept(
    worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(form: object, person: Worker) -> None:
        raise InvalidInput("The IT team's ticket system refuses this for now.")

    monkeypatch.setattr("credence.portal.views.open_from_portal", refuse)

    response = signed_in(worker).post(URL, answers(title="Keep me"))
    page = response.content.decode()

    assert response.status_code == 400
    assert (
        '<p class="error">The IT team&#x27;s ticket system refuses this for '
        "now.</p>" in page
    )
    assert 'value="Keep me"' in page


def test_the_same_form_sent_twice_opens_one_ticket(worker: Worker) -> None:
    in_zone(worker, "UTC")
    client = signed_in(worker)

    with time_machine.travel(NOW, tick=False):
        client.post(URL, answers(), follow=True)
    with time_machine.travel(NOW + timedelta(seconds=3), tick=False):
        second = client.post(URL, answers(), follow=True)

    ticket = Ticket.objects.get()
    assert second.redirect_chain == [(f"/portal/tickets/{ticket.number}/", 302)]
    assert flashed(second) == [
        "You already sent this as CR-1001; we kept that one. Someone will "
        "respond by 10:15 today; we aim to resolve it by Thursday 09:15."
    ]


def test_the_same_question_later_is_a_new_ticket(worker: Worker) -> None:
    client = signed_in(worker)

    with time_machine.travel(NOW, tick=False):
        client.post(URL, answers())
    with time_machine.travel(NOW + timedelta(seconds=11), tick=False):
        client.post(URL, answers())

    assert Ticket.objects.count() == 2


def test_a_different_description_within_seconds_is_a_new_ticket(
    worker: Worker,
) -> None:
    client = signed_in(worker)

    with time_machine.travel(NOW, tick=False):
        client.post(URL, answers())
    with time_machine.travel(NOW + timedelta(seconds=2), tick=False):
        client.post(URL, answers(description="The enter key sticks too."))

    assert Ticket.objects.count() == 2


def test_another_worker_with_the_same_words_gets_their_own_ticket(
    worker: Worker, other_worker: Worker
) -> None:
    with time_machine.travel(NOW, tick=False):
        signed_in(worker).post(URL, answers())
        signed_in(other_worker).post(URL, answers())

    assert sorted(Ticket.objects.values_list("requester__username", flat=True)) == [
        "oscar",
        "wanda",
    ]


@pytest.mark.parametrize("persona", ["agent", "lead"])
def test_agents_and_leads_ask_for_themselves(
    persona: str, request: pytest.FixtureRequest
) -> None:
    person: Worker = request.getfixturevalue(persona)

    signed_in(person).post(URL, answers())

    ticket = Ticket.objects.get()
    assert (ticket.requester, ticket.logged_by, ticket.channel) == (
        person,
        person,
        "portal",
    )
