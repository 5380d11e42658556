"""The whole shared ServiceNow log, when ../shared/data is beside the repo.

It takes many minutes (every incident is played through the domain
operations), so it runs only when CREDENCE_FULL_IMPORT=1 is set.
"""

import csv
import os
from datetime import UTC
from pathlib import Path

import pytest

from credence.imports.servicenow import import_event_log
from credence.tickets.models import Ticket

pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.django_db,
    pytest.mark.skipif(
        os.environ.get("CREDENCE_FULL_IMPORT") != "1",
        reason="imports the whole shared log; set CREDENCE_FULL_IMPORT=1 to run",
    ),
]

LOG = Path("data") / "uci-incident-event-log" / "incident_event_log.csv"


def test_every_incident_of_the_shared_log_is_imported_or_reported(
    shared_dir: Path,
) -> None:
    path = shared_dir / LOG
    numbers = set()
    minus_100 = 0
    with path.open(newline="", encoding="utf-8") as stream:
        for record in csv.DictReader(stream):
            numbers.add(record["number"])
            minus_100 += record["incident_state"] == "-100"

    summary = import_event_log(path, UTC)

    assert summary.incidents_in_file == len(numbers)
    assert summary.imported == len(numbers) - summary.failed
    assert Ticket.objects.count() == summary.imported
    assert summary.rows_skipped_as_data_error == minus_100
    # Every failure names its line.
    assert summary.failed <= len(summary.problems)
