"""Hand-made histories: row order, interleaving, zones, odd sequences.

The logs are small files in the shared file's layout; line 1 is the header.
"""

from datetime import UTC
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from credence.imports.servicenow import import_event_log
from tests.imports.conftest import history, row, ticket_for, utc, write_log

pytestmark = pytest.mark.django_db

OPENED = "1/3/2016 10:00"


def test_rows_are_taken_in_order_of_update_then_modification_count(
    tmp_path: Path,
) -> None:
    # Given out of order: the Closed row first, and at 10:20 Awaiting User
    # Info (count 3) before Active (count 2). Sorted: New 10:00, Active
    # 10:20, Awaiting User Info 10:20, Resolved 11:00, Closed 12:00.
    log = write_log(
        tmp_path / "shuffled.csv",
        row("INC9000009", "Closed", 5, OPENED, "1/3/2016 12:00"),
        row("INC9000009", "Awaiting User Info", 3, OPENED, "1/3/2016 10:20"),
        row("INC9000009", "New", 0, OPENED, OPENED),
        row("INC9000009", "Resolved", 4, OPENED, "1/3/2016 11:00"),
        row("INC9000009", "Active", 2, OPENED, "1/3/2016 10:20"),
    )

    import_event_log(log, UTC)

    assert history("INC9000009") == [
        ("opened", utc(2016, 3, 1, 10, 0)),
        ("acknowledged", utc(2016, 3, 1, 10, 20)),
        ("replied", utc(2016, 3, 1, 10, 20)),
        ("waiting", utc(2016, 3, 1, 10, 20)),
        ("resumed", utc(2016, 3, 1, 11, 0)),
        ("resolved", utc(2016, 3, 1, 11, 0)),
        ("closed", utc(2016, 3, 1, 12, 0)),
    ]


def test_rows_of_one_incident_need_not_stand_together(tmp_path: Path) -> None:
    log = write_log(
        tmp_path / "interleaved.csv",
        row("INC9000010", "New", 0, OPENED, OPENED),
        row("INC9000011", "New", 0, OPENED, OPENED, caller="Caller 7002"),
        row("INC9000010", "Resolved", 1, OPENED, "1/3/2016 10:30"),
        row("INC9000011", "Active", 1, OPENED, "1/3/2016 10:40", caller="Caller 7002"),
    )

    summary = import_event_log(log, UTC)

    assert (summary.imported, summary.failed) == (2, 0)
    assert ticket_for("INC9000010").status == "resolved"
    assert ticket_for("INC9000011").status == "in_progress"


def test_timestamps_are_read_in_the_given_time_zone(tmp_path: Path) -> None:
    # 10:00 in Berlin on 1 March 2016 (winter time, UTC+1) is 09:00 UTC.
    log = write_log(
        tmp_path / "berlin.csv",
        row("INC9000012", "New", 0, OPENED, OPENED),
        row("INC9000012", "Active", 1, OPENED, "1/3/2016 10:30"),
    )

    import_event_log(log, ZoneInfo("Europe/Berlin"))

    assert history("INC9000012") == [
        ("opened", utc(2016, 3, 1, 9, 0)),
        ("acknowledged", utc(2016, 3, 1, 9, 30)),
    ]


def test_a_priority_change_after_closing_is_recorded(tmp_path: Path) -> None:
    # ServiceNow let the priority change on a closed incident (line 4); the
    # history is replayed as it happened, and the ticket stays closed.
    log = write_log(
        tmp_path / "late.csv",
        row("INC9000013", "New", 0, OPENED, OPENED),
        row("INC9000013", "Closed", 1, OPENED, "1/3/2016 11:00"),
        row("INC9000013", "Closed", 2, OPENED, "1/3/2016 12:00", priority="2 - High"),
    )

    summary = import_event_log(log, UTC)

    assert (summary.imported, summary.failed) == (1, 0)
    assert history("INC9000013") == [
        ("opened", utc(2016, 3, 1, 10, 0)),
        ("acknowledged", utc(2016, 3, 1, 11, 0)),
        ("resolved", utc(2016, 3, 1, 11, 0)),
        ("closed", utc(2016, 3, 1, 11, 0)),
        ("priority_changed", utc(2016, 3, 1, 12, 0)),
    ]
    ticket = ticket_for("INC9000013")
    assert (ticket.status, ticket.priority) == ("closed", "high")
