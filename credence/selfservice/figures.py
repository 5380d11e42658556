"""Self-service, satisfaction and first-week figures for any period.

Read beside the volume and compliance of `credence.metrics.measure`, so
that a fall in tickets can be read against the quality of the service.
Each figure is one aggregate query over indexed columns, however many
sessions, answers or tickets are stored; nothing is replayed.

Decisions a reader of the figures should know:

- Deflection counts the sessions that started in [start, end), each as it
  stood at `as_of` (see sessions.py for what a session is). Deflected: the
  worker said "this solved it", or 7 days passed after the session's last
  activity without a ticket from them. Ended in a ticket: not solved, and a
  ticket from the same worker followed within those 7 days. Still open:
  neither yet, because the 7 days have not passed; such a session is
  counted in neither, and the rate is deflected / (deflected + ended in a
  ticket). `solved_then_ticket` counts solved sessions a ticket followed
  all the same: deflected by the definition, shown so the lead can see it.
- Satisfaction counts the resolutions in [start, end) (the question is
  asked at each resolution of a ticket opened in Credence, not of imported
  history), and the answers given by `as_of`. A score changed later (the
  requester may change it until the ticket closes) is counted as it stands
  now.
- The first week counts the workers whose start date falls in the period
  (a date, read against the period's dates in the installation's zone).
  Submitted: they opened a ticket, by any channel, on their start date or
  the six days after, by `as_of`. Those days are the worker's own, in
  their time zone (the installation's when they chose none), as on the
  welcome page: a ticket from Pacific/Chatham at 23:00 UTC on their sixth
  day is already on their seventh. A worker whose first week had not ended
  at `as_of`, in their zone, and who had not submitted yet is still in
  their first week and counted neither way. This figure is one aggregate
  query per time zone among the period's new workers, after one query for
  those zones.
"""

from datetime import datetime
from typing import TypedDict
from zoneinfo import ZoneInfo

from django.db.models import (
    Avg,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
)
from django.db.models.functions import TruncDate

from credence.metrics.periods import local_zone
from credence.selfservice.models import Satisfaction, Session
from credence.selfservice.sessions import LINK_WINDOW
from credence.selfservice.welcome import FIRST_WEEK
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from credence.workers.zones import display_zone

RATE_DIGITS = 4
SCORE_DIGITS = 2
SCORES = (1, 2, 3, 4, 5)


class Deflection(TypedDict):
    sessions: int
    deflected: int
    solved: int
    no_ticket: int
    ended_in_ticket: int
    still_open: int
    solved_then_ticket: int
    deflection_rate: float | None


class SatisfactionFigures(TypedDict):
    asked: int
    responses: int
    response_rate: float | None
    mean: float | None
    distribution: dict[str, int]


class FirstWeek(TypedDict):
    new_workers: int
    submitted: int
    not_submitted: int
    still_in_first_week: int
    share: float | None


class SelfServiceFigures(TypedDict):
    deflection: Deflection
    satisfaction: SatisfactionFigures
    first_week: FirstWeek


def period_figures(
    start: datetime, end: datetime, as_of: datetime
) -> SelfServiceFigures:
    """All three, for the report, the review and the publication."""
    return {
        "deflection": deflection(start, end, as_of),
        "satisfaction": satisfaction(start, end, as_of),
        "first_week": first_week(start, end, as_of),
    }


def deflection(start: datetime, end: datetime, as_of: datetime) -> Deflection:
    solved = Q(solved_at__lte=as_of)
    ticket = Q(ticket_opened_at__lte=as_of)
    no_ticket = Q(ticket_opened_at__isnull=True) | Q(ticket_opened_at__gt=as_of)
    unsolved = Q(solved_at__isnull=True) | Q(solved_at__gt=as_of)
    settled = Q(last_activity_at__lte=as_of - LINK_WINDOW)
    found = Session.objects.filter(
        started_at__gte=start, started_at__lt=end, started_at__lte=as_of
    ).aggregate(
        sessions=Count("pk"),
        solved=Count("pk", filter=solved),
        solved_then_ticket=Count("pk", filter=solved & ticket),
        ended_in_ticket=Count("pk", filter=unsolved & ticket),
        no_ticket=Count("pk", filter=unsolved & no_ticket & settled),
    )
    deflected = found["solved"] + found["no_ticket"]
    return {
        "sessions": found["sessions"],
        "deflected": deflected,
        "solved": found["solved"],
        "no_ticket": found["no_ticket"],
        "ended_in_ticket": found["ended_in_ticket"],
        "still_open": found["sessions"] - deflected - found["ended_in_ticket"],
        "solved_then_ticket": found["solved_then_ticket"],
        "deflection_rate": _rate(deflected, deflected + found["ended_in_ticket"]),
    }


def satisfaction(
    start: datetime, end: datetime, as_of: datetime
) -> SatisfactionFigures:
    answered = Q(answered_at__lte=as_of)
    per_score = {
        f"score_{score}": Count("pk", filter=answered & Q(score=score))
        for score in SCORES
    }
    found = Satisfaction.objects.filter(
        resolved_at__gte=start, resolved_at__lt=end, resolved_at__lte=as_of
    ).aggregate(
        asked=Count("pk"),
        responses=Count("pk", filter=answered),
        mean=Avg("score", filter=answered),
        **per_score,
    )
    mean = found["mean"]
    return {
        "asked": found["asked"],
        "responses": found["responses"],
        "response_rate": _rate(found["responses"], found["asked"]),
        "mean": None if mean is None else round(float(mean), SCORE_DIGITS),
        "distribution": {str(score): found[f"score_{score}"] for score in SCORES},
    }


def first_week(start: datetime, end: datetime, as_of: datetime) -> FirstWeek:
    installation = local_zone()
    starters = Worker.objects.filter(
        start_date__gte=start.astimezone(installation).date(),
        start_date__lt=end.astimezone(installation).date(),
    )
    found = {"new_workers": 0, "submitted": 0, "not_submitted": 0}
    for zone, names in _zones_of(starters).items():
        in_zone = _first_week_in(starters.filter(time_zone__in=names), zone, as_of)
        for name in found:
            found[name] += in_zone[name]
    settled = found["submitted"] + found["not_submitted"]
    return {
        "new_workers": found["new_workers"],
        "submitted": found["submitted"],
        "not_submitted": found["not_submitted"],
        "still_in_first_week": found["new_workers"] - settled,
        "share": _rate(found["submitted"], settled),
    }


def _zones_of(workers: QuerySet[Worker]) -> dict[ZoneInfo, list[str]]:
    """The zones the workers live in, each with the names that mean it: an
    empty name, or one that is no zone, means the installation's."""
    names = workers.order_by().values_list("time_zone", flat=True).distinct()
    zones: dict[ZoneInfo, list[str]] = {}
    for name in names:
        zone = display_zone(Worker(time_zone=name))
        zones.setdefault(zone, []).append(name)
    return zones


def _first_week_in(
    workers: QuerySet[Worker], zone: ZoneInfo, as_of: datetime
) -> dict[str, int]:
    # The last start date whose first week (the start date and the six
    # days after) had ended by `as_of`, in the workers' zone.
    week_over_by = as_of.astimezone(zone).date() - FIRST_WEEK
    first_ticket = Ticket.objects.annotate(
        opened_on=TruncDate("opened_at", tzinfo=zone)
    ).filter(
        requester=OuterRef("pk"),
        opened_at__lte=as_of,
        opened_on__gte=OuterRef("start_date"),
        opened_on__lt=OuterRef("week_end"),
    )
    return workers.annotate(
        week_end=ExpressionWrapper(
            F("start_date") + FIRST_WEEK,
            output_field=DateField(),
        ),
        asked_early=Exists(first_ticket),
    ).aggregate(
        new_workers=Count("pk"),
        submitted=Count("pk", filter=Q(asked_early=True)),
        not_submitted=Count(
            "pk", filter=Q(asked_early=False, start_date__lte=week_over_by)
        ),
    )


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, RATE_DIGITS) if whole else None
