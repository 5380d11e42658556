"""Who may see which ticket.

A worker sees their own tickets; an agent sees every ticket that is not
confidential; a lead sees all. A confidential ticket is visible to its
requester and to leads alone. Anything else is "not found".

The desk is stricter than that: it shows a confidential ticket to leads
only, even to an agent who is its requester, since the desk shows internal
notes and history the requester never sees. And some places never show a
confidential ticket to anyone, lead or not: see `shareable_tickets`.
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


def desk_visible_tickets(person: Worker | AnonymousUser) -> QuerySet[Ticket]:
    """Tickets whose desk page (notes, history, actions) a person may open.

    Leads open any; agents every ticket that is not confidential (an agent
    who asked for a confidential one follows it in the portal, like any
    worker); everyone else none.
    """
    if is_lead(person):
        return Ticket.objects.all()
    return desk_tickets(person)


def get_desk_ticket(person: Worker | AnonymousUser, number: int) -> Ticket:
    try:
        return (
            desk_visible_tickets(person)
            .select_related("requester", "assignee")
            .get(number=number)
        )
    except Ticket.DoesNotExist:
        raise NotFound() from None


def confidential_tickets(person: Worker | AnonymousUser) -> QuerySet[Ticket]:
    """The confidential tickets, for the lead's list; nobody else has one."""
    if not is_lead(person):
        return Ticket.objects.none()
    return Ticket.objects.filter(confidential=True)


def shareable_tickets() -> QuerySet[Ticket]:
    """Tickets that may leave their own pages: search, exports, the assistant.

    Any listing that copies tickets out of the product (a CSV export, a
    search index, the assistant's knowledge of past tickets) reads from
    here and never from `Ticket.objects`, whoever asks, a lead included: a
    confidential ticket's title, description and requester stay on its own
    page. Aggregate figures still count confidential tickets, as reports
    must; they never name one.
    """
    return Ticket.objects.filter(confidential=False)
