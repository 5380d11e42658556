"""The catalog in the portal: the list of requests and the guided form.

A worker picks what they need, answers that request's questions and sends
it; the form may arrive prefilled from the assistant, with the conversation
that led to it, which is attached to the ticket opened.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone

from credence.catalog.forms import (
    RequestTextForm,
    answers_from,
    field_rows,
    items_by_field,
)
from credence.catalog.models import RequestType
from credence.catalog.requests import (
    AFFECTED,
    CAN_WORK,
    DESCRIPTION,
    TITLE,
    AnswerError,
    active_type,
    check_answers,
    own_conversation,
    request_from_portal,
    today_for,
)
from credence.errors import InvalidInput, NotFound
from credence.tickets.expectations import expectation_sentence
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from credence.workers.zones import display_zone

# The largest key a conversation can have (a 64-bit signed integer).
KEY_MAX = 2**63 - 1


def _worker(request: HttpRequest) -> Worker:
    person = request.user
    assert isinstance(person, Worker)
    return person


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    with timezone.override(display_zone(_worker(request))):
        return render(request, template, context, status=status)


@login_required
def catalog_home(request: HttpRequest) -> HttpResponse:
    request_types = RequestType.objects.filter(active=True)
    return _render(request, "catalog/home.html", {"request_types": request_types})


def _conversation_id(value: str | None) -> int | None:
    # A link the assistant made carries a number; anything else is ignored
    # rather than refusing the worker's request, and so is a conversation
    # that is not the worker's (see `request_from_portal`).
    digits = (value or "").strip()
    if not (digits.isascii() and digits.isdigit()):
        return None
    number = int(digits)
    return number if number <= KEY_MAX else None


def _form_page(
    request: HttpRequest,
    request_type: RequestType,
    data: QueryDict,
    text_form: RequestTextForm,
    problems: dict[str, str],
    status: int = 200,
) -> HttpResponse:
    worker = _worker(request)
    fields = list(request_type.fields.all())
    answers = answers_from(data, fields, request_type.asks_impact)
    items = items_by_field(fields, worker)
    for name in (TITLE, DESCRIPTION, AFFECTED, CAN_WORK):
        if name in problems and name in text_form.fields:
            text_form.add_error(name, problems[name])
    rows = field_rows(request_type, fields, answers, problems, items, today_for(worker))
    conversation = _conversation_id(data.get("conversation"))
    context = {
        "request_type": request_type,
        "form": text_form,
        "rows": rows,
        "summary": _summary(text_form, rows),
        "conversation": own_conversation(worker, conversation),
        "has_errors": bool(problems) or bool(text_form.errors),
    }
    return _render(request, "catalog/request.html", context, status=status)


def _summary(
    text_form: RequestTextForm, rows: list[dict[str, Any]]
) -> list[tuple[str, str]]:
    """Each problem with the id of what it is about, in the form's order."""

    def of(names: tuple[str, ...]) -> list[tuple[str, str]]:
        return [
            (text_form[name].auto_id, str(error))
            for name in names
            if name in text_form.fields
            for error in text_form.errors.get(name, [])
        ]

    asked = [(row["id"], row["error"]) for row in rows if row["error"]]
    return of((TITLE, DESCRIPTION)) + asked + of((AFFECTED, CAN_WORK))


def _sent_notice(ticket: Ticket, opened: bool, worker: Worker) -> str:
    if opened:
        said = f"Sent to the IT team as {ticket.reference}."
    else:
        said = f"You already sent this as {ticket.reference}; we kept that one."
    sentence = expectation_sentence(ticket, timezone.now(), display_zone(worker))
    return f"{said} {sentence}".strip()


@login_required
def request_form(request: HttpRequest, slug: str) -> HttpResponse:
    request_type = active_type(slug)
    asks_impact = request_type.asks_impact
    if request.method != "POST":
        prefill = {
            "title": request.GET.get("title", ""),
            "description": request.GET.get("description", ""),
        }
        text_form = RequestTextForm(initial=prefill, asks_impact=asks_impact)
        return _form_page(request, request_type, request.GET, text_form, {})

    worker = _worker(request)
    text_form = RequestTextForm(request.POST, asks_impact=asks_impact)
    fields = list(request_type.fields.all())
    answers = answers_from(request.POST, fields, asks_impact)
    _, problems = check_answers(request_type, answers, worker)
    if not text_form.is_valid() or problems:
        return _form_page(
            request, request_type, request.POST, text_form, problems, status=400
        )
    try:
        ticket, opened = request_from_portal(
            worker,
            request_type,
            answers,
            title=text_form.cleaned_data["title"],
            description=text_form.cleaned_data["description"],
            conversation_id=_conversation_id(request.POST.get("conversation")),
        )
    except AnswerError as error:
        problems = {error.field_name: error.message}
    except (InvalidInput, NotFound) as error:
        text_form.add_error(None, error.message)
    else:
        messages.success(request, _sent_notice(ticket, opened, worker))
        return redirect("portal:ticket", number=ticket.number)
    return _form_page(
        request, request_type, request.POST, text_form, problems, status=400
    )
