"""period_metrics on March 2026's hand-built tickets (see conftest.py)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from credence.errors import InvalidInput
from credence.metrics.measure import period_metrics
from credence.slo.models import Objective
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.metrics.conftest import MID_MONTH, MONTH_END, MONTH_START, at, open_at
from tests.metrics.expected import AT_MID_MONTH, AT_MONTH_END, NOTHING


def test_month_is_measured_as_it_stood_at_its_end(march: dict[str, Ticket]) -> None:
    assert period_metrics(MONTH_START, MONTH_END) == AT_MONTH_END


def test_as_of_mid_month_counts_tickets_as_they_stood_then(
    march: dict[str, Ticket],
) -> None:
    figures = period_metrics(MONTH_START, MONTH_END, as_of=MID_MONTH)

    assert figures == AT_MID_MONTH
    assert figures != period_metrics(MONTH_START, MONTH_END)


def test_event_stamped_at_as_of_is_included(march: dict[str, Ticket]) -> None:
    # T9 is resolved exactly at the month's end. A microsecond earlier its
    # resolution is still running (and past its due, so still breached):
    # medium completed 3 of 4, and the resolution minutes are T1 360, T2
    # 1170 and T5 1260 only: mean 2790 / 3 = 930, median 1170.
    before = period_metrics(
        MONTH_START, MONTH_END, as_of=MONTH_END - timedelta(microseconds=1)
    )
    medium = before["by_priority"]["medium"]

    assert (medium["completed"], medium["completion_rate"]) == (3, 0.75)
    assert medium["resolution"]["breached"] == 3
    assert medium["resolution"]["mean_minutes"] == 930.0
    assert medium["resolution"]["median_minutes"] == 1170.0
    assert AT_MONTH_END["by_priority"]["medium"]["completed"] == 4


def test_tickets_opened_before_the_start_or_at_the_end_are_left_out(
    march: dict[str, Ticket],
) -> None:
    # X1 opened Sat 28 Feb 23:00, X2 at 1 Apr 00:00: each is the only
    # ticket of the period that starts at its opening.
    one_hour_before = period_metrics(at(28, 23, month=2), MONTH_START)
    from_the_end = period_metrics(MONTH_END, MONTH_END + timedelta(days=1))

    assert one_hour_before["overall"]["volume"] == 1
    assert from_the_end["overall"]["volume"] == 1
    assert period_metrics(MONTH_START, MONTH_END)["overall"]["volume"] == 10


def test_priority_is_the_one_in_force_at_as_of(march: dict[str, Ticket]) -> None:
    # At Thu 5 Mar 20:02, T3 (opened 20:00) is still medium, beside T1 and
    # T2: 3 medium tickets, none high.
    figures = period_metrics(MONTH_START, MONTH_END, as_of=at(5, 20, 2))

    assert figures["by_priority"]["medium"]["volume"] == 3
    assert figures["by_priority"]["high"]["volume"] == 0
    assert AT_MONTH_END["by_priority"]["high"]["volume"] == 2


def test_a_ticket_opened_after_as_of_is_not_counted(march: dict[str, Ticket]) -> None:
    # Just before T1 opens on Mon 2 Mar 09:00 nothing of March existed.
    figures = period_metrics(MONTH_START, MONTH_END, as_of=at(2, 8, 59))

    assert figures["overall"] == NOTHING
    assert figures["by_priority"]["highest"] == NOTHING


def test_a_period_without_tickets_has_every_priority_channel_and_kind(
    db: None,
) -> None:
    figures = period_metrics(
        datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)
    )

    assert figures == {
        "period": {
            "start": "2026-01-01T00:00:00+00:00",
            "end": "2026-02-01T00:00:00+00:00",
            "as_of": "2026-02-01T00:00:00+00:00",
        },
        "overall": NOTHING,
        "by_priority": dict.fromkeys(
            ["highest", "high", "medium", "low", "lowest"], NOTHING
        ),
        "by_channel": {
            "portal": 0,
            "assistant": 0,
            "email": 0,
            "chat": 0,
            "phone": 0,
            "walk-up": 0,
            "api": 0,
        },
        "by_kind": {"request": 0, "incident": 0},
        "moved_to_project": 0,
        "project_candidates": 0,
    }


def test_overall_target_weighs_each_priority_by_tickets_measured(
    march: dict[str, Ticket],
) -> None:
    Objective.objects.filter(priority="highest").update(
        response_target=1.0, resolution_target=1.0
    )

    figures = period_metrics(MONTH_START, MONTH_END)

    # Response measured (met + breached): highest 1, others 9:
    # (1.0 * 1 + 0.8 * 9) / 10 = 0.82. Resolution measured: highest 1,
    # high 2, medium 4, low 1, lowest 0: (1.0 * 1 + 0.8 * 7) / 8 = 0.825.
    assert figures["overall"]["response"]["target"] == 0.82
    assert figures["overall"]["resolution"]["target"] == 0.825
    assert figures["by_priority"]["highest"]["response"]["target"] == 1.0
    assert figures["by_priority"]["lowest"]["resolution"]["target"] == 0.8


def test_overall_target_without_tickets_is_null_when_priorities_differ(
    march: dict[str, Ticket],
) -> None:
    january = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC))
    assert period_metrics(*january)["overall"]["response"]["target"] == 0.8

    Objective.objects.filter(priority="low").update(response_target=0.9)

    assert period_metrics(*january)["overall"]["response"]["target"] is None
    assert period_metrics(*january)["overall"]["resolution"]["target"] == 0.8


def test_a_period_must_start_before_it_ends(db: None) -> None:
    with pytest.raises(InvalidInput) as error:
        period_metrics(MONTH_END, MONTH_START)

    assert error.value.message == (
        "The period starts at 2026-04-01T00:00:00+00:00, not before its end at "
        "2026-03-01T00:00:00+00:00: give a start before the end."
    )


def test_instants_must_carry_a_time_zone(db: None) -> None:
    with pytest.raises(InvalidInput) as error:
        period_metrics(datetime(2026, 3, 1), datetime(2026, 4, 1))

    assert error.value.message == (
        "The period and the as-of instant must carry a time zone."
    )


def three_shapes(worker: Worker, agent: Worker, monday: datetime) -> None:
    """A medium ticket resolved, a high one resolved, a low one waiting."""
    medium = open_at(
        worker, worker, monday + timedelta(hours=9), "medium", "request", "portal"
    )
    services.acknowledge(medium, agent, at=monday + timedelta(hours=9, minutes=30))
    services.resolve(medium, agent, at=monday + timedelta(hours=11))

    high = open_at(
        worker, agent, monday + timedelta(hours=10), "high", "incident", "phone"
    )
    services.acknowledge(high, agent, at=monday + timedelta(hours=10, minutes=5))
    services.resolve(high, agent, at=monday + timedelta(hours=12))

    low = open_at(
        worker, agent, monday + timedelta(hours=13), "low", "request", "email"
    )
    services.wait_on_worker(low, agent, "Which room?", at=monday + timedelta(hours=14))


def queries_for(start: datetime) -> int:
    with CaptureQueriesContext(connection) as queries:
        period_metrics(start, start + timedelta(days=7))
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_tickets(
    worker: Worker, agent: Worker
) -> None:
    # Two weeks of May 2026 (4 and 11 May are Mondays): three tickets in
    # the first, the same three shapes ten times over in the second.
    first, second = datetime(2026, 5, 4, tzinfo=UTC), datetime(2026, 5, 11, tzinfo=UTC)
    three_shapes(worker, agent, first)
    for _ in range(10):
        three_shapes(worker, agent, second)

    # One grouped aggregate, one for the medians of both clocks, one for
    # the targets, one for the service window: 4, in an empty week too.
    assert queries_for(first) == 4
    assert queries_for(second) == 4
    assert queries_for(datetime(2026, 5, 18, tzinfo=UTC)) == 4
