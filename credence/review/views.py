"""The weekly review page: /desk/review/?week=2026-W49."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe

from credence.errors import InvalidInput
from credence.metrics import periods
from credence.metrics.measure import CLOCKS, PRIORITIES, Clock, Figures
from credence.review import charts
from credence.review.week import WeekReview, weekly_review
from credence.tickets.models import Channel, Kind
from credence.workers.roles import is_agent, is_lead


@login_required
def week(request: HttpRequest) -> HttpResponse:
    """Agents and leads only; to anyone else the page does not exist."""
    if not is_agent(request.user):
        raise Http404
    now = timezone.now()
    typed = request.GET.get("week", "").strip()
    try:
        if typed:
            chosen = periods.parse_week(typed)
        else:
            chosen = periods.week_of(now.astimezone(periods.local_zone()).date())
    except InvalidInput as error:
        return render(
            request,
            "review/week.html",
            {"error": error.message, "typed": typed},
            status=error.status,
        )

    review = weekly_review(chosen, periods.default_as_of(chosen, now))
    return render(request, "review/week.html", _context(review, request))


def _context(review: WeekReview, request: HttpRequest) -> dict[str, object]:
    metrics = review.metrics
    rows = [("Overall", metrics["overall"])] + [
        (priority.capitalize(), metrics["by_priority"][priority])
        for priority in PRIORITIES
    ]
    channel_names = dict(Channel.choices)
    return {
        "review": review,
        "chosen": review.period,
        "typed": review.period.key,
        "previous": review.period.previous(),
        "following": review.period.following(),
        "rows": rows,
        "clocks": [
            (clock.capitalize(), [(name, _clock(shown, clock)) for name, shown in rows])
            for clock in CLOCKS
        ],
        "channels": [
            (channel_names.get(value, value), n)
            for value, n in metrics["by_channel"].items()
        ],
        "kinds": [
            (dict(Kind.choices).get(value, value), n)
            for value, n in metrics["by_kind"].items()
        ],
        # The charts escape every text they draw from the figures.
        "compliance_charts": [mark_safe(chart) for chart in compliance_charts(review)],
        "trend_chart": mark_safe(trend_chart(review)),
        "trend_weeks": [week.period for week in review.trend],
        "trend_rows": [
            (label, [week.counts.get(value, 0) for week in review.trend])
            for value, label in Channel.choices
        ],
        "sees_confidential": is_lead(request.user),
        "time_zone": settings.TIME_ZONE,
    }


def _clock(figures: Figures, clock: str) -> Clock:
    return figures["response"] if clock == "response" else figures["resolution"]


def compliance_charts(review: WeekReview) -> list[str]:
    """One chart per clock: each priority's compliance against its target."""
    by_priority = review.metrics["by_priority"]
    return [
        charts.compliance_chart(
            f"{clock.capitalize()} compliance against target by priority, "
            f"{review.period.label}",
            [
                charts.ComplianceBar(
                    label=priority.capitalize(),
                    compliance=_clock(by_priority[priority], clock)["compliance"],
                    target=_clock(by_priority[priority], clock)["target"],
                )
                for priority in PRIORITIES
            ],
        )
        for clock in CLOCKS
    ]


def trend_chart(review: WeekReview) -> str:
    return charts.small_multiples(
        f"Tickets opened by channel, the {len(review.trend)} weeks to "
        f"{review.period.key}",
        [f"Week {week.period.key}" for week in review.trend],
        [
            charts.Series(label, [week.counts.get(value, 0) for week in review.trend])
            for value, label in Channel.choices
        ],
    )
