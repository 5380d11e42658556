"""Decide which clocks need a warning or a breach notice, once per cycle.

A clock warns once its objective's warning share of the target has counted
(Ticket.<clock>_warn_at, derived with the clock) and gives notice once its
due has passed, while it runs. A held clock (waiting on the worker) has no
warning instant and so is never announced; should it resume beyond its
due, the notice follows then. Each decision and its mail are written in
one transaction guarded by a unique constraint, so two watchers, or one
run again after a crash, never announce the same thing twice.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet, Value
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from credence.notify.models import Clock, Notice, NoticeKind, OutboxMessage
from credence.notify.recipients import recipients_for
from credence.notify.words import duration_in_words
from credence.tickets.models import Ticket

logger = logging.getLogger(__name__)

# Tickets looked at per clock and kind in one check; the rest wait for the
# next check, so a backlog of imported open tickets cannot stall a worker.
BATCH_SIZE = 200


@dataclass(frozen=True)
class Candidate:
    ticket_id: int
    clock: str
    kind: str


def _cycle_of(ticket: Ticket, clock: str) -> int:
    return ticket.resolution_cycle if clock == Clock.RESOLUTION else 0


def _candidates(clock: str, kind: str, now: datetime) -> QuerySet[Ticket]:
    """Running clocks past their warning instant, not yet announced.

    Reads the partial index on the warning instant, which holds only
    running clocks, and the notice table's unique index.
    """
    warn_field, due_field = f"{clock}_warn_at", f"{clock}_due"
    cycle = OuterRef("resolution_cycle") if clock == Clock.RESOLUTION else Value(0)
    announced = Notice.objects.filter(
        ticket=OuterRef("pk"), clock=clock, kind=kind, cycle=cycle
    )
    # At its due a clock is still running: breached is strictly after.
    beyond_due = {f"{due_field}__lt": now}
    tickets = Ticket.objects.filter(
        **{f"{warn_field}__isnull": False, f"{warn_field}__lte": now}
    )
    if kind == NoticeKind.BREACH:
        tickets = tickets.filter(**beyond_due)
    else:
        tickets = tickets.exclude(**beyond_due)
    return tickets.filter(~Exists(announced)).order_by(due_field, "pk")


def find_candidates(now: datetime) -> list[Candidate]:
    found: list[Candidate] = []
    for clock in Clock.values:
        for kind in NoticeKind.values:
            ids = _candidates(clock, kind, now).values_list("pk", flat=True)
            found.extend(Candidate(pk, clock, kind) for pk in ids[:BATCH_SIZE])
    return found


def _still_due(ticket: Ticket, clock: str, kind: str, now: datetime) -> bool:
    warn_at = getattr(ticket, f"{clock}_warn_at")
    due = getattr(ticket, f"{clock}_due")
    if warn_at is None or due is None or warn_at > now:
        return False
    return due < now if kind == NoticeKind.BREACH else due >= now


def message_id_for(notice: Notice) -> str:
    host = urlsplit(settings.CREDENCE_BASE_URL).hostname or "localhost"
    return (
        f"<notice-{notice.pk}.{notice.kind}.{notice.clock}.{notice.cycle}"
        f".{notice.ticket_id}@{host}>"
    )


def compose(
    ticket: Ticket, clock: str, kind: str, due: datetime, now: datetime, reason: str
) -> tuple[str, str]:
    """The subject and text of a notice, as read at `now`."""
    clock_name = Clock(clock).label.lower()
    breached = kind == NoticeKind.BREACH
    amount = duration_in_words(now - due if breached else due - now)
    standing = f"breached {amount} ago" if breached else f"due in {amount}"
    subject = f"{ticket.reference} {clock_name} {standing}: {ticket.title}"
    link = settings.CREDENCE_BASE_URL.rstrip("/") + reverse(
        "desk:ticket", args=[ticket.number]
    )
    body = render_to_string(
        "notify/notice.txt",
        {
            "ticket": ticket,
            "clock_name": clock_name,
            "breached": breached,
            "amount": amount,
            "due": timezone.localtime(due),
            "link": link,
            "reason": reason,
        },
    )
    return subject, body


def _decide(candidate: Candidate, now: datetime) -> OutboxMessage | None:
    """Record one notice and its mail, unless it is no longer due.

    The ticket row is locked (PostgreSQL) or the database write-locked
    (SQLite's immediate transactions), so an agent's acknowledge committed
    meanwhile is seen here, and two watchers deciding the same notice queue
    behind each other and the second finds it recorded.
    """
    with transaction.atomic():
        ticket = (
            Ticket.objects.select_for_update(of=("self",))
            .select_related("assignee")
            .get(pk=candidate.ticket_id)
        )
        if not _still_due(ticket, candidate.clock, candidate.kind, now):
            return None
        due = getattr(ticket, f"{candidate.clock}_due")
        try:
            with transaction.atomic():
                notice = Notice.objects.create(
                    ticket=ticket,
                    clock=candidate.clock,
                    kind=candidate.kind,
                    cycle=_cycle_of(ticket, candidate.clock),
                    due=due,
                    decided_at=now,
                )
        except IntegrityError:
            return None

        recipients, reason = recipients_for(ticket)
        subject, body = compose(
            ticket, candidate.clock, candidate.kind, due, now, reason
        )
        message = OutboxMessage.objects.create(
            notice=notice,
            recipients=recipients,
            subject=subject,
            body=body,
            message_id=message_id_for(notice),
            created_at=now,
            enqueued_at=now,
        )
    logger.info(
        "Decided the %s notice of the %s clock of %s for %d recipient(s)",
        candidate.kind,
        candidate.clock,
        ticket.reference,
        len(recipients),
    )
    return message


def decide_notices(
    now: datetime | None = None,
    then: Callable[[OutboxMessage], None] | None = None,
) -> list[OutboxMessage]:
    """Record every warning and breach notice now due; give their mail.

    `then` is called with each message as soon as its decision committed,
    to ask for its delivery without waiting for the others.
    """
    now = now or timezone.now()
    decided = []
    for candidate in find_candidates(now):
        message = _decide(candidate, now)
        if message is not None:
            decided.append(message)
            if then is not None:
                then(message)
    return decided
