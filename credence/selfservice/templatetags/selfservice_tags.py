"""Self-service on other apps' pages.

`ticket_satisfaction` shows the desk what the requester answered for each
resolution; `satisfaction_question` asks the requester on the portal's
ticket page; `welcome_banner` points a worker in their first week to the
welcome page.
"""

from typing import Any

from django import template
from django.utils import timezone

from credence.selfservice import satisfaction, welcome
from credence.selfservice.forms import SatisfactionForm
from credence.selfservice.models import Satisfaction
from credence.tickets.models import Status, Ticket
from credence.workers.models import Worker

register = template.Library()


@register.inclusion_tag("selfservice/_desk_satisfaction.html")
def ticket_satisfaction(ticket: Ticket) -> dict[str, Any]:
    """Each resolution's question and answer, newest first."""
    asked = list(Satisfaction.objects.filter(ticket=ticket).order_by("-resolved_at"))
    return {
        "asked": [
            (question, satisfaction.SCORE_WORDS.get(question.score or 0, ""))
            for question in asked
        ]
    }


def question_context(
    worker: Worker,
    ticket: Ticket,
    *,
    form: SatisfactionForm | None = None,
    notice: str = "",
    problem: str = "",
    standalone: bool = False,
) -> dict[str, Any]:
    """What the question block shows to this viewer on this ticket.

    On the ticket's own page a closed ticket carries no forms, so there the
    question of a closed ticket not yet answered is a link to the question's
    own page (`standalone`).
    """
    shown = ticket.requester_id == worker.pk and ticket.status in (
        satisfaction.ANSWERABLE
    )
    question = satisfaction.current_question(ticket) if shown else None
    answered = question is not None and question.score is not None
    if form is None:
        initial = (
            {"score": str(question.score), "comment": question.comment}
            if question is not None and answered
            else {}
        )
        form = SatisfactionForm(initial=initial)
    return {
        "ticket": ticket,
        "shown": shown,
        "question": question,
        "answered": answered,
        "words": satisfaction.SCORE_WORDS.get(question.score or 0, "")
        if question is not None
        else "",
        "can_change": shown and satisfaction.can_change(ticket, question),
        "form": form,
        "as_link": not standalone and ticket.status != Status.RESOLVED,
        "notice": notice,
        "problem": problem,
    }


@register.inclusion_tag("selfservice/_satisfaction.html", takes_context=True)
def satisfaction_question(context: template.Context, ticket: Ticket) -> dict[str, Any]:
    return question_context(context["request"].user, ticket)


@register.inclusion_tag("selfservice/_welcome_banner.html", takes_context=True)
def welcome_banner(context: template.Context) -> dict[str, Any]:
    person = context["request"].user
    shown = person.is_authenticated and welcome.in_first_week(person, timezone.now())
    return {"shown": shown, "person": person}
