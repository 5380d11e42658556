"""The desk's self-service page: /desk/self-service/?month=2026-11.

The period's figures as the metrics page shows them, the searches that
still ended in tickets, and the latest satisfaction answers. Agents and
leads only; a confidential ticket's answer shows its reference alone to
anyone but a lead.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from credence.metrics.views import Refused, read_choice
from credence.selfservice.figures import period_figures
from credence.selfservice.overview import latest_answers, searches_before_tickets
from credence.selfservice.satisfaction import SCORE_WORDS
from credence.workers.roles import is_agent, is_lead


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    if not is_agent(request.user):
        raise Http404
    typed = {
        "month": request.GET.get("month", "").strip(),
        "week": request.GET.get("week", "").strip(),
        "as_of": "",
    }
    try:
        choice = read_choice(typed, timezone.now())
    except Refused as refusal:
        return render(
            request,
            "selfservice/desk_overview.html",
            {"error": refusal.message, "typed": typed},
            status=refusal.status,
        )
    chosen, as_of = choice.period, choice.as_of
    answers = latest_answers(chosen.start, chosen.end, as_of)
    return render(
        request,
        "selfservice/desk_overview.html",
        {
            "chosen": chosen,
            "typed": typed,
            "as_of": as_of,
            "previous": chosen.previous(),
            "following": chosen.following(),
            "self_service": period_figures(chosen.start, chosen.end, as_of),
            "searches": searches_before_tickets(chosen.start, chosen.end, as_of),
            "answers": [
                (answer, SCORE_WORDS.get(answer.score or 0, "")) for answer in answers
            ],
            "sees_confidential": is_lead(request.user),
        },
    )
