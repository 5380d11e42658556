"""The SLO panel of a ticket page: both clocks, and how each due was reached.

The figures come from measuring the ticket's history at this instant, the
same function the stored columns come from, so the panel can show the
working: every stretch of calendar time that counted and every pause.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from credence.desk.queue import WAITING_WORDS
from credence.desk.words import minutes_in_words, time_left_in_words
from credence.slo.clock import ClockFigures, measure
from credence.slo.derive import clock_events
from credence.slo.models import Calendar, Objective
from credence.slo.objectives import current_objectives
from credence.tickets.models import Outcome, Status, Ticket, TicketEvent

OUTCOME_LABELS = dict(Outcome.choices)


@dataclass(frozen=True)
class Stretch:
    start: datetime
    end: datetime
    minutes: str


@dataclass(frozen=True)
class Pause:
    start: datetime
    end: datetime | None


@dataclass(frozen=True)
class ClockPanel:
    name: str
    target: str
    due: datetime | None
    due_words: str
    elapsed: str
    outcome: str
    outcome_label: str
    started_at: datetime
    stopped_at: datetime | None
    counted: tuple[Stretch, ...]
    pauses: tuple[Pause, ...]


def _target_words(minutes: float, calendar: Calendar | None) -> str:
    where = calendar.name if calendar is not None else "its calendar"
    return f"{minutes_in_words(minutes)} on {where}"


def _due_words(
    figures: ClockFigures, waiting: bool, now: datetime, zone: tzinfo
) -> str:
    if figures.stopped_at is not None:
        return "stopped"
    if figures.due is None:
        return WAITING_WORDS if waiting else "paused"
    return time_left_in_words(figures.due, now, zone)


def _panel(
    name: str,
    figures: ClockFigures,
    calendar: Calendar | None,
    waiting: bool,
    now: datetime,
    zone: tzinfo,
) -> ClockPanel:
    return ClockPanel(
        name=name,
        target=_target_words(figures.target_minutes, calendar),
        due=figures.due,
        due_words=_due_words(figures, waiting, now, zone),
        elapsed=minutes_in_words(figures.elapsed_minutes),
        outcome=figures.outcome,
        outcome_label=OUTCOME_LABELS.get(figures.outcome, figures.outcome),
        started_at=figures.started_at,
        stopped_at=figures.stopped_at,
        counted=tuple(
            Stretch(start, end, minutes_in_words(minutes))
            for start, end, minutes in figures.counted
        ),
        pauses=tuple(Pause(start, end) for start, end in figures.pauses),
    )


def clock_panels(
    ticket: Ticket, events: Sequence[TicketEvent], now: datetime, zone: tzinfo
) -> list[ClockPanel]:
    """The response and resolution clocks of a ticket as they stand at now,
    measured from its events (all of them, oldest first).
    """
    measurement = measure(clock_events(events), current_objectives(), as_of=now)
    objective = (
        Objective.objects.select_related("response_calendar", "resolution_calendar")
        .filter(priority=measurement.priority)
        .first()
    )
    waiting = ticket.status == Status.WAITING
    return [
        _panel(
            "Response",
            measurement.response,
            objective.response_calendar if objective else None,
            False,
            now,
            zone,
        ),
        _panel(
            "Resolution",
            measurement.resolution,
            objective.resolution_calendar if objective else None,
            waiting,
            now,
            zone,
        ),
    ]
