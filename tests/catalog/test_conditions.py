"""Which fields a worker sees, and which answers count, for given answers.

The `moving` type chains three conditions: "Which floor?" shows when the
worker is moving desks, "Which dock?" when the floor is the second.
"""

from credence.catalog.conditions import shown_fields
from credence.catalog.models import RequestType
from credence.catalog.requests import check_answers
from credence.workers.models import Worker


def _names(request_type: RequestType, answers: dict[str, str]) -> list[str]:
    fields = list(request_type.fields.all())
    return [field.name for field in shown_fields(fields, answers)]


def test_a_conditional_field_is_hidden_until_its_answer_is_given(
    moving: RequestType,
) -> None:
    assert _names(moving, {}) == ["moving", "notes"]
    assert _names(moving, {"moving": "no"}) == ["moving", "notes"]
    assert _names(moving, {"moving": "yes"}) == ["moving", "floor", "notes"]


def test_a_chain_of_conditions_shows_each_link_in_turn(moving: RequestType) -> None:
    answers = {"moving": "yes", "floor": "Second"}

    assert _names(moving, answers) == ["moving", "floor", "dock", "notes"]


def test_a_field_depending_on_a_hidden_field_stays_hidden(moving: RequestType) -> None:
    # "Second" was sent for the floor, but the floor is not asked when the
    # worker is not moving, so the dock is not asked either.
    answers = {"moving": "no", "floor": "Second"}

    assert _names(moving, answers) == ["moving", "notes"]


def test_a_required_field_is_required_only_when_shown(
    moving: RequestType, worker: Worker
) -> None:
    _, hidden_problems = check_answers(moving, {"moving": "no"}, worker)
    _, shown_problems = check_answers(moving, {"moving": "yes"}, worker)

    assert hidden_problems == {}
    assert shown_problems == {"floor": "Answer “Which floor?”."}


def test_answers_to_hidden_fields_are_dropped(
    moving: RequestType, worker: Worker
) -> None:
    answers = {"moving": "no", "floor": "First", "dock": "USB-C", "notes": "Soon"}

    kept, problems = check_answers(moving, answers, worker)

    assert problems == {}
    assert [(a.name, a.value) for a in kept] == [("moving", "No"), ("notes", "Soon")]


def test_an_answer_not_among_the_choices_is_refused(
    moving: RequestType, worker: Worker
) -> None:
    answers = {"moving": "yes", "floor": "Roof"}

    _, problems = check_answers(moving, answers, worker)

    assert problems == {
        "floor": "For “Which floor?”, choose one of: Ground, First, Second."
    }


def test_a_yes_no_answer_is_yes_or_no(moving: RequestType, worker: Worker) -> None:
    _, problems = check_answers(moving, {"moving": "maybe"}, worker)

    assert problems == {
        "moving": "For “Are you moving desks?”, choose one of: Yes, No."
    }
