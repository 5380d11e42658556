"""The breach reason rules one by one, on short made-up histories.

Every history is of a highest ticket measured round the clock: response 15
minutes, resolution 120, so half the targets are 7.5 and 60 minutes.
Opened at 10:00 on Monday 2 March 2026.
"""

from collections.abc import Mapping
from datetime import UTC, datetime

import pytest

from credence.review import reasons
from credence.review.reasons import Breached, Event, breach_reasons
from credence.slo.clock import Objective
from credence.slo.objectives import current_objectives

OPENED = datetime(2026, 3, 2, 10, tzinfo=UTC)
AS_OF = datetime(2026, 3, 9, tzinfo=UTC)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, 2, hour, minute, tzinfo=UTC)


def event(kind: str, when: datetime, **data: object) -> Event:
    return Event(type=kind, at=when, data=data)


@pytest.fixture
def objectives(db: None) -> Mapping[str, Objective]:
    return current_objectives()


# Highest's resolution: 120 minutes from 10:00.
DUE = at(12)


def resolution_breach() -> Breached:
    return Breached(OPENED, "highest", response_due=None, resolution_due=DUE)


def test_nothing_special_is_over_the_target(
    objectives: Mapping[str, Objective],
) -> None:
    history = [event("opened", OPENED), event("assigned", at(10, 1), assignee=7)]

    said = breach_reasons(resolution_breach(), history, objectives, AS_OF)

    assert said == [reasons.OVER_THE_TARGET]


def test_assigned_exactly_at_the_due_did_not_wait(
    objectives: Mapping[str, Objective],
) -> None:
    on_time = [event("opened", OPENED), event("assigned", at(12), assignee=7)]
    late = [event("opened", OPENED), event("assigned", at(12, 1), assignee=7)]

    assert breach_reasons(resolution_breach(), on_time, objectives, AS_OF) == [
        reasons.OVER_THE_TARGET
    ]
    assert breach_reasons(resolution_breach(), late, objectives, AS_OF) == [
        reasons.WAITED_ON_ASSIGNMENT
    ]


def test_unassigning_is_not_an_assignment(objectives: Mapping[str, Objective]) -> None:
    history = [event("opened", OPENED), event("assigned", at(10, 1), assignee=None)]

    said = breach_reasons(resolution_breach(), history, objectives, AS_OF)

    assert said == [reasons.WAITED_ON_ASSIGNMENT]


def test_waiting_more_than_half_the_target(objectives: Mapping[str, Objective]) -> None:
    assigned = [event("opened", OPENED), event("assigned", at(10, 1), assignee=7)]
    # 10:30 to 11:30 is 60 minutes: exactly half of 120, not more.
    half = [*assigned, event("waiting", at(10, 30)), event("resumed", at(11, 30))]
    # 10:30 to 11:00 and 11:10 to 11:41: 30 + 31 = 61 minutes.
    more = [
        *assigned,
        event("waiting", at(10, 30)),
        event("resumed", at(11)),
        event("waiting", at(11, 10)),
        event("resolved", at(11, 41)),
    ]

    assert breach_reasons(resolution_breach(), half, objectives, AS_OF) == [
        reasons.OVER_THE_TARGET
    ]
    assert breach_reasons(resolution_breach(), more, objectives, AS_OF) == [
        reasons.LONG_WAITING_ON_WORKER
    ]


def test_waiting_still_going_counts_to_the_review(
    objectives: Mapping[str, Objective],
) -> None:
    history = [
        event("opened", OPENED),
        event("assigned", at(10, 1), assignee=7),
        event("waiting", at(10, 30)),
    ]

    # 10:30 to 11:31 is 61 minutes.
    said = breach_reasons(resolution_breach(), history, objectives, at(11, 31))

    assert said == [reasons.LONG_WAITING_ON_WORKER]


def test_priority_raised_after_half_the_new_target(
    objectives: Mapping[str, Objective],
) -> None:
    assigned = [event("opened", OPENED), event("assigned", at(10, 1), assignee=7)]

    def raised(when: datetime, to: str = "highest", was: str = "low") -> list[Event]:
        return [*assigned, event("priority_changed", when, priority=to, previous=was)]

    # Highest's resolution is 120 minutes: 61 minutes in is late, 60 is not.
    assert breach_reasons(
        resolution_breach(), raised(at(11, 1)), objectives, AS_OF
    ) == [reasons.PRIORITY_RAISED_LATE]
    assert breach_reasons(resolution_breach(), raised(at(11)), objectives, AS_OF) == [
        reasons.OVER_THE_TARGET
    ]
    # Lowering the priority is never "raised late".
    lowered = raised(at(11, 1), to="low", was="highest")
    low = Breached(OPENED, "low", response_due=None, resolution_due=at(12))
    assert breach_reasons(low, lowered, objectives, AS_OF) == [reasons.OVER_THE_TARGET]


def test_a_response_breach_compares_with_the_new_response_target(
    objectives: Mapping[str, Objective],
) -> None:
    # 8 minutes in is more than half of highest's 15-minute response.
    history = [
        event("opened", OPENED),
        event("assigned", at(10, 1), assignee=7),
        event("priority_changed", at(10, 8), priority="highest", previous="medium"),
    ]
    breached = Breached(OPENED, "highest", response_due=at(10, 15), resolution_due=None)

    assert breach_reasons(breached, history, objectives, AS_OF) == [
        reasons.NO_RESPONSE_IN_TIME,
        reasons.PRIORITY_RAISED_LATE,
    ]


def test_only_a_reopen_before_the_due_counts(
    objectives: Mapping[str, Objective],
) -> None:
    assigned = [event("opened", OPENED), event("assigned", at(10, 1), assignee=7)]
    before = [*assigned, event("resolved", at(10, 30)), event("reopened", at(11))]
    after = [*assigned, event("resolved", at(10, 30)), event("reopened", at(12, 30))]

    assert breach_reasons(resolution_breach(), before, objectives, AS_OF) == [
        reasons.REOPENED
    ]
    assert breach_reasons(resolution_breach(), after, objectives, AS_OF) == [
        reasons.OVER_THE_TARGET
    ]


def test_events_after_the_review_are_not_read(
    objectives: Mapping[str, Objective],
) -> None:
    history = [
        event("opened", OPENED),
        event("assigned", at(10, 1), assignee=7),
        event("reopened", at(11)),
    ]

    said = breach_reasons(resolution_breach(), history, objectives, at(10, 59))

    assert said == [reasons.OVER_THE_TARGET]
