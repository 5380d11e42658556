"""Why a clock breached, read from the ticket's history by plain rules.

The rules are deliberately simple, so that a team can check them by hand
against a ticket's history on its desk page. Each looks only at events up
to the instant the review is measured at. Several may apply to one ticket;
when none does the reason is simply that the work took longer than the
target.

- "waited on assignment": nobody was assigned at the first breached due:
  the first assignment to an agent came after it, or never.
- "no response in time": the response clock breached.
- "long waiting on worker": the ticket waited on the worker (from each
  "waiting" to the next "resumed", "resolved" or "closed", or to the
  review's instant) for more than half the resolution target, counted on
  the resolution calendar of the priority in force.
- "priority raised late": a priority change raised the priority after the
  ticket had been open for more than half the new target of a breached
  clock, counted on that clock's calendar from the opening to the change.
- "reopened": the ticket was reopened before the due of a breached clock.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from credence.slo.clock import Objective, Target
from credence.slo.models import PRIORITY_CHOICES
from credence.tickets.models import EventType

WAITED_ON_ASSIGNMENT = "waited on assignment"
NO_RESPONSE_IN_TIME = "no response in time"
LONG_WAITING_ON_WORKER = "long waiting on worker"
PRIORITY_RAISED_LATE = "priority raised late"
REOPENED = "reopened"
OVER_THE_TARGET = "over the target"

# Highest first: a smaller rank is a more urgent priority.
RANK = {value: place for place, (value, _) in enumerate(PRIORITY_CHOICES)}

_WAIT_ENDS = {EventType.RESUMED, EventType.RESOLVED, EventType.CLOSED}


@dataclass(frozen=True)
class Event:
    """What the rules need of one TicketEvent."""

    type: str
    at: datetime
    data: Mapping[str, object]


@dataclass(frozen=True)
class Breached:
    """A breached ticket as it stood: its priority and its breached dues.

    A due is None when that clock did not breach.
    """

    opened_at: datetime
    priority: str
    response_due: datetime | None
    resolution_due: datetime | None


def breach_reasons(
    breached: Breached,
    events: Sequence[Event],
    objectives: Mapping[str, Objective],
    as_of: datetime,
) -> list[str]:
    """The reasons that apply, in the order of the module's list."""
    dues = [due for due in (breached.response_due, breached.resolution_due) if due]
    events = [event for event in events if event.at <= as_of]
    objective = objectives.get(breached.priority)
    reasons = []
    if dues and _unassigned_until(events, min(dues)):
        reasons.append(WAITED_ON_ASSIGNMENT)
    if breached.response_due is not None:
        reasons.append(NO_RESPONSE_IN_TIME)
    if objective and _waited_long(events, objective.resolution, as_of):
        reasons.append(LONG_WAITING_ON_WORKER)
    if _raised_late(breached, events, objectives):
        reasons.append(PRIORITY_RAISED_LATE)
    if dues and any(
        event.type == EventType.REOPENED and event.at < max(dues) for event in events
    ):
        reasons.append(REOPENED)
    return reasons or [OVER_THE_TARGET]


def _unassigned_until(events: Sequence[Event], due: datetime) -> bool:
    assigned = [
        event.at
        for event in events
        if event.type == EventType.ASSIGNED and event.data.get("assignee")
    ]
    return not assigned or min(assigned) > due


def _waited_long(events: Sequence[Event], target: Target, as_of: datetime) -> bool:
    waited = 0.0
    since: datetime | None = None
    for event in events:
        if event.type == EventType.WAITING and since is None:
            since = event.at
        elif event.type in _WAIT_ENDS and since is not None:
            waited += target.calendar.minutes_between(since, event.at)
            since = None
    if since is not None:
        waited += target.calendar.minutes_between(since, as_of)
    return waited > target.minutes / 2


def _raised_late(
    breached: Breached,
    events: Sequence[Event],
    objectives: Mapping[str, Objective],
) -> bool:
    for event in events:
        if event.type != EventType.PRIORITY_CHANGED:
            continue
        new, old = str(event.data.get("priority")), str(event.data.get("previous"))
        if new not in objectives or RANK.get(new, 99) >= RANK.get(old, 99):
            continue
        clocks = []
        if breached.response_due is not None:
            clocks.append(objectives[new].response)
        if breached.resolution_due is not None:
            clocks.append(objectives[new].resolution)
        for target in clocks:
            run = target.calendar.minutes_between(breached.opened_at, event.at)
            if run > target.minutes / 2:
                return True
    return False
