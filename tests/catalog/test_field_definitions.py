"""What a lead may call a field, which fields a condition may point at, and
the dates a date field takes, in /desk/catalog/<type>/fields/."""

import re

import pytest

from credence.catalog.models import Field, RequestType
from credence.workers.models import Worker
from tests.catalog.conftest import add_field, make_type
from tests.conftest import signed_in

NEW = "/desk/catalog/badge/fields/new/"


@pytest.fixture
def badge(db: None) -> RequestType:
    request_type = make_type("badge", name="Badge")
    add_field(request_type, "lost", "Did you lose it?", "yes_no", position=10)
    add_field(request_type, "where", "Where are you based?", position=20)
    add_field(
        request_type,
        "colour",
        "Which colour?",
        "choice",
        position=30,
        choices=["Red", "Blue"],
    )
    add_field(request_type, "since", "Since when?", "date", position=40)
    add_field(request_type, "laptop", "Which laptop?", "device", position=50)
    add_field(
        request_type, "size", "Which size?", "choice", position=60, choices=["S", "L"]
    )
    return request_type


def _data(**values: str) -> dict[str, str]:
    data = {
        "label": "Which floor?",
        "name": "",
        "help": "",
        "type": "text",
        "choices_text": "",
        "condition_field": "",
        "condition_value": "",
        "date_rule": "",
        "position": "100",
    }
    data.update(values)
    return data


def _refused(lead: Worker, badge: RequestType, **values: str) -> str:
    response = signed_in(lead).post(NEW, _data(**values))
    assert response.status_code == 400
    assert badge.fields.count() == 6
    return response.content.decode().replace("&#x27;", "'")


@pytest.mark.parametrize(
    "name",
    [
        "csrfmiddlewaretoken",
        "title",
        "description",
        "conversation",
        "affected",
        "can_work",
    ],
)
def test_a_name_the_form_uses_itself_is_refused(
    lead: Worker, badge: RequestType, name: str
) -> None:
    page = _refused(lead, badge, name=name)

    assert (
        f"“{name}” is a name the request form uses itself; choose another one."
    ) in page


def test_a_name_ending_like_the_something_else_box_is_refused(
    lead: Worker, badge: RequestType
) -> None:
    page = _refused(lead, badge, name="laptop__other")

    assert (
        "A name cannot end in “__other”: the request form uses such names for "
        "the box where “something else” is typed. Choose another one."
    ) in page


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("my-field", "“my-field” has characters a name cannot have: "),
        ("Upper", "“Upper” has capital letters: "),
        ("2nd_screen", "“2nd_screen” does not start with a letter: "),
        ("_hidden", "“_hidden” does not start with a letter: "),
    ],
)
def test_a_name_breaking_the_hint_s_rule_is_refused(
    lead: Worker, badge: RequestType, name: str, message: str
) -> None:
    page = _refused(lead, badge, name=name)

    assert (
        message + "use lower-case letters, digits and underscores, starting "
        "with a letter, for example “needed_by”."
    ) in page


def test_the_name_s_hint_states_the_rule(lead: Worker, badge: RequestType) -> None:
    page = signed_in(lead).get(NEW).content.decode().replace("&#x27;", "'")

    assert (
        "Lower-case letters, digits and underscores, starting with a letter; "
        "the answer's key."
    ) in page


def test_a_name_made_from_a_question_starting_with_a_digit_starts_with_a_letter(
    lead: Worker, badge: RequestType
) -> None:
    response = signed_in(lead).post(NEW, _data(label="2nd screen wanted?"))

    assert response.status_code == 302
    assert badge.fields.filter(name="nd_screen_wanted").exists()


def _offered(page: str) -> list[str]:
    select = re.search(r'<select name="condition_field".*?</select>', page, re.S)
    assert select is not None
    return re.findall(r"<option value=\"\d+\"[^>]*>([^<]*)</option>", select.group())


def test_a_new_field_may_depend_only_on_fields_with_fixed_answers(
    lead: Worker, badge: RequestType
) -> None:
    page = signed_in(lead).get(NEW).content.decode()

    assert _offered(page) == ["Did you lose it?", "Which colour?", "Which size?"]


def test_a_field_may_depend_only_on_earlier_fields_with_fixed_answers(
    lead: Worker, badge: RequestType
) -> None:
    since = badge.fields.get(name="since")

    page = signed_in(lead).get(f"/desk/catalog/badge/fields/{since.pk}/")

    assert _offered(page.content.decode()) == ["Did you lose it?", "Which colour?"]


def test_the_condition_a_field_has_stays_offered(
    lead: Worker, badge: RequestType
) -> None:
    where = badge.fields.get(name="where")
    lost = badge.fields.get(name="lost")
    where.condition_field, where.condition_value = lost, "yes"
    where.save()

    page = signed_in(lead).get(f"/desk/catalog/badge/fields/{where.pk}/")

    assert _offered(page.content.decode()) == ["Did you lose it?"]


def test_a_lead_limits_a_date_field_to_today_or_later(
    lead: Worker, badge: RequestType
) -> None:
    response = signed_in(lead).post(
        NEW,
        _data(
            label="By when?", name="by_when", type="date", date_rule="not_before_today"
        ),
    )

    assert response.status_code == 302
    assert Field.objects.get(name="by_when").date_rule == "not_before_today"


def test_a_date_rule_on_another_kind_of_field_is_dropped(
    lead: Worker, badge: RequestType
) -> None:
    signed_in(lead).post(NEW, _data(name="floor", date_rule="not_after_today"))

    assert Field.objects.get(name="floor").date_rule == ""


def test_the_date_rules_are_offered_by_what_they_allow(
    lead: Worker, badge: RequestType
) -> None:
    page = signed_in(lead).get(NEW).content.decode()

    assert '<option value="not_before_today">No earlier than today</option>' in page
    assert '<option value="not_after_today">No later than today</option>' in page
