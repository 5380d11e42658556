"""Opening a ticket and commenting from the portal, once even when sent twice."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from credence.portal.forms import AskForm
from credence.tickets import services
from credence.tickets.models import (
    PUBLIC_COMMENT_KINDS,
    Channel,
    Comment,
    CommentKind,
    Ticket,
)
from credence.workers.models import Worker

# A double click, a reload that resends the form, or a slow network that
# makes the worker press the button again all arrive within seconds.
DOUBLE_SUBMIT_WINDOW = timedelta(seconds=10)


def latest_copy(
    worker: Worker,
    title: str,
    description: str,
    now: datetime,
    channels: tuple[str, ...] = (Channel.PORTAL,),
) -> Ticket | None:
    """The worker's latest ticket through the channels, if this is a copy of it.

    Only the most recent ticket is compared: two different questions sent
    in a row are two tickets, and the same question asked again minutes
    later is a deliberate new ticket. The title is compared as given, the
    description once trimmed.
    """
    latest = (
        Ticket.objects.filter(requester=worker, channel__in=channels)
        .order_by("-opened_at", "-number")
        .first()
    )
    if latest is None or now - latest.opened_at > DOUBLE_SUBMIT_WINDOW:
        return None
    if latest.title != title or latest.description != description.strip():
        return None
    return latest


def open_from_portal(form: AskForm, worker: Worker) -> tuple[Ticket, bool]:
    """Open the ticket the form describes; False if it was a double submit.

    The check and the opening share one transaction holding the worker's
    row lock (on SQLite the transaction's write lock), so two copies of the
    form arriving at the same moment queue behind each other and the second
    one finds the first ticket instead of opening another. A database
    constraint cannot say "the same text within ten seconds", hence the
    lock.
    """
    title = form.cleaned_data["title"]
    description = form.cleaned_data["description"]
    with transaction.atomic():
        Worker.objects.select_for_update().get(pk=worker.pk)
        now = timezone.now()
        earlier = latest_copy(worker, title.strip(), description, now)
        if earlier is not None:
            return earlier, False
        ticket = services.open_ticket(
            requester=worker,
            kind=form.cleaned_data["kind"],
            title=title,
            description=description,
            channel=Channel.PORTAL,
            priority=form.priority(),
            actor=worker,
            at=now,
        )
        return ticket, True


def _comment_just_sent(
    ticket: Ticket, worker: Worker, body: str, now: datetime
) -> bool:
    """Whether the ticket's latest message is this very comment, seconds old.

    Only the latest message the worker can read is compared: when the IT
    team has written in between, the same words again are a new answer
    ("Yes", twice, to two questions), not a copy.
    """
    latest = (
        Comment.objects.filter(ticket=ticket, kind__in=PUBLIC_COMMENT_KINDS)
        .order_by("-created_at", "-id")
        .first()
    )
    return (
        latest is not None
        and latest.kind == CommentKind.WORKER_COMMENT
        and latest.author_id == worker.pk
        and now - latest.created_at <= DOUBLE_SUBMIT_WINDOW
        and latest.body == body.strip()
    )


def comment_from_portal(
    ticket: Ticket, worker: Worker, body: str
) -> tuple[Ticket, bool]:
    """Add the worker's comment; False if it was a double submit.

    As for a new ticket, the check and the comment share one transaction,
    here holding the ticket's row lock, so a second copy arriving at the
    same moment waits for the first and then finds it.
    """
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
        now = timezone.now()
        if _comment_just_sent(ticket, worker, body, now):
            return ticket, False
        return services.worker_comment(ticket, worker, body, at=now), True
