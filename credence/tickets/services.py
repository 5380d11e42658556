"""What can be done to a ticket: one function per operation.

Pages, API endpoints, commands, imports and tasks all call these. Each one
checks who is acting and whether the ticket's state allows it, records the
event, and re-derives the ticket's service level figures, all in one
transaction: a failure half-way leaves nothing behind.

`actor=None` is the system itself (an import or an automation); a person is
always named.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from credence.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from credence.slo.derive import rederive_ticket
from credence.slo.models import PRIORITY_CHOICES
from credence.tickets.models import (
    OPEN_STATUSES,
    Channel,
    Comment,
    CommentKind,
    EventType,
    Kind,
    Status,
    Ticket,
    TicketEvent,
    TicketNumber,
)
from credence.tickets.visibility import visible_tickets
from credence.workers.models import Worker
from credence.workers.roles import is_agent, is_lead

PRIORITIES = [value for value, _ in PRIORITY_CHOICES]
TITLE_MAX = 200
TRACKED_AT_MAX = 300


def _now(at: datetime | None) -> datetime:
    if at is None:
        return timezone.now()
    if timezone.is_naive(at):
        raise InvalidInput("An event time must carry its time zone.")
    return at


def _require_agent(actor: Worker | None) -> None:
    if actor is not None and not is_agent(actor):
        raise NotAllowed("Only the IT team can do that.")


def _require_sees(actor: Worker | None, ticket: Ticket) -> None:
    if actor is not None and not visible_tickets(actor).filter(pk=ticket.pk).exists():
        raise NotFound()


def _require_lead(actor: Worker | None, message: str) -> None:
    if actor is not None and not is_lead(actor):
        raise NotAllowed(message)


def _require_on_desk(actor: Worker | None, ticket: Ticket) -> None:
    # The desk's work on a confidential ticket (notes, replies, assignment)
    # is for leads alone, even when the agent acting is its requester: they
    # follow their own ticket in the portal, like any worker.
    if actor is not None and ticket.confidential and not is_lead(actor):
        raise NotFound()


def _require_requester_or_agent(actor: Worker | None, ticket: Ticket) -> None:
    _require_sees(actor, ticket)
    if actor is not None and actor.pk != ticket.requester_id and not is_agent(actor):
        raise NotAllowed("Only the worker who asked, or the IT team, can do that.")


def _require_open(ticket: Ticket, action: str) -> None:
    if ticket.status not in OPEN_STATUSES:
        raise InvalidTransition(
            "%(ticket)s is %(status)s, so you cannot %(action)s; reopen it "
            "first if the work is not finished.",
            ticket=ticket.reference,
            status=ticket.get_status_display().lower(),
            action=action,
        )


def _clean_text(value: str, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput("Write %(what)s; it cannot be empty.", what=what)
    return text


def _not_before_history(ticket: Ticket, at: datetime) -> None:
    # The clock replays events in time order; an event stamped before the
    # last one would rewrite the past.
    last = ticket.events.order_by("-at", "-id").values_list("at", flat=True).first()
    if last is not None and at < last:
        raise InvalidInput(
            "This change is stamped %(at)s, before the ticket's last event at "
            "%(last)s. Events are recorded in time order.",
            at=at.isoformat(),
            last=last.isoformat(),
        )


def _record(
    ticket: Ticket,
    event_type: str,
    actor: Worker | None,
    at: datetime,
    **data: Any,
) -> TicketEvent:
    _not_before_history(ticket, at)
    return TicketEvent.objects.create(
        ticket=ticket, type=event_type, at=at, actor=actor, data=data
    )


def _comment(
    ticket: Ticket, kind: str, actor: Worker | None, body: str, at: datetime
) -> Comment:
    return Comment.objects.create(
        ticket=ticket, kind=kind, author=actor, body=body, created_at=at
    )


# Tickets changed inside `derive_once`, by primary key, waiting to be
# re-derived when the block ends; None outside such a block.
_deferred: ContextVar[dict[int, Ticket] | None] = ContextVar(
    "deferred_rederive", default=None
)


@contextmanager
def derive_once() -> Iterator[None]:
    """Make many changes in one transaction; re-derive each ticket once.

    Each operation re-derives the ticket's figures and spans as it records
    its event. Replaying a long history (an import) would measure the ticket
    after every event, each time as of now, when only the last measurement
    is kept. Inside this block the operations record their events and the
    tickets they changed are re-derived once, at the end, in the same
    transaction, so no reader sees figures that lag the history.
    """
    if _deferred.get() is not None:
        yield
        return
    pending: dict[int, Ticket] = {}
    token = _deferred.set(pending)
    try:
        with transaction.atomic():
            yield
            for ticket in pending.values():
                rederive_ticket(ticket)
                ticket.save()
    finally:
        _deferred.reset(token)


def _finish(ticket: Ticket, at: datetime) -> Ticket:
    ticket.updated_at = max(ticket.updated_at, at)
    pending = _deferred.get()
    if pending is None:
        rederive_ticket(ticket)
    else:
        pending[ticket.pk] = ticket
    ticket.save()
    return ticket


def _lock(ticket: Ticket) -> Ticket:
    """Reload the ticket under a row lock so concurrent changes queue."""
    return Ticket.objects.select_for_update().get(pk=ticket.pk)


def _next_number() -> int:
    counter, _ = TicketNumber.objects.select_for_update().get_or_create(pk=1)
    TicketNumber.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    counter.refresh_from_db()
    return counter.last


def open_ticket(
    *,
    requester: Worker,
    kind: str,
    title: str,
    description: str = "",
    channel: str = Channel.PORTAL,
    priority: str,
    actor: Worker | None,
    at: datetime | None = None,
    confidential: bool = False,
    source_ref: str | None = None,
) -> Ticket:
    """Open a ticket for `requester`; an agent may log one on their behalf."""
    at = _now(at)
    title = _clean_text(title, "a short title")
    if len(title) > TITLE_MAX:
        raise InvalidInput(
            "The title is %(length)d characters; keep it to %(limit)d and put "
            "the rest in the description.",
            length=len(title),
            limit=TITLE_MAX,
        )
    if kind not in Kind.values:
        raise InvalidInput(
            "%(kind)r is not a kind of ticket; choose request or incident.", kind=kind
        )
    if channel not in Channel.values:
        raise InvalidInput(
            "%(channel)r is not a channel; choose one of %(choices)s.",
            channel=channel,
            choices=", ".join(Channel.values),
        )
    if priority not in PRIORITIES:
        raise InvalidInput(
            "%(priority)r is not a priority; choose one of %(choices)s.",
            priority=priority,
            choices=", ".join(PRIORITIES),
        )
    if actor is not None and actor.pk != requester.pk:
        # Logging a side-channel request for someone else is desk work.
        _require_agent(actor)
    if confidential and actor is not None and not is_lead(actor):
        raise NotAllowed("Only a lead can open a confidential ticket.")

    with transaction.atomic():
        ticket = Ticket(
            number=_next_number(),
            kind=kind,
            title=title,
            description=(description or "").strip(),
            requester=requester,
            logged_by=actor,
            channel=channel,
            priority=priority,
            confidential=confidential,
            source_ref=source_ref,
            opened_at=at,
            updated_at=at,
        )
        ticket.save()
        # Only a confidential opening says so: the history then shows why
        # the ticket was never in the queue.
        extra = {"confidential": True} if confidential else {}
        _record(
            ticket,
            EventType.OPENED,
            actor,
            at,
            priority=priority,
            channel=channel,
            kind=kind,
            **extra,
        )
        return _finish(ticket, at)


def acknowledge(
    ticket: Ticket, actor: Worker | None, at: datetime | None = None
) -> Ticket:
    at = _now(at)
    _require_sees(actor, ticket)
    _require_agent(actor)
    _require_on_desk(actor, ticket)
    with transaction.atomic():
        ticket = _lock(ticket)
        _require_open(ticket, "acknowledge it")
        if ticket.acknowledged_at is not None:
            raise InvalidTransition(
                "%(ticket)s was already acknowledged.", ticket=ticket.reference
            )
        _record(ticket, EventType.ACKNOWLEDGED, actor, at)
        ticket.acknowledged_at = at
        if ticket.status == Status.NEW:
            ticket.status = Status.IN_PROGRESS
        return _finish(ticket, at)


def reply(
    ticket: Ticket, actor: Worker | None, body: str, at: datetime | None = None
) -> Ticket:
    """A public reply the worker sees; the first one is the response."""
    at = _now(at)
    body = _clean_text(body, "your reply")
    _require_sees(actor, ticket)
    _require_agent(actor)
    _require_on_desk(actor, ticket)
    with transaction.atomic():
        ticket = _lock(ticket)
        if ticket.status == Status.CLOSED:
            raise InvalidTransition(
                "%(ticket)s is closed; open a new ticket to continue.",
                ticket=ticket.reference,
            )
        comment = _comment(ticket, CommentKind.PUBLIC_REPLY, actor, body, at)
        _record(ticket, EventType.REPLIED, actor, at, comment=comment.pk)
        if ticket.acknowledged_at is None:
            ticket.acknowledged_at = at
        if ticket.status == Status.NEW:
            ticket.status = Status.IN_PROGRESS
        return _finish(ticket, at)


def add_note(
    ticket: Ticket, actor: Worker | None, body: str, at: datetime | None = None
) -> Ticket:
    """An internal note: the team sees it, the worker never does."""
    at = _now(at)
    body = _clean_text(body, "the note")
    _require_sees(actor, ticket)
    _require_agent(actor)
    _require_on_desk(actor, ticket)
    with transaction.atomic():
        ticket = _lock(ticket)
        comment = _comment(ticket, CommentKind.INTERNAL_NOTE, actor, body, at)
        _record(ticket, EventType.NOTED, actor, at, comment=comment.pk)
        return _finish(ticket, at)


def send_automatic_message(
    ticket: Ticket, body: str, at: datetime | None = None
) -> Ticket:
    """A message the system sends the worker; it is not a response."""
    at = _now(at)
    body = _clean_text(body, "the message")
    with transaction.atomic():
        ticket = _lock(ticket)
        comment = _comment(ticket, CommentKind.AUTOMATIC, None, body, at)
        _record(ticket, EventType.AUTO_REPLIED, None, at, comment=comment.pk)
        return _finish(ticket, at)


def assign(
    ticket: Ticket,
    actor: Worker | None,
    assignee: Worker | None,
    at: datetime | None = None,
) -> Ticket:
    at = _now(at)
    _require_sees(actor, ticket)
    _require_agent(actor)
    _require_on_desk(actor, ticket)
    if assignee is not None and not is_agent(assignee):
        raise InvalidInput(
            "%(name)s is not on the IT team; assign the ticket to an agent.",
            name=assignee.display_name,
        )
    if ticket.confidential and assignee is not None and not is_lead(assignee):
        raise InvalidInput("A confidential ticket can only be assigned to a lead.")
    with transaction.atomic():
        ticket = _lock(ticket)
        if ticket.assignee_id == (assignee.pk if assignee else None):
            return ticket
        _record(
            ticket,
            EventType.ASSIGNED,
            actor,
            at,
            assignee=assignee.pk if assignee else None,
            previous=ticket.assignee_id,
        )
        ticket.assignee = assignee
        return _finish(ticket, at)


def change_priority(
    ticket: Ticket,
    actor: Worker | None,
    priority: str,
    reason: str,
    at: datetime | None = None,
) -> Ticket:
    """Re-prioritise; the ticket is measured again from its start."""
    at = _now(at)
    reason = _clean_text(reason, "why the priority changes")
    if priority not in PRIORITIES:
        raise InvalidInput(
            "%(priority)r is not a priority; choose one of %(choices)s.",
            priority=priority,
            choices=", ".join(PRIORITIES),
        )
    _require_sees(actor, ticket)
    _require_agent(actor)
    _require_on_desk(actor, ticket)
    with transaction.atomic():
        ticket = _lock(ticket)
        # Once resolved, a new priority would re-measure work already done
        # and could turn a breach into a met objective after the fact. An
        # imported history (no actor) is replayed as it happened elsewhere.
        finished = (Status.RESOLVED, Status.CLOSED)
        if ticket.status in finished and actor is not None:
            raise InvalidTransition(
                "%(ticket)s is %(status)s; its priority can no longer change. "
                "Reopen it first if the work is not finished.",
                ticket=ticket.reference,
                status=ticket.get_status_display().lower(),
            )
        if priority == ticket.priority:
            raise InvalidInput(
                "%(ticket)s is already %(priority)s.",
                ticket=ticket.reference,
                priority=priority,
            )
        _record(
            ticket,
            EventType.PRIORITY_CHANGED,
            actor,
            at,
            priority=priority,
            previous=ticket.priority,
            reason=reason,
        )
        ticket.priority = priority
        return _finish(ticket, at)


def wait_on_worker(
    ticket: Ticket, actor: Worker | None, question: str, at: datetime | None = None
) -> Ticket:
    """Ask the worker for something; the resolution clock pauses."""
    at = _now(at)
    question = _clean_text(question, "what you need from the worker")
    _require_sees(actor, ticket)
    _require_agent(actor)
    _require_on_desk(actor, ticket)
    with transaction.atomic():
        ticket = _lock(ticket)
        _require_open(ticket, "wait on the worker")
        if ticket.status == Status.WAITING:
            raise InvalidTransition(
                "%(ticket)s is already waiting on the worker.", ticket=ticket.reference
            )
        comment = _comment(ticket, CommentKind.PUBLIC_REPLY, actor, question, at)
        _record(ticket, EventType.REPLIED, actor, at, comment=comment.pk)
        _record(ticket, EventType.WAITING, actor, at)
        if ticket.acknowledged_at is None:
            ticket.acknowledged_at = at
        ticket.status = Status.WAITING
        return _finish(ticket, at)


def resume(ticket: Ticket, actor: Worker | None, at: datetime | None = None) -> Ticket:
    """Stop waiting without a comment from the worker (an agent's call)."""
    at = _now(at)
    _require_sees(actor, ticket)
    _require_agent(actor)
    _require_on_desk(actor, ticket)
    with transaction.atomic():
        ticket = _lock(ticket)
        if ticket.status != Status.WAITING:
            raise InvalidTransition(
                "%(ticket)s is not waiting on the worker.", ticket=ticket.reference
            )
        _record(ticket, EventType.RESUMED, actor, at)
        ticket.status = Status.IN_PROGRESS
        return _finish(ticket, at)


def worker_comment(
    ticket: Ticket, actor: Worker | None, body: str, at: datetime | None = None
) -> Ticket:
    """The requester writes; if the ticket waited on them, the clock resumes."""
    at = _now(at)
    body = _clean_text(body, "your comment")
    _require_sees(actor, ticket)
    if actor is not None and actor.pk != ticket.requester_id:
        raise NotAllowed("Only the worker who asked can comment as the worker.")
    with transaction.atomic():
        ticket = _lock(ticket)
        if ticket.status == Status.CLOSED:
            raise InvalidTransition(
                "%(ticket)s is closed; ask for help again with a new request.",
                ticket=ticket.reference,
            )
        comment = _comment(ticket, CommentKind.WORKER_COMMENT, actor, body, at)
        _record(ticket, EventType.WORKER_COMMENTED, actor, at, comment=comment.pk)
        if ticket.status == Status.WAITING:
            _record(ticket, EventType.RESUMED, actor, at)
            ticket.status = Status.IN_PROGRESS
        return _finish(ticket, at)


def resolve(
    ticket: Ticket,
    actor: Worker | None,
    resolution: str = "",
    at: datetime | None = None,
) -> Ticket:
    """Resolve; the worker is told, so this also counts as a response."""
    at = _now(at)
    _require_sees(actor, ticket)
    _require_agent(actor)
    _require_on_desk(actor, ticket)
    with transaction.atomic():
        ticket = _lock(ticket)
        _require_open(ticket, "resolve it")
        text = (resolution or "").strip()
        data: dict[str, Any] = {}
        if text:
            comment = _comment(ticket, CommentKind.PUBLIC_REPLY, actor, text, at)
            data["comment"] = comment.pk
        _record(ticket, EventType.RESOLVED, actor, at, **data)
        ticket.status = Status.RESOLVED
        ticket.resolved_at = at
        if ticket.acknowledged_at is None:
            ticket.acknowledged_at = at
        return _finish(ticket, at)


def reopen(
    ticket: Ticket, actor: Worker | None, reason: str, at: datetime | None = None
) -> Ticket:
    """Not fixed after all; the resolution clock continues where it stopped."""
    at = _now(at)
    reason = _clean_text(reason, "what is still wrong")
    _require_requester_or_agent(actor, ticket)
    with transaction.atomic():
        ticket = _lock(ticket)
        by_requester = actor is not None and actor.pk == ticket.requester_id
        # A worker may send back a resolution they do not accept; once it is
        # closed only the team (or a history being imported) may reopen it.
        allowed = (
            (Status.RESOLVED,)
            if by_requester and actor is not None and not is_agent(actor)
            else (Status.RESOLVED, Status.CLOSED)
        )
        if ticket.is_open:
            raise InvalidTransition(
                "%(ticket)s is still open; there is nothing to reopen.",
                ticket=ticket.reference,
            )
        if ticket.moved_to_project_at is not None:
            raise InvalidTransition(
                "%(ticket)s was moved to project work, tracked at %(tracked_at)s; "
                "open a new ticket if service work is needed again.",
                ticket=ticket.reference,
                tracked_at=ticket.project_tracked_at,
            )
        if ticket.status not in allowed:
            raise InvalidTransition(
                "%(ticket)s is %(status)s and cannot be reopened; ask for help "
                "again with a new request.",
                ticket=ticket.reference,
                status=ticket.get_status_display().lower(),
            )
        kind = CommentKind.WORKER_COMMENT if by_requester else CommentKind.PUBLIC_REPLY
        comment = _comment(ticket, kind, actor, reason, at)
        _record(ticket, EventType.REOPENED, actor, at, comment=comment.pk)
        ticket.status = Status.IN_PROGRESS
        ticket.resolved_at = None
        ticket.closed_at = None
        return _finish(ticket, at)


def close(ticket: Ticket, actor: Worker | None, at: datetime | None = None) -> Ticket:
    """Confirm a resolution: the worker agrees, or the team closes it."""
    at = _now(at)
    _require_requester_or_agent(actor, ticket)
    with transaction.atomic():
        ticket = _lock(ticket)
        if ticket.status != Status.RESOLVED:
            raise InvalidTransition(
                "Only a resolved ticket can be closed; %(ticket)s is %(status)s.",
                ticket=ticket.reference,
                status=ticket.get_status_display().lower(),
            )
        _record(ticket, EventType.CLOSED, actor, at)
        ticket.status = Status.CLOSED
        ticket.closed_at = at
        return _finish(ticket, at)


def mark_confidential(
    ticket: Ticket, actor: Worker | None, reason: str, at: datetime | None = None
) -> Ticket:
    """Hide a ticket from everyone but its requester and the leads.

    It leaves the queue and every agent's view at once. An agent assigned to
    it could no longer open it, so it is unassigned unless a lead holds it.
    """
    at = _now(at)
    reason = _clean_text(reason, "why the ticket is confidential")
    _require_sees(actor, ticket)
    _require_lead(actor, "Only a lead can mark a ticket confidential.")
    with transaction.atomic():
        ticket = _lock(ticket)
        if ticket.confidential:
            raise InvalidTransition(
                "%(ticket)s is already confidential.", ticket=ticket.reference
            )
        _record(ticket, EventType.MARKED_CONFIDENTIAL, actor, at, reason=reason)
        ticket.confidential = True

        assignee = ticket.assignee
        if assignee is not None and not is_lead(assignee):
            _record(
                ticket,
                EventType.ASSIGNED,
                actor,
                at,
                assignee=None,
                previous=assignee.pk,
            )
            ticket.assignee = None
        return _finish(ticket, at)


def formalise(
    ticket: Ticket, actor: Worker | None, at: datetime | None = None
) -> Ticket:
    """Make a confidential ticket ordinary, its whole history with it.

    The team sees it from now on, in the queue if it is open, with every
    note and event it gathered while confidential; the history records who
    formalised it and when.
    """
    at = _now(at)
    _require_sees(actor, ticket)
    _require_lead(actor, "Only a lead can formalise a confidential ticket.")
    with transaction.atomic():
        ticket = _lock(ticket)
        if not ticket.confidential:
            raise InvalidTransition(
                "%(ticket)s is not confidential; there is nothing to formalise.",
                ticket=ticket.reference,
            )
        _record(ticket, EventType.FORMALISED, actor, at)
        ticket.confidential = False
        return _finish(ticket, at)


def move_to_project(
    ticket: Ticket,
    actor: Worker | None,
    tracked_at: str,
    reason: str,
    at: datetime | None = None,
) -> Ticket:
    """Hand an open ticket over to project work, tracked elsewhere.

    The ticket closes and both clocks stop: the reports count it as moved
    to project, neither resolved nor breached after the move. The worker is
    told in the conversation where the work went; the reason is kept in the
    history for the team.
    """
    at = _now(at)
    tracked_at = _clean_text(tracked_at, "where the project is tracked")
    reason = _clean_text(reason, "why this is project work")
    if len(tracked_at) > TRACKED_AT_MAX:
        raise InvalidInput(
            "Where the project is tracked is %(length)d characters; keep it to "
            "%(limit)d, such as a link or the project's name.",
            length=len(tracked_at),
            limit=TRACKED_AT_MAX,
        )
    _require_sees(actor, ticket)
    _require_agent(actor)
    _require_on_desk(actor, ticket)
    _require_lead(actor, "Only a lead can move a ticket to project work.")
    with transaction.atomic():
        ticket = _lock(ticket)
        _require_open(ticket, "move it to project work")
        told = (
            "This has become project work, so it is closed here. The project "
            f"is tracked at: {tracked_at}"
        )
        comment = _comment(ticket, CommentKind.AUTOMATIC, actor, told, at)
        _record(
            ticket,
            EventType.MOVED_TO_PROJECT,
            actor,
            at,
            tracked_at=tracked_at,
            reason=reason,
            comment=comment.pk,
        )
        ticket.status = Status.CLOSED
        ticket.closed_at = at
        ticket.moved_to_project_at = at
        ticket.project_tracked_at = tracked_at
        return _finish(ticket, at)
