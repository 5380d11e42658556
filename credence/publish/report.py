"""A month's publication: its objectives, what was met and missed, the
trend over a year, and the lead's explanations, all from `period_metrics`.

The figures are those of `credence report --month` for the same month,
measured as of the month's end (or now, while the month lasts), so the
same month always gives the same figures. Nothing here counts tickets: it
reads period_metrics' output and only compares and words it.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from credence.metrics import periods
from credence.metrics.measure import (
    CLOCKS,
    OVERALL,
    PRIORITIES,
    Clock,
    PeriodMetrics,
    period_metrics,
)
from credence.metrics.text import percent
from credence.publish.models import Explanation
from credence.slo.models import Objective

TREND_MONTHS = 12
NO_EXPLANATION = "No explanation given."


@dataclass(frozen=True)
class ObjectiveLine:
    """One priority's objective, as a reader of the report needs it."""

    priority: str
    response_minutes: int
    response_calendar: str
    response_target: float
    resolution_minutes: int
    resolution_calendar: str
    resolution_target: float


@dataclass(frozen=True)
class Finding:
    """One compliance figure against its target: met, missed or unmeasured."""

    group: str
    clock: str
    compliance: float | None
    target: float | None
    met: int
    breached: int
    explanation: str = ""

    @property
    def verdict(self) -> str:
        if self.compliance is None or self.target is None:
            return "unmeasured"
        return "missed" if self.compliance < self.target else "met"

    @property
    def sentence(self) -> str:
        where = f"{self.clock} compliance for {self.group}"
        if self.verdict == "unmeasured":
            return (
                f"Not measured: no {self.clock} clock of {self.group} was met "
                "or breached"
            )
        return (
            f"{self.verdict.capitalize()}: {where} was {percent(self.compliance)} "
            f"against a target of {target_percent(self.target)}"
        )


@dataclass(frozen=True)
class TrendMonth:
    key: str
    label: str
    response: float | None
    resolution: float | None
    response_target: float | None
    resolution_target: float | None
    moved_to_project: int = 0


@dataclass(frozen=True)
class MonthReport:
    period: periods.Period
    as_of: datetime
    metrics: PeriodMetrics
    objectives: list[ObjectiveLine]
    findings: list[Finding]
    trend: list[TrendMonth]

    @property
    def misses(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.verdict == "missed"]

    @property
    def met(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.verdict == "met"]


def target_percent(rate: float | None) -> str:
    """A target as people say it: 80%, or 92.5% when it has a fraction."""
    if rate is None:
        return percent(None)
    return f"{rate * 100:.1f}".removesuffix(".0") + "%"


def month_report(period: periods.Period, now: datetime) -> MonthReport:
    """The month measured as `credence report --month` measures it."""
    as_of = periods.default_as_of(period, now)
    metrics = period_metrics(period.start, period.end, as_of)
    explanations = {
        (row.group, row.clock): row.text
        for row in Explanation.objects.filter(month=period.key)
    }
    return MonthReport(
        period=period,
        as_of=as_of,
        metrics=metrics,
        objectives=objective_lines(),
        findings=findings(metrics, explanations),
        trend=trend(period, now, metrics),
    )


def objective_lines() -> list[ObjectiveLine]:
    rows = Objective.objects.select_related("response_calendar", "resolution_calendar")
    by_priority = {row.priority: row for row in rows}
    return [
        ObjectiveLine(
            priority=priority,
            response_minutes=row.response_minutes,
            response_calendar=row.response_calendar.name,
            response_target=row.response_target,
            resolution_minutes=row.resolution_minutes,
            resolution_calendar=row.resolution_calendar.name,
            resolution_target=row.resolution_target,
        )
        for priority in PRIORITIES
        if (row := by_priority.get(priority)) is not None
    ]


def _clock_of(metrics: PeriodMetrics, group: str, clock: str) -> Clock:
    figures = metrics["overall"] if group == OVERALL else metrics["by_priority"][group]
    return figures["response"] if clock == "response" else figures["resolution"]


def findings(
    metrics: PeriodMetrics,
    explanations: Mapping[tuple[str, str], str],
    targets: Mapping[tuple[str, str], float] | None = None,
) -> list[Finding]:
    """Every compliance figure against its target, per priority and overall.

    `targets` replaces some of the stored targets, for a what-if; the
    overall target then stays the stored one, since it is a weighting of
    the priorities' targets that period_metrics computes.
    """
    targets = targets or {}
    found = []
    for group in [*PRIORITIES, OVERALL]:
        for clock in CLOCKS:
            shown = _clock_of(metrics, group, clock)
            found.append(
                Finding(
                    group=group,
                    clock=clock,
                    compliance=shown["compliance"],
                    target=targets.get((group, clock), shown["target"]),
                    met=shown["met"],
                    breached=shown["breached"],
                    explanation=explanations.get((group, clock), ""),
                )
            )
    return found


def trend(
    period: periods.Period, now: datetime, measured: PeriodMetrics
) -> list[TrendMonth]:
    """Overall compliance in the twelve months up to and including this one,
    whose figures, already `measured`, are not measured again.
    """
    months = [period]
    while len(months) < TREND_MONTHS and (earlier := months[-1].previous()):
        months.append(earlier)
    shown = []
    for month in reversed(months):
        metrics = (
            measured
            if month is period
            else period_metrics(
                month.start, month.end, periods.default_as_of(month, now)
            )
        )
        overall = metrics["overall"]
        shown.append(
            TrendMonth(
                key=month.key,
                label=f"{month.start:%b %Y}",
                response=overall["response"]["compliance"],
                resolution=overall["resolution"]["compliance"],
                response_target=overall["response"]["target"],
                resolution_target=overall["resolution"]["target"],
                moved_to_project=metrics["moved_to_project"],
            )
        )
    return shown


def what_if(
    report: MonthReport, targets: Mapping[tuple[str, str], float]
) -> list[Finding]:
    """The month's priorities met or missed under other compliance targets.

    A pure recomputation over the figures already measured: the same
    tickets, outcomes and compliance, compared with other targets. Nothing
    is stored or changed.
    """
    explanations = {(f.group, f.clock): f.explanation for f in report.findings}
    return [
        finding
        for finding in findings(report.metrics, explanations, targets)
        if finding.group != OVERALL
    ]
