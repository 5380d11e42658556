"""The whole shared ServiceNow log, when ../shared/data is beside the repo.

It takes many minutes (every incident is played through the domain
operations), so it runs only when CREDENCE_FULL_IMPORT=1 is set.
"""

import csv
import os
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest

from credence.imports.servicenow import import_event_log
from credence.metrics.measure import period_metrics
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

    march_figures_match_an_independent_count(path)


PRIORITY = {
    "1 - Critical": "highest",
    "2 - High": "high",
    "3 - Moderate": "medium",
    "4 - Low": "low",
}
CHANNEL = {
    "Phone": "phone",
    "IVR": "phone",
    "Self service": "portal",
    "Email": "email",
    "Direct opening": "walk-up",
}


def _instant(text: str) -> datetime:
    return datetime.strptime(text, "%d/%m/%Y %H:%M").replace(tzinfo=UTC)


def march_figures_match_an_independent_count(path: Path) -> None:
    """Volume, channels, priorities and completion for March 2016.

    Counted here straight from the CSV with the issue's mapping, without
    any of Credence's code: the state and priority at the as-of instant are
    those of the last update at or before it.
    """
    start = datetime(2016, 3, 1, tzinfo=UTC)
    end = datetime(2016, 4, 1, tzinfo=UTC)
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    with path.open(newline="", encoding="utf-8") as stream:
        for record in csv.DictReader(stream):
            if record["incident_state"] != "-100":
                rows[record["number"]].append(record)

    volume = 0
    completed = 0
    channels: Counter[str] = Counter()
    priorities: Counter[str] = Counter()
    for history in rows.values():
        opened = _instant(history[0]["opened_at"])
        if not start <= opened < end:
            continue
        history.sort(
            key=lambda row: (
                max(_instant(row["sys_updated_at"]), opened),
                int(row["sys_mod_count"]),
            )
        )
        volume += 1
        channels[CHANNEL[history[0]["contact_type"]]] += 1
        known = [
            row
            for row in history
            if max(_instant(row["sys_updated_at"]), opened) <= end
        ]
        last = known[-1] if known else history[0]
        priorities[PRIORITY[last["priority"]]] += 1
        if known and last["incident_state"] in ("Resolved", "Closed"):
            completed += 1

    figures = period_metrics(start, end)

    assert figures["overall"]["volume"] == volume
    assert figures["overall"]["completed"] == completed
    assert {
        channel: count for channel, count in figures["by_channel"].items() if count
    } == dict(channels)
    assert {
        priority: row["volume"]
        for priority, row in figures["by_priority"].items()
        if row["volume"]
    } == dict(priorities)
