"""A period's service figures, as the tickets stood at an instant.

The figures are over the tickets opened in [start, end), each as it stood
at `as_of`: its priority then, whether it was resolved, and the outcome and
elapsed minutes of both clocks. All of that is read from the one stored
TicketSpan per ticket that holds at `as_of`, so a report on last March
gives the same answer today as it did on the first of April, and no
history is replayed.

Every figure comes from four queries, however many tickets there are: one
aggregate (COUNT, SUM) grouped by priority, channel and kind; one for the
medians, which numbers the stopped clocks in order with window functions
(ROW_NUMBER, COUNT OVER) and fetches only the middle one or two rows per
priority and overall; one for the five targets, and one for the service
window (see the project work counts below). Only the first two read
the period's tickets, and each such pass costs about the same whatever it
computes, so the figures are packed into as few passes as possible.

Decisions a reader of the figures should know:

- A ticket opened after `as_of` did not exist then, so it is not counted,
  even if it was opened before the period's end.
- The overall target of a clock is the compliance the team would have had
  if every priority had exactly met its own target: the priorities'
  targets weighted by how many tickets each one measured (met or
  breached). With the default targets it is simply 0.8. When no ticket was
  measured it is the priorities' common target, or null if they differ.
- by_channel and by_kind list every channel and kind Credence knows, with 0
  where none was opened, so that tools reading the JSON always find the
  same keys.
- Project work has two top-level counts of its own, beside issue 2's keys,
  which are unchanged. `moved_to_project` counts the period's tickets moved
  to project work by `as_of`: they are not completed, and a clock the move
  stopped before its due (outcome "moved") is neither met nor breached and
  has no minutes, so it is in no compliance, mean or median; a clock that
  breached before the move stays breached. `project_candidates` counts the
  period's tickets still open at `as_of` (neither resolved nor moved) that
  had been open longer than the service window then, in calendar time.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypedDict

from django.db.models import Aggregate, Count, F, Q, QuerySet, Sum, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from credence.errors import InvalidInput
from credence.slo.models import PRIORITY_CHOICES, ServiceSettings
from credence.slo.objectives import targets
from credence.tickets.models import Channel, Kind, Outcome, TicketSpan

PRIORITIES = [value for value, _ in PRIORITY_CHOICES]
CLOCKS = ("response", "resolution")
# The key of the figures over all priorities, beside the priorities' own.
OVERALL = "overall"

MINUTE_DIGITS = 2
RATE_DIGITS = 4


class Clock(TypedDict):
    met: int
    breached: int
    compliance: float | None
    target: float | None
    mean_minutes: float | None
    median_minutes: float | None


class Figures(TypedDict):
    volume: int
    completed: int
    completion_rate: float | None
    response: Clock
    resolution: Clock


class PeriodInstants(TypedDict):
    start: str
    end: str
    as_of: str


class PeriodMetrics(TypedDict):
    period: PeriodInstants
    overall: Figures
    by_priority: dict[str, Figures]
    by_channel: dict[str, int]
    by_kind: dict[str, int]
    moved_to_project: int
    project_candidates: int


@dataclass
class _ClockTally:
    met: int = 0
    breached: int = 0
    # Tickets whose clock had stopped, and the sum of their minutes.
    stopped: int = 0
    minutes: float = 0.0

    def __add__(self, other: "_ClockTally") -> "_ClockTally":
        return _ClockTally(
            met=self.met + other.met,
            breached=self.breached + other.breached,
            stopped=self.stopped + other.stopped,
            minutes=self.minutes + other.minutes,
        )


@dataclass
class _Tally:
    volume: int = 0
    completed: int = 0
    clocks: dict[str, _ClockTally] = field(
        default_factory=lambda: {clock: _ClockTally() for clock in CLOCKS}
    )

    def __add__(self, other: "_Tally") -> "_Tally":
        return _Tally(
            volume=self.volume + other.volume,
            completed=self.completed + other.completed,
            clocks={
                clock: self.clocks[clock] + other.clocks[clock] for clock in CLOCKS
            },
        )


def spans_at(start: datetime, end: datetime, as_of: datetime) -> QuerySet[TicketSpan]:
    """The span holding at `as_of` of each ticket opened in [start, end).

    A span starts at its event's instant, so an event stamped exactly at
    `as_of` is included.
    """
    return TicketSpan.objects.filter(
        ticket__opened_at__gte=start,
        ticket__opened_at__lt=end,
        start__lte=as_of,
    ).filter(Q(end__isnull=True) | Q(end__gt=as_of))


def period_metrics(
    start: datetime, end: datetime, as_of: datetime | None = None
) -> PeriodMetrics:
    """The figures for tickets opened in [start, end), as of `as_of`.

    `as_of` defaults to `end`. Instants must carry their time zone.
    """
    as_of = end if as_of is None else as_of
    _check_instants(start, end, as_of)
    spans = spans_at(start, end, as_of)

    project = _project_work(as_of)
    tallies, channels, kinds = _tallies(spans, project)
    medians = _medians(spans)
    goals = targets()

    overall = sum(tallies.values(), _Tally())
    overall_goals = {clock: _overall_target(tallies, goals, clock) for clock in CLOCKS}
    return {
        "period": {
            "start": _instant(start),
            "end": _instant(end),
            "as_of": _instant(as_of),
        },
        "overall": _figures(overall, medians, OVERALL, overall_goals),
        "by_priority": {
            priority: _figures(
                tallies[priority], medians, priority, goals.get(priority, {})
            )
            for priority in PRIORITIES
        },
        "by_channel": channels,
        "by_kind": kinds,
        "moved_to_project": project.moved,
        "project_candidates": project.candidates,
    }


@dataclass
class _ProjectWork:
    """What makes a span's ticket moved or a candidate, and the counts."""

    moved_filter: Q
    candidate_filter: Q
    moved: int = 0
    candidates: int = 0


def _project_work(as_of: datetime) -> _ProjectWork:
    """The conditions for the period's moved tickets and project candidates."""
    moved = Q(ticket__moved_to_project_at__lte=as_of)
    # Longer than the window: opened before the window's start, still open.
    window_start = as_of - ServiceSettings.current().service_window
    candidate = Q(resolved=False) & ~moved & Q(ticket__opened_at__lt=window_start)
    return _ProjectWork(moved_filter=moved, candidate_filter=candidate)


def _check_instants(start: datetime, end: datetime, as_of: datetime) -> None:
    if any(timezone.is_naive(instant) for instant in (start, end, as_of)):
        raise InvalidInput("The period and the as-of instant must carry a time zone.")
    if start >= end:
        raise InvalidInput(
            "The period starts at %(start)s, not before its end at %(end)s: give "
            "a start before the end.",
            start=start.isoformat(),
            end=end.isoformat(),
        )


def _instant(value: datetime) -> str:
    return timezone.localtime(value).isoformat()


def _tallies(
    spans: QuerySet[TicketSpan], project: _ProjectWork
) -> tuple[dict[str, _Tally], dict[str, int], dict[str, int]]:
    """Tallies per priority, and ticket counts per channel and per kind.

    The project work counts are added up into `project` in the same pass.
    """
    aggregates: dict[str, Aggregate] = {
        "volume": Count("pk"),
        "completed": Count("pk", filter=Q(resolved=True)),
        "moved": Count("pk", filter=project.moved_filter),
        "candidates": Count("pk", filter=project.candidate_filter),
    }
    for clock in CLOCKS:
        outcome = f"{clock}_outcome"
        aggregates[f"{clock}_met"] = Count("pk", filter=Q(**{outcome: Outcome.MET}))
        aggregates[f"{clock}_breached"] = Count(
            "pk", filter=Q(**{outcome: Outcome.BREACHED})
        )
        # COUNT and SUM of a column skip NULLs, and the elapsed minutes are
        # stored only once a clock has stopped.
        aggregates[f"{clock}_stopped"] = Count(f"{clock}_elapsed_minutes")
        aggregates[f"{clock}_minutes"] = Sum(f"{clock}_elapsed_minutes")

    tallies = {priority: _Tally() for priority in PRIORITIES}
    channels = dict.fromkeys(Channel.values, 0)
    kinds = dict.fromkeys(Kind.values, 0)
    groups = spans.order_by().values("priority", "ticket__channel", "ticket__kind")
    for found in groups.annotate(**aggregates):
        # The stubs know only the grouping keys of these rows.
        row: dict[str, Any] = {**found}
        tally = _Tally(
            volume=row["volume"],
            completed=row["completed"],
            clocks={
                clock: _ClockTally(
                    met=row[f"{clock}_met"],
                    breached=row[f"{clock}_breached"],
                    stopped=row[f"{clock}_stopped"],
                    minutes=row[f"{clock}_minutes"] or 0.0,
                )
                for clock in CLOCKS
            },
        )
        tallies[row["priority"]] = tallies.get(row["priority"], _Tally()) + tally
        project.moved += row["moved"]
        project.candidates += row["candidates"]
        channel, kind = row["ticket__channel"], row["ticket__kind"]
        channels[channel] = channels.get(channel, 0) + tally.volume
        kinds[kind] = kinds.get(kind, 0) + tally.volume
    return tallies, channels, kinds


def _medians(spans: QuerySet[TicketSpan]) -> dict[str, dict[str, float]]:
    """The median minutes of each clock, per priority and overall.

    Each clock's stopped clocks are numbered in order of their minutes,
    within their priority and over all, clocks still running (no minutes)
    numbered last and left out of the counts; only rows in the middle of
    some numbering are fetched: at most two per priority and clock, and two
    overall per clock.
    """
    windows: dict[str, Window] = {}
    middle = Q()
    for clock in CLOCKS:
        column = f"{clock}_elapsed_minutes"
        ordered = F(column).asc(nulls_last=True)
        windows[f"{clock}_place"] = Window(
            RowNumber(), partition_by=[F("priority")], order_by=ordered
        )
        # COUNT of a column skips NULLs: the number of stopped clocks.
        windows[f"{clock}_size"] = Window(Count(column), partition_by=[F("priority")])
        windows[f"{clock}_place_overall"] = Window(RowNumber(), order_by=ordered)
        windows[f"{clock}_size_overall"] = Window(Count(column))
        middle |= _in_middle(f"{clock}_place", f"{clock}_size")
        middle |= _in_middle(f"{clock}_place_overall", f"{clock}_size_overall")
    rows = (
        spans.annotate(**windows)
        .filter(middle)
        .order_by()
        .values("priority", *(f"{clock}_elapsed_minutes" for clock in CLOCKS), *windows)
    )

    middles: dict[str, dict[str, list[float]]] = {
        clock: defaultdict(list) for clock in CLOCKS
    }
    for found in rows:
        row: dict[str, Any] = {**found}
        for clock in CLOCKS:
            minutes = row[f"{clock}_elapsed_minutes"]
            if minutes is None:
                continue
            if _is_middle(row[f"{clock}_place"], row[f"{clock}_size"]):
                middles[clock][row["priority"]].append(minutes)
            if _is_middle(row[f"{clock}_place_overall"], row[f"{clock}_size_overall"]):
                middles[clock][OVERALL].append(minutes)
    return {
        clock: {group: sum(values) / len(values) for group, values in groups.items()}
        for clock, groups in middles.items()
    }


def _in_middle(place: str, size: str) -> Q:
    # Places count from 1: the middle of an odd size is (size + 1) / 2, and
    # of an even one size / 2 and the next, both in integer division.
    return Q(
        **{
            f"{place}__gte": (F(size) + 1) / 2,
            f"{place}__lte": F(size) / 2 + 1,
        }
    )


def _is_middle(place: int, size: int) -> bool:
    return (size + 1) // 2 <= place <= size // 2 + 1


def _figures(
    tally: _Tally,
    medians: Mapping[str, Mapping[str, float]],
    group: str,
    goals: Mapping[str, float | None],
) -> Figures:
    return {
        "volume": tally.volume,
        "completed": tally.completed,
        "completion_rate": _rate(tally.completed, tally.volume),
        "response": _clock(
            tally.clocks["response"],
            medians["response"].get(group),
            goals.get("response"),
        ),
        "resolution": _clock(
            tally.clocks["resolution"],
            medians["resolution"].get(group),
            goals.get("resolution"),
        ),
    }


def _clock(tally: _ClockTally, median: float | None, target: float | None) -> Clock:
    mean = tally.minutes / tally.stopped if tally.stopped else None
    return {
        "met": tally.met,
        "breached": tally.breached,
        "compliance": _rate(tally.met, tally.met + tally.breached),
        "target": None if target is None else round(target, RATE_DIGITS),
        "mean_minutes": _minutes(mean),
        "median_minutes": _minutes(median),
    }


def _overall_target(
    tallies: Mapping[str, _Tally],
    goals: Mapping[str, Mapping[str, float]],
    clock: str,
) -> float | None:
    """What overall compliance would be had each priority met its target."""
    measured = {
        priority: tally.clocks[clock].met + tally.clocks[clock].breached
        for priority, tally in tallies.items()
    }
    own = {priority: goals.get(priority, {}).get(clock) for priority in PRIORITIES}
    total = sum(measured.values())
    if total == 0:
        distinct = set(own.values())
        return distinct.pop() if len(distinct) == 1 else None

    weighted = 0.0
    for priority, count in measured.items():
        target = own.get(priority)
        if count and target is None:
            return None
        weighted += (target or 0.0) * count
    return weighted / total


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, RATE_DIGITS) if whole else None


def _minutes(value: float | None) -> float | None:
    return None if value is None else round(value, MINUTE_DIGITS)
