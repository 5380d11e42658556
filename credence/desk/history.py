"""A ticket's history as sentences an agent reads: who did what, and when."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from credence.slo.models import PRIORITY_CHOICES
from credence.tickets.models import Channel, EventType, Ticket, TicketEvent
from credence.workers.models import Worker

PRIORITY_NAMES = dict(PRIORITY_CHOICES)
CHANNEL_NAMES = dict(Channel.choices)

# The history has no actor for what the system did by itself (imports,
# automatic messages); it is shown under the product's name.
SYSTEM_NAME = "Credence"

_PLAIN: dict[str, str] = {
    EventType.ACKNOWLEDGED: "Acknowledged",
    EventType.REPLIED: "Replied to the worker",
    EventType.NOTED: "Added an internal note",
    EventType.AUTO_REPLIED: "Sent an automatic message",
    EventType.WORKER_COMMENTED: "Commented",
    EventType.WAITING: "Waiting on the worker; the resolution clock paused",
    EventType.RESUMED: "Stopped waiting; the resolution clock runs again",
    EventType.RESOLVED: "Resolved",
    EventType.REOPENED: "Reopened; the resolution clock runs again",
    EventType.CLOSED: "Closed",
    EventType.FORMALISED: (
        "Formalised: no longer confidential; the IT team sees it and its history"
    ),
}


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    who: str
    what: str


def _priority(value: object) -> str:
    return PRIORITY_NAMES.get(str(value), str(value))


def _name(worker_id: object, names: dict[int, str]) -> str:
    if isinstance(worker_id, int) and worker_id in names:
        return names[worker_id]
    return "a former team member"


def describe(event: TicketEvent, names: dict[int, str], for_lead: bool = True) -> str:
    data = event.data or {}
    if event.type == EventType.OPENED:
        channel = CHANNEL_NAMES.get(data.get("channel", ""), data.get("channel", ""))
        opened = f"Opened via {channel} at priority {_priority(data.get('priority'))}"
        if data.get("confidential"):
            return f"{opened}, confidential"
        return opened
    if event.type == EventType.ASSIGNED:
        if data.get("assignee") is None:
            return "Unassigned"
        return f"Assigned to {_name(data.get('assignee'), names)}"
    if event.type == EventType.MARKED_CONFIDENTIAL:
        # The reason is for leads: once formalised, agents read the history
        # too, and learn only that the ticket was confidential for a while.
        if not for_lead:
            return "Marked confidential"
        return f"Marked confidential: {data.get('reason', '')}"
    if event.type == EventType.PRIORITY_CHANGED:
        return (
            f"Changed priority from {_priority(data.get('previous'))} to "
            f"{_priority(data.get('priority'))}: {data.get('reason', '')}"
        )
    return _PLAIN.get(event.type, event.get_type_display())


def ticket_events(ticket: Ticket) -> list[TicketEvent]:
    """The ticket's events, oldest first, with who did each: one query, read
    once per page and shared by the history and the clock panel.
    """
    return list(ticket.events.select_related("actor").order_by("at", "id"))


def ticket_history(
    events: Sequence[TicketEvent], for_lead: bool = True
) -> list[HistoryLine]:
    """The events as sentences, in one query (assignees' names) whatever
    their number.
    """
    assignee_ids = {
        event.data.get("assignee")
        for event in events
        if event.type == EventType.ASSIGNED and event.data
    }
    names = {
        worker.pk: worker.display_name
        for worker in Worker.objects.filter(pk__in=_ids(assignee_ids))
    }
    return [
        HistoryLine(
            at=event.at,
            who=event.actor.display_name if event.actor else SYSTEM_NAME,
            what=describe(event, names, for_lead),
        )
        for event in events
    ]


def _ids(values: Iterable[object]) -> list[int]:
    return [value for value in values if isinstance(value, int)]
