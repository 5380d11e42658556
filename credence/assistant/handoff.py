"""Handing a conversation over to the IT team.

The catalog's request form calls `attach_to_ticket` once it has opened the
ticket the assistant's prefilled link led to; the desk then shows the
transcript on the ticket, so the worker need not tell it all again.
"""

from django.db import transaction
from django.utils import timezone

from credence.assistant.models import Conversation, Outcome
from credence.errors import NotFound
from credence.tickets.models import Ticket
from credence.workers.models import Worker


@transaction.atomic
def attach_to_ticket(conversation_id: int, ticket: Ticket, worker: Worker) -> None:
    """Attach the worker's own conversation to the ticket it led to.

    Only the conversation's worker may attach it, and only to a ticket they
    asked for: anyone else is told there is no such conversation. A
    conversation already attached stays with its first ticket.
    """
    conversation = (
        Conversation.objects.select_for_update()
        .filter(pk=conversation_id, worker=worker)
        .first()
    )
    if conversation is None or ticket.requester_id != worker.pk:
        raise NotFound("There is no such conversation, or it is not yours.")
    if conversation.ticket_id is not None:
        # Already with a ticket (this one, or one sent before from the same
        # link): the worker's new request still goes through, and the
        # transcript stays where the IT team first read it.
        return

    conversation.ticket = ticket
    conversation.outcome = Outcome.HANDED_OFF
    conversation.ended = conversation.ended or timezone.now()
    conversation.awaiting = ""
    conversation.save(update_fields=["ticket", "outcome", "ended", "awaiting"])
