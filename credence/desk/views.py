"""The desk's pages: the queue, a ticket, logging a request for a worker,
and the leads' list of confidential tickets.

Each view reads its input, calls one operation in `credence.tickets.services`
and renders or redirects. Everything here is for agents and leads; to anyone
else every desk address is "not found", as if the desk did not exist. The
same goes for the confidential list and tickets, to anyone but a lead.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from credence.desk import forms as desk_forms
from credence.desk.actions import (
    OPERATIONS,
    TICKET_FORMS,
    Operation,
    offered_actions,
)
from credence.desk.clocks import clock_panels
from credence.desk.history import ticket_events, ticket_history
from credence.desk.on_behalf import log_for_worker
from credence.desk.queue import (
    PAGE_SIZE,
    QueueFilters,
    candidates_opened_before,
    filter_counts,
    filtered,
    in_queue_order,
    open_queue,
    queue_row,
)
from credence.errors import InvalidInput, InvalidTransition
from credence.tickets.models import Ticket
from credence.tickets.visibility import confidential_tickets, get_desk_ticket
from credence.workers.models import Worker
from credence.workers.roles import is_agent, is_lead
from credence.workers.zones import display_zone

View = Callable[..., HttpResponse]

# How often an open queue asks for its rows again, in seconds. Agents see a
# new ticket, and a clock's words change, within this long.
POLL_SECONDS = 15
# A page may ask for another interval through ?every=, within these bounds
# (a test asks for a short one); anything else gets the default, so that a
# shared address cannot make a browser hammer the server.
POLL_BOUNDS = (2, 60)


def agent_required(view: View) -> View:
    """Sign-in first; then anyone not on the IT team is told "not found"."""

    @login_required
    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_agent(request.user):
            raise Http404("The desk is for the IT team.")
        return view(request, *args, **kwargs)

    return checked


def lead_required(view: View) -> View:
    """Sign-in first; then anyone but a lead is told "not found"."""

    @login_required
    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_lead(request.user):
            raise Http404("This part of the desk is for leads.")
        return view(request, *args, **kwargs)

    return checked


def _person(request: HttpRequest) -> Worker:
    person = request.user
    assert isinstance(person, Worker)
    return person


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """Render with instants in the agent's own zone, or the installation's."""
    with timezone.override(display_zone(request.user)):
        return render(request, template, context, status=status)


def _queue_filters(request: HttpRequest) -> tuple[forms.Form, QueueFilters]:
    form = desk_forms.QueueFilterForm(request.GET)
    # A bad value in one filter (an unknown priority) drops that filter
    # alone; the others still apply.
    form.is_valid()
    data = form.cleaned_data
    filters = QueueFilters(
        mine=bool(data.get("mine")),
        unassigned=bool(data.get("unassigned")),
        priority=data.get("priority") or "",
        breached=bool(data.get("breached")),
        waiting=bool(data.get("waiting")),
        candidates=bool(data.get("candidates")),
    )
    return form, filters


def poll_seconds(asked: str | None) -> int:
    """The interval the queue refreshes at: `asked` if sane, else the default."""
    try:
        seconds = int(asked or "")
    except ValueError:
        return POLL_SECONDS
    low, high = POLL_BOUNDS
    return seconds if low <= seconds <= high else POLL_SECONDS


@agent_required
def queue(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    now = timezone.now()
    zone = display_zone(person)
    form, filters = _queue_filters(request)

    tickets = open_queue(person)
    cutoff = candidates_opened_before(now)
    counts = filter_counts(tickets, person, now, cutoff)
    shown = in_queue_order(filtered(tickets, filters, person, now, cutoff))
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [queue_row(ticket, now, zone, cutoff) for ticket in page]

    # A filter applied through htmx, and the refresh every few seconds,
    # swap only the results; caches must not hand that fragment out for the
    # whole page at the same address.
    partial = request.headers.get("HX-Request") == "true"
    template = "desk/_queue_results.html" if partial else "desk/queue.html"
    context = {
        "form": form,
        "counts": counts,
        "page": page,
        "rows": rows,
        "partial": partial,
        # The refresh asks for this very address, so it keeps the filters
        # and the page the agent is on.
        "poll_url": request.get_full_path(),
        "poll_seconds": poll_seconds(request.GET.get("every")),
    }
    response = _render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _ticket_form(
    name: str, ticket: Ticket, data: Any = None, initial: dict[str, Any] | None = None
) -> forms.Form:
    """One of the page's forms; ids carry its name, as several share fields."""
    form_class = TICKET_FORMS[name]
    options: dict[str, Any] = {"auto_id": f"{name}_%s", "initial": initial}
    if form_class is desk_forms.AssignForm:
        return desk_forms.AssignForm(data, ticket=ticket, **options)
    return form_class(data, **options)


def _ticket_forms(
    ticket: Ticket, failed: str | None, failed_form: forms.Form | None
) -> dict[str, forms.Form]:
    initial: dict[str, dict[str, Any]] = {
        "assign": {"assignee": ticket.assignee_id},
        "priority": {"priority": ticket.priority},
    }
    made = {
        name: _ticket_form(name, ticket, initial=initial.get(name))
        for name in TICKET_FORMS
    }
    # The form that failed keeps what was typed, and its messages.
    if failed is not None and failed_form is not None:
        made[failed] = failed_form
    return made


def _shown_actions(
    ticket: Ticket, lead: bool, failed: str | None, failed_form: forms.Form | None
) -> frozenset[str]:
    shown = offered_actions(ticket, lead=lead)
    # A refused form that carries typed text stays on the page even when
    # it no longer applies (the ticket was resolved from another tab), so
    # that what the agent wrote is not lost.
    if failed is not None and failed_form is not None and failed_form.fields:
        shown |= {failed}
    return shown


def _errors_of(form: forms.Form | None) -> list[str]:
    if form is None:
        return []
    return [str(error) for errors in form.errors.values() for error in errors]


def _ticket_page(
    request: HttpRequest,
    ticket: Ticket,
    failed: str | None = None,
    failed_form: forms.Form | None = None,
    status: int = 200,
) -> HttpResponse:
    now = timezone.now()
    zone = display_zone(request.user)
    events = ticket_events(ticket)
    context = {
        "ticket": ticket,
        "shown": _shown_actions(ticket, is_lead(request.user), failed, failed_form),
        "comments": ticket.comments.select_related("author"),
        "history": ticket_history(events, for_lead=is_lead(request.user)),
        "clocks": clock_panels(ticket, events, now, zone),
        "forms": _ticket_forms(ticket, failed, failed_form),
        "failed": failed,
        "failed_errors": _errors_of(failed_form),
        "zone": zone,
    }
    return _render(request, "desk/ticket.html", context, status=status)


@agent_required
def ticket_page(request: HttpRequest, number: int) -> HttpResponse:
    return _ticket_page(request, get_desk_ticket(request.user, number))


def _act(
    request: HttpRequest, number: int, name: str, operation: Operation
) -> HttpResponse:
    """Run one operation from a ticket page's form and say how it went.

    Success redirects back to the ticket with a message. A rule the
    operation refuses re-renders the page with its message beside the form
    and what was typed still in it.
    """
    person = _person(request)
    ticket = get_desk_ticket(person, number)
    form = _ticket_form(name, ticket, data=request.POST)

    status = 400
    if form.is_valid():
        try:
            done = operation(ticket, person, form.cleaned_data)
        except (InvalidInput, InvalidTransition) as error:
            form.add_error(None, error.message)
            status = error.status
        else:
            messages.success(request, done)
            return redirect("desk:ticket", number=ticket.number)
    return _ticket_page(request, ticket, name, form, status=status)


def _action_view(name: str) -> View:
    operation = OPERATIONS[name]

    @agent_required
    @require_POST
    def view(request: HttpRequest, number: int) -> HttpResponse:
        return _act(request, number, name, operation)

    view.__name__ = view.__qualname__ = f"{name}_view"
    return view


acknowledge_view = _action_view("acknowledge")
reply_view = _action_view("reply")
note_view = _action_view("note")
assign_view = _action_view("assign")
priority_view = _action_view("priority")
wait_view = _action_view("wait")
resume_view = _action_view("resume")
resolve_view = _action_view("resolve")
reopen_view = _action_view("reopen")
close_view = _action_view("close")
confidential_view = _action_view("confidential")
formalise_view = _action_view("formalise")
move_to_project_view = _action_view("move_to_project")


def _logged_notice(ticket: Ticket, opened: bool) -> str:
    name = ticket.requester.display_name
    if opened:
        return f"{ticket.reference} logged for {name}."
    return (
        f"You already logged this as {ticket.reference} for {name}; we kept that one."
    )


@agent_required
def log_on_behalf(request: HttpRequest) -> HttpResponse:
    """Open a ticket for a worker who asked by email, chat, phone or in person."""
    lead = is_lead(request.user)
    if request.method != "POST":
        form = desk_forms.LogForm(lead=lead)
        return _render(request, "desk/log.html", {"form": form})

    form = desk_forms.LogForm(request.POST, lead=lead)

    status = 400
    if form.is_valid():
        try:
            ticket, opened = log_for_worker(form.cleaned_data, _person(request))
        except (InvalidInput, InvalidTransition) as error:
            form.add_error(None, error.message)
            status = error.status
        else:
            messages.success(request, _logged_notice(ticket, opened))
            return redirect("desk:ticket", number=ticket.number)
    return _render(request, "desk/log.html", {"form": form}, status=status)


@lead_required
def confidential_list(request: HttpRequest) -> HttpResponse:
    """Every confidential ticket, newest first: the queue leaves them out."""
    tickets = (
        confidential_tickets(request.user)
        .select_related("requester", "assignee")
        .defer("description")
        .order_by("-opened_at", "-number")
    )
    page = Paginator(tickets, PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(request, "desk/confidential.html", {"page": page})
