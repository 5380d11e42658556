"""Two imports of the same log at once.

Each test plays the other import's writes at the moment between this
import's reading what is present and its writing, through monkeypatch, with
no threads: the other import takes in INC9000030 for Caller 7001.
"""

from datetime import UTC
from pathlib import Path

import pytest

from credence.imports import servicenow
from credence.imports.servicenow_log import Position
from credence.tickets import services
from credence.tickets.models import Kind, Ticket
from credence.workers.models import Worker
from tests.imports.conftest import history, row, ticket_for, utc, write_log

pytestmark = pytest.mark.django_db

OPENED = "1/3/2016 10:00"


def _the_other_import_takes_in_inc9000030() -> None:
    caller = Worker.objects.create_user(username="caller-7001", password=None)
    services.open_ticket(
        requester=caller,
        kind=Kind.INCIDENT,
        title="ServiceNow incident INC9000030",
        description="Taken in by the other import.",
        channel="phone",
        priority="medium",
        actor=None,
        at=utc(2016, 3, 1, 10, 0),
        source_ref="servicenow:INC9000030",
    )


def _log(tmp_path: Path) -> Path:
    return write_log(
        tmp_path / "log.csv",
        row("INC9000030", "New", 0, OPENED, OPENED),
        row("INC9000030", "Active", 1, OPENED, "1/3/2016 10:30"),
        row("INC9000031", "New", 0, OPENED, OPENED, caller="Caller 7002"),
    )


def test_an_incident_taken_in_meanwhile_is_skipped_as_already_present(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = servicenow.imported_positions

    def read_then_the_other_import_writes() -> dict[str, Position | None]:
        present = read()
        _the_other_import_takes_in_inc9000030()
        return present

    monkeypatch.setattr(
        servicenow, "imported_positions", read_then_the_other_import_writes
    )

    summary = servicenow.import_event_log(_log(tmp_path), UTC)

    assert (summary.imported, summary.already_present, summary.failed) == (1, 1, 0)
    assert summary.problems == []
    # The other import's ticket stands as it wrote it; this import's
    # attempt left nothing behind.
    assert Ticket.objects.filter(source_ref="servicenow:INC9000030").count() == 1
    assert ticket_for("INC9000030").description == "Taken in by the other import."
    assert history("INC9000030") == [("opened", utc(2016, 3, 1, 10, 0))]
    assert ticket_for("INC9000031").status == "new"


def test_a_caller_made_meanwhile_is_found_not_made_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both reads (incidents present, callers known) are done before the
    # other import writes; INC9000032, new to both, has the same caller.
    class ReadThenTheOtherImportWrites(servicenow._Requesters):
        def __init__(self) -> None:
            super().__init__()
            _the_other_import_takes_in_inc9000030()

    monkeypatch.setattr(servicenow, "_Requesters", ReadThenTheOtherImportWrites)
    log = write_log(
        tmp_path / "log.csv",
        row("INC9000030", "New", 0, OPENED, OPENED),
        row("INC9000032", "New", 0, OPENED, OPENED),
    )

    summary = servicenow.import_event_log(log, UTC)

    assert (summary.imported, summary.already_present, summary.failed) == (1, 1, 0)
    caller = Worker.objects.get(username="caller-7001")
    assert ticket_for("INC9000032").requester == caller
