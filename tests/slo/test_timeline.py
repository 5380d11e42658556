"""The timeline: a ticket's state over all time, agreeing with measure."""

import bisect
import importlib.util
import random
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise

import pytest

from credence.slo.calendar import Calendar
from credence.slo.clock import (
    EVENT_TYPES,
    PRIORITIES,
    ClockEvent,
    Objective,
    Span,
    SpanClock,
    Target,
    measure,
    timeline,
)
from tests.slo.examples import (
    BERLIN_BUSINESS,
    NEW_YORK_BUSINESS,
    OBJECTIVES,
    ROUND_THE_CLOCK,
    at,
    history,
)

# Hypothesis draws the histories where it is installed (the dev extras
# have it); elsewhere a seeded loop draws as many.
HYPOTHESIS = importlib.util.find_spec("hypothesis") is not None
TICK = timedelta(microseconds=1)


def running(due: str) -> SpanClock:
    return SpanClock("running", at(due), None, None)


def test_spans_follow_a_ticket_through_its_life() -> None:
    events = history(
        ("2026-06-01T09:00:00-04:00", "opened", "medium"),
        ("2026-06-01T09:30:00-04:00", "acknowledged"),
        ("2026-06-01T11:00:00-04:00", "waiting"),
        ("2026-06-01T12:00:00-04:00", "resumed"),
        ("2026-06-02T11:00:00-04:00", "resolved"),
    )
    responded = SpanClock(
        "met", at("2026-06-01T14:00:00+00:00"), 30.0, at("2026-06-01T13:30:00+00:00")
    )
    # After the wait 360 minutes are left at noon: 300 on Monday and 60 on
    # Tuesday from 09:00, so the due is Tuesday 10:00 (14:00 UTC); resolved an
    # hour later with 120 + 300 + 120 = 540 counted.
    breached = SpanClock("breached", at("2026-06-02T14:00:00+00:00"), None, None)
    passed = at("2026-06-02T14:00:00.000001+00:00")

    spans = timeline(events, OBJECTIVES)

    assert spans == [
        Span(
            at("2026-06-01T13:00:00+00:00"),
            at("2026-06-01T13:30:00+00:00"),
            "medium",
            False,
            running("2026-06-01T14:00:00+00:00"),
            running("2026-06-01T21:00:00+00:00"),
        ),
        Span(
            at("2026-06-01T13:30:00+00:00"),
            at("2026-06-01T15:00:00+00:00"),
            "medium",
            False,
            responded,
            running("2026-06-01T21:00:00+00:00"),
        ),
        Span(
            at("2026-06-01T15:00:00+00:00"),
            at("2026-06-01T16:00:00+00:00"),
            "medium",
            False,
            responded,
            SpanClock("paused", None, None, None),
        ),
        Span(
            at("2026-06-01T16:00:00+00:00"),
            passed,
            "medium",
            False,
            responded,
            running("2026-06-02T14:00:00+00:00"),
        ),
        Span(
            passed,
            at("2026-06-02T15:00:00+00:00"),
            "medium",
            False,
            responded,
            breached,
        ),
        Span(
            at("2026-06-02T15:00:00+00:00"),
            None,
            "medium",
            True,
            responded,
            SpanClock(
                "breached",
                at("2026-06-02T14:00:00+00:00"),
                540.0,
                at("2026-06-02T15:00:00+00:00"),
            ),
        ),
    ]


def test_a_clock_running_at_the_end_breaches_in_the_last_span() -> None:
    events = history(("2026-06-01T10:00:00+00:00", "opened", "highest"))

    spans = timeline(events, OBJECTIVES)

    assert [(span.start, span.end) for span in spans] == [
        (at("2026-06-01T10:00:00+00:00"), at("2026-06-01T10:15:00.000001+00:00")),
        (
            at("2026-06-01T10:15:00.000001+00:00"),
            at("2026-06-01T12:00:00.000001+00:00"),
        ),
        (at("2026-06-01T12:00:00.000001+00:00"), None),
    ]
    assert [(span.response.outcome, span.resolution.outcome) for span in spans] == [
        ("running", "running"),
        ("breached", "running"),
        ("breached", "breached"),
    ]


def test_a_clock_paused_past_its_target_stays_breached() -> None:
    events = history(
        ("2026-06-01T10:00:00+00:00", "opened", "highest"),
        ("2026-06-01T10:05:00+00:00", "replied"),
        ("2026-06-01T12:30:00+00:00", "waiting"),
    )

    last = timeline(events, OBJECTIVES)[-1]

    # The wait changes no figure of a clock already breached, so the span
    # that began when the due passed goes on for ever.
    assert last.start == at("2026-06-01T12:00:00.000001+00:00")
    assert last.resolution == SpanClock(
        "breached", at("2026-06-01T12:00:00+00:00"), None, None
    )


def test_events_that_change_nothing_start_no_span() -> None:
    quiet = history(
        ("2026-06-01T10:00:00+00:00", "opened", "high"),
        ("2026-06-01T10:01:00+00:00", "noted"),
        ("2026-06-01T10:02:00+00:00", "auto_replied"),
        ("2026-06-01T10:03:00+00:00", "worker_commented"),
    )

    starts = [span.start for span in timeline(quiet, OBJECTIVES)]

    assert starts == [
        at("2026-06-01T10:00:00+00:00"),
        at("2026-06-01T10:15:00.000001+00:00"),
        at("2026-06-01T14:00:00.000001+00:00"),
    ]


def test_events_at_one_instant_make_one_boundary() -> None:
    events = history(
        ("2026-06-01T10:00:00+00:00", "opened", "high"),
        ("2026-06-01T10:10:00+00:00", "resolved"),
        ("2026-06-01T10:10:00+00:00", "reopened"),
    )

    spans = timeline(events, OBJECTIVES)

    assert spans[1].start == at("2026-06-01T10:10:00+00:00")
    assert spans[1].resolved is False
    assert spans[1].response.outcome == "met"


# Calendars for random histories: business hours with a lunch break, a
# Sunday window in Berlin's skipped and repeated hours, holidays, and round
# the clock in zones with daylight saving.
CALENDARS = (
    NEW_YORK_BUSINESS,
    BERLIN_BUSINESS,
    ROUND_THE_CLOCK,
    Calendar(time_zone="America/New_York"),
    Calendar(
        time_zone="Europe/Berlin",
        hours={
            **dict.fromkeys(range(5), ((time(8), time(12)), (time(13), None))),
            6: ((time(2, 30), time(3, 30)),),
        },
        holidays=frozenset({date(2026, 3, 27), date(2026, 6, 4), date(2026, 10, 26)}),
    ),
)

# Starting points just before the daylight-saving changes of 2026 in the
# United States and the European Union, and an ordinary week.
ANCHORS = (
    datetime(2026, 3, 6, tzinfo=UTC),
    datetime(2026, 3, 26, tzinfo=UTC),
    datetime(2026, 6, 1, tzinfo=UTC),
    datetime(2026, 10, 23, tzinfo=UTC),
    datetime(2026, 10, 30, tzinfo=UTC),
)


def random_objectives(chance: random.Random) -> dict[str, Objective]:
    def target(pauses: float) -> Target:
        minutes = chance.choice((0, 15, 60, 90.5, 240, 480, 1920))
        return Target(minutes, chance.choice(CALENDARS), chance.random() < pauses)

    return {
        priority: Objective(response=target(0.3), resolution=target(0.8))
        for priority in PRIORITIES
    }


def random_history(
    chance: random.Random, objectives: dict[str, Objective]
) -> list[ClockEvent]:
    instant = chance.choice(ANCHORS) + timedelta(minutes=chance.randrange(7 * 24 * 60))
    events = [ClockEvent(instant, "opened", chance.choice(PRIORITIES))]
    resolved = False
    for _ in range(chance.randrange(12)):
        instant = next_instant(chance, events, objectives)
        kind = chance.choice(EVENT_TYPES[1:])
        if kind == "closed" and not resolved:
            kind = "resolved"
        if kind in ("resolved", "reopened"):
            resolved = kind == "resolved"
        priority = chance.choice(PRIORITIES) if kind == "priority_changed" else None
        events.append(ClockEvent(instant, kind, priority))
    return events


def next_instant(
    chance: random.Random, events: list[ClockEvent], objectives: dict[str, Objective]
) -> datetime:
    """Pick when the next event happens: at once, soon, later, or at a due."""
    last = events[-1].at
    measurement = measure(events, objectives)
    dues = [
        due + step
        for due in (measurement.response.due, measurement.resolution.due)
        if due is not None
        for step in (-TICK, timedelta(0), TICK)
        if due + step >= last
    ]
    return chance.choice(
        (
            last,
            last + timedelta(minutes=chance.randrange(1, 120)),
            last + timedelta(hours=chance.randrange(1, 60)),
            last + timedelta(seconds=chance.randrange(1, 600), microseconds=7),
            chance.choice(dues) if dues else last,
        )
    )


def instants_to_try(
    chance: random.Random, events: list[ClockEvent], spans: list[Span]
) -> set[datetime]:
    """Event instants, span edges, dues and their neighbours, random points."""
    opened = events[0].at
    marks = {event.at for event in events}
    for span in spans:
        marks.add(span.start)
        if span.end is not None:
            marks.add(span.end)
        for clock in (span.response, span.resolution):
            if clock.due is not None:
                marks.add(clock.due)
    last = max(marks)
    marks |= {opened + (last - opened) * chance.random() for _ in range(8)}
    marks |= {last + timedelta(days=chance.randrange(1, 20)) for _ in range(2)}
    nearby = {mark + step for mark in marks for step in (-TICK, TICK)}
    return {mark for mark in marks | nearby if mark >= opened}


def check_timeline_agrees_with_measure(chance: random.Random) -> None:
    objectives = random_objectives(chance)
    events = random_history(chance, objectives)

    spans = timeline(events, objectives)

    assert spans[0].start == events[0].at
    assert spans[-1].end is None
    for span, following in pairwise(spans):
        assert span.end == following.start
        assert span.start < following.start
        assert (span.priority, span.resolved, span.response, span.resolution) != (
            following.priority,
            following.resolved,
            following.response,
            following.resolution,
        )

    starts = [span.start for span in spans]
    for instant in sorted(instants_to_try(chance, events, spans)):
        span = spans[bisect.bisect_right(starts, instant) - 1]
        measurement = measure(events, objectives, as_of=instant)
        context = f"at {instant.isoformat()}: {span}"
        assert span.priority == measurement.priority, context
        # A move stops the resolution clock without resolving the ticket.
        moved = measurement.moved_at is not None
        assert span.moved == moved, context
        assert span.resolved == (
            measurement.resolution.stopped_at is not None and not moved
        ), context
        for clock, figures in (
            (span.response, measurement.response),
            (span.resolution, measurement.resolution),
        ):
            assert clock.outcome == figures.outcome, context
            assert clock.due == figures.due, context
            assert clock.stopped_at == figures.stopped_at, context
            if figures.stopped_at is None:
                assert clock.elapsed_minutes is None, context
            else:
                assert clock.elapsed_minutes == figures.elapsed_minutes, context


if HYPOTHESIS:
    from hypothesis import given, settings, strategies

    @settings(max_examples=250, deadline=None, database=None, derandomize=True)
    @given(strategies.randoms(use_true_random=False))
    def test_the_span_at_any_instant_agrees_with_measure(chance: random.Random) -> None:
        check_timeline_agrees_with_measure(chance)

else:

    @pytest.mark.parametrize("seed", range(250))
    def test_the_span_at_any_instant_agrees_with_measure(seed: int) -> None:
        check_timeline_agrees_with_measure(random.Random(seed))
