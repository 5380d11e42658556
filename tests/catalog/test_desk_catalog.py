"""Leads define the catalog in the desk; agents are told it is for leads."""

import pytest

from credence.catalog.models import Field, RequestAnswer, RequestType
from credence.catalog.requests import open_request
from credence.catalog.rules import check_condition
from credence.workers.models import Worker
from tests.catalog.conftest import add_field, make_type
from tests.conftest import signed_in

LIST = "/desk/catalog/"


def test_a_worker_finds_no_catalog_in_the_desk(worker: Worker) -> None:
    assert signed_in(worker).get(LIST).status_code == 404


@pytest.mark.parametrize(
    "url",
    [LIST, "/desk/catalog/new/", "/desk/catalog/hardware/"],
)
def test_an_agent_is_told_the_catalog_is_for_leads(agent: Worker, url: str) -> None:
    response = signed_in(agent).get(url)

    assert response.status_code == 403
    assert (
        "Only leads can change the request catalog. Ask a lead to add or "
        "change a request type."
    ) in response.content.decode()


def test_an_agent_cannot_add_a_type_by_posting(agent: Worker) -> None:
    response = signed_in(agent).post(
        "/desk/catalog/new/", {"name": "Badge", "kind": "request"}
    )

    assert response.status_code == 403
    assert not RequestType.objects.filter(name="Badge").exists()


def test_a_lead_sees_the_catalog(lead: Worker) -> None:
    page = signed_in(lead).get(LIST).content.decode()

    assert '<a href="/desk/catalog/hardware/">New or replacement hardware</a>' in page
    assert "From the worker's answers" in page


def test_a_lead_adds_a_type_whose_address_comes_from_its_name(lead: Worker) -> None:
    response = signed_in(lead).post(
        "/desk/catalog/new/",
        {
            "name": "Building badge",
            "slug": "",
            "description": "A new or lost badge.",
            "kind": "request",
            "priority_rule": "fixed",
            "fixed_priority": "low",
            "position": "90",
            "active": "on",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/desk/catalog/building-badge/"
    badge = RequestType.objects.get(slug="building-badge")
    assert (badge.name, badge.fixed_priority, badge.active) == (
        "Building badge",
        "low",
        True,
    )


def test_a_fixed_rule_needs_its_priority(lead: Worker) -> None:
    response = signed_in(lead).post(
        "/desk/catalog/new/",
        {"name": "Badge", "kind": "request", "priority_rule": "fixed", "position": "1"},
    )

    assert response.status_code == 400
    assert (
        "Choose the priority every request of this type gets, or let the "
        "worker&#x27;s answers decide it."
    ) in response.content.decode()
    assert not RequestType.objects.filter(name="Badge").exists()


def test_a_taken_address_is_refused(lead: Worker) -> None:
    response = signed_in(lead).post(
        "/desk/catalog/new/",
        {
            "name": "Hardware again",
            "slug": "hardware",
            "kind": "request",
            "priority_rule": "ask",
            "position": "1",
        },
    )

    assert response.status_code == 400
    assert (
        "Another request type already uses this address; choose another one."
        in response.content.decode()
    )


def _field_data(**values: str) -> dict[str, str]:
    data = {
        "label": "Which floor?",
        "name": "",
        "help": "",
        "type": "text",
        "choices_text": "",
        "condition_field": "",
        "condition_value": "",
        "position": "50",
    }
    data.update(values)
    return data


@pytest.fixture
def badge(db: None) -> RequestType:
    request_type = make_type("badge", name="Badge")
    add_field(request_type, "lost", "Did you lose it?", "yes_no", position=10)
    add_field(request_type, "where", "Where are you based?", position=20)
    return request_type


def test_a_lead_adds_a_conditional_field(lead: Worker, badge: RequestType) -> None:
    response = signed_in(lead).post(
        "/desk/catalog/badge/fields/new/",
        _field_data(
            label="When did you last have it?",
            type="date",
            required="on",
            condition_field=str(badge.fields.get(name="lost").pk),
            condition_value="Yes",
        ),
    )

    assert response.status_code == 302
    field = badge.fields.get(name="when_did_you_last_have_it")
    assert (field.condition_field.name, field.condition_value, field.required) == (
        "lost",
        "yes",
        True,
    )


def _refusal(lead: Worker, badge: RequestType, **values: str) -> str:
    response = signed_in(lead).post(
        "/desk/catalog/badge/fields/new/", _field_data(**values)
    )
    assert response.status_code == 400
    assert badge.fields.count() == 2
    return response.content.decode().replace("&#x27;", "'")


def test_a_condition_on_a_later_field_is_refused(
    lead: Worker, badge: RequestType
) -> None:
    lost = badge.fields.get(name="lost")

    page = _refusal(
        lead, badge, position="5", condition_field=str(lost.pk), condition_value="yes"
    )

    assert (
        "“Did you lose it?” comes at position 10, not before this field (5); "
        "a field can only depend on an earlier one. Give this field a higher "
        "position or choose an earlier field."
    ) in page


def test_a_condition_on_a_text_field_is_refused(
    lead: Worker, badge: RequestType
) -> None:
    where = badge.fields.get(name="where")

    page = _refusal(lead, badge, condition_field=str(where.pk), condition_value="HQ")
    # The form does not offer it; the rule refuses it wherever it comes from.
    candidate = Field(
        request_type=badge,
        name="office",
        label="Which office?",
        type="text",
        condition_field=where,
        condition_value="HQ",
        position=50,
    )

    assert (
        "Choose an earlier field of this request type, or “Always show this field”."
    ) in page
    assert check_condition(candidate, list(badge.fields.all())) == {
        "condition_field": "“Where are you based?” has no fixed answers; a field "
        "can only depend on a choice or yes/no field."
    }


def test_a_condition_on_an_answer_not_offered_is_refused(
    lead: Worker, badge: RequestType
) -> None:
    lost = badge.fields.get(name="lost")

    page = _refusal(lead, badge, condition_field=str(lost.pk), condition_value="Maybe")

    assert (
        "“Maybe” is not an answer of “Did you lose it?”; choose one of “Yes”, “No”."
    ) in page


def test_an_answer_without_a_field_to_depend_on_is_refused(
    lead: Worker, badge: RequestType
) -> None:
    page = _refusal(lead, badge, condition_value="yes")

    assert (
        "Choose the field whose answer shows this one, or leave the answer empty."
    ) in page


def test_a_choice_field_needs_two_distinct_answers(
    lead: Worker, badge: RequestType
) -> None:
    one = _refusal(lead, badge, type="choice", choices_text="Red\n")
    twice = _refusal(lead, badge, type="choice", choices_text="Red\nBlue\nRed")

    assert "Give at least two answers to choose from, one a line." in one
    assert "“Red” is listed twice; give each answer once." in twice


def test_a_reserved_or_taken_name_is_refused(lead: Worker, badge: RequestType) -> None:
    reserved = _refusal(lead, badge, name="title")
    taken = _refusal(lead, badge, name="where")

    assert (
        "“title” is a name the request form uses itself; choose another one."
        in reserved
    )
    assert (
        "Another field of this request type is called “where”; choose a name "
        "it does not use."
    ) in taken


def test_a_field_others_depend_on_keeps_the_answer_they_need(lead: Worker) -> None:
    floor = Field.objects.get(request_type__slug="hardware", name="item")

    response = signed_in(lead).post(
        f"/desk/catalog/hardware/fields/{floor.pk}/",
        _field_data(
            label="What do you need?",
            name="item",
            type="choice",
            choices_text="Laptop\nMonitor",
            required="on",
            position="10",
        ),
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert (
        "“What else do you need?” is shown when this field is “Something else”; "
        "keep that answer, or change that field's condition first."
    ) in page.replace("&#x27;", "'")
    floor.refresh_from_db()
    assert "Something else" in floor.choices


def test_a_field_others_depend_on_cannot_move_after_them(lead: Worker) -> None:
    replacement = Field.objects.get(request_type__slug="hardware", name="replacement")

    response = signed_in(lead).post(
        f"/desk/catalog/hardware/fields/{replacement.pk}/",
        _field_data(
            label="Does it replace something you have?",
            name="replacement",
            type="yes_no",
            position="60",
        ),
    )

    assert response.status_code == 400
    assert (
        "“Which device does it replace?” (position 40) depends on this field's "
        "answer, so this field must come before it: give it a position below 40."
    ) in response.content.decode().replace("&#x27;", "'")


def test_a_field_others_depend_on_cannot_be_removed(lead: Worker) -> None:
    replacement = Field.objects.get(request_type__slug="hardware", name="replacement")
    url = f"/desk/catalog/hardware/fields/{replacement.pk}/remove/"

    response = signed_in(lead).post(url, follow=True)

    assert Field.objects.filter(pk=replacement.pk).exists()
    assert (
        "“Does it replace something you have?” was not removed: “Which device "
        "does it replace?” is shown on this field's answer; remove that "
        "condition first, then remove this field."
    ) in response.content.decode().replace("&#x27;", "'")


def test_a_removed_field_leaves_earlier_answers_on_their_tickets(
    lead: Worker, worker: Worker
) -> None:
    ticket = open_request(
        worker,
        "hardware",
        {"item": "Monitor", "replacement": "no", "needed_by": "2026-12-18"},
    )
    needed_by = Field.objects.get(request_type__slug="hardware", name="needed_by")

    response = signed_in(lead).post(
        f"/desk/catalog/hardware/fields/{needed_by.pk}/remove/"
    )

    assert response.status_code == 302
    assert not Field.objects.filter(pk=needed_by.pk).exists()
    kept = RequestAnswer.objects.get(request__ticket=ticket, name="needed_by")
    assert (kept.label, kept.value) == ("By when do you need it?", "2026-12-18")


def test_a_lead_edits_and_hides_a_type_but_its_address_stays(lead: Worker) -> None:
    response = signed_in(lead).post(
        "/desk/catalog/question/",
        {
            "name": "Ask a question",
            "slug": "questions",
            "description": "How to, and what is allowed.",
            "kind": "request",
            "priority_rule": "fixed",
            "fixed_priority": "lowest",
            "position": "70",
        },
    )

    assert response.status_code == 302
    question = RequestType.objects.get(slug="question")
    assert (question.name, question.fixed_priority, question.active) == (
        "Ask a question",
        "lowest",
        False,
    )


def test_the_type_page_lists_its_questions_and_their_conditions(lead: Worker) -> None:
    page = signed_in(lead).get("/desk/catalog/hardware/").content.decode()

    assert "Which device does it replace?" in page
    assert "only when “Does it replace something you have?” is “yes”" in page


def test_a_type_a_lead_builds_is_asked_in_the_portal(
    lead: Worker, worker: Worker
) -> None:
    desk = signed_in(lead)
    desk.post(
        "/desk/catalog/new/",
        {
            "name": "Parking space",
            "kind": "request",
            "priority_rule": "fixed",
            "fixed_priority": "low",
            "position": "5",
            "active": "on",
        },
    )
    desk.post(
        "/desk/catalog/parking-space/fields/new/",
        _field_data(
            label="Do you drive an electric car?",
            name="electric",
            type="yes_no",
            required="on",
            position="10",
        ),
    )
    electric = Field.objects.get(name="electric")
    desk.post(
        "/desk/catalog/parking-space/fields/new/",
        _field_data(
            label="Which plug does it take?",
            name="plug",
            type="choice",
            choices_text="Type 2\nCCS\nNot sure",
            required="on",
            condition_field=str(electric.pk),
            condition_value="yes",
            position="20",
        ),
    )

    portal = signed_in(worker)
    refused = portal.post("/portal/request/parking-space/", {"electric": "yes"})
    sent = portal.post(
        "/portal/request/parking-space/", {"electric": "yes", "plug": "CCS"}
    )

    assert refused.status_code == 400
    assert "Answer “Which plug does it take?”." in refused.content.decode()
    assert sent.status_code == 302
    answers = RequestAnswer.objects.filter(request__ticket__title="Parking space: CCS")
    assert [(a.label, a.value) for a in answers] == [
        ("Do you drive an electric car?", "Yes"),
        ("Which plug does it take?", "CCS"),
    ]


def test_a_field_of_another_type_is_not_found(lead: Worker) -> None:
    software = Field.objects.get(request_type__slug="software-install", name="device")

    response = signed_in(lead).get(f"/desk/catalog/hardware/fields/{software.pk}/")

    assert response.status_code == 404


def test_removing_a_field_is_only_by_post(lead: Worker) -> None:
    needed_by = Field.objects.get(request_type__slug="hardware", name="needed_by")

    response = signed_in(lead).get(
        f"/desk/catalog/hardware/fields/{needed_by.pk}/remove/"
    )

    assert response.status_code == 405
    assert Field.objects.filter(pk=needed_by.pk).exists()


def test_a_condition_on_another_type_s_field_is_refused(
    lead: Worker, badge: RequestType
) -> None:
    replacement = Field.objects.get(request_type__slug="hardware", name="replacement")

    page = _refusal(
        lead, badge, condition_field=str(replacement.pk), condition_value="yes"
    )

    assert (
        "Choose an earlier field of this request type, or “Always show this field”."
    ) in page


def test_a_type_without_name_or_kind_says_what_to_give(lead: Worker) -> None:
    response = signed_in(lead).post("/desk/catalog/new/", {"position": "1"})
    page = response.content.decode().replace("&#x27;", "'")

    assert response.status_code == 400
    assert "Give the request type a name." in page
    assert "Give an address" not in page
    assert (
        "Choose whether this is a request (something wanted) or an incident "
        "(something broken)."
    ) in page
    assert (
        "Choose how the priority is set: from the worker's answers, or always the same."
    ) in page
