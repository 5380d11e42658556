"""The service level clock: a ticket's figures as a pure function of history.

Every figure comes from the ticket's events, the objectives and their
calendars, and nothing else; no counter is kept anywhere. The rules, edge
cases included, are those of the shared SLO cases' README:

- both clocks start when the ticket is opened;
- the response clock stops at the first acknowledgement, public reply or
  resolve, and a reopen does not restart it;
- waiting on the worker pauses the resolution clock (and the response clock
  only if its target says so);
- a priority change measures the ticket again from its start under the new
  priority's targets and calendars;
- a resolve stops the resolution clock and a reopen starts it again where it
  stopped, the time in between not counting;
- a move to project work stops both clocks for good: a clock still running
  (or held) at the move and not breached gets the outcome ``moved``, neither
  met nor breached, since the work left the service desk before its target
  could be kept or missed; a clock breached before the move stays breached,
  and one already stopped keeps its outcome. Nothing after a move counts.

``measure`` answers how a ticket stands at one instant; ``timeline`` gives
how it stands at every instant, as spans a database can store and search.
This module is plain Python so that it can be tested and reused without
Django.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise

from credence.slo.calendar import Calendar, SloError

PRIORITIES = ("highest", "high", "medium", "low", "lowest")

EVENT_TYPES = (
    "opened",
    "acknowledged",
    "replied",
    "noted",
    "auto_replied",
    "worker_commented",
    "waiting",
    "resumed",
    "priority_changed",
    "resolved",
    "reopened",
    "closed",
    "moved_to_project",
)

# What a human agent does that the worker sees first: a response.
RESPONSE_EVENTS = frozenset({"acknowledged", "replied", "resolved"})

MET = "met"
BREACHED = "breached"
RUNNING = "running"
PAUSED = "paused"
MOVED = "moved"
OUTCOMES = (MET, BREACHED, RUNNING, PAUSED, MOVED)

# Timeline spans change from running to breached one tick after the due,
# because a clock measured exactly at its due is still running.
TICK = timedelta(microseconds=1)

Pause = tuple[datetime, datetime | None]
Counted = tuple[datetime, datetime, float]


class ClockError(SloError):
    """A ticket history or objective that the clock cannot measure."""


@dataclass(frozen=True)
class Target:
    """One objective's target: minutes on a calendar."""

    minutes: float
    calendar: Calendar
    pauses_when_waiting: bool

    def __post_init__(self) -> None:
        if not isinstance(self.minutes, int | float) or not (
            0 <= self.minutes < float("inf")
        ):
            raise ClockError(
                "clock_bad_target",
                "A target of %(minutes)r minutes cannot be measured: give a "
                "finite number of minutes, zero or more.",
                minutes=self.minutes,
            )


@dataclass(frozen=True)
class Objective:
    """A priority's response and resolution targets."""

    response: Target
    resolution: Target


@dataclass(frozen=True)
class ClockEvent:
    """One entry of a ticket's history, as far as the clock cares.

    ``priority`` is given with ``opened`` and ``priority_changed``, and
    ignored with any other type.
    """

    at: datetime
    type: str
    priority: str | None = None

    def __post_init__(self) -> None:
        if self.at.tzinfo is None or self.at.utcoffset() is None:
            raise ClockError(
                "clock_naive_event",
                "The %(type)s event at %(at)s has no time zone: give an aware "
                "datetime, for example one in UTC.",
                type=self.type,
                at=self.at.isoformat(),
            )
        if self.type not in EVENT_TYPES:
            raise ClockError(
                "clock_unknown_event",
                "Unknown event type %(type)r: use one of %(known)s.",
                type=self.type,
                known=", ".join(EVENT_TYPES),
            )
        if self.type in ("opened", "priority_changed") and not self.priority:
            raise ClockError(
                "clock_event_without_priority",
                "The %(type)s event at %(at)s has no priority: give the "
                "ticket's priority with it.",
                type=self.type,
                at=self.at.isoformat(),
            )


@dataclass(frozen=True)
class ClockFigures:
    """One clock's figures at an instant.

    ``counted`` lists each stretch of calendar time that counted, with its
    minutes; ``pauses`` each stretch during which the clock was held (waiting
    on the worker, or resolved and then reopened), its end None while it
    lasts. ``stopped_by_move`` tells that the stop was a move to project
    work rather than a response or a resolve, so the elapsed minutes are
    not a time to respond or resolve.
    """

    due: datetime | None
    elapsed_minutes: float
    outcome: str
    started_at: datetime
    stopped_at: datetime | None
    target_minutes: float
    counted: tuple[Counted, ...]
    pauses: tuple[Pause, ...]
    stopped_by_move: bool = False


@dataclass(frozen=True)
class Measurement:
    """How a ticket stands at an instant, under its priority then.

    ``moved_at`` is when the ticket was moved to project work, if it was.
    """

    priority: str
    response: ClockFigures
    resolution: ClockFigures
    moved_at: datetime | None = None


@dataclass(frozen=True)
class SpanClock:
    """One clock's state throughout a span.

    ``elapsed_minutes`` is given only when the clock is stopped, since a
    clock that runs has a different figure at every instant.
    """

    outcome: str
    due: datetime | None
    elapsed_minutes: float | None
    stopped_at: datetime | None
    stopped_by_move: bool = False


@dataclass(frozen=True)
class Span:
    """How a ticket stands at every instant from start to end (exclusive).

    An end of None means for ever after. ``resolved`` tells that a resolve
    holds the resolution clock stopped; ``moved`` that the ticket has been
    moved to project work (and so is not resolved).
    """

    start: datetime
    end: datetime | None
    priority: str
    resolved: bool
    response: SpanClock
    resolution: SpanClock
    moved: bool = False


@dataclass(frozen=True)
class _Track:
    """When one clock ran: its start, its stop and what held it in between."""

    start: datetime
    stop: datetime | None
    pauses: tuple[Pause, ...]
    by_move: bool = False

    @property
    def paused(self) -> bool:
        return self.stop is None and bool(self.pauses) and self.pauses[-1][1] is None


@dataclass
class _Story:
    """What the history says up to the instant of measurement."""

    opened_at: datetime
    priority: str
    responded_at: datetime | None = None
    resolved_at: datetime | None = None
    waiting_since: datetime | None = None
    waits: list[tuple[datetime, datetime]] = field(default_factory=list)
    reopens: list[tuple[datetime, datetime]] = field(default_factory=list)
    moved_at: datetime | None = None

    def apply(self, event: ClockEvent, at: datetime) -> None:
        # A ticket moved to project work has left the desk: whatever its
        # history says afterwards is no longer service work.
        if self.moved_at is not None:
            return
        if event.type == "moved_to_project":
            # A resolved ticket has nothing left to move; its clocks stand.
            if self.resolved_at is None:
                self._end_wait(at)
                self.moved_at = at
            return
        if event.type in RESPONSE_EVENTS and self.responded_at is None:
            self.responded_at = at

        if event.type == "priority_changed" and event.priority is not None:
            self.priority = event.priority
        elif event.type == "waiting":
            if self.waiting_since is None and self.resolved_at is None:
                self.waiting_since = at
        elif event.type == "resumed":
            self._end_wait(at)
        elif event.type == "resolved" and self.resolved_at is None:
            # A resolved ticket no longer waits on the worker.
            self._end_wait(at)
            self.resolved_at = at
        elif event.type == "reopened" and self.resolved_at is not None:
            self.reopens.append((self.resolved_at, at))
            self.resolved_at = None

    def _end_wait(self, at: datetime) -> None:
        if self.waiting_since is not None:
            self.waits.append((self.waiting_since, at))
            self.waiting_since = None


def measure(
    events: Sequence[ClockEvent],
    objectives: Mapping[str, Objective],
    as_of: datetime | None = None,
) -> Measurement:
    """Measure a ticket at as_of, by default its last event's instant.

    Events stamped at as_of count; events after it are ignored. A history
    that does not begin with ``opened``, goes back in time, or names a
    priority without an objective raises ClockError.
    """
    _check_history(events, objectives)
    if as_of is None:
        as_of = events[-1].at
    as_of = _aware_utc(as_of)
    opened_at = events[0].at.astimezone(UTC)
    if as_of < opened_at:
        raise ClockError(
            "clock_before_opening",
            "Cannot measure at %(as_of)s, before the ticket was opened at "
            "%(opened)s: measure at or after its opening.",
            as_of=as_of.isoformat(),
            opened=opened_at.isoformat(),
        )

    story = _read_story(events, as_of)
    objective = objectives[story.priority]
    return Measurement(
        priority=story.priority,
        response=_figures(
            objective.response, _response_track(story, objective.response), as_of
        ),
        resolution=_figures(
            objective.resolution,
            _resolution_track(story, objective.resolution),
            as_of,
        ),
        moved_at=story.moved_at,
    )


def timeline(
    events: Sequence[ClockEvent], objectives: Mapping[str, Objective]
) -> list[Span]:
    """Give the ticket's state over all time, as contiguous spans.

    The span holding an instant T agrees with ``measure`` of the events up
    to T at T. A new span begins at every event that changes a figure and
    one tick after a due that a clock still running or paused passes, since
    at its due a clock is still running.
    """
    _check_history(events, objectives)
    instants = sorted({event.at.astimezone(UTC) for event in events})

    spans: list[Span] = []
    for index, start in enumerate(instants):
        end = instants[index + 1] if index + 1 < len(instants) else None
        measurement = measure(events, objectives, as_of=start)
        for span in _spans_between(measurement, start, end):
            if spans and _same_state(spans[-1], span):
                spans[-1] = replace(spans[-1], end=span.end)
            else:
                spans.append(span)
    return spans


def _check_history(
    events: Sequence[ClockEvent], objectives: Mapping[str, Objective]
) -> None:
    """Refuse a history the clock cannot measure, saying what to fix."""
    if not events or events[0].type != "opened":
        raise ClockError(
            "clock_not_opened_first",
            "The history does not begin with an opened event: give the "
            "ticket's opening, with its priority, as the first event.",
        )
    _check_order(events)
    _check_lifecycle(events)
    for event in events:
        if event.priority is not None and event.priority not in objectives:
            raise ClockError(
                "clock_unknown_priority",
                "The %(type)s event at %(at)s gives priority %(priority)r, which "
                "has no objective: use one of %(known)s.",
                type=event.type,
                at=event.at.isoformat(),
                priority=event.priority,
                known=", ".join(objectives) or "(no objectives given)",
            )


def _check_order(events: Sequence[ClockEvent]) -> None:
    for earlier, later in pairwise(events):
        if later.at < earlier.at:
            raise ClockError(
                "clock_history_goes_back",
                "The %(later)s event at %(later_at)s comes after the %(earlier)s "
                "event at %(earlier_at)s but is earlier: give events in time "
                "order.",
                later=later.type,
                later_at=later.at.isoformat(),
                earlier=earlier.type,
                earlier_at=earlier.at.isoformat(),
            )


def _check_lifecycle(events: Sequence[ClockEvent]) -> None:
    """Refuse a second opening, and a close of a ticket not resolved."""
    resolved = False
    for event in events[1:]:
        if event.type == "opened":
            raise ClockError(
                "clock_opened_twice",
                "The history has a second opened event at %(at)s: a ticket "
                "opens once; use reopened for a ticket that comes back.",
                at=event.at.isoformat(),
            )
        if event.type == "closed" and not resolved:
            raise ClockError(
                "clock_closed_unresolved",
                "The closed event at %(at)s follows no resolve: a ticket is "
                "closed only once resolved, so add the resolved event before it.",
                at=event.at.isoformat(),
            )
        if event.type in ("resolved", "reopened"):
            resolved = event.type == "resolved"


def _read_story(events: Sequence[ClockEvent], as_of: datetime) -> _Story:
    """Apply the events up to as_of, in the order given.

    An event that does not fit the ticket's state at the time, such as a
    second resolve or a resume without a wait, changes nothing: histories
    imported from other systems repeat themselves, and the clock keeps to
    the first of each.
    """
    first = events[0]
    assert first.priority is not None
    story = _Story(opened_at=first.at.astimezone(UTC), priority=first.priority)
    for event in events[1:]:
        at = event.at.astimezone(UTC)
        if at > as_of:
            break
        story.apply(event, at)
    return story


def _response_track(story: _Story, target: Target) -> _Track:
    pauses: list[Pause] = []
    if target.pauses_when_waiting:
        pauses.extend(story.waits)
        if story.waiting_since is not None:
            pauses.append((story.waiting_since, None))
    return _track(story.opened_at, story.responded_at, pauses, story.moved_at)


def _resolution_track(story: _Story, target: Target) -> _Track:
    pauses: list[Pause] = list(story.reopens)
    if target.pauses_when_waiting:
        pauses.extend(story.waits)
        if story.waiting_since is not None:
            pauses.append((story.waiting_since, None))
    return _track(story.opened_at, story.resolved_at, pauses, story.moved_at)


def _track(
    start: datetime,
    stop: datetime | None,
    pauses: list[Pause],
    moved_at: datetime | None = None,
) -> _Track:
    """Give a clock's track, its pauses cut at the stop, in order, merged.

    A clock not stopped otherwise stops at a move to project work. A pause
    that lasted no time is left out, unless it is still going on.
    """
    by_move = stop is None and moved_at is not None
    if by_move:
        stop = moved_at
    merged: list[Pause] = []
    for begins, ends in sorted(pauses, key=lambda pause: pause[0]):
        if stop is not None:
            if begins >= stop:
                continue
            ends = stop if ends is None else min(ends, stop)
        if ends is not None and ends <= begins:
            continue
        if merged and _reaches(merged[-1], begins):
            last_begins, last_ends = merged[-1]
            longer = None if ends is None or last_ends is None else max(ends, last_ends)
            merged[-1] = (last_begins, longer)
        else:
            merged.append((begins, ends))
    return _Track(start=start, stop=stop, pauses=tuple(merged), by_move=by_move)


def _reaches(pause: Pause, instant: datetime) -> bool:
    return pause[1] is None or pause[1] >= instant


def _figures(target: Target, track: _Track, as_of: datetime) -> ClockFigures:
    end = track.stop if track.stop is not None else as_of
    goal = timedelta(minutes=target.minutes)

    counted: list[Counted] = []
    elapsed = timedelta(0)
    due = track.start if goal <= timedelta(0) else None
    for begins, ends in _running_stretches(track, end):
        for opens, closes in target.calendar.open_intervals(begins, ends):
            if due is None and elapsed + (closes - opens) >= goal:
                due = opens + (goal - elapsed)
            elapsed += closes - opens
            counted.append((opens, closes, (closes - opens) / timedelta(minutes=1)))

    # Not reached yet: the due is where the rest of the target runs out if
    # the clock runs on from now, unless it is held, when nobody knows.
    if due is None and not track.paused:
        due = target.calendar.add_open_time(end, goal - elapsed)

    return ClockFigures(
        due=due,
        elapsed_minutes=elapsed / timedelta(minutes=1),
        outcome=_outcome(track, due, as_of),
        started_at=track.start,
        stopped_at=track.stop,
        target_minutes=target.minutes,
        counted=tuple(counted),
        pauses=track.pauses,
        stopped_by_move=track.by_move,
    )


def _running_stretches(track: _Track, end: datetime) -> list[tuple[datetime, datetime]]:
    """Give the stretches of [start, end) during which the clock ran."""
    stretches = []
    begins = track.start
    for pause_begins, pause_ends in track.pauses:
        if pause_begins > begins:
            stretches.append((begins, min(pause_begins, end)))
        if pause_ends is None:
            return stretches
        begins = max(begins, pause_ends)
    if end > begins:
        stretches.append((begins, end))
    return stretches


def _outcome(track: _Track, due: datetime | None, as_of: datetime) -> str:
    if track.stop is not None:
        assert due is not None
        if track.stop > due:
            return BREACHED
        return MOVED if track.by_move else MET
    if due is not None and as_of > due:
        return BREACHED
    return PAUSED if track.paused else RUNNING


def _spans_between(
    measurement: Measurement, start: datetime, end: datetime | None
) -> list[Span]:
    """Give the spans of [start, end), where no event changes anything.

    Only the passing of a due changes an outcome there, one tick after it.
    """
    edges = {start}
    for figures in (measurement.response, measurement.resolution):
        if figures.stopped_at is None and figures.due is not None:
            passed = figures.due + TICK
            if start < passed and (end is None or passed < end):
                edges.add(passed)

    ordered = sorted(edges)
    spans = []
    for index, begins in enumerate(ordered):
        spans.append(
            Span(
                start=begins,
                end=ordered[index + 1] if index + 1 < len(ordered) else end,
                priority=measurement.priority,
                resolved=measurement.resolution.stopped_at is not None
                and measurement.moved_at is None,
                response=_span_clock(measurement.response, begins),
                resolution=_span_clock(measurement.resolution, begins),
                moved=measurement.moved_at is not None,
            )
        )
    return spans


def _span_clock(figures: ClockFigures, at: datetime) -> SpanClock:
    """Give a clock's state at an instant after the one it was measured at."""
    if figures.stopped_at is not None:
        return SpanClock(
            outcome=figures.outcome,
            due=figures.due,
            elapsed_minutes=figures.elapsed_minutes,
            stopped_at=figures.stopped_at,
            stopped_by_move=figures.stopped_by_move,
        )
    outcome = figures.outcome
    if figures.due is not None and at > figures.due:
        outcome = BREACHED
    return SpanClock(
        outcome=outcome, due=figures.due, elapsed_minutes=None, stopped_at=None
    )


def _same_state(span: Span, following: Span) -> bool:
    return (
        span.priority == following.priority
        and span.resolved == following.resolved
        and span.moved == following.moved
        and span.response == following.response
        and span.resolution == following.resolution
    )


def _aware_utc(instant: datetime) -> datetime:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ClockError(
            "clock_naive_as_of",
            "The instant %(as_of)s has no time zone: give an aware datetime, "
            "for example one in UTC.",
            as_of=instant.isoformat(),
        )
    return instant.astimezone(UTC)
