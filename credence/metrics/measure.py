"""A period's service figures, as the tickets stood at an instant.

The figures are over the tickets opened in [start, end), each as it stood
at `as_of`: its priority then, whether it was resolved, and the outcome and
elapsed minutes of both clocks. All of that is read from the one stored
TicketSpan per ticket that holds at `as_of`, so a report on last March
gives the same answer today as it did on the first of April, and no
history is replayed. A span carries copies of its ticket's opening time,
channel, kind and move to project work, so the spans of a period are one
range of one index (`span_period`), read without joining the tickets.

Every figure comes from four queries, however many tickets there are: one
aggregate (COUNT, SUM) grouped by priority, channel and kind; one for the
medians, which numbers the stopped clocks in order of their minutes with
window functions (ROW_NUMBER, and a running COUNT per priority) and fetches
only the middle one or two rows per priority and overall; one for the five
targets, and one for the service window (see the project work counts
below). Only the first two read
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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypedDict

from django.db.models import Aggregate, Count, F, Q, QuerySet, Sum, Window
from django.db.models.expressions import RowRange
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
# A column of every span, never NULL, in the `span_period` index: what a
# count of rows counts.
ROW = "start"
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
        opened_at__gte=start,
        opened_at__lt=end,
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
    medians = _medians(spans, tallies)
    return _assemble(
        (start, end, as_of), tallies, medians, channels, kinds, project, targets()
    )


@dataclass(frozen=True)
class Standing:
    """How one ticket stood at a report's instant, as plain values.

    What the report reads from a ticket's stored span, for a caller that
    measured the ticket itself (a what-if replaying histories in memory).
    `outcomes` and `minutes` are keyed by clock; minutes are given only
    for a clock stopped by a response or a resolve, as stored.
    """

    priority: str
    channel: str
    kind: str
    resolved: bool
    moved: bool
    candidate: bool
    outcomes: Mapping[str, str]
    minutes: Mapping[str, float | None]


def metrics_of_standings(
    standings: Iterable[Standing],
    period: tuple[datetime, datetime, datetime],
    goals: Mapping[str, Mapping[str, float]],
) -> PeriodMetrics:
    """The figures `period_metrics` gives, over standings worked out in
    memory, under the compliance targets `goals`.

    The same tallies and the same rules (a median is the middle value, or
    the mean of the middle two), so that standings read from the stored
    spans give exactly the stored report.
    """
    tallies = {priority: _Tally() for priority in PRIORITIES}
    channels = dict.fromkeys(Channel.values, 0)
    kinds = dict.fromkeys(Kind.values, 0)
    project = _ProjectWork(moved_filter=Q(), candidate_filter=Q())
    stopped: dict[str, dict[str, list[float]]] = {
        clock: defaultdict(list) for clock in CLOCKS
    }
    for standing in standings:
        tally = tallies.setdefault(standing.priority, _Tally())
        tally.volume += 1
        tally.completed += standing.resolved
        project.moved += standing.moved
        project.candidates += standing.candidate
        channels[standing.channel] = channels.get(standing.channel, 0) + 1
        kinds[standing.kind] = kinds.get(standing.kind, 0) + 1
        for clock in CLOCKS:
            counts = tally.clocks[clock]
            counts.met += standing.outcomes[clock] == Outcome.MET
            counts.breached += standing.outcomes[clock] == Outcome.BREACHED
            minutes = standing.minutes[clock]
            if minutes is not None:
                counts.stopped += 1
                counts.minutes += minutes
                stopped[clock][standing.priority].append(minutes)
                stopped[clock][OVERALL].append(minutes)
    medians = {
        clock: {group: _median(values) for group, values in groups.items()}
        for clock, groups in stopped.items()
    }
    return _assemble(period, tallies, medians, channels, kinds, project, goals)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = ordered[(len(ordered) - 1) // 2 : len(ordered) // 2 + 1]
    return sum(middle) / len(middle)


def _assemble(
    period: tuple[datetime, datetime, datetime],
    tallies: Mapping[str, _Tally],
    medians: Mapping[str, Mapping[str, float]],
    channels: dict[str, int],
    kinds: dict[str, int],
    project: "_ProjectWork",
    goals: Mapping[str, Mapping[str, float]],
) -> PeriodMetrics:
    start, end, as_of = period
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
    moved = Q(moved_at__lte=as_of)
    # Longer than the window: opened before the window's start, still open.
    window_start = as_of - ServiceSettings.current().service_window
    candidate = Q(resolved=False) & ~moved & Q(opened_at__lt=window_start)
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
    # Rows are counted by their start, never NULL, rather than their id:
    # the id is not in the `span_period` index and everything read here
    # is, so the database reads that index alone.
    aggregates: dict[str, Aggregate] = {
        "volume": Count(ROW),
        "completed": Count(ROW, filter=Q(resolved=True)),
        "moved": Count(ROW, filter=project.moved_filter),
        "candidates": Count(ROW, filter=project.candidate_filter),
    }
    for clock in CLOCKS:
        outcome = f"{clock}_outcome"
        aggregates[f"{clock}_met"] = Count(ROW, filter=Q(**{outcome: Outcome.MET}))
        aggregates[f"{clock}_breached"] = Count(
            ROW, filter=Q(**{outcome: Outcome.BREACHED})
        )
        # COUNT and SUM of a column skip NULLs, and the elapsed minutes are
        # stored only once a clock has stopped.
        aggregates[f"{clock}_stopped"] = Count(f"{clock}_elapsed_minutes")
        aggregates[f"{clock}_minutes"] = Sum(f"{clock}_elapsed_minutes")

    tallies = {priority: _Tally() for priority in PRIORITIES}
    channels = dict.fromkeys(Channel.values, 0)
    kinds = dict.fromkeys(Kind.values, 0)
    groups = spans.order_by().values("priority", "channel", "kind")
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
        channel, kind = row["channel"], row["kind"]
        channels[channel] = channels.get(channel, 0) + tally.volume
        kinds[kind] = kinds.get(kind, 0) + tally.volume
    return tallies, channels, kinds


def _medians(
    spans: QuerySet[TicketSpan], tallies: Mapping[str, _Tally]
) -> dict[str, dict[str, float]]:
    """The median minutes of each clock, per priority and overall.

    The spans are put in order of each clock's minutes once (clocks still
    running, with no minutes, last), and numbered in that one order both
    over all and within each priority (a running count of the priority's
    stopped clocks); how many stopped clocks there are of each is already
    known from the tallies. Only rows in the middle of some numbering are
    fetched: at most two per priority and clock, and two overall per clock.
    """
    places: dict[str, Window] = {}
    middle = Q()
    wanted: list[tuple[str, str, str, int]] = []
    for clock in CLOCKS:
        column = f"{clock}_elapsed_minutes"
        order = F(column).asc(nulls_last=True)
        stopped = Q(**{f"{column}__isnull": False})
        sizes = {
            priority: tally.clocks[clock].stopped
            for priority, tally in tallies.items()
            if tally.clocks[clock].stopped
        }
        # Numbered even with no stopped clock, when it finds no middle: the
        # query count stays the same whatever the period holds.
        name = f"{clock}_place"
        places[name] = Window(RowNumber(), order_by=order)
        middle |= stopped & _in_middle(name, sum(sizes.values()))
        wanted.append((clock, OVERALL, name, sum(sizes.values())))
        for index, (priority, size) in enumerate(sizes.items()):
            # This priority's stopped clocks so far, this one included: its
            # place among them. Every running count shares the one order.
            name = f"{clock}_place_{index}"
            places[name] = Window(
                Count(column, filter=Q(priority=priority)),
                order_by=order,
                frame=RowRange(start=None, end=0),
            )
            middle |= stopped & Q(priority=priority) & _in_middle(name, size)
            wanted.append((clock, priority, name, size))

    middles: dict[str, dict[str, list[float]]] = {
        clock: defaultdict(list) for clock in CLOCKS
    }
    rows = (
        spans.annotate(**places)
        .filter(middle)
        .order_by()
        .values("priority", *(f"{clock}_elapsed_minutes" for clock in CLOCKS))
        .annotate(**{name: F(name) for name in places})
    )
    for found in rows:
        row: dict[str, Any] = {**found}
        for clock, group, name, size in wanted:
            minutes = row[f"{clock}_elapsed_minutes"]
            mine = group == OVERALL or row["priority"] == group
            if minutes is not None and mine and _is_middle(row[name], size):
                middles[clock][group].append(minutes)
    return {
        clock: {group: sum(values) / len(values) for group, values in groups.items()}
        for clock, groups in middles.items()
    }


def _in_middle(place: str, size: int) -> Q:
    # Places count from 1: the middle of an odd size is (size + 1) / 2, and
    # of an even one size / 2 and the next, both in integer division.
    return Q(**{f"{place}__gte": (size + 1) // 2, f"{place}__lte": size // 2 + 1})


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
