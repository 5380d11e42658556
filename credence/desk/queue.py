"""The desk's queue: open tickets, nearest due first, and what it shows.

Everything here reads the SLO columns that `rederive_ticket` stores, so the
queue never replays a history. A running clock's stored outcome only says
how things stood at the ticket's last change; whether it has breached since
is a comparison of its due with the current time, done in the query.
"""

from dataclasses import dataclass
from datetime import datetime, tzinfo

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, F, Q, QuerySet

from credence.desk.words import time_left_in_words
from credence.slo.models import ServiceSettings
from credence.tickets.models import OPEN_STATUSES, Outcome, Status, Ticket
from credence.tickets.visibility import desk_tickets
from credence.workers.models import Worker

PAGE_SIZE = 50

WAITING_WORDS = "paused (waiting on worker)"

CANDIDATE_WORDS = "Project candidate"


@dataclass(frozen=True)
class QueueFilters:
    mine: bool = False
    unassigned: bool = False
    priority: str = ""
    breached: bool = False
    waiting: bool = False
    candidates: bool = False


@dataclass(frozen=True)
class ClockLine:
    """One clock as a queue row shows it: "Response", "due in 25 min"."""

    clock: str
    words: str
    breached: bool


@dataclass(frozen=True)
class QueueRow:
    ticket: Ticket
    breached: bool
    clocks: tuple[ClockLine, ...]
    project_candidate: bool = False


def breached_condition(now: datetime) -> Q:
    """A clock still running is past its due, or one already breached."""
    return (
        Q(next_due__lt=now)
        | Q(response_outcome=Outcome.BREACHED)
        | Q(resolution_outcome=Outcome.BREACHED)
    )


def candidates_opened_before(now: datetime) -> datetime:
    """A ticket opened before this instant is a project candidate at `now`.

    It has been open longer than the service window the lead set, counted
    in calendar time, not business hours: the window is about how long the
    worker has waited, whatever the desk's opening hours.
    """
    return now - ServiceSettings.current().service_window


def open_queue(person: Worker | AnonymousUser) -> QuerySet[Ticket]:
    return desk_tickets(person).filter(status__in=OPEN_STATUSES)


def filtered(
    tickets: QuerySet[Ticket],
    filters: QueueFilters,
    person: Worker,
    now: datetime,
    candidate_before: datetime | None = None,
) -> QuerySet[Ticket]:
    """Apply every chosen filter; together they narrow, never widen."""
    if filters.mine:
        tickets = tickets.filter(assignee=person)
    if filters.unassigned:
        tickets = tickets.filter(assignee__isnull=True)
    if filters.priority:
        tickets = tickets.filter(priority=filters.priority)
    if filters.breached:
        tickets = tickets.filter(breached_condition(now))
    if filters.waiting:
        tickets = tickets.filter(status=Status.WAITING)
    if filters.candidates:
        cutoff = candidate_before or candidates_opened_before(now)
        tickets = tickets.filter(opened_at__lt=cutoff)
    return tickets


def in_queue_order(tickets: QuerySet[Ticket]) -> QuerySet[Ticket]:
    """Nearest due first; tickets with no running clock after, oldest first."""
    return (
        tickets.select_related("requester", "assignee")
        .defer("description")
        .order_by(F("next_due").asc(nulls_last=True), "opened_at", "number")
    )


def filter_counts(
    tickets: QuerySet[Ticket],
    person: Worker,
    now: datetime,
    candidate_before: datetime | None = None,
) -> dict[str, int]:
    """How many open tickets each filter would show on its own, in one query."""
    cutoff = candidate_before or candidates_opened_before(now)
    return tickets.aggregate(
        candidates=Count("pk", filter=Q(opened_at__lt=cutoff)),
        open=Count("pk"),
        mine=Count("pk", filter=Q(assignee=person)),
        unassigned=Count("pk", filter=Q(assignee__isnull=True)),
        breached=Count("pk", filter=breached_condition(now)),
        waiting=Count("pk", filter=Q(status=Status.WAITING)),
    )


def _clock_line(
    clock: str,
    due: datetime | None,
    stopped_at: datetime | None,
    outcome: str,
    now: datetime,
    zone: tzinfo,
) -> ClockLine | None:
    if stopped_at is not None:
        # A stopped clock only matters in the queue if it failed.
        if outcome == Outcome.BREACHED:
            return ClockLine(clock, "breached", breached=True)
        return None
    if due is None:
        return None
    return ClockLine(clock, time_left_in_words(due, now, zone), breached=due < now)


def queue_row(
    ticket: Ticket,
    now: datetime,
    zone: tzinfo,
    candidate_before: datetime | None = None,
) -> QueueRow:
    lines = []
    response = _clock_line(
        "Response",
        ticket.response_due,
        ticket.response_stopped_at,
        ticket.response_outcome,
        now,
        zone,
    )
    if response is not None:
        lines.append(response)
    if ticket.status == Status.WAITING:
        already = ticket.resolution_outcome == Outcome.BREACHED
        lines.append(ClockLine("Resolution", WAITING_WORDS, breached=already))
    else:
        resolution = _clock_line(
            "Resolution",
            ticket.resolution_due,
            ticket.resolution_stopped_at,
            ticket.resolution_outcome,
            now,
            zone,
        )
        if resolution is not None:
            lines.append(resolution)
    breached = any(line.breached for line in lines) or Outcome.BREACHED in (
        ticket.response_outcome,
        ticket.resolution_outcome,
    )
    candidate = candidate_before is not None and ticket.opened_at < candidate_before
    return QueueRow(
        ticket=ticket,
        breached=breached,
        clocks=tuple(lines),
        project_candidate=candidate,
    )
