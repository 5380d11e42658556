"""A move to project work in the pure clock: it stops both clocks for good.

High is round the clock (UTC): response 15 minutes, resolution 240.
"""

from credence.slo.clock import (
    MOVED,
    OUTCOMES,
    Span,
    SpanClock,
    measure,
    timeline,
)
from tests.slo.examples import OBJECTIVES, at, history

OPENED = "2026-06-01T10:00:00+00:00"


def test_moved_is_an_outcome() -> None:
    assert MOVED == "moved"
    assert MOVED in OUTCOMES


def test_a_move_while_running_never_becomes_a_breach() -> None:
    events = history(
        (OPENED, "opened", "high"),
        ("2026-06-01T10:05:00+00:00", "acknowledged"),
        ("2026-06-01T12:00:00+00:00", "moved_to_project"),
    )

    # Read a month later: resolution 10:00-12:00 = 120 of 240, due 14:00,
    # stopped at the move, still moved.
    later = measure(events, OBJECTIVES, as_of=at("2026-07-01T00:00:00+00:00"))

    assert later.moved_at == at("2026-06-01T12:00:00+00:00")
    assert later.resolution.outcome == MOVED
    assert later.resolution.elapsed_minutes == 120
    assert later.resolution.stopped_by_move is True
    assert later.response.outcome == "met"
    assert later.response.stopped_by_move is False


def test_the_timeline_after_the_move_stays_moved() -> None:
    events = history(
        (OPENED, "opened", "high"),
        ("2026-06-01T10:05:00+00:00", "acknowledged"),
        ("2026-06-01T12:00:00+00:00", "moved_to_project"),
    )

    spans = timeline(events, OBJECTIVES)

    assert spans[-1] == Span(
        start=at("2026-06-01T12:00:00+00:00"),
        end=None,
        priority="high",
        resolved=False,
        response=SpanClock(
            "met",
            at("2026-06-01T10:15:00+00:00"),
            5.0,
            at("2026-06-01T10:05:00+00:00"),
        ),
        resolution=SpanClock(
            MOVED,
            at("2026-06-01T14:00:00+00:00"),
            120.0,
            at("2026-06-01T12:00:00+00:00"),
            stopped_by_move=True,
        ),
        moved=True,
    )


def test_a_move_after_a_resolve_changes_nothing() -> None:
    events = history(
        (OPENED, "opened", "high"),
        ("2026-06-01T11:00:00+00:00", "resolved"),
        ("2026-06-01T12:00:00+00:00", "moved_to_project"),
    )

    measured = measure(events, OBJECTIVES)

    # Resolved at 11:00 after 60 of 240: met, and the resolve was the
    # response, 60 > 15: breached. The move finds nothing open.
    assert measured.moved_at is None
    assert measured.resolution.outcome == "met"
    assert measured.response.outcome == "breached"
    assert timeline(events, OBJECTIVES)[-1].resolved is True
