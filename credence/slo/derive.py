"""Re-derive a ticket's stored service level figures from its history.

This is the only writer of the SLO columns on Ticket and of TicketSpan.
Domain operations call it inside their transaction after recording an
event; a lead's change to objectives or calendars calls it for every
ticket (see `rederive_all`).
"""

import logging
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from credence.slo.calendar import Calendar
from credence.slo.clock import (
    ClockEvent,
    ClockFigures,
    Measurement,
    SpanClock,
    measure,
    timeline,
)
from credence.slo.clock import Objective as ClockObjective
from credence.slo.models import Objective as ObjectiveRow
from credence.slo.objectives import current_objectives, forget_objectives
from credence.tickets.models import EventType, Ticket, TicketEvent, TicketSpan

logger = logging.getLogger(__name__)

# The share of a target after which a clock warns, for a priority whose
# objective row is missing (the clock's own objectives were given directly).
DEFAULT_WARN_SHARE = 0.75

# History events that mean nothing to the clock.
_NOT_FOR_THE_CLOCK = {
    EventType.ASSIGNED,
    EventType.MARKED_CONFIDENTIAL,
    EventType.FORMALISED,
}


def clock_events(events: Iterable[TicketEvent]) -> list[ClockEvent]:
    return [
        ClockEvent(at=event.at, type=event.type, priority=event.data.get("priority"))
        for event in events
        if event.type not in _NOT_FOR_THE_CLOCK
    ]


def history_of(ticket: Ticket) -> list[ClockEvent]:
    return clock_events(TicketEvent.objects.filter(ticket=ticket).order_by("at", "id"))


# The objectives mapping the warning shares were last read for, and them.
_warn_cache: dict[str, object] = {}


def warning_shares(objectives: Mapping[str, ClockObjective]) -> dict[str, float]:
    """Each priority's share of a target after which a warning is due.

    Read again whenever the objectives in force are rebuilt: a lead's edit
    to a share stamps its objective, which makes `current_objectives` give a
    new mapping, so keying on the mapping's identity never serves stale
    shares and spares a query per ticket operation.
    """
    if _warn_cache.get("objectives") is objectives:
        return _warn_cache["shares"]  # type: ignore[return-value]
    shares = dict(ObjectiveRow.objects.values_list("priority", "warn_at"))
    _warn_cache["objectives"] = objectives
    _warn_cache["shares"] = shares
    return shares


def warning_instant(
    figures: ClockFigures, share: float, calendar: Calendar, as_of: datetime
) -> datetime | None:
    """When `share` of the clock's target will have counted, given its pauses.

    None for a clock that is stopped or held (waiting on the worker): nobody
    can say when a held clock will run again, and neither needs a warning.
    The instant may lie in the past, for a clock already beyond its share.
    """
    held = bool(figures.pauses) and figures.pauses[-1][1] is None
    if figures.stopped_at is not None or held:
        return None
    remaining = timedelta(minutes=figures.target_minutes * share)
    for opens, closes, _minutes in figures.counted:
        if closes - opens >= remaining:
            return opens + remaining
        remaining -= closes - opens
    return calendar.add_open_time(as_of, remaining)


def resolution_cycle(events: Iterable[ClockEvent]) -> int:
    """How many times the resolution clock was restarted by a reopen.

    Counted as the clock counts them: a reopen restarts the clock only when
    the ticket stood resolved.
    """
    cycle = 0
    resolved = False
    for event in events:
        if event.type == EventType.RESOLVED:
            resolved = True
        elif event.type == EventType.REOPENED and resolved:
            cycle += 1
            resolved = False
    return cycle


def measure_ticket(
    ticket: Ticket,
    as_of: datetime | None = None,
    objectives: Mapping[str, ClockObjective] | None = None,
) -> Measurement:
    """Both clocks of one ticket at `as_of` (default now), for display."""
    return measure(
        history_of(ticket),
        objectives or current_objectives(),
        as_of=as_of or timezone.now(),
    )


def stored_minutes(figures: ClockFigures) -> float | None:
    """A stopped clock's minutes to its response or resolve, else None.

    A clock stopped by a move to project work stores none: the time until
    the move is neither a time to respond nor to resolve, and the reports
    average and take medians of whatever minutes are stored.
    """
    if figures.stopped_at is None or figures.stopped_by_move:
        return None
    return figures.elapsed_minutes


def _span_minutes(clock: SpanClock) -> float | None:
    return None if clock.stopped_by_move else clock.elapsed_minutes


def derived_figures(
    events: list[ClockEvent],
    objectives: Mapping[str, ClockObjective],
    share: float,
    now: datetime,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The ticket's derived columns and its spans, from its history alone.

    Plain values with no database access, so that a bulk writer (the scale
    benchmark) derives exactly what `rederive_ticket` stores.
    """
    last_event = events[-1].at if events else now
    as_of = max(now, last_event)
    figures = measure(events, objectives, as_of=as_of)
    running_dues = [
        clock.due
        for clock in (figures.response, figures.resolution)
        if clock.stopped_at is None and clock.due is not None
    ]
    objective = objectives[figures.priority]
    columns = {
        "priority": figures.priority,
        "response_due": figures.response.due,
        "response_stopped_at": figures.response.stopped_at,
        "response_outcome": figures.response.outcome,
        "response_elapsed_minutes": stored_minutes(figures.response),
        "resolution_due": figures.resolution.due,
        "resolution_stopped_at": figures.resolution.stopped_at,
        "resolution_outcome": figures.resolution.outcome,
        "resolution_elapsed_minutes": stored_minutes(figures.resolution),
        "next_due": min(running_dues) if running_dues else None,
        "response_warn_at": warning_instant(
            figures.response, share, objective.response.calendar, as_of
        ),
        "resolution_warn_at": warning_instant(
            figures.resolution, share, objective.resolution.calendar, as_of
        ),
        "resolution_cycle": resolution_cycle(events),
    }
    spans = [
        {
            "start": span.start,
            "end": span.end,
            "priority": span.priority,
            "resolved": span.resolved,
            "response_outcome": span.response.outcome,
            "response_due": span.response.due,
            "response_elapsed_minutes": _span_minutes(span.response),
            "resolution_outcome": span.resolution.outcome,
            "resolution_due": span.resolution.due,
            "resolution_elapsed_minutes": _span_minutes(span.resolution),
        }
        for span in timeline(events, objectives)
    ]
    return columns, spans


def rederive_ticket(
    ticket: Ticket,
    objectives: Mapping[str, ClockObjective] | None = None,
    now: datetime | None = None,
) -> None:
    """Rewrite the ticket's derived columns and spans; the caller saves it.

    The stored figures describe the history as it stands: dues, stop times,
    and outcomes as of now. A running clock's outcome changes with time
    alone, so readers compare its due with the current time (the queue) or
    use the spans (reports).
    """
    objectives = objectives or current_objectives()
    events = history_of(ticket)
    # The priority in force: the last one the history set (opened or a
    # change), whose objective's warning share applies.
    priority = next(
        (event.priority for event in reversed(events) if event.priority),
        ticket.priority,
    )
    share = warning_shares(objectives).get(priority, DEFAULT_WARN_SHARE)
    columns, spans = derived_figures(events, objectives, share, now or timezone.now())
    for name, value in columns.items():
        setattr(ticket, name, value)

    if ticket.pk is not None:
        copies = ticket_copies(ticket)
        TicketSpan.objects.filter(ticket=ticket).delete()
        TicketSpan.objects.bulk_create(
            TicketSpan(ticket=ticket, **values, **copies) for values in spans
        )


def ticket_copies(ticket: Ticket) -> dict[str, Any]:
    """The ticket's own fields that each of its spans carries a copy of.

    Reports select and group a period's spans by them; keeping the copies
    here, where the spans are written, keeps them in step with the ticket
    (a move to project work re-derives the ticket like any other change).
    """
    return {
        "opened_at": ticket.opened_at,
        "channel": ticket.channel,
        "kind": ticket.kind,
        "moved_at": ticket.moved_to_project_at,
    }


def rederive_all(batch_size: int = 500) -> int:
    """Re-measure every ticket, after objectives or calendars changed.

    The objectives are read afresh rather than from this process's copy:
    this is the path taken precisely because they changed.
    """
    forget_objectives()
    objectives = current_objectives()
    count = 0
    ids = list(Ticket.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        with transaction.atomic():
            for ticket in Ticket.objects.filter(pk__in=ids[start : start + batch_size]):
                rederive_ticket(ticket, objectives)
                ticket.save()
                count += 1
        logger.info("Re-derived %d of %d tickets", count, len(ids))
    return count
