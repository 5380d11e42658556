"""Project work in a period's figures: moved tickets and project candidates.

A hand-built week, Monday 1 June to Monday 8 June 2026, read at the end of
June. Four high tickets, round the clock (UTC): response 15 minutes,
resolution 240. The service window is 7 days.

P1 opened Mon 1 June 10:00, acknowledged 10:05, resolved 11:00: response 5,
   met; resolution 60, met; completed.
P2 opened Mon 1 June 10:00, acknowledged 10:10, moved to project 12:00:
   response 10, met; resolution 120 of 240 when moved: outcome moved, no
   minutes; not completed, not breached.
P3 opened Tue 2 June 10:00, never answered, moved to project Tue 2 June
   15:00: response and resolution had breached (due 10:15 and 14:00), so
   both stay breached and keep no minutes; not completed.
P4 opened Wed 3 June 10:00, acknowledged 10:05, still open: at 30 June
   00:00 it has been open 26 days and 14 hours, longer than 7 days: a
   project candidate. Resolution running past its due (14:00): breached.
"""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine

from credence.metrics.measure import period_metrics
from credence.slo.models import ServiceSettings
from credence.tickets import services
from credence.tickets.models import Channel, Ticket
from credence.workers.models import Worker

WEEK_START = datetime(2026, 6, 1, tzinfo=UTC)
WEEK_END = datetime(2026, 6, 8, tzinfo=UTC)
READ_AT = datetime(2026, 6, 30, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 6, day, hour, minute, tzinfo=UTC)


@pytest.fixture(autouse=True)
def end_of_june() -> Iterator[None]:
    with time_machine.travel(datetime(2026, 7, 1, tzinfo=UTC), tick=False):
        yield


def high(worker: Worker, when: datetime) -> Ticket:
    return services.open_ticket(
        requester=worker,
        kind="request",
        title="New tool",
        channel=Channel.PORTAL,
        priority="high",
        actor=worker,
        at=when,
    )


@pytest.fixture
def week(worker: Worker, lead: Worker) -> dict[str, Ticket]:
    t = {name: high(worker, at(day, 10)) for name, day in (("P1", 1), ("P2", 1))}
    services.acknowledge(t["P1"], lead, at=at(1, 10, 5))
    services.resolve(t["P1"], lead, at=at(1, 11))
    services.acknowledge(t["P2"], lead, at=at(1, 10, 10))
    services.move_to_project(t["P2"], lead, "Tooling 2026", "Too big.", at=at(1, 12))

    t["P3"] = high(worker, at(2, 10))
    services.move_to_project(t["P3"], lead, "Tooling 2026", "Too big.", at=at(2, 15))

    t["P4"] = high(worker, at(3, 10))
    services.acknowledge(t["P4"], lead, at=at(3, 10, 5))
    return t


def test_moved_tickets_are_counted_apart(week: dict[str, Ticket]) -> None:
    figures = period_metrics(WEEK_START, WEEK_END, as_of=READ_AT)

    assert figures["moved_to_project"] == 2
    assert figures["project_candidates"] == 1
    high_figures = figures["by_priority"]["high"]
    assert high_figures["volume"] == 4
    # P1 alone was resolved: 1 of 4.
    assert high_figures["completed"] == 1
    assert high_figures["completion_rate"] == 0.25
    # Response: P1 5 and P2 10 and P4 5 met, P3 breached. Minutes of the
    # responses given: 5, 10, 5; P3's clock was stopped by the move.
    assert high_figures["response"]["met"] == 3
    assert high_figures["response"]["breached"] == 1
    assert high_figures["response"]["compliance"] == 0.75
    assert high_figures["response"]["mean_minutes"] == round(20 / 3, 2)
    assert high_figures["response"]["median_minutes"] == 5.0
    # Resolution: P1 met in 60; P2 moved (neither); P3 breached before the
    # move; P4 running past its due, breached. Only P1 has minutes.
    assert high_figures["resolution"]["met"] == 1
    assert high_figures["resolution"]["breached"] == 2
    assert high_figures["resolution"]["compliance"] == 0.3333
    assert high_figures["resolution"]["mean_minutes"] == 60.0
    assert high_figures["resolution"]["median_minutes"] == 60.0


def test_before_the_move_a_ticket_counts_as_it_stood(
    week: dict[str, Ticket],
) -> None:
    # Mon 1 June 11:30: P2 not yet moved, its resolution running (90 of 240).
    figures = period_metrics(WEEK_START, WEEK_END, as_of=at(1, 11, 30))

    assert figures["moved_to_project"] == 0
    assert figures["project_candidates"] == 0


def test_a_longer_window_leaves_no_candidate(week: dict[str, Ticket]) -> None:
    # P4 is 26 days and 14 hours old at READ_AT: under a 30-day window.
    ServiceSettings.objects.create(service_window_days=30)

    assert (
        period_metrics(WEEK_START, WEEK_END, as_of=READ_AT)["project_candidates"] == 0
    )
