"""Handing a conversation over to the IT team.

The contract the catalog's request form calls; the assistant app replaces
the body.
"""

from credence.tickets.models import Ticket
from credence.workers.models import Worker


def attach_to_ticket(conversation_id: int, ticket: Ticket, worker: Worker) -> None:
    """Attach the worker's own conversation to the ticket it led to."""
    raise NotImplementedError
