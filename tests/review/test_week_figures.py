"""weekly_review on week 10 of 2026 (see conftest.py for every figure)."""

from datetime import timedelta

from credence.metrics import periods
from credence.review import reasons
from credence.review.week import WeekReview, age_in_words, weekly_review
from credence.slo.models import ServiceSettings
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.review.conftest import WEEK, WEEK_END, at


def _review() -> WeekReview:
    return weekly_review(periods.parse_week(WEEK), WEEK_END)


def test_volume_by_priority_kind_and_channel(week: dict[str, Ticket]) -> None:
    metrics = _review().metrics

    # A B C D E F H; G opened before the week and X after it.
    assert metrics["overall"]["volume"] == 7
    volumes = {p: f["volume"] for p, f in metrics["by_priority"].items()}
    assert volumes == {"highest": 1, "high": 1, "medium": 3, "low": 1, "lowest": 1}
    assert metrics["by_kind"] == {"request": 3, "incident": 4}
    assert metrics["by_channel"] == {
        "portal": 2,
        "assistant": 1,
        "email": 1,
        "chat": 1,
        "phone": 1,
        "walk-up": 0,
        "api": 1,
    }


def test_completion_compliance_and_times(week: dict[str, Ticket]) -> None:
    overall = _review().metrics["overall"]

    # Resolved: A B D E F; C and H are open. 5 / 7 = 0.7143.
    assert (overall["completed"], overall["completion_rate"]) == (5, 0.7143)
    # Response met A C E F, breached B D H: 4 / 7. Stopped minutes 30 150
    # 30 20 10 5 = 245, mean 40.83; sorted 5 10 20 30 30 150, median 25.
    response = overall["response"]
    assert (response["met"], response["breached"]) == (4, 3)
    assert response["compliance"] == 0.5714
    assert response["target"] == 0.8
    assert (response["mean_minutes"], response["median_minutes"]) == (40.83, 25.0)
    # Resolution met A B, breached C D E F; H runs: 2 / 6. Stopped minutes
    # 360 360 300 720 180 = 1920, mean 384; median 360.
    resolution = overall["resolution"]
    assert (resolution["met"], resolution["breached"]) == (2, 4)
    assert resolution["compliance"] == 0.3333
    assert (resolution["mean_minutes"], resolution["median_minutes"]) == (384.0, 360.0)


def test_front_door_share(week: dict[str, Ticket]) -> None:
    review = _review()

    # Portal A E and assistant F: 3 of 7 = 0.4286.
    assert (review.front_door, review.side_channels) == (3, 4)
    assert review.front_door_share == 0.4286


def test_oldest_open_tickets_at_the_weeks_end(week: dict[str, Ticket]) -> None:
    review = _review()

    # G since 23 Feb 09:00 (13 days 15 h), C since Tue 09:00 (5 days 15 h),
    # H since Fri 10:00 (2 days 14 h). X did not exist yet.
    assert [(o.ticket.pk, o.age) for o in review.oldest] == [
        (week["G"].pk, "13 days"),
        (week["C"].pk, "5 days"),
        (week["H"].pk, "2 days"),
    ]


def test_project_candidates_are_open_longer_than_seven_days(
    week: dict[str, Ticket],
) -> None:
    review = _review()

    assert [o.ticket.pk for o in review.candidates] == [week["G"].pk]
    assert review.candidates_total == 1


def test_each_breached_ticket_with_its_reasons(week: dict[str, Ticket]) -> None:
    review = _review()

    assert review.breaches_total == 6
    assert [(b.ticket.pk, b.clocks, b.reasons) for b in review.breaches] == [
        (
            week["B"].pk,
            ("response",),
            (reasons.WAITED_ON_ASSIGNMENT, reasons.NO_RESPONSE_IN_TIME),
        ),
        (week["C"].pk, ("resolution",), (reasons.LONG_WAITING_ON_WORKER,)),
        (
            week["D"].pk,
            ("response", "resolution"),
            (reasons.NO_RESPONSE_IN_TIME, reasons.PRIORITY_RAISED_LATE),
        ),
        (week["E"].pk, ("resolution",), (reasons.REOPENED,)),
        (
            week["H"].pk,
            ("response",),
            (reasons.WAITED_ON_ASSIGNMENT, reasons.NO_RESPONSE_IN_TIME),
        ),
        (week["F"].pk, ("resolution",), (reasons.OVER_THE_TARGET,)),
    ]


def test_channel_trend_covers_twelve_weeks(week: dict[str, Ticket]) -> None:
    trend = _review().trend

    # 2025 has 52 ISO weeks: eleven weeks before 2026-W10 is 2025-W51.
    assert [w.period.key for w in trend][:2] == ["2025-W51", "2025-W52"]
    assert trend[-1].period.key == WEEK
    assert len(trend) == 12
    assert trend[-2].counts["walk-up"] == 1
    assert sum(trend[-2].counts.values()) == 1
    assert dict(trend[-1].counts) == {
        "portal": 2,
        "assistant": 1,
        "email": 1,
        "chat": 1,
        "phone": 1,
        "walk-up": 0,
        "api": 1,
    }


def test_age_in_words() -> None:
    assert age_in_words(timedelta(days=1, hours=23)) == "1 day"
    assert age_in_words(timedelta(hours=5, minutes=59)) == "5 h"
    assert age_in_words(timedelta(minutes=40, seconds=59)) == "40 min"


def test_the_leads_service_window_chooses_the_candidates(
    week: dict[str, Ticket],
) -> None:
    ServiceSettings.objects.create(service_window_days=5)

    review = _review()

    # Open more than 5 days at Mon 9 Mar 00:00: G (13 days) and C (5 days
    # 15 h); H (2 days 14 h) is not.
    assert [o.ticket.pk for o in review.candidates] == [week["G"].pk, week["C"].pk]
    assert review.candidates_total == 2


def test_a_ticket_moved_to_project_is_not_open_work(
    week: dict[str, Ticket], lead: Worker
) -> None:
    services.move_to_project(
        week["G"], lead, "PRJ-12 warehouse scanners", "A rollout.", at=at(6, 12)
    )

    review = _review()

    assert [o.ticket.pk for o in review.oldest] == [week["C"].pk, week["H"].pk]
    assert review.candidates_total == 0
