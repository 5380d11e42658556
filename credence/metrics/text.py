"""Period figures as plain text for a terminal, and the shared formats.

The page and the command show numbers the same way: rates as percentages
with one decimal, minutes with two, and an em dash where there is nothing
to show.
"""

from collections.abc import Sequence
from datetime import datetime

from django.conf import settings

from credence.metrics.measure import CLOCKS, PRIORITIES, Clock, Figures, PeriodMetrics

NOTHING = "—"


def percent(rate: float | None) -> str:
    return NOTHING if rate is None else f"{rate * 100:.1f}%"


def minutes(value: float | None) -> str:
    return NOTHING if value is None else f"{value:.2f}"


def verdict(clock: Clock) -> str:
    """Say "met" or "missed" against the target; empty if either is unknown."""
    if clock["compliance"] is None or clock["target"] is None:
        return ""
    return "missed" if clock["compliance"] < clock["target"] else "met"


def as_table(label: str, metrics: PeriodMetrics, sections: Sequence[str] = ()) -> str:
    """The figures as grids; `sections` are other apps' grids, shown after
    the kinds."""
    period = metrics["period"]
    rows = [("overall", metrics["overall"])] + [
        (priority, metrics["by_priority"][priority]) for priority in PRIORITIES
    ]
    parts = [
        f"Service metrics for {label}",
        f"Tickets opened from {_when(period['start'])} to {_when(period['end'])}, "
        f"as they stood at {_when(period['as_of'])} ({settings.TIME_ZONE}).",
        "",
        _grid(
            ["Tickets", "volume", "completed", "rate"],
            [
                [
                    name,
                    str(figures["volume"]),
                    str(figures["completed"]),
                    percent(figures["completion_rate"]),
                ]
                for name, figures in rows
            ],
        ),
    ]
    for clock in CLOCKS:
        parts += ["", _clock_grid(clock, rows)]
    parts += [
        "",
        _grid(["Channel", "tickets"], _counts(metrics["by_channel"])),
        "",
        _grid(["Kind", "tickets"], _counts(metrics["by_kind"])),
        "",
        *(part for section in sections for part in (section, "")),
        _grid(
            ["Project work", "tickets"],
            [
                ["moved to project", str(metrics["moved_to_project"])],
                ["project candidates", str(metrics["project_candidates"])],
            ],
        ),
    ]
    return "\n".join(parts) + "\n"


def _when(instant: str) -> str:
    return f"{datetime.fromisoformat(instant):%Y-%m-%d %H:%M}"


def _clock_grid(clock: str, rows: Sequence[tuple[str, Figures]]) -> str:
    lines = []
    for name, figures in rows:
        shown = figures["response"] if clock == "response" else figures["resolution"]
        lines.append(
            [
                name,
                percent(shown["compliance"]),
                percent(shown["target"]),
                verdict(shown),
                str(shown["met"]),
                str(shown["breached"]),
                minutes(shown["mean_minutes"]),
                minutes(shown["median_minutes"]),
            ]
        )
    header = [clock.capitalize(), "compliance", "target", "", "met", "breached"]
    return _grid([*header, "mean min", "median min"], lines)


def _counts(counts: dict[str, int]) -> list[list[str]]:
    return [[name, str(count)] for name, count in counts.items()]


def _grid(header: list[str], rows: list[list[str]]) -> str:
    """Columns padded to their widest cell: names left, figures right."""
    table = [header, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = []
    for row in table:
        cells = [row[0].ljust(widths[0])]
        cells += [
            cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
