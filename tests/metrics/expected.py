"""March 2026's figures, worked out by hand from the story in conftest.py."""

from typing import Any


def clock(
    met: int,
    breached: int,
    compliance: float | None,
    mean: float | None,
    median: float | None,
    target: float | None = 0.8,
) -> dict[str, Any]:
    return {
        "met": met,
        "breached": breached,
        "compliance": compliance,
        "target": target,
        "mean_minutes": mean,
        "median_minutes": median,
    }


def figures(
    volume: int,
    completed: int,
    rate: float | None,
    response: dict[str, Any],
    resolution: dict[str, Any],
) -> dict[str, Any]:
    return {
        "volume": volume,
        "completed": completed,
        "completion_rate": rate,
        "response": response,
        "resolution": resolution,
    }


NOTHING = figures(
    0, 0, None, clock(0, 0, None, None, None), clock(0, 0, None, None, None)
)

# At the end of the month, 1 April 00:00: T1..T10, as told in conftest.py.
AT_MONTH_END: dict[str, Any] = {
    "period": {
        "start": "2026-03-01T00:00:00+00:00",
        "end": "2026-04-01T00:00:00+00:00",
        "as_of": "2026-04-01T00:00:00+00:00",
    },
    # 10 tickets; completed: all but T4 (waiting) and T7 (open): 8 / 10.
    # Response: met T1 T3 T5 T6 T9 T10 = 6, breached T2 T4 T7 T8 = 4:
    #   6 / 10 = 0.6. Minutes of the 9 stopped clocks (T7's still runs):
    #   10 (T3) 10 (T6) 20 (T8) 30 (T1) 40 (T10) 45 (T5) 50 (T9) 90 (T2)
    #   120 (T4) = 415; mean 415 / 9 = 46.111 -> 46.11; median the 5th = 40.
    # Resolution: met T1 T6 T8 T10 = 4, breached T2 T3 T5 T9 = 4: 0.5
    #   (T4 paused and T7 running are neither). Minutes of the 8 stopped:
    #   90 120 360 (T1) 360 (T3) 480 (T9) 660 1170 1260 = 4500; mean
    #   4500 / 8 = 562.5; median (360 + 480) / 2 = 420.
    "overall": figures(
        10, 8, 0.8, clock(6, 4, 0.6, 46.11, 40.0), clock(4, 4, 0.5, 562.5, 420.0)
    ),
    "by_priority": {
        # T6: response 10 met, resolution 90 met.
        "highest": figures(
            1, 1, 1.0, clock(1, 0, 1.0, 10.0, 10.0), clock(1, 0, 1.0, 90.0, 90.0)
        ),
        # T3 (high since its change): 10 met, 360 breached; T8: 20
        # breached, 120 met. Response mean and median (10 + 20) / 2 = 15;
        # resolution (360 + 120) / 2 = 240.
        "high": figures(
            2, 2, 1.0, clock(1, 1, 0.5, 15.0, 15.0), clock(1, 1, 0.5, 240.0, 240.0)
        ),
        # T1, T2, T5, T9, all resolved. Response 30 met, 90 breached, 45
        # met, 50 met: 3 / 4 = 0.75, mean 215 / 4 = 53.75, median (45 +
        # 50) / 2 = 47.5. Resolution 360 met, 1170, 1260, 480 breached:
        # 1 / 4 = 0.25, mean 3270 / 4 = 817.5, median (480 + 1170) / 2 =
        # 825.
        "medium": figures(
            4,
            4,
            1.0,
            clock(3, 1, 0.75, 53.75, 47.5),
            clock(1, 3, 0.25, 817.5, 825.0),
        ),
        # T4 (waiting) and T10. Response 120 breached, 40 met: 0.5, mean and
        # median 80. Resolution: only T10's 660 met; T4 is paused.
        "low": figures(
            2, 1, 0.5, clock(1, 1, 0.5, 80.0, 80.0), clock(1, 0, 1.0, 660.0, 660.0)
        ),
        # T7: response breached while still running (no minutes), resolution
        # running: nothing to divide.
        "lowest": figures(
            1, 0, 0.0, clock(0, 1, 0.0, None, None), clock(0, 0, None, None, None)
        ),
    },
    # Every channel and kind is listed, with 0 where none was opened.
    "by_channel": {
        "portal": 2,
        "assistant": 1,
        "email": 2,
        "chat": 1,
        "phone": 2,
        "walk-up": 1,
        "api": 1,
    },
    "by_kind": {"request": 5, "incident": 5},
    # Nothing was moved to project work. The service window is 7 days, so a
    # candidate was opened before 25 March 00:00 and was still open at the
    # month's end: T4 alone (opened 23 March, waiting on the worker). T7 was
    # opened on 30 March, two days before the end.
    "moved_to_project": 0,
    "project_candidates": 1,
}

# At Wednesday 11 March 12:00, the instant T6 is resolved. Only T1, T2,
# T3, T5 and T6 had been opened.
AT_MID_MONTH: dict[str, Any] = {
    "period": {
        "start": "2026-03-01T00:00:00+00:00",
        "end": "2026-04-01T00:00:00+00:00",
        "as_of": "2026-03-11T12:00:00+00:00",
    },
    # Completed: T1, T2, T3, T6 (resolved at this instant) = 4 / 5; T5 is
    # reopened. Response: met T1 T3 T5 T6, breached T2: 4 / 5 = 0.8;
    # minutes 10 10 30 45 90 = 185, mean 37, median 30.
    # Resolution: met T1 T6, breached T2 T3 and T5 (reopened, its due of
    # Tue 10 Mar 13:00 passed, running so no minutes): 2 / 5 = 0.4;
    # minutes 90 360 360 1170 = 1980, mean 495, median (360 + 360) / 2.
    "overall": figures(
        5, 4, 0.8, clock(4, 1, 0.8, 37.0, 30.0), clock(2, 3, 0.4, 495.0, 360.0)
    ),
    "by_priority": {
        "highest": figures(
            1, 1, 1.0, clock(1, 0, 1.0, 10.0, 10.0), clock(1, 0, 1.0, 90.0, 90.0)
        ),
        # T3 only: T8 was not opened yet.
        "high": figures(
            1, 1, 1.0, clock(1, 0, 1.0, 10.0, 10.0), clock(0, 1, 0.0, 360.0, 360.0)
        ),
        # T1, T2, T5; completed T1, T2: 2 / 3 = 0.6667. Response 30 met, 90
        # breached, 45 met: 2 / 3, mean 165 / 3 = 55, median 45. Resolution
        # 360 met, 1170 breached, T5 breached without minutes: 1 / 3 =
        # 0.3333, mean and median (360 + 1170) / 2 = 765.
        "medium": figures(
            3,
            2,
            0.6667,
            clock(2, 1, 0.6667, 55.0, 45.0),
            clock(1, 2, 0.3333, 765.0, 765.0),
        ),
        "low": NOTHING,
        "lowest": NOTHING,
    },
    "by_channel": {
        "portal": 2,
        "assistant": 0,
        "email": 1,
        "chat": 0,
        "phone": 2,
        "walk-up": 0,
        "api": 0,
    },
    "by_kind": {"request": 1, "incident": 4},
    # A candidate was opened before 4 March 12:00 and still open then: T1
    # was resolved on 2 March and T2 on 6 March, so none.
    "moved_to_project": 0,
    "project_candidates": 0,
}
