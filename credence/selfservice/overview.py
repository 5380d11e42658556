"""What the desk reads beside the figures: where self-service fell short,
and what requesters said.

Both are one query each, limited to a short list, however many sessions
and answers are stored.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count

from credence.selfservice.models import Activity, ActivityKind, Satisfaction

TOP_SEARCHES = 10
LATEST_ANSWERS = 20


@dataclass(frozen=True)
class SearchCount:
    words: str
    sessions: int


def searches_before_tickets(
    start: datetime, end: datetime, as_of: datetime
) -> list[SearchCount]:
    """The searches most often made in sessions that still ended in a
    ticket: what the articles do not answer yet."""
    found = (
        Activity.objects.filter(
            kind=ActivityKind.SEARCH,
            session__started_at__gte=start,
            session__started_at__lt=end,
            session__solved_at__isnull=True,
            session__ticket_opened_at__lte=as_of,
        )
        .exclude(subject="")
        .values("subject")
        .annotate(sessions=Count("session", distinct=True))
        .order_by("-sessions", "subject")[:TOP_SEARCHES]
    )
    return [SearchCount(row["subject"], row["sessions"]) for row in found]


def latest_answers(
    start: datetime, end: datetime, as_of: datetime
) -> list[Satisfaction]:
    """The period's latest answers, lowest scores first among equals."""
    return list(
        Satisfaction.objects.filter(
            resolved_at__gte=start,
            resolved_at__lt=end,
            answered_at__lte=as_of,
        )
        .select_related("ticket")
        .order_by("-answered_at", "score")[:LATEST_ANSWERS]
    )
