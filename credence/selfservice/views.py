"""The worker's self-service pages: the welcome page, the first request,
and the answer to "how satisfied are you?" on a resolved ticket.

Each view parses the form, calls one operation of welcome.py or
satisfaction.py and renders; a rule the operation enforces comes back as a
message on the same page.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails

from credence.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from credence.selfservice import satisfaction, welcome
from credence.selfservice.forms import FirstRequestForm, SatisfactionForm
from credence.selfservice.templatetags.selfservice_tags import question_context
from credence.tickets.models import Ticket
from credence.tickets.visibility import get_visible_ticket
from credence.workers.models import Worker
from credence.workers.zones import display_zone


class WorkerRequest(HttpRequest):
    user: Worker
    htmx: HtmxDetails


def _render(
    request: WorkerRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    with timezone.override(display_zone(request.user)):
        return render(request, template, context, status=status)


def _welcome_context(worker: Worker) -> dict[str, Any]:
    now = timezone.now()
    return {
        "in_first_week": welcome.in_first_week(worker, now),
        "starts_today": welcome.starts_today(worker, now),
        "first_request": welcome.first_request_of(worker),
    }


@login_required
def welcome_page(request: WorkerRequest) -> HttpResponse:
    context = {**_welcome_context(request.user), "form": FirstRequestForm()}
    return _render(request, "selfservice/welcome.html", context)


@login_required
@require_POST
def first_request(request: WorkerRequest) -> HttpResponse:
    form = FirstRequestForm(request.POST)
    problem = ""
    if form.is_valid():
        try:
            ticket, opened = welcome.send_first_request(
                request.user, form.cleaned_data["need"]
            )
        except (InvalidInput, InvalidTransition, NotFound) as error:
            problem = error.message
        else:
            if opened:
                said = (
                    f"Your first request was sent to the IT team as {ticket.reference}."
                )
            else:
                said = f"You already sent your first request as {ticket.reference}."
            messages.success(request, said)
            return redirect("portal:ticket", number=ticket.number)
    context = {**_welcome_context(request.user), "form": form, "problem": problem}
    return _render(request, "selfservice/welcome.html", context, status=400)


def _own_ticket(worker: Worker, number: int) -> Ticket:
    ticket = get_visible_ticket(worker, number)
    if ticket.requester_id != worker.pk:
        raise NotFound()
    return ticket


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer_satisfaction(request: WorkerRequest, number: int) -> HttpResponse:
    """The question on a page of its own (for a closed ticket, whose page
    carries only a link to it), and where every answer is sent."""
    ticket = _own_ticket(request.user, number)
    if request.method != "POST":
        context = question_context(request.user, ticket, standalone=True)
        return _render(request, "selfservice/satisfaction.html", context)
    form = SatisfactionForm(request.POST)
    problem = ""
    if form.is_valid():
        try:
            satisfaction.answer(
                ticket,
                request.user,
                form.cleaned_data["score"],
                form.cleaned_data["comment"],
            )
        except InvalidInput as error:
            form.add_error("score", error.message)
        except (InvalidTransition, NotAllowed) as error:
            problem = error.message
        else:
            notice = "Thank you for your answer."
            if request.htmx:
                context = question_context(request.user, ticket, notice=notice)
                return _render(request, "selfservice/_satisfaction.html", context)
            messages.success(request, notice)
            return redirect("portal:ticket", number=ticket.number)

    context = question_context(
        request.user, ticket, form=form, problem=problem, standalone=True
    )
    if request.htmx:
        # htmx swaps only successful answers: the refusal comes back as 200
        # with its message inside the fragment, as on the ticket page.
        return _render(request, "selfservice/_satisfaction.html", context)
    status = 400 if not problem else 409
    return _render(request, "selfservice/satisfaction.html", context, status=status)
