"""The weekly review: one ISO week's figures, open work and breaches.

Everything is read as the tickets stood at the review's instant (the
week's end, or now while the week is still going on), from the stored
spans and histories; nothing is re-measured. The figures themselves are
`period_metrics` for the week, the same as the metrics page and
`credence report` give.

Queries, however many tickets there are: the week's figures (three), the
oldest open tickets and the project candidates (two, plus a count), the
breached tickets (a count and one page of at most MAX_BREACHES) with the
history of only those, and one aggregate for the channel trend over the
last TREND_WEEKS weeks.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate

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

    open_spans = _open_at(as_of)
    window = ServiceSettings.current().service_window
    candidates = open_spans.filter(ticket__opened_at__lt=as_of - window)
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
        oldest=_listed(open_spans[:OLDEST], as_of),
        service_window=window,
        candidates=_listed(candidates[:OLDEST], as_of),
        candidates_total=candidates.count(),
        breaches=_breaches(
            breached.order_by("ticket__opened_at")[:MAX_BREACHES], as_of
        ),
        breaches_total=breached.count(),
        trend=channel_trend(period),
    )


def _open_at(as_of: datetime) -> QuerySet[TicketSpan]:
    """The span at `as_of` of every ticket open then, oldest first.

    A ticket moved to project work is no longer open service work, though
    it was never resolved.
    """
    # A ticket whose last resolve came at or before `as_of` was resolved
    # then (a reopen afterwards would have cleared it), so only tickets still
    # unresolved or resolved later can have been open: a cheap, indexed
    # first cut before the spans say exactly.
    unresolved_then = Q(ticket__resolved_at__isnull=True) | Q(
        ticket__resolved_at__gt=as_of
    )
    return (
        TicketSpan.objects.filter(
            unresolved_then,
            ticket__opened_at__lte=as_of,
            start__lte=as_of,
            resolved=False,
        )
        .filter(Q(end__isnull=True) | Q(end__gt=as_of))
        .exclude(ticket__moved_to_project_at__lte=as_of)
        .select_related("ticket")
        .order_by("ticket__opened_at", "ticket__number")
    )


def _listed(spans: QuerySet[TicketSpan], as_of: datetime) -> list[OpenTicket]:
    return [
        OpenTicket(span.ticket, age_in_words(as_of - span.ticket.opened_at))
        for span in spans
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
    with `period`, in one aggregate query grouped by local day.

    Grouping by day, not week, keeps the query to what every database
    truncates alike; the days are folded into their ISO weeks here.
    """
    weeks = [period]
    while len(weeks) < TREND_WEEKS and (earlier := weeks[0].previous()) is not None:
        weeks.insert(0, earlier)
    counts: dict[str, dict[str, int]] = {
        week.key: dict.fromkeys(Channel.values, 0) for week in weeks
    }
    rows = (
        Ticket.objects.filter(opened_at__gte=weeks[0].start, opened_at__lt=period.end)
        .annotate(day=TruncDate("opened_at", tzinfo=periods.local_zone()))
        .values("day", "channel")
        .annotate(tickets=Count("pk"))
        .order_by()
    )
    for row in rows:
        key = periods.week_of(row["day"]).key
        if key in counts:
            counts[key][row["channel"]] = (
                counts[key].get(row["channel"], 0) + row["tickets"]
            )
    return [ChannelWeek(week, counts[week.key]) for week in weeks]
