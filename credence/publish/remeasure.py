"""What a past month would have shown under another calendar or other
objective minutes: a lead's "what if", worked out without changing anything.

Every ticket of the month is measured again from its stored history, in
memory, with the pure clock (`credence.slo.clock.measure`) at the report's
instant, under objectives that differ from the stored ones only where the
lead says. The stored spans, derived columns, objectives and calendars are
only read; nothing is written, so the published figures stay what they are.

The work is bounded by the month: the month's tickets and their events up
to the report's instant, streamed ticket by ticket, and never more than
MAX_TICKETS tickets. The imported ServiceNow month (8,067 tickets, 40,617
events) takes 1.3 to 1.7 seconds and under 70 MiB on a busy two-core
machine; see README.md, "At scale".
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from itertools import groupby
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import QuerySet

from credence.errors import InvalidInput
from credence.metrics import periods
from credence.metrics.measure import (
    CLOCKS,
    OVERALL,
    PRIORITIES,
    PeriodMetrics,
    Standing,
    metrics_of_standings,
)
from credence.publish.report import Finding, MonthReport, findings
from credence.slo import models as slo_models
from credence.slo.calendar import Calendar as ClockCalendar
from credence.slo.calendar import CalendarError
from credence.slo.clock import Measurement, Target, measure
from credence.slo.clock import Objective as ClockObjective
from credence.slo.derive import clock_events, stored_minutes
from credence.slo.models import ServiceSettings
from credence.slo.objectives import clock_calendar, targets
from credence.tickets.models import Ticket, TicketEvent

# The form's fields for the calendar; the minutes are minutes_<priority>_<clock>.
FIELDS = ("calendar", "hours", "opens", "closes", "zone")
# A month larger than this is refused rather than kept waiting on a page:
# about four seconds of measuring, well above the busiest month seen.
MAX_TICKETS = 20_000
# Opening hours of a replacement business calendar: Monday to Friday.
WORKING_DAYS = range(5)
ROUND_THE_CLOCK = "24x7"
BUSINESS_HOURS = "business"
# An objective longer than a year of round-the-clock minutes is a typing
# error, and one the calendar would walk day by day.
MAX_MINUTES = 366 * 24 * 60


@dataclass(frozen=True)
class Scenario:
    """The lead's changes: one calendar replaced, some objectives' minutes.

    `calendar` names the stored calendar replaced by `replacement`;
    `minutes` maps (priority, clock) to the objective's minutes.
    """

    calendar: str = ""
    replacement: ClockCalendar | None = None
    replacement_words: str = ""
    minutes: Mapping[tuple[str, str], float] = field(default_factory=dict)

    @property
    def changes_anything(self) -> bool:
        return self.replacement is not None or bool(self.minutes)

    def sentences(self) -> list[str]:
        """What the scenario changes, as a reader of the page needs it."""
        said = []
        if self.replacement is not None:
            said.append(f"{self.calendar} replaced by {self.replacement_words}")
        said.extend(
            f"{priority} {clock}: {minutes:g} minutes"
            for (priority, clock), minutes in self.minutes.items()
        )
        return said


@dataclass(frozen=True)
class Compared:
    """One compliance figure, stored and hypothetical, against its target."""

    stored: Finding
    hypothetical: Finding
    median_stored: float | None
    median_hypothetical: float | None


@dataclass(frozen=True)
class Remeasured:
    """The month's figures under a scenario, and how many tickets it took."""

    scenario: Scenario
    metrics: PeriodMetrics
    tickets: int


def goals_with(
    typed: Mapping[tuple[str, str], float],
) -> dict[str, dict[str, float]]:
    """The stored compliance targets, with the lead's typed ones instead."""
    goals = targets()
    for (priority, clock), target in typed.items():
        goals.setdefault(priority, {})[clock] = target
    return goals


def compared(
    report: MonthReport,
    metrics: PeriodMetrics,
    typed: Mapping[tuple[str, str], float],
) -> list[Compared]:
    """Each stored finding beside the same one re-measured, per priority
    and overall, the hypothetical one judged against the typed targets."""
    hypothetical = findings(metrics, {}, typed)
    lines = []
    for stored, other in zip(report.findings, hypothetical, strict=True):
        lines.append(
            Compared(
                stored=stored,
                hypothetical=other,
                median_stored=_median_of(report.metrics, stored),
                median_hypothetical=_median_of(metrics, other),
            )
        )
    return lines


def _median_of(metrics: PeriodMetrics, finding: Finding) -> float | None:
    group = (
        metrics["overall"]
        if finding.group == OVERALL
        else metrics["by_priority"][finding.group]
    )
    clock = group["response"] if finding.clock == "response" else group["resolution"]
    return clock["median_minutes"]


def read_scenario(values: Mapping[str, str]) -> Scenario:
    """The scenario in a what-if form's fields, checked.

    `calendar` is the name of a stored calendar to replace, `hours` is
    "24x7" or "business", `opens` and `closes` are HH:MM for business
    hours, `zone` an IANA zone (the replaced calendar's own when empty),
    and `minutes_<priority>_<clock>` an objective's minutes.
    """
    minutes = _typed_minutes(values)
    name = values.get("calendar", "").strip()
    if not name:
        return Scenario(minutes=minutes)
    stored = (
        slo_models.Calendar.objects.prefetch_related("windows", "closed_days")
        .filter(name=name)
        .first()
    )
    if stored is None:
        raise InvalidInput(
            "There is no calendar named %(name)r: choose one of the calendars listed.",
            name=name,
        )
    replacement, words = _replacement(stored, values)
    return Scenario(
        calendar=name,
        replacement=replacement,
        replacement_words=words,
        minutes=minutes,
    )


def _typed_minutes(values: Mapping[str, str]) -> dict[tuple[str, str], float]:
    typed = {}
    for priority in PRIORITIES:
        for clock in CLOCKS:
            text = values.get(f"minutes_{priority}_{clock}", "").strip()
            if not text:
                continue
            try:
                minutes = float(text)
            except ValueError:
                minutes = -1.0
            if not 0 < minutes <= MAX_MINUTES:
                raise InvalidInput(
                    "%(text)r is not a number of minutes for the %(priority)s "
                    "%(clock)s objective: give minutes from 1 to %(most)d.",
                    text=text,
                    priority=priority,
                    clock=clock,
                    most=MAX_MINUTES,
                )
            typed[(priority, clock)] = minutes
    return typed


def _replacement(
    stored: slo_models.Calendar, values: Mapping[str, str]
) -> tuple[ClockCalendar, str]:
    """The calendar standing in for `stored`, and how to say it.

    It keeps the stored calendar's holidays (its country's and the lead's
    closed days), as local dates in whichever zone it is given.
    """
    kept = clock_calendar(stored)
    zone = values.get("zone", "").strip() or stored.time_zone
    _check_zone(zone)
    if values.get("hours", "") == ROUND_THE_CLOCK:
        calendar = ClockCalendar(time_zone=zone, hours=None, holidays=kept.holidays)
        return calendar, f"round the clock in {zone}"
    if values.get("hours", "") != BUSINESS_HOURS:
        raise InvalidInput(
            "Choose whether the calendar replacing %(name)s runs round the clock "
            "or in business hours.",
            name=stored.name,
        )
    opens = _clock_time(values.get("opens", ""), "opening")
    closes = _clock_time(values.get("closes", ""), "closing")
    if closes <= opens:
        raise InvalidInput(
            "Business hours from %(opens)s to %(closes)s close before they open: "
            "give a closing time after the opening time.",
            opens=f"{opens:%H:%M}",
            closes=f"{closes:%H:%M}",
        )
    window = ((opens, closes),)
    try:
        calendar = ClockCalendar(
            time_zone=zone,
            hours={day: window for day in WORKING_DAYS},
            holidays=kept.holidays,
        )
    except CalendarError as error:
        raise InvalidInput(str(error)) from None
    return calendar, (
        f"business hours, Monday to Friday {opens:%H:%M}-{closes:%H:%M} in {zone}"
    )


def _check_zone(zone: str) -> None:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidInput(
            "%(zone)r is not a time zone: give an IANA name such as Europe/Berlin "
            "or America/New_York.",
            zone=zone,
        ) from None


def _clock_time(text: str, which: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            "%(text)r is not an %(which)s time: give it as HH:MM, for example 08:00.",
            text=text,
            which=which,
        ) from None


def scenario_objectives(scenario: Scenario) -> dict[str, ClockObjective]:
    """The stored objectives, changed only where the scenario says."""
    calendars = {
        row.name: clock_calendar(row)
        for row in slo_models.Calendar.objects.prefetch_related(
            "windows", "closed_days"
        )
    }
    if scenario.replacement is not None:
        calendars[scenario.calendar] = scenario.replacement
    rows = slo_models.Objective.objects.select_related(
        "response_calendar", "resolution_calendar"
    )
    return {
        row.priority: ClockObjective(
            response=Target(
                minutes=scenario.minutes.get(
                    (row.priority, "response"), row.response_minutes
                ),
                calendar=calendars[row.response_calendar.name],
                pauses_when_waiting=False,
            ),
            resolution=Target(
                minutes=scenario.minutes.get(
                    (row.priority, "resolution"), row.resolution_minutes
                ),
                calendar=calendars[row.resolution_calendar.name],
                pauses_when_waiting=True,
            ),
        )
        for row in rows
    }


def remeasure_month(
    period: periods.Period,
    as_of: datetime,
    objectives: Mapping[str, ClockObjective],
    goals: Mapping[str, Mapping[str, float]] | None = None,
    scenario: Scenario | None = None,
) -> Remeasured:
    """The month's figures, as of `as_of`, under `objectives`.

    The same tickets as the stored report (opened in the month, by
    `as_of`) with the same rules, each measured at `as_of` from its history
    up to then. `goals` are the compliance targets, the stored ones by
    default. Only reads.
    """
    tickets = Ticket.objects.filter(
        opened_at__gte=period.start, opened_at__lt=period.end, opened_at__lte=as_of
    )
    count = tickets.count()
    if count > MAX_TICKETS:
        raise InvalidInput(
            "%(month)s has %(count)d tickets, more than the %(most)d a what-if "
            "measures at a time: choose a quieter month, or a change to the "
            "objectives themselves.",
            month=period.label,
            count=count,
            most=MAX_TICKETS,
        )
    window = ServiceSettings.current().service_window
    about = {
        pk: (channel, kind, opened_at, moved_at)
        for pk, channel, kind, opened_at, moved_at in tickets.values_list(
            "pk", "channel", "kind", "opened_at", "moved_to_project_at"
        )
    }
    standings = []
    for pk, history in _histories(tickets, as_of):
        channel, kind, opened_at, moved_at = about[pk]
        measured = measure(clock_events(history), objectives, as_of=as_of)
        resolved = _resolved(measured)
        moved = moved_at is not None and moved_at <= as_of
        standings.append(
            Standing(
                priority=measured.priority,
                channel=channel,
                kind=kind,
                resolved=resolved,
                moved=moved,
                candidate=not resolved and not moved and opened_at < as_of - window,
                outcomes={
                    "response": measured.response.outcome,
                    "resolution": measured.resolution.outcome,
                },
                minutes={
                    "response": stored_minutes(measured.response),
                    "resolution": stored_minutes(measured.resolution),
                },
            )
        )
    metrics = metrics_of_standings(
        standings, (period.start, period.end, as_of), goals or targets()
    )
    return Remeasured(scenario or Scenario(), metrics, len(standings))


def _histories(
    tickets: QuerySet[Ticket], as_of: datetime
) -> Iterator[tuple[int, list[TicketEvent]]]:
    """Each ticket's events up to `as_of`, in order, one ticket at a time."""
    events = (
        TicketEvent.objects.filter(ticket__in=tickets, at__lte=as_of)
        .order_by("ticket_id", "at", "id")
        .only("ticket_id", "type", "at", "data")
    )
    for pk, history in groupby(
        events.iterator(chunk_size=5000), key=lambda event: event.ticket_id
    ):
        yield pk, list(history)


def _resolved(measured: Measurement) -> bool:
    # As a stored span says it: a resolve holds the resolution clock
    # stopped, and a ticket moved to project work is not resolved.
    return measured.resolution.stopped_at is not None and measured.moved_at is None
