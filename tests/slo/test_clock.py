"""The clock's rules, one at a time, and what it says about bad histories.

Business hours are New York's 09:00-17:00 on weekdays; in June 2026 New York
is at -04:00, so 09:00 there is 13:00 UTC. Monday is 2026-06-01.
"""

import math
from datetime import datetime

import pytest

from credence.slo.clock import (
    ClockError,
    ClockEvent,
    Objective,
    Target,
    measure,
)
from tests.slo.examples import (
    NEW_YORK_BUSINESS,
    OBJECTIVES,
    ROUND_THE_CLOCK,
    at,
    history,
    objectives,
)

OPENED_MEDIUM = ("2026-06-01T09:00:00-04:00", "opened", "medium")


def test_response_stops_at_the_first_acknowledgement() -> None:
    events = history(
        OPENED_MEDIUM,
        ("2026-06-01T09:20:00-04:00", "acknowledged"),
        ("2026-06-01T09:50:00-04:00", "replied"),
    )

    response = measure(events, OBJECTIVES).response

    assert response.stopped_at == at("2026-06-01T13:20:00+00:00")
    assert response.elapsed_minutes == 20
    assert response.due == at("2026-06-01T14:00:00+00:00")
    assert response.outcome == "met"


def test_a_public_reply_is_a_response() -> None:
    events = history(OPENED_MEDIUM, ("2026-06-01T10:05:00-04:00", "replied"))

    response = measure(events, OBJECTIVES).response

    assert (response.elapsed_minutes, response.outcome) == (65, "breached")


def test_notes_automatic_messages_and_worker_comments_are_not_responses() -> None:
    events = history(
        OPENED_MEDIUM,
        ("2026-06-01T09:00:05-04:00", "auto_replied"),
        ("2026-06-01T09:10:00-04:00", "noted"),
        ("2026-06-01T09:20:00-04:00", "worker_commented"),
    )

    response = measure(
        events, OBJECTIVES, as_of=at("2026-06-01T09:30:00-04:00")
    ).response

    assert response.stopped_at is None
    assert (response.elapsed_minutes, response.outcome) == (30, "running")


def test_waiting_on_the_worker_pauses_resolution_and_not_response() -> None:
    events = history(OPENED_MEDIUM, ("2026-06-01T09:30:00-04:00", "waiting"))

    measurement = measure(events, OBJECTIVES, as_of=at("2026-06-01T10:30:00-04:00"))

    assert measurement.response.elapsed_minutes == 90
    assert measurement.response.outcome == "breached"
    assert measurement.response.pauses == ()
    assert measurement.resolution.elapsed_minutes == 30
    assert measurement.resolution.outcome == "paused"
    assert measurement.resolution.due is None
    assert measurement.resolution.pauses == ((at("2026-06-01T13:30:00+00:00"), None),)


def test_waiting_pauses_response_when_its_target_says_so() -> None:
    events = history(OPENED_MEDIUM, ("2026-06-01T09:30:00-04:00", "waiting"))

    response = measure(
        events,
        objectives(response_pauses=True),
        as_of=at("2026-06-01T10:30:00-04:00"),
    ).response

    assert (response.elapsed_minutes, response.outcome, response.due) == (
        30,
        "paused",
        None,
    )


def test_resolution_runs_on_while_waiting_when_its_target_says_so() -> None:
    events = history(OPENED_MEDIUM, ("2026-06-01T09:30:00-04:00", "waiting"))

    resolution = measure(
        events,
        objectives(resolution_pauses=False),
        as_of=at("2026-06-01T10:30:00-04:00"),
    ).resolution

    assert resolution.elapsed_minutes == 90
    assert resolution.outcome == "running"
    assert resolution.due == at("2026-06-01T17:00:00-04:00")
    assert resolution.pauses == ()


def test_a_wait_moves_the_due_by_its_business_length() -> None:
    events = history(
        OPENED_MEDIUM,
        ("2026-06-01T10:00:00-04:00", "waiting"),
        ("2026-06-01T11:30:00-04:00", "resumed"),
    )

    resolution = measure(
        events, OBJECTIVES, as_of=at("2026-06-01T12:00:00-04:00")
    ).resolution

    # 60 before the wait and 30 after; 420 were left at 11:30, of which
    # Monday holds 330 and Tuesday 90 from 09:00.
    assert resolution.elapsed_minutes == 90
    assert resolution.due == at("2026-06-02T10:30:00-04:00")
    assert resolution.outcome == "running"
    assert resolution.counted == (
        (at("2026-06-01T13:00:00+00:00"), at("2026-06-01T14:00:00+00:00"), 60.0),
        (at("2026-06-01T15:30:00+00:00"), at("2026-06-01T16:00:00+00:00"), 30.0),
    )
    assert resolution.pauses == (
        (at("2026-06-01T14:00:00+00:00"), at("2026-06-01T15:30:00+00:00")),
    )


def test_a_resolve_ends_the_wait_and_is_met_with_time_left() -> None:
    events = history(
        OPENED_MEDIUM,
        ("2026-06-01T10:00:00-04:00", "waiting"),
        ("2026-06-01T11:00:00-04:00", "resolved"),
    )

    resolution = measure(events, OBJECTIVES).resolution

    # 420 left at the resolve: 360 on Monday from 11:00, 60 on Tuesday.
    assert resolution.stopped_at == at("2026-06-01T15:00:00+00:00")
    assert resolution.elapsed_minutes == 60
    assert resolution.due == at("2026-06-02T10:00:00-04:00")
    assert resolution.outcome == "met"
    assert resolution.pauses == (
        (at("2026-06-01T14:00:00+00:00"), at("2026-06-01T15:00:00+00:00")),
    )


def test_a_reopened_ticket_no_longer_waits() -> None:
    events = history(
        OPENED_MEDIUM,
        ("2026-06-01T10:00:00-04:00", "waiting"),
        ("2026-06-01T11:00:00-04:00", "resolved"),
        ("2026-06-01T12:00:00-04:00", "reopened"),
    )

    resolution = measure(
        events, OBJECTIVES, as_of=at("2026-06-01T13:00:00-04:00")
    ).resolution

    # The wait and the resolved hour join into one pause, 10:00-12:00.
    assert resolution.pauses == (
        (at("2026-06-01T14:00:00+00:00"), at("2026-06-01T16:00:00+00:00")),
    )
    # 420 were left at the reopen: 300 on Monday from 12:00, 120 on Tuesday.
    assert resolution.elapsed_minutes == 120
    assert resolution.due == at("2026-06-02T11:00:00-04:00")
    assert resolution.outcome == "running"
    assert resolution.stopped_at is None


def test_reopening_does_not_restart_the_response_clock() -> None:
    events = history(
        ("2026-06-01T10:00:00+00:00", "opened", "high"),
        ("2026-06-01T10:05:00+00:00", "resolved"),
        ("2026-06-01T10:30:00+00:00", "reopened"),
    )

    measurement = measure(events, OBJECTIVES, as_of=at("2026-06-01T11:00:00+00:00"))

    assert measurement.response.stopped_at == at("2026-06-01T10:05:00+00:00")
    assert measurement.response.elapsed_minutes == 5
    assert measurement.response.outcome == "met"
    assert measurement.resolution.elapsed_minutes == 35
    assert measurement.resolution.due == at("2026-06-01T14:25:00+00:00")
    assert measurement.resolution.outcome == "running"


def test_a_priority_change_measures_again_from_the_start() -> None:
    events = history(
        ("2026-06-01T16:00:00-04:00", "opened", "medium"),
        ("2026-06-01T16:30:00-04:00", "priority_changed", "highest"),
    )

    measurement = measure(events, OBJECTIVES, as_of=at("2026-06-01T16:45:00-04:00"))

    assert measurement.priority == "highest"
    assert measurement.response.due == at("2026-06-01T16:15:00-04:00")
    assert measurement.response.elapsed_minutes == 45
    assert measurement.response.outcome == "breached"
    assert measurement.resolution.due == at("2026-06-01T18:00:00-04:00")
    assert measurement.resolution.outcome == "running"
    assert measurement.resolution.target_minutes == 120


def test_a_priority_change_after_as_of_is_not_seen() -> None:
    events = history(
        ("2026-06-01T16:00:00-04:00", "opened", "medium"),
        ("2026-06-01T16:30:00-04:00", "priority_changed", "highest"),
    )

    measurement = measure(events, OBJECTIVES, as_of=at("2026-06-01T16:20:00-04:00"))

    assert measurement.priority == "medium"
    assert measurement.response.due == at("2026-06-01T17:00:00-04:00")
    assert measurement.response.outcome == "running"


def test_without_as_of_the_ticket_is_measured_at_its_last_event() -> None:
    events = history(OPENED_MEDIUM, ("2026-06-01T09:40:00-04:00", "noted"))

    response = measure(events, OBJECTIVES).response

    assert (response.elapsed_minutes, response.outcome) == (40, "running")


def test_a_paused_clock_already_past_its_target_is_breached() -> None:
    events = history(
        ("2026-06-01T10:00:00+00:00", "opened", "highest"),
        ("2026-06-01T12:30:00+00:00", "waiting"),
    )

    resolution = measure(
        events, OBJECTIVES, as_of=at("2026-06-01T13:00:00+00:00")
    ).resolution

    assert resolution.due == at("2026-06-01T12:00:00+00:00")
    assert resolution.elapsed_minutes == 150
    assert resolution.outcome == "breached"


def test_a_wait_from_the_very_due_is_paused_until_the_due_has_passed() -> None:
    events = history(
        ("2026-06-01T10:00:00+00:00", "opened", "highest"),
        ("2026-06-01T12:00:00+00:00", "waiting"),
    )

    at_due = measure(events, OBJECTIVES, as_of=at("2026-06-01T12:00:00+00:00"))
    after = measure(events, OBJECTIVES, as_of=at("2026-06-01T12:00:00.000001+00:00"))

    assert at_due.resolution.outcome == "paused"
    assert at_due.resolution.due == at("2026-06-01T12:00:00+00:00")
    assert after.resolution.outcome == "breached"
    assert after.resolution.elapsed_minutes == 120


def test_a_running_clock_at_its_due_is_running_and_a_tick_later_breached() -> None:
    events = history(OPENED_MEDIUM)

    at_due = measure(events, OBJECTIVES, as_of=at("2026-06-01T10:00:00-04:00"))
    after = measure(events, OBJECTIVES, as_of=at("2026-06-01T10:00:00.000001-04:00"))

    assert at_due.response.outcome == "running"
    assert after.response.outcome == "breached"


def test_a_response_at_the_due_is_met_and_a_tick_later_breached() -> None:
    on_time = measure(
        history(OPENED_MEDIUM, ("2026-06-01T10:00:00-04:00", "replied")), OBJECTIVES
    )
    late = measure(
        history(OPENED_MEDIUM, ("2026-06-01T10:00:00.000001-04:00", "replied")),
        OBJECTIVES,
    )

    assert on_time.response.outcome == "met"
    assert late.response.outcome == "breached"


def test_a_zero_minute_target_is_due_at_the_opening() -> None:
    instant = Objective(
        response=Target(0, NEW_YORK_BUSINESS, False),
        resolution=Target(0, ROUND_THE_CLOCK, True),
    )
    events = history(
        ("2026-06-06T11:00:00-04:00", "opened", "medium"),
        ("2026-06-06T11:00:00-04:00", "acknowledged"),
    )

    measurement = measure(events, {"medium": instant})

    assert measurement.response.due == at("2026-06-06T11:00:00-04:00")
    assert measurement.response.outcome == "met"
    assert measurement.resolution.due == at("2026-06-06T11:00:00-04:00")
    assert measurement.resolution.outcome == "running"


def test_events_that_do_not_fit_the_state_change_nothing() -> None:
    events = history(
        OPENED_MEDIUM,
        ("2026-06-01T09:10:00-04:00", "resumed"),
        ("2026-06-01T09:20:00-04:00", "reopened"),
        ("2026-06-01T10:00:00-04:00", "resolved"),
        ("2026-06-01T11:00:00-04:00", "resolved"),
        ("2026-06-01T11:30:00-04:00", "waiting"),
    )

    resolution = measure(
        events, OBJECTIVES, as_of=at("2026-06-01T12:00:00-04:00")
    ).resolution

    assert resolution.stopped_at == at("2026-06-01T14:00:00+00:00")
    assert resolution.elapsed_minutes == 60
    assert resolution.outcome == "met"
    assert resolution.pauses == ()


def test_closed_after_resolved_changes_no_clock() -> None:
    resolved = history(OPENED_MEDIUM, ("2026-06-01T11:00:00-04:00", "resolved"))
    closed = [*resolved, *history(("2026-06-03T11:00:00-04:00", "closed"))]

    assert measure(closed, OBJECTIVES) == measure(
        resolved, OBJECTIVES, as_of=at("2026-06-03T11:00:00-04:00")
    )


def test_figures_carry_their_target_and_start() -> None:
    response = measure(history(OPENED_MEDIUM), OBJECTIVES).response

    assert response.started_at == at("2026-06-01T13:00:00+00:00")
    assert response.target_minutes == 60
    assert response.counted == ()
    assert response.elapsed_minutes == 0


def _refusal(events: list[ClockEvent], as_of: datetime | None = None) -> ClockError:
    with pytest.raises(ClockError) as raised:
        measure(events, OBJECTIVES, as_of)
    assert raised.value.template % raised.value.params == str(raised.value)
    return raised.value


def test_a_history_must_begin_with_opened() -> None:
    for events in ([], history(("2026-06-01T09:00:00+00:00", "noted"))):
        error = _refusal(events)

        assert error.code == "clock_not_opened_first"
        assert str(error) == (
            "The history does not begin with an opened event: give the ticket's "
            "opening, with its priority, as the first event."
        )


def test_a_history_must_not_go_back_in_time() -> None:
    error = _refusal(
        history(
            ("2026-06-01T10:00:00+00:00", "opened", "high"),
            ("2026-06-01T09:00:00+00:00", "acknowledged"),
        )
    )

    assert error.code == "clock_history_goes_back"
    assert str(error) == (
        "The acknowledged event at 2026-06-01T09:00:00+00:00 comes after the opened "
        "event at 2026-06-01T10:00:00+00:00 but is earlier: give events in time "
        "order."
    )


def test_every_priority_must_have_an_objective() -> None:
    opened = _refusal(history(("2026-06-01T10:00:00+00:00", "opened", "urgent")))
    changed = _refusal(
        history(
            ("2026-06-01T10:00:00+00:00", "opened", "high"),
            ("2026-06-01T11:00:00+00:00", "priority_changed", "p1"),
        )
    )

    assert opened.code == changed.code == "clock_unknown_priority"
    assert str(opened) == (
        "The opened event at 2026-06-01T10:00:00+00:00 gives priority 'urgent', "
        "which has no objective: use one of highest, high, medium, low, lowest."
    )
    assert str(changed) == (
        "The priority_changed event at 2026-06-01T11:00:00+00:00 gives priority "
        "'p1', which has no objective: use one of highest, high, medium, low, "
        "lowest."
    )


def test_a_ticket_opens_once() -> None:
    error = _refusal(
        history(
            ("2026-06-01T10:00:00+00:00", "opened", "high"),
            ("2026-06-01T11:00:00+00:00", "opened", "high"),
        )
    )

    assert str(error) == (
        "The history has a second opened event at 2026-06-01T11:00:00+00:00: a "
        "ticket opens once; use reopened for a ticket that comes back."
    )


def test_a_ticket_is_closed_only_once_resolved() -> None:
    never_resolved = history(
        ("2026-06-01T10:00:00+00:00", "opened", "high"),
        ("2026-06-01T11:00:00+00:00", "closed"),
    )
    reopened = history(
        ("2026-06-01T10:00:00+00:00", "opened", "high"),
        ("2026-06-01T10:30:00+00:00", "resolved"),
        ("2026-06-01T10:40:00+00:00", "reopened"),
        ("2026-06-01T11:00:00+00:00", "closed"),
    )

    for events in (never_resolved, reopened):
        error = _refusal(events)

        assert error.code == "clock_closed_unresolved"
        assert str(error) == (
            "The closed event at 2026-06-01T11:00:00+00:00 follows no resolve: a "
            "ticket is closed only once resolved, so add the resolved event before "
            "it."
        )


def test_a_ticket_cannot_be_measured_before_its_opening() -> None:
    error = _refusal(
        history(("2026-06-01T10:00:00+02:00", "opened", "high")),
        as_of=at("2026-06-01T07:00:00+00:00"),
    )

    assert error.code == "clock_before_opening"
    assert str(error) == (
        "Cannot measure at 2026-06-01T07:00:00+00:00, before the ticket was opened "
        "at 2026-06-01T08:00:00+00:00: measure at or after its opening."
    )


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ClockError) as event:
        ClockEvent(at=datetime(2026, 6, 1, 10), type="opened", priority="high")
    as_of = _refusal(
        history(("2026-06-01T10:00:00+00:00", "opened", "high")),
        as_of=datetime(2026, 6, 1, 11),
    )

    assert str(event.value) == (
        "The opened event at 2026-06-01T10:00:00 has no time zone: give an aware "
        "datetime, for example one in UTC."
    )
    assert str(as_of) == (
        "The instant 2026-06-01T11:00:00 has no time zone: give an aware datetime, "
        "for example one in UTC."
    )


def test_unknown_event_types_are_refused() -> None:
    with pytest.raises(ClockError) as raised:
        ClockEvent(at=at("2026-06-01T10:00:00+00:00"), type="escalated")

    assert raised.value.code == "clock_unknown_event"
    assert str(raised.value) == (
        "Unknown event type 'escalated': use one of opened, acknowledged, replied, "
        "noted, auto_replied, worker_commented, waiting, resumed, priority_changed, "
        "resolved, reopened, closed, moved_to_project."
    )


def test_opening_and_priority_changes_need_a_priority() -> None:
    with pytest.raises(ClockError) as raised:
        ClockEvent(at=at("2026-06-01T10:00:00+00:00"), type="priority_changed")

    assert str(raised.value) == (
        "The priority_changed event at 2026-06-01T10:00:00+00:00 has no priority: "
        "give the ticket's priority with it."
    )


@pytest.mark.parametrize("minutes", [-1, math.inf, math.nan])
def test_a_target_must_be_a_finite_number_of_minutes(minutes: float) -> None:
    with pytest.raises(ClockError) as raised:
        Target(minutes, ROUND_THE_CLOCK, False)

    assert raised.value.code == "clock_bad_target"
    assert str(raised.value) == (
        f"A target of {minutes!r} minutes cannot be measured: give a finite number "
        "of minutes, zero or more."
    )
