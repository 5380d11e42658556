"""The sentence that tells a worker what to expect, worked out by hand.

Calendars here: business hours Monday to Friday 09:00-17:00 UTC (pinned in
conftest) and round the clock. Objectives are the founding table: medium
1 h / 8 h, low 1 h / 16 h and lowest 2 h / 32 h on business hours; high
15 min / 4 h round the clock. 1 December 2026 is a Tuesday.
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from credence.slo.models import Calendar, ClosedDay
from credence.slo.objectives import BUSINESS_HOURS_NAME
from credence.tickets import services
from credence.tickets.expectations import (
    expectation_sentence,
    outcome_sentence,
    when_ahead,
    when_past,
)
from credence.tickets.models import Status, Ticket
from credence.workers.models import Worker
from tests.portal.conftest import open_for


def at(
    day: int, hour: int, minute: int = 0, month: int = 12, year: int = 2026
) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# Tuesday 1 December 2026, 09:15 UTC.
NOW = at(1, 9, 15)


class TestWhenAhead:
    def test_same_day_is_today(self) -> None:
        assert when_ahead(at(1, 10, 15), NOW, "UTC") == "10:15 today"

    def test_next_day_is_tomorrow(self) -> None:
        assert when_ahead(at(2, 9, 15), NOW, "UTC") == "09:15 tomorrow"

    def test_two_to_six_days_ahead_is_the_weekday(self) -> None:
        # Thursday 3 December is 2 days ahead; Monday 7 December is 6.
        assert when_ahead(at(3, 16), NOW, "UTC") == "Thursday 16:00"
        assert when_ahead(at(7, 16), NOW, "UTC") == "Monday 16:00"

    def test_seven_days_ahead_gives_the_date(self) -> None:
        # Tuesday 8 December: the weekday alone would read as today's.
        assert when_ahead(at(8, 16), NOW, "UTC") == "Tuesday 8 December 16:00"

    def test_another_year_is_written_out(self) -> None:
        # 1 January 2027 is a Friday (2026 starts on a Thursday, 365 days
        # later is one weekday on); 8 January is 38 days after NOW.
        assert (
            when_ahead(at(8, 12, month=1, year=2027), NOW, "UTC")
            == "Friday 8 January 2027 12:00"
        )

    def test_today_is_the_worker_s_own_day(self) -> None:
        # 22:00 UTC on Tuesday is 07:00 on Wednesday in Tokyo (UTC+9), so
        # 02:00 UTC on Wednesday (11:00 in Tokyo) is still "today" there.
        late = at(1, 22)
        assert when_ahead(at(2, 2), late, "Asia/Tokyo") == "11:00 today"
        assert when_ahead(at(2, 2), late, "UTC") == "02:00 tomorrow"


class TestWhenPast:
    def test_today_and_yesterday(self) -> None:
        assert when_past(at(1, 8, 5), NOW, "UTC") == "at 08:05 today"
        assert when_past(at(30, 17, month=11), NOW, "UTC") == "at 17:00 yesterday"

    def test_earlier_gives_the_date(self) -> None:
        assert (
            when_past(at(27, 9, month=11), NOW, "UTC")
            == "on Friday 27 November at 09:00"
        )


def _ticket(**fields: object) -> Ticket:
    values: dict[str, object] = {"status": Status.NEW, "opened_at": NOW}
    values.update(fields)
    return Ticket(**values)


class TestSentenceFromStoredDues:
    """The formatting alone, on tickets that are never saved."""

    def test_both_clocks_running(self) -> None:
        ticket = _ticket(response_due=at(1, 10, 15), resolution_due=at(2, 9, 15))
        assert expectation_sentence(ticket, NOW, "UTC") == (
            "Someone will respond by 10:15 today; "
            "we aim to resolve it by 09:15 tomorrow."
        )

    def test_after_the_response_only_the_resolution_is_promised(self) -> None:
        ticket = _ticket(
            status=Status.IN_PROGRESS,
            response_due=at(1, 10, 15),
            response_stopped_at=at(1, 9, 40),
            resolution_due=at(3, 16),
        )
        assert (
            expectation_sentence(ticket, NOW, "UTC")
            == "We aim to resolve it by Thursday 16:00."
        )

    def test_an_overdue_response_says_so(self) -> None:
        ticket = _ticket(response_due=at(1, 9), resolution_due=at(1, 17))
        assert expectation_sentence(ticket, NOW, "UTC") == (
            "We meant to respond by 09:00 today and are running late; "
            "we aim to resolve it by 17:00 today."
        )

    def test_an_overdue_resolution_says_so(self) -> None:
        ticket = _ticket(
            status=Status.IN_PROGRESS,
            response_due=at(30, 10, month=11),
            response_stopped_at=at(30, 9, 30, month=11),
            resolution_due=at(30, 16, month=11),
        )
        assert expectation_sentence(ticket, NOW, "UTC") == (
            "We meant to resolve it by Monday 30 November 16:00 and are running late."
        )

    def test_waiting_on_the_worker_has_no_resolution_time(self) -> None:
        ticket = _ticket(
            status=Status.WAITING,
            response_due=at(1, 10, 15),
            response_stopped_at=at(1, 9, 30),
            resolution_due=None,
        )
        assert (
            expectation_sentence(ticket, NOW, "UTC")
            == "We will set a time to resolve it as soon as you answer."
        )

    def test_a_resolved_ticket_has_an_outcome_not_an_expectation(self) -> None:
        ticket = _ticket(
            status=Status.RESOLVED,
            resolved_at=at(1, 8, 5),
            response_stopped_at=at(1, 8, 5),
            resolution_stopped_at=at(1, 8, 5),
        )
        assert expectation_sentence(ticket, NOW, "UTC") == ""
        assert outcome_sentence(ticket, NOW, "UTC") == "Resolved at 08:05 today."

    def test_a_closed_ticket_says_when_it_closed(self) -> None:
        ticket = _ticket(
            status=Status.CLOSED,
            resolved_at=at(27, 9, month=11),
            closed_at=at(30, 11, month=11),
        )
        assert outcome_sentence(ticket, NOW, "UTC") == "Closed at 11:00 yesterday."

    def test_an_open_ticket_has_no_outcome(self) -> None:
        ticket = _ticket(response_due=at(1, 10, 15), resolution_due=at(2, 9, 15))
        assert outcome_sentence(ticket, NOW, "UTC") == ""


@pytest.mark.django_db
class TestSentenceFromTheClock:
    """Tickets opened through the domain operation; dues from the calendar."""

    def test_medium_on_friday_afternoon_runs_into_monday(self, worker: Worker) -> None:
        # Friday 4 December 16:30, medium (1 h / 8 h on business hours).
        # Response: 30 min on Friday (16:30-17:00), the weekend is closed,
        # the other 30 min on Monday 09:00-09:30 -> Monday 09:30.
        # Resolution: 480 - 30 = 450 min from Monday 09:00 = 7 h 30 ->
        # Monday 16:30. Monday 7 December is 3 days after Friday.
        opened = at(4, 16, 30)
        with time_machine.travel(opened, tick=False):
            ticket = open_for(worker, priority="medium")
            sentence = expectation_sentence(ticket, opened, "UTC")

        assert ticket.response_due == at(7, 9, 30)
        assert ticket.resolution_due == at(7, 16, 30)
        assert sentence == (
            "Someone will respond by Monday 09:30; "
            "we aim to resolve it by Monday 16:30."
        )

    def test_medium_on_tuesday_morning(self, worker: Worker) -> None:
        # Tuesday 09:15 medium. Response 09:15 + 60 min = 10:15 today.
        # Resolution: Tuesday 09:15-17:00 is 465 min; 480 - 465 = 15 min
        # on Wednesday from 09:00 -> 09:15 tomorrow.
        with time_machine.travel(NOW, tick=False):
            ticket = open_for(worker, priority="medium")
            sentence = expectation_sentence(ticket, NOW, "UTC")

        assert sentence == (
            "Someone will respond by 10:15 today; "
            "we aim to resolve it by 09:15 tomorrow."
        )

    @pytest.mark.parametrize(
        ("zone", "expected"),
        [
            # 22:15 UTC is 23:15 in Berlin (UTC+1 in winter), same day;
            # 02:00 UTC on Wednesday is 03:00 there, the next day.
            (
                "Europe/Berlin",
                "Someone will respond by 23:15 today; "
                "we aim to resolve it by 03:00 tomorrow.",
            ),
            # New York is UTC-5 in winter: opened 17:00 local, respond by
            # 17:15, resolve by 21:00, all on Tuesday.
            (
                "America/New_York",
                "Someone will respond by 17:15 today; "
                "we aim to resolve it by 21:00 today.",
            ),
        ],
    )
    def test_high_at_night_reads_in_the_worker_s_zone(
        self, worker: Worker, zone: str, expected: str
    ) -> None:
        # Tuesday 22:00 UTC, high: 15 min and 4 h round the clock, so
        # respond by 22:15 UTC and resolve by Wednesday 02:00 UTC.
        opened = at(1, 22)
        with time_machine.travel(opened, tick=False):
            ticket = open_for(worker, priority="high")

        assert ticket.response_due == at(1, 22, 15)
        assert ticket.resolution_due == at(2, 2)
        assert expectation_sentence(ticket, opened, zone) == expected

    def test_a_closed_day_pushes_the_resolution_past_a_week(
        self, worker: Worker
    ) -> None:
        # Thursday 10 December 17:00 (closing time), lowest: 2 h / 32 h.
        # Response: Friday 09:00 + 2 h = 11:00 tomorrow.
        # Resolution: 1,920 min = four 8-hour days. Monday 14 December is
        # closed, so Friday, Tuesday, Wednesday and Thursday count ->
        # Thursday 17 December 17:00, 7 days ahead, so the date is given.
        calendar = Calendar.objects.get(name=BUSINESS_HOURS_NAME)
        ClosedDay.objects.create(calendar=calendar, date=at(14, 0).date())
        opened = at(10, 17)
        with time_machine.travel(opened, tick=False):
            ticket = open_for(worker, priority="lowest")

        assert ticket.resolution_due == at(17, 17)
        assert expectation_sentence(ticket, opened, "UTC") == (
            "Someone will respond by 11:00 tomorrow; "
            "we aim to resolve it by Thursday 17 December 17:00."
        )

    def test_waiting_then_answering_gives_a_new_resolution_time(
        self, worker: Worker, agent: Worker
    ) -> None:
        # Tuesday 09:15 medium; at 10:00 the agent asks a question (the
        # response, and the resolution clock stops after 45 min).
        with time_machine.travel(NOW, tick=False):
            ticket = open_for(worker, priority="medium")
        asked = NOW + timedelta(minutes=45)
        with time_machine.travel(asked, tick=False):
            ticket = services.wait_on_worker(ticket, agent, "Which printer?")
            waiting = expectation_sentence(ticket, asked, "UTC")

        # At 11:00 the worker answers: 480 - 45 = 435 min are left; Tuesday
        # 11:00-17:00 gives 360, the last 75 run Wednesday 09:00-10:15.
        answered = at(1, 11)
        with time_machine.travel(answered, tick=False):
            ticket = services.worker_comment(ticket, worker, "The one by the door.")
            resumed = expectation_sentence(ticket, answered, "UTC")

        assert waiting == "We will set a time to resolve it as soon as you answer."
        assert resumed == "We aim to resolve it by 10:15 tomorrow."
