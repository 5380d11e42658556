"""The desk's metrics page: one week or month, as the report prints it.

The page reads the same choices as `credence report`: a period, and an
as-of instant that, like --as-of, is in the installation's time zone
unless it carries an offset. The installation's zone is the one the
period's bounds are drawn in, so every instant on the page is read and
shown in that one zone, whatever zone the agent works in.
"""

from collections.abc import Mapping
from dataclasses import dataclass
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

FIELDS = ("month", "week", "as_of")


@dataclass(frozen=True)
class Choice:
    period: periods.Period
    as_of: datetime
    # Whether the agent chose the instant, rather than taking the default.
    as_of_chosen: bool


class Refused(InvalidInput):
    """A choice the page cannot show, with the fields to correct."""

    def __init__(self, fields: tuple[str, ...], error: InvalidInput) -> None:
        super().__init__("%(message)s", message=error.message)
        self.fields = fields


@login_required
def period(request: HttpRequest) -> HttpResponse:
    """Agents and leads only; to anyone else the page does not exist."""
    if not is_agent(request.user):
        raise Http404
    typed = {name: request.GET.get(name, "").strip() for name in FIELDS}
    try:
        choice = read_choice(typed, timezone.now())
    except Refused as refusal:
        return _refused(request, typed, refusal)

    chosen = choice.period
    metrics = period_metrics(chosen.start, chosen.end, choice.as_of)
    rows = [("Overall", metrics["overall"])] + [
        (priority.capitalize(), metrics["by_priority"][priority])
        for priority in PRIORITIES
    ]
    return render(
        request,
        "metrics/period.html",
        {
            **_form(
                {
                    chosen.kind: chosen.key,
                    "as_of": _as_input(choice.as_of) if choice.as_of_chosen else "",
                },
                invalid=(),
            ),
            "chosen": chosen,
            "previous": chosen.previous(),
            "following": chosen.following(),
            "as_of": choice.as_of,
            "as_of_chosen": choice.as_of_chosen,
            "as_of_format": "j M Y H:i:s" if choice.as_of.second else "j M Y H:i",
            "start": chosen.start,
            "end": chosen.end,
            "rows": rows,
            "clocks": [
                ("Response", [(name, shown["response"]) for name, shown in rows]),
                ("Resolution", [(name, shown["resolution"]) for name, shown in rows]),
            ],
            "channels": _labelled(metrics["by_channel"], dict(Channel.choices)),
            "kinds": _labelled(metrics["by_kind"], dict(Kind.choices)),
            "project_work": {
                "moved_to_project": metrics["moved_to_project"],
                "project_candidates": metrics["project_candidates"],
            },
        },
    )


def read_choice(typed: Mapping[str, str], now: datetime) -> Choice:
    """?week=2026-W49 or ?month=2026-11, without either this month, and
    ?as_of= an instant, without it the period's end or now if sooner.

    Raises Refused, naming the fields to correct.
    """
    week, month, as_of = typed["week"], typed["month"], typed["as_of"]
    if week and month:
        raise Refused(
            ("month", "week"), InvalidInput("Choose a week or a month, not both.")
        )
    try:
        if week:
            chosen = periods.parse_week(week)
        elif month:
            chosen = periods.parse_month(month)
        else:
            chosen = periods.current_month(now)
    except InvalidInput as error:
        raise Refused(("week",) if week else ("month",), error) from None

    if not as_of:
        return Choice(chosen, periods.default_as_of(chosen, now), as_of_chosen=False)
    try:
        return Choice(chosen, periods.parse_instant(as_of), as_of_chosen=True)
    except InvalidInput as error:
        raise Refused(("as_of",), error) from None


def _refused(
    request: HttpRequest, typed: Mapping[str, str], refusal: Refused
) -> HttpResponse:
    """The page with its form as the agent filled it in, and why it failed."""
    return render(
        request,
        "metrics/period.html",
        {**_form(typed, invalid=refusal.fields), "error": refusal.message},
        status=refusal.status,
    )


def _form(values: Mapping[str, str], invalid: tuple[str, ...]) -> dict[str, object]:
    """What the three small forms show: the values in their fields, the
    fields to correct, and the period the as-of form carries along.
    """
    return {
        "values": {name: values.get(name, "") for name in FIELDS},
        "invalid": invalid,
        "carried": [
            (name, values[name])
            for name in ("month", "week")
            if values.get(name) and name not in invalid
        ],
        # A datetime-local field steps by the minute unless told otherwise,
        # and a browser will not submit a value between its steps.
        "as_of_seconds": values.get("as_of", "").count(":") > 1,
        "time_zone": settings.TIME_ZONE,
    }


def _as_input(instant: datetime) -> str:
    """The instant as a datetime-local field shows it, in the page's zone."""
    local = timezone.localtime(instant, periods.local_zone())
    shown = "%Y-%m-%dT%H:%M:%S" if local.second else "%Y-%m-%dT%H:%M"
    return local.strftime(shown)


def _labelled(
    counts: Mapping[str, int], labels: Mapping[str, str]
) -> list[tuple[str, int]]:
    return [(labels.get(value, value), count) for value, count in counts.items()]
