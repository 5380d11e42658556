"""The assistant panel in the portal, and the leads' list of knowledge gaps.

The panel works as plain form posts; with htmx a message appends the two
new turns to the conversation without reloading the page.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from credence.assistant import conversations, gaps
from credence.assistant.forms import MessageForm
from credence.errors import InvalidInput, InvalidTransition
from credence.workers.models import Worker
from credence.workers.roles import is_agent, is_lead
from credence.workers.zones import display_zone


def _person(request: HttpRequest) -> Worker:
    person = request.user
    assert isinstance(person, Worker)
    return person


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    with timezone.override(display_zone(request.user)):
        return render(request, template, context, status=status)


def _panel(
    request: HttpRequest, form: MessageForm | None = None, status: int = 200
) -> HttpResponse:
    conversation = conversations.current(_person(request))
    turns = list(conversation.turns.all()) if conversation else []
    context = {
        "conversation": conversation,
        "turns": turns,
        "form": form or MessageForm(),
    }
    return _render(request, "assistant/home.html", context, status=status)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return _panel(request)


@login_required
@require_POST
def say(request: HttpRequest) -> HttpResponse:
    form = MessageForm(request.POST)
    htmx = bool(getattr(request, "htmx", False))
    if not form.is_valid():
        if htmx:
            # htmx swaps only successful answers: the form, with its
            # message, comes back as 200 and replaces itself.
            response = _render(request, "assistant/_form.html", {"form": form})
            response["HX-Retarget"] = "#assistant-form"
            response["HX-Reswap"] = "outerHTML"
            return response
        return _panel(request, form, status=400)

    asked, said, _ = conversations.take_turn(
        _person(request), form.cleaned_data["text"]
    )
    if htmx:
        conversation = asked.conversation
        return _render(
            request,
            "assistant/_exchange.html",
            {"turns": [asked, said], "conversation": conversation},
        )
    return redirect(f"{reverse('assistant:home')}#turn-{said.pk}")


@login_required
@require_POST
def person(request: HttpRequest) -> HttpResponse:
    """The "Talk to a person" button: on to the request form, filled in."""
    _, _, reply = conversations.take_turn(_person(request), conversations.PERSON_PLEASE)
    assert reply.handoff is not None
    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(reply.handoff.url)
    return redirect(reply.handoff.url)


@login_required
@require_POST
def solved(request: HttpRequest, conversation_id: int) -> HttpResponse:
    try:
        conversations.mark_solved(_person(request), conversation_id)
    except InvalidTransition as error:
        messages.error(request, error.message)
    else:
        messages.success(request, conversations.SOLVED_THANKS)
    return redirect("assistant:home")


@login_required
@require_POST
def start_over(request: HttpRequest) -> HttpResponse:
    conversations.start(_person(request))
    return redirect("assistant:home")


def _gaps_page(
    request: HttpRequest, problem: str = "", status: int = 200
) -> HttpResponse:
    return _render(
        request,
        "assistant/gaps.html",
        {"gaps": gaps.open_gaps(), "problem": problem},
        status=status,
    )


def _lead_only(request: HttpRequest) -> HttpResponse | None:
    """Leads read the gaps; agents are told why not; others see no desk."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if is_lead(request.user):
        return None
    if is_agent(request.user):
        return _render(
            request,
            "assistant/gaps_refused.html",
            {},
            status=403,
        )
    return _render(request, "404.html", {}, status=404)


def gap_list(request: HttpRequest) -> HttpResponse:
    return _lead_only(request) or _gaps_page(request)


@require_POST
def gap_covered(request: HttpRequest) -> HttpResponse:
    refused = _lead_only(request)
    if refused:
        return refused
    question = request.POST.get("question", "")
    try:
        gaps.mark_covered(question, _person(request))
    except InvalidInput as error:
        return _gaps_page(request, error.message, status=400)
    messages.success(request, f"Marked as covered: “{question}”.")
    return redirect("assistant_desk:gaps")
