"""What a worker's typed text may hold, through `open_request` and the form.

NUL cannot be stored by PostgreSQL and other control characters are never
typed on purpose: both are refused, saying which. Invisible characters do
not make an answer, and characters that reorder displayed text are removed.
"""

from datetime import UTC, datetime

import pytest
import time_machine

from credence.catalog.models import Field, TicketRequest
from credence.catalog.requests import AnswerError, open_request
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
QUESTION = "/portal/request/question/"


def _answers(ticket: Ticket) -> list[tuple[str, str]]:
    record = TicketRequest.objects.get(ticket=ticket)
    return [(answer.name, answer.value) for answer in record.answers.all()]


@pytest.mark.parametrize(
    ("text", "code"),
    [("Where\x00is it?", "U+0000"), ("Tab\x1bEscape", "U+001B"), ("\x7f", "U+007F")],
)
def test_a_control_character_in_an_answer_is_refused(
    worker: Worker, text: str, code: str
) -> None:
    with pytest.raises(AnswerError) as raised:
        open_request(worker, "question", {"question": text})

    assert raised.value.field_name == "question"
    assert raised.value.message == (
        f"“What is your question?” holds a control character ({code}) that "
        "cannot be kept; delete it, or type the text again rather than pasting it."
    )
    assert not Ticket.objects.exists()


def test_a_control_character_in_the_title_or_details_is_refused(
    worker: Worker,
) -> None:
    with pytest.raises(AnswerError) as in_title:
        open_request(worker, "question", {"question": "Why?"}, title="A\x00B")
    with pytest.raises(AnswerError) as in_details:
        open_request(worker, "question", {"question": "Why?"}, description="\x0cX")

    assert (in_title.value.field_name, in_title.value.message) == (
        "title",
        "“In a few words” holds a control character (U+0000) that cannot be "
        "kept; delete it, or type the text again rather than pasting it.",
    )
    assert (in_details.value.field_name, in_details.value.message) == (
        "description",
        "“Details” holds a control character (U+000C) that cannot be kept; "
        "delete it, or type the text again rather than pasting it.",
    )
    assert not Ticket.objects.exists()


def test_tabs_and_new_lines_are_kept(worker: Worker) -> None:
    ticket = open_request(
        worker,
        "question",
        {"question": "Line one\r\nLine\ttwo"},
        description="First\r\nSecond",
    )

    assert _answers(ticket) == [("question", "Line one\r\nLine\ttwo")]
    assert ticket.description == "First\r\nSecond"


@pytest.mark.parametrize("invisible", ["\u200b", "\u200b\u200d\ufeff \u2060", "\u00ad"])
def test_an_answer_of_invisible_characters_is_empty(
    worker: Worker, invisible: str
) -> None:
    with pytest.raises(AnswerError) as raised:
        open_request(worker, "question", {"question": invisible})

    assert raised.value.message == "Answer “What is your question?”."


def test_invisible_characters_at_the_ends_are_trimmed(worker: Worker) -> None:
    ticket = open_request(worker, "question", {"question": "\u200bWho?\ufeff"})

    assert _answers(ticket) == [("question", "Who?")]


def test_direction_overrides_are_removed_from_title_answers_and_details(
    worker: Worker,
) -> None:
    # U+202E reverses what follows on screen; U+2066..U+2069 isolate it.
    ticket = open_request(
        worker,
        "something-broken",
        {
            "what": "Printer \u202eexe.txt",
            "affected": "just_me",
            "can_work": "yes",
        },
        title="\u2067Printer\u2069 jammed",
        description="It says \u202agone\u202c.",
    )

    assert ticket.title == "Printer jammed"
    assert ticket.description == "It says gone."
    assert _answers(ticket)[0] == ("what", "Printer exe.txt")


def test_a_long_answer_is_limited_saying_the_limit_and_the_count(
    worker: Worker,
) -> None:
    with pytest.raises(AnswerError) as raised:
        open_request(worker, "question", {"question": "x" * 10_001})

    assert raised.value.message == (
        "Keep “What is your question?” to 10,000 characters (it has 10,001)."
    )


def test_a_long_answer_up_to_the_limit_is_kept(worker: Worker) -> None:
    ticket = open_request(worker, "question", {"question": "x" * 10_000})

    assert len(_answers(ticket)[0][1]) == 10_000


def test_the_details_are_limited_saying_the_limit_and_the_count(
    worker: Worker,
) -> None:
    with pytest.raises(AnswerError) as raised:
        open_request(worker, "question", {"question": "Why?"}, description="y" * 10_002)

    assert (raised.value.field_name, raised.value.message) == (
        "description",
        "Keep “Details” to 10,000 characters (it has 10,002).",
    )


def test_the_form_explains_a_control_character_beside_its_field(
    worker: Worker,
) -> None:
    response = signed_in(worker).post(
        QUESTION,
        {"title": "Hi\x00", "description": "Ok\x1b", "question": "Why\x00?"},
    )
    page = response.content.decode()

    assert response.status_code == 400
    assert not Ticket.objects.exists()
    for label, code in (
        ("In a few words", "U+0000"),
        ("Details", "U+001B"),
        ("What is your question?", "U+0000"),
    ):
        assert (
            f"“{label}” holds a control character ({code}) that cannot be kept; "
            "delete it, or type the text again rather than pasting it."
        ) in page


def test_the_form_limits_the_details(worker: Worker) -> None:
    response = signed_in(worker).post(
        QUESTION, {"description": "z" * 10_001, "question": "Why?"}
    )

    assert response.status_code == 400
    assert (
        '<p class="error" id="id_description-error">Keep “Details” to 10,000 '
        "characters (it has 10,001).</p>"
    ) in response.content.decode()


def test_the_form_takes_an_invisible_answer_as_none(worker: Worker) -> None:
    response = signed_in(worker).post(QUESTION, {"question": "\u200b\u200b"})

    assert response.status_code == 400
    assert "Answer “What is your question?”." in response.content.decode()


def test_the_form_removes_direction_overrides(worker: Worker) -> None:
    with time_machine.travel(NOW):
        signed_in(worker).post(
            QUESTION, {"title": "VPN \u202egone", "question": "Why\u2066?\u2069"}
        )

    ticket = Ticket.objects.get()
    assert ticket.title == "VPN gone"
    assert _answers(ticket) == [("question", "Why?")]


def test_a_device_answer_is_one_of_the_worker_s_own_or_typed(
    worker: Worker,
) -> None:
    # Documented in open_request: another text is "something else", typed.
    ticket = open_request(
        worker,
        "software-install",
        {"software": "Inkscape", "device": "\u200bMy home PC", "licence": "Not sure"},
    )

    record = TicketRequest.objects.get(ticket=ticket)
    device = record.answers.get(name="device")
    assert (device.value, device.item_pk) == ("My home PC", None)
    assert Field.objects.get(pk=device.field_id).type == "device"


def test_invisible_characters_inside_the_text_are_kept(worker: Worker) -> None:
    # A zero-width joiner makes one emoji of three; a right-to-left mark
    # orders Hebrew beside a number. Only the ends are trimmed.
    family = "\U0001f469\u200d\U0001f467\u200d\U0001f466"
    hebrew = "\u05de\u05d3\u05e4\u05e1\u05ea\u200f 3"

    ticket = open_request(worker, "question", {"question": f"{family} {hebrew}"})

    assert _answers(ticket) == [("question", f"{family} {hebrew}")]
