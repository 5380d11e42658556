from typing import Any

from django import template
from django.db.models import Prefetch

from credence.assistant.models import Conversation, Turn
from credence.tickets.models import Ticket
from credence.workers.roles import is_agent

register = template.Library()


@register.inclusion_tag("assistant/_ticket_conversation.html", takes_context=True)
def ticket_conversation(context: dict[str, Any], ticket: Ticket) -> dict[str, Any]:
    """The transcript of the conversation that led to the ticket, folded,
    for the IT team on the desk's ticket page."""
    viewer = context["request"].user
    if not is_agent(viewer):
        return {"conversations": []}
    found = (
        Conversation.objects.filter(ticket=ticket)
        .select_related("worker")
        .prefetch_related(
            Prefetch("turns", queryset=Turn.objects.order_by("created", "pk"))
        )
        .order_by("started")
    )
    return {"conversations": list(found)}
