"""Self-service sessions: what a worker tried before (or instead of) a ticket.

The rule, in full:

- A worker's searches, article reads and assistant conversations belong to
  one session while each comes within 30 minutes of the session's last
  activity; a longer silence starts a new session.
- "This solved it" ends the session: it is deflected, and the worker's next
  activity starts a new session.
- A ticket the same worker opens, through any channel (the portal, the
  assistant, mail, chat, phone, walk-up, logged on their behalf by an agent,
  imported), is linked to each of their sessions that started before it and
  whose last activity was at most 7 days earlier. A ticket exactly 7 days
  after the last activity links; one 7 days and a minute after does not.
- A session is then deflected when it was solved, or when 7 days passed
  after its last activity without a ticket; it ended in a ticket when it was
  not solved and a ticket was linked; otherwise it is still open and counted
  neither way.

The knowledge app calls `note` and `solved` from its search and article
pages, the assistant from its conversations; `link_ticket` runs when any
ticket is created (see signals.py).
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from credence.errors import InvalidInput
from credence.selfservice.models import Activity, ActivityKind, Session
from credence.tickets.models import Ticket
from credence.workers.models import Worker

SESSION_GAP = timedelta(minutes=30)
LINK_WINDOW = timedelta(days=7)
SUBJECT_MAX = 200

_COUNTERS = {
    ActivityKind.SEARCH: "searches",
    ActivityKind.ARTICLE: "articles",
    ActivityKind.ASSISTANT: "conversations",
}


def note(worker: Worker, kind: str, subject: str = "") -> None:
    """Record self-service activity: kind is "search", "article" or
    "assistant"; subject is the query, the article's slug or the
    conversation's id."""
    if not _is_known(worker):
        return
    activity_kind = _kind(kind)
    now = timezone.now()
    with transaction.atomic():
        session = _current_session(worker, now)
        _add_activity(session, activity_kind, subject, now, solved=False)
        session.save()


def solved(worker: Worker, kind: str, subject: str = "") -> None:
    """The worker said "this solved it" on an article or a conversation."""
    if not _is_known(worker):
        return
    activity_kind = _kind(kind)
    subject = _subject(subject)
    now = timezone.now()
    with transaction.atomic():
        if _just_solved(worker, activity_kind, subject, now):
            return
        session = _current_session(worker, now)
        _add_activity(session, activity_kind, subject, now, solved=True)
        session.solved_at = now
        session.solved_kind = activity_kind
        session.solved_subject = subject
        session.save()


def link_ticket(ticket: Ticket) -> int:
    """Link the ticket to the sessions of its requester it follows.

    One indexed update, in the ticket's own transaction. Only a session
    without a ticket yet takes it: a session's ticket is the first that
    followed it. Returns how many sessions were linked.
    """
    opened_at = ticket.opened_at
    return Session.objects.filter(
        worker_id=ticket.requester_id,
        last_activity_at__gte=opened_at - LINK_WINDOW,
        started_at__lte=opened_at,
        ticket__isnull=True,
    ).update(ticket=ticket, ticket_opened_at=opened_at)


def _is_known(worker: Worker | None) -> bool:
    # Pages that anyone may read call these too; activity nobody signed in
    # to cannot be followed to a ticket, so it is not recorded.
    return worker is not None and worker.pk is not None and worker.is_authenticated


def _kind(kind: str) -> ActivityKind:
    if kind not in _COUNTERS:
        raise InvalidInput(
            "Self-service activity is a search, an article or an assistant "
            "conversation, not %(kind)s.",
            kind=kind,
        )
    return ActivityKind(kind)


def _subject(subject: str) -> str:
    return (subject or "").strip()[:SUBJECT_MAX]


def _current_session(worker: Worker, now: datetime) -> Session:
    session = (
        Session.objects.select_for_update()
        .filter(
            worker=worker,
            last_activity_at__gte=now - SESSION_GAP,
            last_activity_at__lte=now,
            solved_at__isnull=True,
        )
        .order_by("-last_activity_at", "-id")
        .first()
    )
    if session is None:
        session = Session(worker=worker, started_at=now, last_activity_at=now)
    return session


def _add_activity(
    session: Session, kind: ActivityKind, subject: str, now: datetime, *, solved: bool
) -> None:
    counter = _COUNTERS[kind]
    setattr(session, counter, getattr(session, counter) + 1)
    session.last_activity_at = now
    if session.pk is None:
        session.save()
    Activity.objects.create(
        session=session, kind=kind, subject=_subject(subject), at=now, solved=solved
    )


def _just_solved(
    worker: Worker, kind: ActivityKind, subject: str, now: datetime
) -> bool:
    # A second press of "this solved it" on the same page (a double click,
    # a resubmitted form) is the same answer, not a second need met.
    return Session.objects.filter(
        worker=worker,
        solved_at__gte=now - SESSION_GAP,
        solved_kind=kind,
        solved_subject=subject,
    ).exists()
