"""A date field may take only today or later, or only today or earlier.

The starter catalog sets the rule where its question implies it: "By when
do you need it?" cannot be in the past, "Since when?" not in the future.
"Today" is the worker's own day, in their time zone.
"""

from datetime import UTC, datetime

import pytest
import time_machine

from credence.catalog.models import DateRule, Field, TicketRequest
from credence.catalog.requests import AnswerError, open_request
from credence.workers.models import Worker
from tests.conftest import signed_in

# Tuesday 1 December 2026, 10:00 UTC.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
HARDWARE = {"item": "Monitor", "replacement": "no"}
BROKEN = {"what": "Printer", "affected": "just_me", "can_work": "yes"}


def test_the_starter_fields_carry_the_rules_their_questions_imply(db: None) -> None:
    rules = dict(
        Field.objects.exclude(date_rule="").values_list(
            "request_type__slug", "date_rule"
        )
    )

    assert rules == {
        "hardware": "not_before_today",
        "something-broken": "not_after_today",
    }


def test_by_when_cannot_be_in_the_past(worker: Worker) -> None:
    with time_machine.travel(NOW), pytest.raises(AnswerError) as raised:
        open_request(worker, "hardware", {**HARDWARE, "needed_by": "2026-11-30"})

    assert raised.value.field_name == "needed_by"
    assert raised.value.message == (
        "“By when do you need it?” cannot be before today: give 2026-12-01 or "
        "a later date, or leave it empty."
    )


def test_by_when_may_be_today(worker: Worker) -> None:
    with time_machine.travel(NOW):
        ticket = open_request(
            worker, "hardware", {**HARDWARE, "needed_by": "2026-12-01"}
        )

    answers = TicketRequest.objects.get(ticket=ticket).answers
    assert answers.get(name="needed_by").value == "2026-12-01"


def test_since_when_cannot_be_in_the_future(worker: Worker) -> None:
    with time_machine.travel(NOW), pytest.raises(AnswerError) as raised:
        open_request(worker, "something-broken", {**BROKEN, "since": "2026-12-02"})

    assert raised.value.message == (
        "“Since when?” cannot be after today: give 2026-12-01 or an earlier "
        "date, or leave it empty."
    )


def test_since_when_may_be_long_ago(worker: Worker) -> None:
    with time_machine.travel(NOW):
        ticket = open_request(
            worker, "something-broken", {**BROKEN, "since": "2019-03-04"}
        )

    answers = TicketRequest.objects.get(ticket=ticket).answers
    assert answers.get(name="since").value == "2019-03-04"


def test_today_is_the_worker_s_own_day(worker: Worker) -> None:
    # 23:30 on 1 December in UTC is already 2 December in Tokyo.
    worker.time_zone = "Asia/Tokyo"
    worker.save()
    late = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)

    with time_machine.travel(late), pytest.raises(AnswerError) as raised:
        open_request(worker, "hardware", {**HARDWARE, "needed_by": "2026-12-01"})

    assert "give 2026-12-02 or a later date" in raised.value.message


def test_the_form_bounds_the_date_picker_and_explains(worker: Worker) -> None:
    client = signed_in(worker)
    with time_machine.travel(NOW):
        page = client.get("/portal/request/hardware/").content.decode()
        sent = client.post(
            "/portal/request/hardware/", {**HARDWARE, "needed_by": "2026-01-01"}
        )

    assert 'name="needed_by" type="date" value="" min="2026-12-01"' in page
    assert (
        '<p class="hint" id="field-needed_by-hint">Leave empty if there is no '
        "date. Today or a later date.</p>"
    ) in page
    assert sent.status_code == 400
    assert (
        "“By when do you need it?” cannot be before today: give 2026-12-01 or "
        "a later date, or leave it empty."
    ) in sent.content.decode()


def test_a_field_without_a_rule_takes_any_date(worker: Worker) -> None:
    Field.objects.filter(name="needed_by").update(date_rule=DateRule.ANY)

    with time_machine.travel(NOW):
        ticket = open_request(
            worker, "hardware", {**HARDWARE, "needed_by": "2001-01-01"}
        )

    assert TicketRequest.objects.get(ticket=ticket).answers.count() == 3


def test_the_desk_lists_a_field_s_date_rule(lead: Worker) -> None:
    page = signed_in(lead).get("/desk/catalog/something-broken/").content.decode()

    assert "Since when?</a>" in page
    assert "30 · Date · optional · no later than today" in page
