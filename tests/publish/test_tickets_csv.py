"""The CSV of the tickets behind one figure (see conftest.py for March)."""

import csv
import io

import pytest

from credence.publish.exports import as_csv, spreadsheet_safe
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.metrics.conftest import at

CSV = "/desk/publish/tickets.csv?month=2026-03"
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


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode())))


def test_lists_the_tickets_behind_high_response_breached(
    march: dict[str, Ticket], agent: Worker
) -> None:
    response = signed_in(agent).get(
        CSV + "&priority=high&clock=response&outcome=breached"
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    # T8: opened Sat 14 Mar 08:00, due 15 minutes later round the clock,
    # acknowledged at 08:20: 20 minutes, breached.
    assert _rows(response.content) == [
        HEADER,
        [
            march["T8"].reference,
            "A request by api",
            "high",
            "api",
            "2026-03-14T08:00:00+00:00",
            "2026-03-14T08:15:00+00:00",
            "breached",
            "20.00",
        ],
    ]


def test_overall_lists_as_many_rows_as_the_figure_counts(
    march: dict[str, Ticket], lead: Worker
) -> None:
    response = signed_in(lead).get(CSV + "&priority=overall&clock=response&outcome=met")

    # Response met overall: T1, T3, T5, T6, T9, T10, in order of opening.
    references = [row[0] for row in _rows(response.content)[1:]]
    assert references == [
        march[name].reference for name in ("T1", "T3", "T5", "T6", "T10", "T9")
    ]


def test_a_confidential_ticket_is_counted_but_never_named(
    march: dict[str, Ticket], worker: Worker, lead: Worker, agent: Worker
) -> None:
    # Opened Fri 20 Mar 08:00 as high, acknowledged 08:30: 30 > 15,
    # breached, beside T8.
    secret = services.open_ticket(
        requester=worker,
        kind="request",
        title="Harassment by a manager",
        description="Private.",
        channel="phone",
        priority="high",
        actor=lead,
        at=at(20, 8),
        confidential=True,
    )
    services.acknowledge(secret, lead, at=at(20, 8, 30))

    for person in (agent, lead):
        response = signed_in(person).get(
            CSV + "&priority=high&clock=response&outcome=breached"
        )
        rows = _rows(response.content)
        assert len(rows) == 3
        # Only what the report counts of it: its priority and the outcome;
        # not how it came in, when, its due or its minutes.
        assert rows[2] == [
            "confidential",
            "confidential",
            "high",
            "",
            "",
            "",
            "breached",
            "",
        ]
        text = response.content.decode()
        assert "Harassment" not in text
        assert secret.reference not in text
        assert "phone" not in text
        assert "2026-03-20" not in text


def test_confidential_rows_come_last_whenever_they_came_in(
    march: dict[str, Ticket],
    worker: Worker,
    other_worker: Worker,
    lead: Worker,
    agent: Worker,
) -> None:
    # Both open before any of March's other tickets and breach their
    # response: high, Sun 1 Mar 08:00, acknowledged at 08:30 (15 min round
    # the clock); lowest, Mon 2 Mar 08:00, never acknowledged (2 business
    # hours from 09:00, due 11:00).
    high = services.open_ticket(
        requester=worker,
        kind="request",
        title="Complaint about a colleague",
        channel="email",
        priority="high",
        actor=lead,
        at=at(1, 8),
        confidential=True,
    )
    services.acknowledge(high, lead, at=at(1, 8, 30))
    services.open_ticket(
        requester=other_worker,
        kind="request",
        title="Medical leave equipment",
        channel="walk-up",
        priority="lowest",
        actor=lead,
        at=at(2, 8),
        confidential=True,
    )

    for person in (agent, lead):
        response = signed_in(person).get(
            CSV + "&priority=overall&clock=response&outcome=breached"
        )
        rows = _rows(response.content)[1:]
        # Response breached overall, by opening: T2 (3 Mar), T8 (14 Mar),
        # T4 (23 Mar), T7 (30 Mar); then the two confidential ones, by
        # priority.
        assert [row[0] for row in rows] == [
            *(march[name].reference for name in ("T2", "T8", "T4", "T7")),
            "confidential",
            "confidential",
        ]
        assert rows[4:] == [
            ["confidential", "confidential", "high", "", "", "", "breached", ""],
            ["confidential", "confidential", "lowest", "", "", "", "breached", ""],
        ]
    for person in (worker, other_worker):
        response = signed_in(person).get(
            CSV + "&priority=overall&clock=response&outcome=breached"
        )
        assert response.status_code == 404


def test_a_worker_gets_no_csv(march: dict[str, Ticket], worker: Worker) -> None:
    response = signed_in(worker).get(
        CSV + "&priority=high&clock=response&outcome=breached"
    )

    assert response.status_code == 404


def test_an_unknown_outcome_is_refused(march: dict[str, Ticket], agent: Worker) -> None:
    response = signed_in(agent).get(
        CSV + "&priority=high&clock=response&outcome=running"
    )

    assert response.status_code == 400
    assert "Choose the outcome: met or breached." in response.content.decode()


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (
            '=HYPERLINK("http://evil.example/","click")',
            '\'=HYPERLINK("http://evil.example/","click")',
        ),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("Printer jams", "Printer jams"),
    ],
)
def test_a_cell_a_spreadsheet_would_run_is_kept_as_text(cell: str, shown: str) -> None:
    assert spreadsheet_safe(cell) == shown
    assert as_csv(iter([[cell]])).strip().strip('"').replace('""', '"') == shown
