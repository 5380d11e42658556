"""Roles: agent and lead, carried by Django groups and permissions.

A lead holds every agent permission plus the lead's own, so checks ask for
the narrowest permission an action needs rather than for a group name.
"""

from django.contrib.auth.models import AnonymousUser, Group, Permission

from credence.workers.models import Worker

AGENTS = "Agents"
LEADS = "Leads"

# Permission codenames on the tickets app's Ticket model.
WORK_TICKETS = "tickets.work_tickets"
LEAD_DESK = "tickets.lead_desk"


def is_agent(person: Worker | AnonymousUser) -> bool:
    return bool(person.is_authenticated and person.has_perm(WORK_TICKETS))


def is_lead(person: Worker | AnonymousUser) -> bool:
    return bool(person.is_authenticated and person.has_perm(LEAD_DESK))


def ensure_role_groups() -> tuple[Group, Group]:
    """Create the Agents and Leads groups with their permissions."""
    work = Permission.objects.get(
        content_type__app_label="tickets", codename="work_tickets"
    )
    lead = Permission.objects.get(
        content_type__app_label="tickets", codename="lead_desk"
    )
    # Leads edit calendars and objectives in the admin; they may not add or
    # remove a priority's objective, only change it.
    settings_perms = Permission.objects.filter(
        content_type__app_label="slo",
        content_type__model__in=["calendar", "businesswindow", "closedday"],
    ) | Permission.objects.filter(
        content_type__app_label="slo",
        codename__in=["change_objective", "view_objective"],
    )
    agents, _ = Group.objects.get_or_create(name=AGENTS)
    agents.permissions.add(work)
    leads, _ = Group.objects.get_or_create(name=LEADS)
    leads.permissions.add(work, lead, *settings_perms)
    return agents, leads


def make_agent(worker: Worker) -> None:
    agents, _ = ensure_role_groups()
    worker.groups.add(agents)


def make_lead(worker: Worker) -> None:
    """A lead reaches the admin pages for calendars and objectives."""
    _, leads = ensure_role_groups()
    worker.groups.add(leads)
    if not worker.is_staff:
        worker.is_staff = True
        worker.save(update_fields=["is_staff"])
