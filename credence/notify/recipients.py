"""Who hears of a ticket's clock: its assignee, else the desk.

A confidential ticket is seen by its requester and the leads alone, so its
notices go to leads only: to its assignee when that is a lead, else to
every lead.
"""

from django.db.models import Q, QuerySet

from credence.tickets.models import Ticket
from credence.workers.models import Worker
from credence.workers.roles import LEAD_DESK, WORK_TICKETS, is_lead


def holders_of(permission: str) -> QuerySet[Worker]:
    """Active workers with an e-mail address holding `permission`.

    The same holders as `Worker.has_perm`: through a group, directly, or as
    a superuser.
    """
    app_label, codename = permission.split(".")
    granted = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    return (
        Worker.objects.filter(granted | Q(is_superuser=True), is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("email")
    )


def recipients_for(ticket: Ticket) -> tuple[list[str], str]:
    """The addresses to notify, and why they, in words for the mail."""
    assignee = ticket.assignee
    reachable = assignee is not None and assignee.is_active and assignee.email
    if ticket.confidential:
        if reachable and assignee is not None and is_lead(assignee):
            return [assignee.email], "the ticket is assigned to you"
        return (
            list(holders_of(LEAD_DESK).values_list("email", flat=True)),
            "the ticket is confidential and you lead the desk",
        )
    if reachable and assignee is not None:
        return [assignee.email], "the ticket is assigned to you"
    return (
        list(holders_of(WORK_TICKETS).values_list("email", flat=True)),
        "the ticket has no assignee and you work the desk",
    )
