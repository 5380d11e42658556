"""Who may see which ticket.

A worker sees their own tickets; an agent sees every ticket that is not
confidential; a lead sees all. A confidential ticket is visible to its
requester and to leads alone. Anything else is "not found".
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from credence.errors import NotFound
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from credence.workers.roles import is_agent, is_lead


def visible_tickets(person: Worker | AnonymousUser) -> QuerySet[Ticket]:
    tickets = Ticket.objects.all()
    if not person.is_authenticated:
        return tickets.none()
    if is_lead(person):
        return tickets
    if is_agent(person):
        return tickets.filter(Q(confidential=False) | Q(requester=person))
    return tickets.filter(requester=person)


def get_visible_ticket(person: Worker | AnonymousUser, number: int) -> Ticket:
    try:
        return (
            visible_tickets(person)
            .select_related("requester", "assignee")
            .get(number=number)
        )
    except Ticket.DoesNotExist:
        raise NotFound() from None


def desk_tickets(person: Worker | AnonymousUser) -> QuerySet[Ticket]:
    """Tickets an agent works in the queue: confidential ones stay out."""
    if not is_agent(person):
        return Ticket.objects.none()
    return Ticket.objects.filter(confidential=False)
