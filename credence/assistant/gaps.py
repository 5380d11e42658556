"""Knowledge gaps: the questions workers asked that the assistant could not
answer, for a lead to write the missing articles.

A gap is one question as normalised (lower case, no punctuation), with how
often and when last it was asked. A lead marks a gap covered once an
article answers it; it comes back if workers ask it again afterwards.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Count, F, Max, OuterRef, Q, Subquery
from django.utils import timezone

from credence.assistant.models import CoveredGap, Turn, Who
from credence.assistant.words import normalise
from credence.errors import InvalidInput
from credence.workers.models import Worker

MOST_LISTED = 200


@dataclass(frozen=True)
class Gap:
    question: str
    example: str
    asked: int
    last_asked: datetime


def open_gaps(limit: int = MOST_LISTED) -> list[Gap]:
    """The unanswered questions, the most asked first."""
    covered_at = CoveredGap.objects.filter(normalised=OuterRef("normalised")).values(
        "covered_at"
    )[:1]
    rows = (
        Turn.objects.filter(who=Who.WORKER, answered=False)
        .exclude(normalised="")
        .values("normalised")
        .annotate(
            asked=Count("pk"),
            last_asked=Max("created"),
            example=Max("text"),
            covered_at=Subquery(covered_at),
        )
        .filter(Q(covered_at__isnull=True) | Q(last_asked__gt=F("covered_at")))
        .order_by("-asked", "-last_asked")[:limit]
    )
    return [
        Gap(row["normalised"], row["example"], row["asked"], row["last_asked"])
        for row in rows
    ]


@transaction.atomic
def mark_covered(question: str, lead: Worker) -> None:
    """The gap is covered now; asking it again later reopens it."""
    normalised = normalise(question)
    if not Turn.objects.filter(
        who=Who.WORKER, answered=False, normalised=normalised
    ).exists():
        raise InvalidInput(
            "No unanswered question reads “%(question)s”; reload the list of "
            "gaps and pick one from it.",
            question=question,
        )
    CoveredGap.objects.update_or_create(
        normalised=normalised,
        defaults={"covered_at": timezone.now(), "covered_by": lead},
    )
