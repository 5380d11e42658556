"""The desk's metrics page: one week or month, as the report prints it."""

from collections.abc import Mapping
from datetime import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from credence.errors import InvalidInput
from credence.metrics import periods
from credence.metrics.measure import PRIORITIES, period_metrics
from credence.tickets.models import Channel, Kind
from credence.workers.roles import is_agent


@login_required
def period(request: HttpRequest) -> HttpResponse:
    """Agents and leads only; to anyone else the page does not exist."""
    if not is_agent(request.user):
        raise Http404
    now = timezone.now()
    chosen = chosen_period(request.GET, now)
    as_of = periods.default_as_of(chosen, now)
    metrics = period_metrics(chosen.start, chosen.end, as_of)

    rows = [("Overall", metrics["overall"])] + [
        (priority.capitalize(), metrics["by_priority"][priority])
        for priority in PRIORITIES
    ]
    return render(
        request,
        "metrics/period.html",
        {
            "chosen": chosen,
            "previous": chosen.previous(),
            "following": chosen.following(),
            "as_of": as_of,
            "start": chosen.start,
            "end": chosen.end,
            "rows": rows,
            "clocks": [
                ("Response", [(name, shown["response"]) for name, shown in rows]),
                ("Resolution", [(name, shown["resolution"]) for name, shown in rows]),
            ],
            "channels": _labelled(metrics["by_channel"], dict(Channel.choices)),
            "kinds": _labelled(metrics["by_kind"], dict(Kind.choices)),
            "time_zone": settings.TIME_ZONE,
        },
    )


def chosen_period(query: Mapping[str, str], now: datetime) -> periods.Period:
    """?week=2026-W49 or ?month=2026-11; without either, this month."""
    week, month = query.get("week", ""), query.get("month", "")
    if week and month:
        raise InvalidInput("Choose a week or a month, not both.")
    if week:
        return periods.parse_week(week)
    if month:
        return periods.parse_month(month)
    return periods.current_month(now)


def _labelled(
    counts: Mapping[str, int], labels: Mapping[str, str]
) -> list[tuple[str, int]]:
    return [(labels.get(value, value), count) for value, count in counts.items()]
