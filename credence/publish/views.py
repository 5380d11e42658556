"""The desk's publication page: the month's report, the lead's
explanations and mailing list, a what-if on targets, and the CSV of the
tickets behind each figure.

Agents and leads read the page and the CSV; only leads change anything.
To anyone else the page does not exist.
"""

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from credence.errors import InvalidInput
from credence.metrics import periods
from credence.metrics.measure import CLOCKS, PRIORITIES
from credence.publish import exports, keeping, remeasure
from credence.publish.models import Recipient
from credence.publish.publication import DEFAULT_DIRECTORY, publish
from credence.publish.report import MonthReport, month_report, what_if
from credence.slo.models import Calendar
from credence.workers.models import Worker
from credence.workers.roles import is_agent, is_lead


def _desk_person(request: HttpRequest) -> Worker:
    if not isinstance(request.user, Worker) or not is_agent(request.user):
        raise Http404
    return request.user


def _month(text: str) -> periods.Period:
    if not text.strip():
        # The month to publish is usually the one that has just ended.
        this_month = periods.current_month(timezone.now())
        return this_month.previous() or this_month
    return periods.parse_month(text)


def _page_url(month: str) -> str:
    return f"{reverse('publish:month')}?month={month}"


@login_required
def month(request: HttpRequest) -> HttpResponse:
    person = _desk_person(request)
    period = _month(request.GET.get("month", ""))
    report = month_report(period, timezone.now())
    lead = is_lead(person)
    context: dict[str, object] = {
        "report": report,
        "lead": lead,
        "previous": period.previous(),
        "following": period.following(),
        "priorities": PRIORITIES,
        "clocks": CLOCKS,
    }
    if lead:
        context["recipients"] = Recipient.objects.all()
        targets, typed = _what_if_targets(request)
        context["what_if_rows"] = [
            (
                line,
                typed[f"target_{line.priority}_response"],
                typed[f"target_{line.priority}_resolution"],
            )
            for line in report.objectives
        ]
        if targets:
            context["what_if"] = what_if(report, targets)
        context.update(_remeasured(request, report, targets))
    return render(request, "publish/month.html", context)


def _remeasured(
    request: HttpRequest,
    report: MonthReport,
    targets: dict[tuple[str, str], float],
) -> dict[str, object]:
    """The what-if under another calendar or other minutes, when asked."""
    scenario = remeasure.read_scenario(request.GET)
    context: dict[str, object] = {
        "calendars": Calendar.objects.order_by("name"),
        "typed": {name: request.GET.get(name, "") for name in remeasure.FIELDS},
        "minutes_rows": [
            (
                line,
                request.GET.get(f"minutes_{line.priority}_response", ""),
                request.GET.get(f"minutes_{line.priority}_resolution", ""),
            )
            for line in report.objectives
        ],
    }
    if scenario.changes_anything:
        objectives = remeasure.scenario_objectives(scenario)
        goals = remeasure.goals_with(targets)
        remeasured = remeasure.remeasure_month(
            report.period, report.as_of, objectives, goals, scenario
        )
        context["remeasured"] = remeasured
        context["compared"] = remeasure.compared(report, remeasured.metrics, targets)
    return context


def _what_if_targets(
    request: HttpRequest,
) -> tuple[dict[tuple[str, str], float], dict[str, str]]:
    """Targets typed as percentages in fields named target_<priority>_<clock>."""
    targets = {}
    typed = {}
    for priority in PRIORITIES:
        for clock in CLOCKS:
            name = f"target_{priority}_{clock}"
            text = request.GET.get(name, "").strip()
            typed[name] = text
            if not text:
                continue
            try:
                value = float(text)
            except ValueError:
                value = -1.0
            if not 0 <= value <= 100:
                raise InvalidInput(
                    "%(text)r is not a target: give a percentage from 0 to 100.",
                    text=text,
                )
            targets[(priority, clock)] = value / 100
    return targets, typed


@login_required
@require_POST
def explain(request: HttpRequest) -> HttpResponse:
    person = _desk_person(request)
    month = request.POST.get("month", "")
    keeping.explain_miss(
        person,
        month,
        request.POST.get("group", ""),
        request.POST.get("clock", ""),
        request.POST.get("text", ""),
    )
    messages.success(request, "The explanation is kept with the month.")
    return redirect(_page_url(periods.parse_month(month).key))


@login_required
@require_POST
def recipients(request: HttpRequest) -> HttpResponse:
    person = _desk_person(request)
    month = _month(request.POST.get("month", "")).key
    if "remove" in request.POST:
        try:
            recipient_id = int(request.POST["remove"])
        except ValueError:
            raise InvalidInput("Choose an address to remove.") from None
        keeping.remove_recipient(person, recipient_id)
        messages.success(request, "The address is off the list.")
    else:
        added = keeping.add_recipient(person, request.POST.get("email", ""))
        messages.success(request, f"{added.email} is on the list.")
    return redirect(_page_url(month))


@login_required
@require_POST
def publish_month(request: HttpRequest) -> HttpResponse:
    person = _desk_person(request)
    if not is_lead(person):
        raise keeping.NotAllowed(keeping.LEADS_ONLY)
    period = periods.parse_month(request.POST.get("month", ""))
    directory = Path(getattr(settings, "CREDENCE_PUBLICATIONS_DIR", DEFAULT_DIRECTORY))
    published = publish(month_report(period, timezone.now()), directory, send=True)
    sent = (
        f"sent to {len(published.recipients)} address(es)"
        if published.recipients
        else "not sent: the list has no address"
    )
    messages.success(
        request,
        f"Published {period.label}: wrote {published.markdown.name} and "
        f"{published.html.name}, {sent}.",
    )
    return redirect(_page_url(period.key))


@login_required
def tickets_csv(request: HttpRequest) -> HttpResponse:
    _desk_person(request)
    period = periods.parse_month(request.GET.get("month", ""))
    priority = request.GET.get("priority", "")
    clock = request.GET.get("clock", "")
    outcome = request.GET.get("outcome", "")
    rows = exports.figure_rows(period, timezone.now(), priority, clock, outcome)
    body = exports.as_csv(rows)
    name = f"{period.key}-{priority}-{clock}-{outcome}.csv"
    return HttpResponse(
        body,
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
