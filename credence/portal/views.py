"""The worker's pages: ask for help, follow one's own tickets.

Every page here is about the signed-in person as a worker, agents and leads
included: they see the tickets they asked for themselves, never the queue.
Each view parses the form, calls one domain operation and renders; a rule
the operation enforces comes back as a message on the same page.
"""

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.middleware import HtmxDetails

from credence.catalog.models import RequestType
from credence.errors import InvalidInput, InvalidTransition, NotFound
from credence.portal.forms import AskForm, CommentForm, NotFixedForm
from credence.portal.submit import comment_from_portal, open_from_portal
from credence.portal.wording import STATUS_SENTENCE, STATUS_SHORT, conversation
from credence.tickets import services
from credence.tickets.expectations import (
    expectation_sentence,
    outcome_sentence,
    when_past,
)
from credence.tickets.models import OPEN_STATUSES, Status, Ticket
from credence.tickets.visibility import get_visible_ticket, visible_tickets
from credence.workers.models import Worker
from credence.workers.zones import display_zone

HOME_LIST_LENGTH = 5
PAGE_SIZE = 25


class WorkerRequest(HttpRequest):
    """A request past login_required, as django-htmx's middleware leaves it."""

    user: Worker
    htmx: HtmxDetails


def _render(
    request: WorkerRequest,
    template: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    # Times on these pages are the worker's own wall-clock times.
    with timezone.override(display_zone(request.user)):
        return render(request, template, context, status=status)


def _own_tickets(worker: Worker) -> QuerySet[Ticket]:
    return visible_tickets(worker).filter(requester=worker)


def _own_ticket(worker: Worker, number: int) -> Ticket:
    """One of the worker's own tickets, or "not found".

    Agents and leads may see other people's tickets, but on the desk: the
    portal shows a person only what they asked for themselves.
    """
    ticket = get_visible_ticket(worker, number)
    if ticket.requester_id != worker.pk:
        raise NotFound()
    return ticket


def _listed(tickets: Iterable[Ticket]) -> list[dict[str, Any]]:
    return [
        {"ticket": ticket, "status": STATUS_SHORT[Status(ticket.status)]}
        for ticket in tickets
    ]


@login_required
def home(request: WorkerRequest) -> HttpResponse:
    not_closed = (*OPEN_STATUSES, Status.RESOLVED)
    tickets = _own_tickets(request.user).filter(status__in=not_closed)
    return _render(
        request,
        "portal/home.html",
        {
            "request_types": RequestType.objects.filter(active=True),
            "tickets": _listed(tickets.order_by("-opened_at")[:HOME_LIST_LENGTH]),
        },
    )


def _sent_notice(ticket: Ticket, opened: bool, worker: Worker) -> str:
    if opened:
        said = f"Sent to the IT team as {ticket.reference}."
    else:
        said = f"You already sent this as {ticket.reference}; we kept that one."
    sentence = expectation_sentence(ticket, timezone.now(), display_zone(worker))
    return f"{said} {sentence}".strip()


@login_required
def ask(request: WorkerRequest) -> HttpResponse:
    if request.method != "POST":
        return _render(request, "portal/ask.html", {"form": AskForm()})

    form = AskForm(request.POST)
    if form.is_valid():
        try:
            ticket, opened = open_from_portal(form, request.user)
        except InvalidInput as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _sent_notice(ticket, opened, request.user))
            return redirect("portal:ticket", number=ticket.number)
    return _render(request, "portal/ask.html", {"form": form}, status=400)


@login_required
def my_tickets(request: WorkerRequest) -> HttpResponse:
    tickets = _own_tickets(request.user).order_by("-opened_at", "-number")
    page = Paginator(tickets, PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(
        request,
        "portal/my_tickets.html",
        {"page": page, "tickets": _listed(page.object_list)},
    )


def _ticket_page(
    request: WorkerRequest,
    ticket: Ticket,
    *,
    comment_form: CommentForm | None = None,
    not_fixed_form: NotFixedForm | None = None,
    problem: str = "",
    notice: str = "",
    status: int = 200,
) -> HttpResponse:
    now = timezone.now()
    zone = display_zone(request.user)
    context = {
        "ticket": ticket,
        "status_sentence": STATUS_SENTENCE[Status(ticket.status)],
        "waiting": ticket.status == Status.WAITING,
        "opened": when_past(ticket.opened_at, now, zone),
        "expectation": expectation_sentence(ticket, now, zone),
        "outcome": outcome_sentence(ticket, now, zone),
        "conversation": conversation(ticket, request.user, now, zone),
        "can_comment": ticket.status in OPEN_STATUSES,
        "can_confirm": ticket.status == Status.RESOLVED,
        "comment_form": comment_form or CommentForm(),
        "not_fixed_form": not_fixed_form or NotFixedForm(),
        "problem": problem,
        "notice": notice,
    }
    if request.htmx:
        # htmx swaps only successful answers, so a refused action comes
        # back as 200 with its message inside the fragment.
        return _render(request, "portal/_ticket.html", context)
    return _render(request, "portal/ticket.html", context, status=status)


def _done(request: WorkerRequest, ticket: Ticket, notice: str) -> HttpResponse:
    if request.htmx:
        return _ticket_page(request, ticket, notice=notice)
    messages.success(request, notice)
    return redirect("portal:ticket", number=ticket.number)


ActionView = Callable[[WorkerRequest, int], HttpResponse]


def _visit_shows_ticket(view: ActionView) -> ActionView:
    """Send a visit to an action's address on to the ticket's own page.

    A worker whose sign-in ended while they sent a form comes back from the
    sign-in page to the action's address; the form is on the ticket's page,
    so that is where they go, rather than to "method not allowed".
    """

    @wraps(view)
    def visited_or_posted(request: WorkerRequest, number: int) -> HttpResponse:
        if request.method in ("GET", "HEAD"):
            ticket = _own_ticket(request.user, number)
            return redirect("portal:ticket", number=ticket.number)
        return view(request, number)

    return visited_or_posted


@login_required
def ticket_detail(request: WorkerRequest, number: int) -> HttpResponse:
    return _ticket_page(request, _own_ticket(request.user, number))


@login_required
@_visit_shows_ticket
@require_POST
def comment(request: WorkerRequest, number: int) -> HttpResponse:
    ticket = _own_ticket(request.user, number)
    form = CommentForm(request.POST)
    form.is_valid()
    try:
        # A copy of the comment just sent is answered as if sent again.
        ticket, _ = comment_from_portal(ticket, request.user, form.cleaned_data["body"])
    except InvalidInput as error:
        form.add_error("body", error.message)
        return _ticket_page(request, ticket, comment_form=form, status=400)
    except InvalidTransition as error:
        return _ticket_page(
            request, ticket, comment_form=form, problem=error.message, status=409
        )
    return _done(request, ticket, "Your comment was sent to the IT team.")


@login_required
@_visit_shows_ticket
@require_POST
def confirm_fixed(request: WorkerRequest, number: int) -> HttpResponse:
    ticket = _own_ticket(request.user, number)
    try:
        ticket = services.close(ticket, request.user)
    except InvalidTransition as error:
        return _ticket_page(request, ticket, problem=error.message, status=409)
    return _done(
        request, ticket, f"Thank you for confirming. {ticket.reference} is closed."
    )


@login_required
@_visit_shows_ticket
@require_POST
def not_fixed(request: WorkerRequest, number: int) -> HttpResponse:
    ticket = _own_ticket(request.user, number)
    form = NotFixedForm(request.POST)
    form.is_valid()
    try:
        ticket = services.reopen(ticket, request.user, form.cleaned_data["reason"])
    except InvalidInput as error:
        form.add_error("reason", error.message)
        return _ticket_page(request, ticket, not_fixed_form=form, status=400)
    except InvalidTransition as error:
        return _ticket_page(
            request, ticket, not_fixed_form=form, problem=error.message, status=409
        )
    return _done(
        request,
        ticket,
        f"{ticket.reference} is open again; the IT team will look at it.",
    )
