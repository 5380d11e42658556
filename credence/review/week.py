"""The weekly review: one ISO week's figures, open work and breaches.

Everything is read as the tickets stood at the review's instant (the
week's end, or now while the week is still going on), from the stored
spans and histories; nothing is re-measured. The figures themselves are
`period_metrics` for the week, the same as the metrics page and
`credence report` give.

Queries, however many tickets there are: the week's figures (three), the
oldest open tickets with the count of project candidates (one per range
of the first cut, and one for the tickets kept), the
breached tickets (a count and one page of at most MAX_BREACHES) with the
history of only those, and one aggregate for the channel trend over the
last TREND_WEEKS weeks.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber

from credence.metrics import periods
from credence.metrics.measure import PeriodMetrics, period_metrics, spans_at
from credence.review import reasons
from credence.slo.models import ServiceSettings
from credence.slo.objectives import current_objectives
from credence.tickets.models import (
    FRONT_DOOR,
    Channel,
    Outcome,
    Ticket,
    TicketEvent,
    TicketSpan,
)

OLDEST = 10
NO_LATER = datetime(9999, 1, 1, tzinfo=UTC)
MAX_BREACHES = 200
TREND_WEEKS = 12


@dataclass(frozen=True)
class OpenTicket:
    ticket: Ticket
    age: str


@dataclass(frozen=True)
class Breach:
    ticket: Ticket
    # "response", "resolution" or both, as breached at the review's instant.
    clocks: tuple[str, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ChannelWeek:
    """One week of the trend: its period and tickets opened per channel."""

    period: periods.Period
    counts: Mapping[str, int]


@dataclass(frozen=True)
class WeekReview:
    period: periods.Period
    as_of: datetime
    metrics: PeriodMetrics
    front_door: int
    side_channels: int
    front_door_share: float | None
    oldest: list[OpenTicket]
    # Open longer than the service window the lead sets: likely project work.
    service_window: timedelta
    candidates: list[OpenTicket]
    candidates_total: int
    breaches: list[Breach]
    breaches_total: int
    trend: list[ChannelWeek]


def weekly_review(period: periods.Period, as_of: datetime) -> WeekReview:
    metrics = period_metrics(period.start, period.end, as_of)
    by_channel = metrics["by_channel"]
    front = sum(by_channel.get(channel, 0) for channel in FRONT_DOOR)
    volume = metrics["overall"]["volume"]

    window = ServiceSettings.current().service_window
    oldest, candidates_total = _oldest_open(as_of, as_of - window)
    # Candidates are the open tickets opened before the window: the first
    # ones of the oldest, in the same order.
    candidates = [ticket for ticket in oldest if ticket.opened_at < as_of - window]
    breached = spans_at(period.start, period.end, as_of).filter(
        Q(response_outcome=Outcome.BREACHED) | Q(resolution_outcome=Outcome.BREACHED)
    )
    return WeekReview(
        period=period,
        as_of=as_of,
        metrics=metrics,
        front_door=front,
        side_channels=volume - front,
        front_door_share=round(front / volume, 4) if volume else None,
        oldest=_listed(oldest, as_of),
        service_window=window,
        candidates=_listed(candidates, as_of),
        candidates_total=candidates_total,
        breaches=_breaches(
            breached.order_by("opened_at", "ticket_id")[:MAX_BREACHES], as_of
        ),
        breaches_total=breached.count(),
        trend=channel_trend(period),
    )


def _open_at(as_of: datetime, first_cut: Q) -> QuerySet[Ticket]:
    """The tickets of `first_cut` open at `as_of`.

    A ticket moved to project work is no longer open service work, though
    it was never resolved. Each ticket says exactly through its span at
    `as_of`: spans follow one another without gaps, so it is the last one
    to start by then, found ticket by ticket of the first cut through the
    index on (ticket, start), never by reading every span stored. A ticket
    opened after `as_of` has no span then.
    """
    resolved_then = TicketSpan.objects.filter(
        ticket=OuterRef("pk"), start__lte=as_of
    ).order_by("-start")
    return (
        Ticket.objects.filter(first_cut)
        .exclude(moved_to_project_at__lte=as_of)
        .annotate(resolved_then=Subquery(resolved_then.values("resolved")[:1]))
        .filter(resolved_then=False)
    )


def _oldest_open(
    as_of: datetime, opened_before: datetime
) -> tuple[Sequence[Ticket], int]:
    """The OLDEST earliest opened tickets open at `as_of`, and how many of
    all those open then were opened before `opened_before`.

    A ticket whose last resolve came at or before `as_of` was resolved then
    (a reopen afterwards would have cleared it), so only tickets never
    resolved, or last resolved later, can have been open. Those are two
    ranges of the `open_at_instant` index, asked apart because each is then
    read from the index alone, where both at once (an OR) is not; their
    oldest are merged here. In each, the tickets are numbered in order and
    the first kept, rather than ordered and cut with LIMIT: given a LIMIT,
    PostgreSQL walks every ticket from the oldest in the hope of meeting
    open ones soon, when the open ones are nearly all recent.
    """
    order = [F("opened_at").asc(), F("number").asc()]
    found: list[tuple[datetime, int, int]] = []
    total = 0
    # The later resolves are bounded above too, by an instant none reaches:
    # SQLite takes a range open at one end for a quarter of the table, and
    # would rather read every ticket in order of opening than that range.
    resolved_later = Q(resolved_at__gt=as_of, resolved_at__lt=NO_LATER)
    for first_cut in (Q(resolved_at__isnull=True), resolved_later):
        rows = list(
            _open_at(as_of, first_cut)
            .annotate(
                place=Window(RowNumber(), order_by=order),
                opened_before=Window(
                    Count("opened_at", filter=Q(opened_at__lt=opened_before))
                ),
            )
            .filter(place__lte=OLDEST)
            .order_by("place")
            .values_list("opened_at", "number", "pk", "opened_before")
        )
        found.extend((opened_at, number, pk) for opened_at, number, pk, _ in rows)
        total += rows[0][3] if rows else 0
    oldest = [pk for _opened_at, _number, pk in sorted(found)[:OLDEST]]
    tickets = Ticket.objects.in_bulk(oldest)
    return [tickets[pk] for pk in oldest], total


def _listed(tickets: Iterable[Ticket], as_of: datetime) -> list[OpenTicket]:
    return [
        OpenTicket(ticket, age_in_words(as_of - ticket.opened_at)) for ticket in tickets
    ]


def age_in_words(age: timedelta) -> str:
    """ "12 days", "1 day", "5 h", "40 min": whole units, rounded down."""
    if age >= timedelta(days=1):
        return "1 day" if age.days == 1 else f"{age.days} days"
    if age >= timedelta(hours=1):
        return f"{age // timedelta(hours=1)} h"
    return f"{max(age // timedelta(minutes=1), 0)} min"


def _breaches(spans: QuerySet[TicketSpan], as_of: datetime) -> list[Breach]:
    rows = list(spans.select_related("ticket"))
    histories: dict[int, list[reasons.Event]] = defaultdict(list)
    found = TicketEvent.objects.filter(
        ticket_id__in=[span.ticket_id for span in rows], at__lte=as_of
    ).order_by("ticket_id", "at", "id")
    for event in found.only("ticket_id", "type", "at", "data"):
        histories[event.ticket_id].append(
            reasons.Event(type=event.type, at=event.at, data=event.data)
        )

    objectives = current_objectives()
    listed = []
    for span in rows:
        response = span.response_outcome == Outcome.BREACHED
        resolution = span.resolution_outcome == Outcome.BREACHED
        said = reasons.breach_reasons(
            reasons.Breached(
                opened_at=span.ticket.opened_at,
                priority=span.priority,
                response_due=span.response_due if response else None,
                resolution_due=span.resolution_due if resolution else None,
            ),
            histories[span.ticket_id],
            objectives,
            as_of,
        )
        clocks = ("response",) * response + ("resolution",) * resolution
        listed.append(Breach(span.ticket, clocks, tuple(said)))
    return listed


def channel_trend(period: periods.Period) -> list[ChannelWeek]:
    """Tickets opened per channel in each of the TREND_WEEKS weeks ending
    with `period`, in one aggregate query grouped by channel.

    Each week is a count filtered by its bounds (local midnights), so the
    query reads only the `period_volume` index, never converting an
    instant into a local day row by row.
    """
    weeks = [period]
    while len(weeks) < TREND_WEEKS and (earlier := weeks[0].previous()) is not None:
        weeks.insert(0, earlier)
    counts: dict[str, dict[str, int]] = {
        week.key: dict.fromkeys(Channel.values, 0) for week in weeks
    }
    per_week = {
        # Counted by the opening instant, not the id, so that the query
        # reads the `period_volume` index alone.
        f"week_{index}": Count(
            "opened_at", filter=Q(opened_at__gte=week.start, opened_at__lt=week.end)
        )
        for index, week in enumerate(weeks)
    }
    rows = (
        Ticket.objects.filter(opened_at__gte=weeks[0].start, opened_at__lt=period.end)
        .values("channel")
        .annotate(**per_week)
        .order_by()
    )
    for found in rows:
        # The stubs know only the grouping key of these rows.
        row: dict[str, Any] = {**found}
        for index, week in enumerate(weeks):
            counts[week.key][row["channel"]] = row[f"week_{index}"]
    return [ChannelWeek(week, counts[week.key]) for week in weeks]
