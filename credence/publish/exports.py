"""The tickets behind one figure of a month, as CSV.

A figure is one clock's met or breached count for one priority (or all),
so its tickets are the month's spans at the report's instant that carry
that outcome: the same spans period_metrics counts, and the same number.

A confidential ticket is counted in the figure, so it has its row, but the
row carries only what the report itself counts of it: "confidential" where
the reference and title would be, its priority and the figure's outcome.
Its channel, opening, due and elapsed minutes are left empty, and its rows
come after the others, unordered by opening, since an agent who knew when
a confidential request came in, or how, could otherwise pick out its row.
The rows still add up to the figure.
"""

import csv
import io
from collections.abc import Iterator
from datetime import datetime

from django.utils import timezone

from credence.errors import InvalidInput
from credence.metrics import periods
from credence.metrics.measure import CLOCKS, OVERALL, PRIORITIES, spans_at
from credence.tickets.models import Outcome
from credence.tickets.visibility import shareable_tickets

HEADER = [
    "reference",
    "title",
    "priority",
    "channel",
    "opened",
    "due",
    "outcome",
    "elapsed minutes",
]
CONFIDENTIAL = "confidential"
OUTCOMES = (Outcome.MET, Outcome.BREACHED)


def figure_rows(
    period: periods.Period, now: datetime, priority: str, clock: str, outcome: str
) -> Iterator[list[str]]:
    """The header, then one row per ticket behind the figure."""
    if priority not in (*PRIORITIES, OVERALL):
        raise InvalidInput(
            "%(priority)r is not a priority: choose one of %(known)s.",
            priority=priority,
            known=", ".join([*PRIORITIES, OVERALL]),
        )
    if clock not in CLOCKS:
        raise InvalidInput("Choose the clock: response or resolution.")
    if outcome not in OUTCOMES:
        raise InvalidInput("Choose the outcome: met or breached.")

    as_of = periods.default_as_of(period, now)
    spans = spans_at(period.start, period.end, as_of).filter(
        **{f"{clock}_outcome": outcome}
    )
    if priority != OVERALL:
        spans = spans.filter(priority=priority)
    shareable = set(
        shareable_tickets()
        .filter(pk__in=spans.values("ticket_id"))
        .values_list("pk", flat=True)
    )
    yield HEADER
    rows = spans.select_related("ticket").order_by("ticket__opened_at", "ticket_id")
    hidden: list[str] = []
    for span in rows:
        ticket = span.ticket
        if ticket.pk not in shareable:
            hidden.append(span.priority)
            continue
        yield [
            ticket.reference,
            ticket.title,
            span.priority,
            ticket.channel,
            _instant(ticket.opened_at),
            _instant(getattr(span, f"{clock}_due")),
            outcome,
            _minutes(getattr(span, f"{clock}_elapsed_minutes")),
        ]
    # The report counts each priority's tickets, so a confidential row may
    # say its priority; ordered from highest to lowest, the rows say nothing
    # of the order the tickets came in.
    for shown in sorted(hidden, key=PRIORITIES.index):
        yield [CONFIDENTIAL, CONFIDENTIAL, shown, "", "", "", outcome, ""]


# A spreadsheet runs a cell that starts with one of these as a formula, so a
# worker's title such as =HYPERLINK(...) would run on the lead's machine.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """The cell as text a spreadsheet shows rather than runs."""
    if cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def as_csv(rows: Iterator[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def _instant(value: datetime | None) -> str:
    if value is None:
        return ""
    return timezone.localtime(value, periods.local_zone()).isoformat()


def _minutes(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"
