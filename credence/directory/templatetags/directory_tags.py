"""The desk's panel about a ticket's requester: what an agent would
otherwise have to ask."""

from datetime import timedelta
from typing import Any

from django import template
from django.utils import timezone

from credence.directory.context import (
    applications_for,
    devices_for,
    recent_changes_for,
)
from credence.tickets.models import OPEN_STATUSES, Ticket
from credence.tickets.visibility import desk_visible_tickets
from credence.workers.models import Worker
from credence.workers.roles import is_agent
from credence.workers.zones import display_zone

register = template.Library()

RECENT_DAYS = 30
# The other open tickets listed; past this many, the panel says there are
# more rather than grow with a requester who has dozens.
OTHER_TICKETS_SHOWN = 10
# A worker in their first weeks is marked as new: they may not know yet
# where things are, and their setup may still be incomplete.
NEW_STARTER_DAYS = 30


@register.inclusion_tag("directory/_requester_context.html", takes_context=True)
def requester_context(context: dict[str, Any], ticket: Ticket) -> dict[str, Any]:
    """The requester's devices, applications, recent changes touching them,
    and their other open tickets the viewer may open on the desk.

    Nothing is shown to anyone but the IT team: the desk page is theirs
    alone, and this keeps it so wherever the tag is used.
    """
    viewer = context["request"].user
    if not is_agent(viewer):
        return {"shown": False}

    requester = Worker.objects.select_related("team", "manager").get(
        pk=ticket.requester_id
    )
    their_time = timezone.localtime(timezone.now(), display_zone(requester))
    others = list(
        desk_visible_tickets(viewer)
        .filter(requester=requester, status__in=OPEN_STATUSES)
        .exclude(pk=ticket.pk)
        .order_by("-opened_at")
        .only("number", "title", "status", "opened_at")[: OTHER_TICKETS_SHOWN + 1]
    )
    return {
        "shown": True,
        "requester": requester,
        "new_starter": _new_starter(requester),
        # Formatted here: a template would show it in the agent's own zone.
        "their_time": f"{their_time:%H:%M}",
        "their_time_iso": their_time.isoformat(timespec="minutes"),
        "zone_name": requester.time_zone,
        "devices": devices_for(requester),
        "applications": applications_for(requester),
        "changes": recent_changes_for(requester, days=RECENT_DAYS),
        "recent_days": RECENT_DAYS,
        "other_tickets": others[:OTHER_TICKETS_SHOWN],
        "more_tickets": len(others) > OTHER_TICKETS_SHOWN,
    }


def _new_starter(worker: Worker) -> bool:
    if worker.start_date is None:
        return False
    today = timezone.localdate(timezone.now(), display_zone(worker))
    return today - timedelta(days=NEW_STARTER_DAYS) < worker.start_date <= today
