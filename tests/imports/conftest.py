"""Helpers for the importer's tests.

The excerpt is 20 incidents of the public ServiceNow event log (see
tests/fixtures/servicenow/ATTRIBUTION.md). Its timestamps are read as UTC,
and the business calendar is the default one, Monday to Friday 09:00-17:00
in the installation's zone, pinned here to UTC so that every expected value
can be worked out by hand from the rows.
"""

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from pytest_django.fixtures import Settings

from credence.imports.servicenow import ImportSummary, import_event_log
from credence.tickets.models import Ticket

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "servicenow"
EXCERPT = FIXTURES / "incident_event_log_excerpt.csv"

HEADER = (
    "number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,"
    "made_sla,caller_id,opened_by,opened_at,sys_created_by,sys_created_at,"
    "sys_updated_by,sys_updated_at,contact_type,location,category,subcategory,"
    "u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,"
    "knowledge,u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,"
    "closed_code,resolved_by,resolved_at,closed_at"
)


# After the last event of the excerpt (13 February 2017). Each domain
# operation measures the ticket "now"; a real now years after a ticket that
# is still open would make the clock count years of business days for it.
AFTER_THE_LOG = datetime(2017, 3, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def utc_installation(settings: Settings) -> None:
    settings.TIME_ZONE = "UTC"


@pytest.fixture(autouse=True)
def after_the_log() -> Iterator[None]:
    with time_machine.travel(AFTER_THE_LOG, tick=False):
        yield


def utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def import_excerpt() -> ImportSummary:
    return import_event_log(EXCERPT, UTC)


ImportIncidents = Callable[..., ImportSummary]


@pytest.fixture
def import_incidents(tmp_path: Path) -> ImportIncidents:
    """Import only the named incidents of the excerpt, with all their rows:
    a test about one incident need not wait for the other nineteen."""

    def run(*numbers: str) -> ImportSummary:
        rows = EXCERPT.read_text(encoding="utf-8").splitlines()[1:]
        chosen = [line for line in rows if line.split(",", 1)[0] in numbers]
        return import_event_log(write_log(tmp_path / "chosen.csv", *chosen), UTC)

    return run


def ticket_for(number: str) -> Ticket:
    return Ticket.objects.get(source_ref=f"servicenow:{number}")


def history(number: str) -> list[tuple[str, datetime]]:
    ticket = ticket_for(number)
    return [(event.type, event.at) for event in ticket.events.order_by("at", "id")]


def row(
    number: str,
    state: str,
    mod_count: int,
    opened_at: str,
    updated_at: str,
    *,
    priority: str = "3 - Moderate",
    contact_type: str = "Phone",
    caller: str = "Caller 7001",
) -> str:
    """One line of an event log in the shared file's layout, for small
    hand-made logs; columns the importer ignores hold made-up tokens."""
    values = [
        number,
        state,
        "true",
        "0",
        "0",
        str(mod_count),
        "true",
        caller,
        "Opened by  1",
        opened_at,
        "Created by 1",
        opened_at,
        "Updated by 1",
        updated_at,
        contact_type,
        "Location 1",
        "Category 1",
        "Subcategory 1",
        "Symptom 1",
        "?",
        "2 - Medium",
        "2 - Medium",
        priority,
        "Group 1",
        "?",
        "false",
        "false",
        "Do Not Notify",
        "?",
        "?",
        "?",
        "?",
        "code 1",
        "Resolved by 1",
        "?",
        "?",
    ]
    return ",".join(values)


def write_log(path: Path, *lines: str) -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path
