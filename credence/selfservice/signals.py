"""Link every new ticket to its sessions; ask about every resolution.

A signal rather than a call in each place a ticket is opened: the portal,
the assistant's handoff, mail and chat intake, tickets an agent logs on a
worker's behalf and imported history all create a `Ticket`, and none of them
may be missed. It runs inside the creating transaction, so a ticket that is
rolled back leaves no link behind. The satisfaction question is recorded
the same way, with the resolution's event.
"""

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from credence.selfservice.satisfaction import ask_on_resolution
from credence.selfservice.sessions import link_ticket
from credence.tickets.models import EventType, Ticket, TicketEvent


@receiver(post_save, sender=Ticket, dispatch_uid="selfservice_link_ticket")
def _link_new_ticket(
    sender: type[Ticket],
    instance: Ticket,
    created: bool,
    raw: bool = False,
    **kwargs: Any,
) -> None:
    if created and not raw:
        link_ticket(instance)


@receiver(post_save, sender=TicketEvent, dispatch_uid="selfservice_ask_satisfaction")
def _ask_on_resolution(
    sender: type[TicketEvent],
    instance: TicketEvent,
    created: bool,
    raw: bool = False,
    **kwargs: Any,
) -> None:
    if created and not raw and instance.type == EventType.RESOLVED:
        ask_on_resolution(instance)
