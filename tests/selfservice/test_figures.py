"""The period's figures on a hand-built week, values worked out by hand.

The week is ISO week 10 of 2026, Monday 2 March to Sunday 8 March, in UTC
(the tests' installation zone).

Sessions, as of Thursday 12 March 12:00:
1. Wanda, Mon 2 Mar 09:00, "this solved it" at 09:05: solved; her ticket
   of 4 Mar follows it within 7 days all the same.
2. Wanda, Tue 3 Mar 10:00, her ticket Wed 4 Mar 10:00: ended in a ticket.
3. Oscar, Wed 4 Mar 12:00, no ticket; 7 days passed at 11 Mar 12:00:
   deflected, no ticket.
4. Oscar, Sun 8 Mar 09:00; his ticket comes 13 Mar 09:00, after the
   instant: still open (7 days not passed).
5. Ada, Thu 5 Mar 15:00, solved 15:10, a ticket by mail Fri 6 Mar all the
   same: solved (deflected), and a solved session a ticket followed.
6. Oscar, Fri 6 Mar 09:00; the 13 Mar ticket links it but comes after the
   instant: still open.
Outside the week: Wanda, Sun 1 Mar 23:00 and Mon 9 Mar 08:00.

So: 6 sessions, 2 solved (both followed by a ticket), 1 with no ticket,
3 deflected, 1 ended in a ticket, 2 still open, rate 3 / (3 + 1) = 0.75.
At the week's end (9 Mar 00:00) session 3 is still open too: 2 deflected,
1 ticket, 3 still open, rate 2 / 3.
"""

from datetime import UTC, date, datetime

from credence.metrics.periods import parse_week
from credence.selfservice import satisfaction
from credence.selfservice.figures import deflection, first_week
from credence.selfservice.figures import satisfaction as satisfaction_figures
from credence.tickets import services
from credence.workers.models import Worker
from tests.selfservice.conftest import on as _on
from tests.selfservice.conftest import open_ticket as _open

WEEK = parse_week("2026-W10")
AS_OF = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)


def test_deflection_as_of_a_later_instant(week_of_sessions: None) -> None:
    assert deflection(WEEK.start, WEEK.end, AS_OF) == {
        "sessions": 6,
        "deflected": 3,
        "solved": 2,
        "no_ticket": 1,
        "ended_in_ticket": 1,
        "still_open": 2,
        "solved_then_ticket": 2,
        "deflection_rate": 0.75,
    }


def test_deflection_at_the_weeks_end(week_of_sessions: None) -> None:
    assert deflection(WEEK.start, WEEK.end, WEEK.end) == {
        "sessions": 6,
        "deflected": 2,
        "solved": 2,
        "no_ticket": 0,
        "ended_in_ticket": 1,
        "still_open": 3,
        "solved_then_ticket": 2,
        "deflection_rate": 0.6667,
    }


def test_no_sessions_has_no_rate(db: None) -> None:
    found = deflection(WEEK.start, WEEK.end, AS_OF)

    assert found["sessions"] == 0
    assert found["deflection_rate"] is None


def test_satisfaction_over_the_weeks_resolutions(
    worker: Worker, other_worker: Worker, agent: Worker
) -> None:
    # Asked: T1 (4 Mar), T2 (5 Mar), T3 twice (3 Mar, reopened, 6 Mar);
    # T4 resolved 10 Mar is outside. Answered 5, 2 and 1 (T3's first
    # resolution); T3's second is unanswered. 4 asked, 3 responses, rate
    # 0.75, mean 8 / 3 = 2.67.
    t1 = _open(worker, _on(4, 9))
    t2 = _open(other_worker, _on(2, 9))
    t3 = _open(worker, _on(2, 10))
    t4 = _open(worker, _on(9, 9))
    services.resolve(t1, agent, "Cleared the jam.", at=_on(4, 14))
    services.resolve(t2, agent, "Replaced the tray.", at=_on(5, 9))
    services.resolve(t3, agent, "Restarted it.", at=_on(3, 10))
    satisfaction.answer(t3, worker, 1, "Still jams.", at=_on(3, 11))
    services.reopen(t3, worker, "It jams again.", at=_on(3, 12))
    services.resolve(t3, agent, "New fuser.", at=_on(6, 10))
    services.resolve(t4, agent, "Done.", at=_on(10, 9))
    satisfaction.answer(t1, worker, 5, at=_on(4, 15))
    satisfaction.answer(t2, other_worker, "2", "Took a while.", at=_on(5, 10))
    satisfaction.answer(t4, worker, 4, at=_on(10, 10))

    assert satisfaction_figures(WEEK.start, WEEK.end, AS_OF) == {
        "asked": 4,
        "responses": 3,
        "response_rate": 0.75,
        "mean": 2.67,
        "distribution": {"1": 1, "2": 1, "3": 0, "4": 0, "5": 1},
    }


def test_an_answer_after_the_instant_is_not_counted(
    worker: Worker, agent: Worker
) -> None:
    ticket = _open(worker, _on(4, 9))
    services.resolve(ticket, agent, "Done.", at=_on(4, 10))
    satisfaction.answer(ticket, worker, 3, at=_on(12, 13))

    found = satisfaction_figures(WEEK.start, WEEK.end, AS_OF)

    assert (found["asked"], found["responses"], found["mean"]) == (1, 0, None)


def _starter(username: str, start: date) -> Worker:
    return Worker.objects.create_user(username=username, start_date=start)


def test_share_of_new_workers_who_asked_in_their_first_week(db: None) -> None:
    # N1 starts 2 Mar, asks 5 Mar: submitted. N2 starts 3 Mar, asks 10 Mar
    # (its eighth day): not in the first week, which ended 9 Mar. N3 starts
    # 8 Mar, nothing yet, first week runs to 14 Mar: still in it. N4 starts
    # 6 Mar, asks 12 Mar 11:00 (its seventh day, before the instant):
    # submitted. N5 starts 1 Mar: another week. Share 2 / (2 + 1).
    n1 = _starter("n1", date(2026, 3, 2))
    n2 = _starter("n2", date(2026, 3, 3))
    _starter("n3", date(2026, 3, 8))
    n4 = _starter("n4", date(2026, 3, 6))
    n5 = _starter("n5", date(2026, 3, 1))
    _open(n1, _on(5, 9))
    _open(n2, _on(10, 9))
    _open(n4, _on(12, 11))
    _open(n5, _on(2, 9))

    assert first_week(WEEK.start, WEEK.end, AS_OF) == {
        "new_workers": 4,
        "submitted": 2,
        "not_submitted": 1,
        "still_in_first_week": 1,
        "share": 0.6667,
    }


def test_a_ticket_after_the_instant_is_not_yet_submitted(db: None) -> None:
    newcomer = _starter("n1", date(2026, 3, 6))
    _open(newcomer, _on(12, 13))

    found = first_week(WEEK.start, WEEK.end, AS_OF)

    assert (found["submitted"], found["still_in_first_week"]) == (0, 1)
    assert found["share"] is None


def _starter_in(username: str, start: date, zone: str) -> Worker:
    return Worker.objects.create_user(
        username=username, start_date=start, time_zone=zone
    )


def test_the_first_week_is_counted_in_each_workers_zone(db: None) -> None:
    # Offsets from the tz database: Pacific/Chatham is UTC+13:45 all March
    # 2026 (its summer time ends 5 April); America/St_Johns moves from
    # UTC-03:30 to UTC-02:30 at 02:00 local time on Sunday 8 March.
    # C1, Chatham, starts 2 Mar; her ticket of 8 Mar 12:00 UTC is 9 Mar
    # 01:45 for her, her eighth day: not submitted.
    # S1, St. John's, starts 2 Mar; his ticket of 9 Mar 02:00 UTC is 8 Mar
    # 23:30 for him (UTC-02:30 by then), his seventh day: submitted.
    # C2, Chatham, starts 6 Mar, no ticket; her week ended 13 Mar 00:00
    # there, 12 Mar 10:15 UTC, before the instant: not submitted.
    # E1, no zone (the installation's, UTC), starts 3 Mar; the ticket of
    # 9 Mar 23:30 UTC is on the seventh day: submitted.
    # E2, a zone that does not exist (read as the installation's), starts
    # 8 Mar, no ticket: still in the first week, which runs to 14 Mar.
    # Share 2 / (2 + 2).
    c1 = _starter_in("c1", date(2026, 3, 2), "Pacific/Chatham")
    s1 = _starter_in("s1", date(2026, 3, 2), "America/St_Johns")
    _starter_in("c2", date(2026, 3, 6), "Pacific/Chatham")
    e1 = _starter_in("e1", date(2026, 3, 3), "")
    _starter_in("e2", date(2026, 3, 8), "Mars/Olympus")
    _open(c1, _on(8, 12))
    _open(s1, _on(9, 2))
    _open(e1, _on(9, 23, 30))

    assert first_week(WEEK.start, WEEK.end, AS_OF) == {
        "new_workers": 5,
        "submitted": 2,
        "not_submitted": 2,
        "still_in_first_week": 1,
        "share": 0.5,
    }
