"""Logging a side-channel request for a worker, once even when sent twice."""

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker

# A double click on "Log the request", or a reload that resends the form,
# arrives within seconds; an agent logging the same words for the same
# worker a minute later means it (a second call about a second device).
DOUBLE_SUBMIT_WINDOW = timedelta(seconds=10)


def _just_logged(agent: Worker, data: dict[str, Any], now: datetime) -> Ticket | None:
    """The agent's latest logged ticket, if this form is a copy of it.

    Only the most recent one is compared: an agent taking two calls in a
    row logs two tickets, whatever they say.
    """
    latest = (
        Ticket.objects.filter(logged_by=agent).order_by("-opened_at", "-number").first()
    )
    if latest is None or now - latest.opened_at > DOUBLE_SUBMIT_WINDOW:
        return None
    # The operation strips what it stores; compare like with like.
    same = (
        latest.requester_id == data["worker"].pk
        and latest.title == data["title"].strip()
        and latest.description == (data["description"] or "").strip()
    )
    return latest if same else None


def log_for_worker(data: dict[str, Any], agent: Worker) -> tuple[Ticket, bool]:
    """Open the ticket the log form describes; False if it was a resend.

    The check and the opening share one transaction holding the agent's row
    lock (on SQLite, the write lock every transaction takes up front), so
    two copies arriving together queue and the second finds the first
    ticket. No database constraint can say "the same words within ten
    seconds", hence the lock.
    """
    with transaction.atomic():
        Worker.objects.select_for_update().get(pk=agent.pk)
        now = timezone.now()
        earlier = _just_logged(agent, data, now)
        if earlier is not None:
            return earlier, False
        ticket = services.open_ticket(
            requester=data["worker"],
            kind=data["kind"],
            title=data["title"],
            description=data["description"],
            channel=data["channel"],
            priority=data["priority"],
            actor=agent,
            at=now,
            confidential=bool(data.get("confidential")),
        )
        return ticket, True
