"""How satisfied the requester was with a resolution: asking and answering.

The question is asked each time a ticket opened in Credence is resolved
(an imported history's resolutions happened elsewhere and were never
asked). Only the requester answers, once per resolution: a score from 1 to
5 and an optional comment. They may change the answer while the ticket is
resolved; once it is closed the answer stands, though a requester who had
not answered yet still may. A reopen and a new resolution ask again.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from credence.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from credence.selfservice.models import Satisfaction
from credence.tickets.models import Status, Ticket, TicketEvent
from credence.tickets.visibility import visible_tickets
from credence.workers.models import Worker

SCORE_WORDS = {
    5: "Very satisfied",
    4: "Satisfied",
    3: "Neither satisfied nor dissatisfied",
    2: "Dissatisfied",
    1: "Very dissatisfied",
}
COMMENT_MAX = 2000
ANSWERABLE = (Status.RESOLVED, Status.CLOSED)


def ask_on_resolution(event: TicketEvent) -> None:
    """Record the question for the resolution `event` recorded.

    Called in the resolving transaction, so a resolution that is rolled
    back leaves no question behind.
    """
    ticket = event.ticket
    if ticket.source_ref is not None:
        return
    Satisfaction.objects.get_or_create(
        ticket=ticket,
        resolved_at=event.at,
        defaults={"worker_id": ticket.requester_id},
    )


def current_question(ticket: Ticket) -> Satisfaction | None:
    """The question for the ticket's latest resolution, if it stands."""
    if ticket.status not in ANSWERABLE or ticket.resolved_at is None:
        return None
    return Satisfaction.objects.filter(
        ticket=ticket, resolved_at=ticket.resolved_at
    ).first()


def can_change(ticket: Ticket, question: Satisfaction | None) -> bool:
    """Whether the requester may answer now, or change their answer."""
    if ticket.status == Status.RESOLVED:
        return True
    return ticket.status == Status.CLOSED and (
        question is None or question.score is None
    )


def answer(
    ticket: Ticket,
    worker: Worker,
    score: int | str | None,
    comment: str = "",
    at: datetime | None = None,
) -> Satisfaction:
    """The requester says how satisfied they are with the resolution."""
    at = at or timezone.now()
    score = _score(score)
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        raise InvalidInput(
            "The comment is %(length)d characters; keep it to %(limit)d.",
            length=len(comment),
            limit=COMMENT_MAX,
        )
    if not visible_tickets(worker).filter(pk=ticket.pk).exists():
        raise NotFound()
    if ticket.requester_id != worker.pk:
        raise NotAllowed(
            "Only the worker who asked for help can say how satisfied they are."
        )

    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
        if ticket.status not in ANSWERABLE or ticket.resolved_at is None:
            raise InvalidTransition(
                "%(ticket)s is not resolved yet; you can say how satisfied you "
                "are once the IT team has resolved it.",
                ticket=ticket.reference,
            )
        # A ticket resolved before the question was asked on resolution
        # gets its question now.
        question, _ = Satisfaction.objects.select_for_update().get_or_create(
            ticket=ticket,
            resolved_at=ticket.resolved_at,
            defaults={"worker": worker},
        )
        if not can_change(ticket, question):
            raise InvalidTransition(
                "%(ticket)s is closed and you already answered; your answer "
                "stands as given.",
                ticket=ticket.reference,
            )
        if question.answered_at is None:
            question.answered_at = at
        question.score = score
        question.comment = comment
        question.changed_at = at
        question.save()
    return question


def _score(score: int | str | None) -> int:
    try:
        value = int(score) if score not in (None, "") else None
    except (TypeError, ValueError):
        value = None
    if value is None or value not in SCORE_WORDS:
        raise InvalidInput(
            "Choose how satisfied you are, from 1 (very dissatisfied) to 5 "
            "(very satisfied)."
        )
    return value
