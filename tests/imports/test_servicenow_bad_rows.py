"""A bad row is reported with its line and reason; the rest goes in.

The logs here are small hand-made files in the shared file's layout; line 1
is the header, so the first row is line 2.
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from credence.errors import InvalidInput, InvalidTransition
from credence.imports.servicenow import import_event_log
from credence.tickets import services
from credence.tickets.models import Comment, Ticket, TicketEvent
from credence.workers.models import Worker
from tests.imports.conftest import HEADER, row, write_log

pytestmark = pytest.mark.django_db

OPENED = "1/3/2016 10:00"


def test_bad_rows_are_reported_and_the_good_incidents_imported(
    tmp_path: Path,
) -> None:
    short = ",".join(row("INC9000005", "New", 0, OPENED, OPENED).split(",")[:20])
    log = write_log(
        tmp_path / "broken.csv",
        row("INC9000001", "New", 0, OPENED, OPENED),
        row("INC9000001", "Closed", 1, OPENED, "1/3/2016 11:00"),
        row("INC9000002", "New", 0, OPENED, "1/3/2016 10:05"),
        row("INC9000002", "Resolved", 1, OPENED, "31/2/2016 10:00"),
        row("INC9000003", "New", 0, OPENED, OPENED, priority="5 - Planning"),
        row("INC9000004", "New", 0, OPENED, OPENED, contact_type="Carrier pigeon"),
        short,
        row("INC9000006", "New", 0, "2/3/2016 09:00", "2/3/2016 09:00"),
        row("INC9000006", "Resolved", 1, "2/3/2016 09:00", "2/3/2016 09:30"),
    )

    summary = import_event_log(log, UTC)

    assert [str(problem) for problem in summary.problems] == [
        "line 5: INC9000002: sys_updated_at '31/2/2016 10:00' is not a date and "
        "time in the form D/M/YYYY HH:MM (day first); the incident was not "
        "imported",
        "line 6: INC9000003: unknown priority '5 - Planning'; expected one of "
        "1 - Critical, 2 - High, 3 - Moderate, 4 - Low; the incident was not "
        "imported",
        "line 7: INC9000004: unknown contact_type 'Carrier pigeon'; expected one "
        "of Phone, IVR, Self service, Email, Direct opening; the incident was "
        "not imported",
        "line 8: INC9000005: the row has 20 fields where the header has 36; a "
        "column is missing or a value holds a comma; the incident was not "
        "imported",
    ]
    assert (summary.imported, summary.already_present, summary.failed) == (2, 0, 4)
    refs = set(Ticket.objects.values_list("source_ref", flat=True))
    assert refs == {"servicenow:INC9000001", "servicenow:INC9000006"}


def test_an_incident_with_one_bad_row_is_left_out_whole(tmp_path: Path) -> None:
    log = write_log(
        tmp_path / "broken.csv",
        row("INC9000002", "New", 0, OPENED, "1/3/2016 10:05"),
        row("INC9000002", "Active", 1, OPENED, "1/3/2016 10:10"),
        row("INC9000002", "Resolved", 2, OPENED, "1/3/2016 10:15", caller="Ann"),
    )

    summary = import_event_log(log, UTC)

    assert [str(problem) for problem in summary.problems] == [
        "line 4: INC9000002: caller_id 'Ann' is not an anonymised caller such "
        "as 'Caller 2403' (or '?'); the incident was not imported",
    ]
    assert summary.failed == 1
    assert Ticket.objects.count() == 0
    assert Worker.objects.count() == 0


def test_a_change_the_domain_refuses_rolls_back_the_whole_incident(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The domain refuses to close INC9000007 (line 4) after its opening,
    # acknowledgement and resolve went through. Nothing of it may stay: no
    # ticket, event, comment or requester; and INC9000008 still goes in.
    close = services.close

    def refuse_one(ticket: Ticket, actor: Worker | None, at: datetime) -> Ticket:
        if ticket.source_ref == "servicenow:INC9000007":
            raise InvalidTransition(
                "%(ticket)s cannot be closed just now.", ticket=ticket.reference
            )
        return close(ticket, actor, at=at)

    monkeypatch.setattr(services, "close", refuse_one)
    log = write_log(
        tmp_path / "refused.csv",
        row("INC9000007", "New", 0, OPENED, OPENED),
        row("INC9000007", "Awaiting User Info", 1, OPENED, "1/3/2016 10:30"),
        row("INC9000007", "Closed", 2, OPENED, "1/3/2016 11:00"),
        row("INC9000008", "New", 0, OPENED, OPENED, caller="Caller 7002"),
        row("INC9000008", "Closed", 1, OPENED, "1/3/2016 11:00", caller="Caller 7002"),
    )

    summary = import_event_log(log, UTC)

    # INC9000007 was the first ticket numbered, CR-1001.
    assert [str(problem) for problem in summary.problems] == [
        "line 4: INC9000007: CR-1001 cannot be closed just now; the incident "
        "was not imported",
    ]
    assert (summary.imported, summary.failed) == (1, 1)
    assert list(Ticket.objects.values_list("source_ref", "status")) == [
        ("servicenow:INC9000008", "closed")
    ]
    assert not TicketEvent.objects.exclude(
        ticket__source_ref="servicenow:INC9000008"
    ).exists()
    assert not Comment.objects.exists()
    assert not Worker.objects.filter(username="caller-7001").exists()


def test_an_incident_number_too_long_to_remember_is_refused(tmp_path: Path) -> None:
    # A ticket remembers "servicenow:" and the number in 100 characters:
    # 100 - 11 = 89 are left for the number.
    number = "INC" + "9" * 87
    log = write_log(tmp_path / "long.csv", row(number, "New", 0, OPENED, OPENED))

    summary = import_event_log(log, UTC)

    assert [str(problem) for problem in summary.problems] == [
        f"line 2: {number}: the incident number is 90 characters long; at most "
        "89 fit; the incident was not imported",
    ]
    assert Ticket.objects.count() == 0


def test_a_file_without_a_needed_column_is_refused(tmp_path: Path) -> None:
    log = tmp_path / "no-priority.csv"
    log.write_text(HEADER.replace(",priority,", ",") + "\n", encoding="utf-8")

    with pytest.raises(InvalidInput) as refused:
        import_event_log(log, UTC)

    assert refused.value.message == (
        f"{log} has no column priority; a ServiceNow event log has at least "
        "number, incident_state, sys_mod_count, caller_id, opened_at, "
        "sys_updated_at, contact_type, priority."
    )


def test_a_file_that_is_not_utf8_text_is_refused_before_anything_is_imported(
    tmp_path: Path,
) -> None:
    log = tmp_path / "latin1.csv"
    good = row("INC9000013", "New", 0, OPENED, OPENED)
    log.write_bytes(f"{HEADER}\n{good}\n".encode() + b"INC9000014,Nouveau \xe9\n")

    with pytest.raises(InvalidInput) as refused:
        import_event_log(log, UTC)

    # The byte 0xe9 stands after the header, the row and their two line
    # ends, and after "INC9000014,Nouveau " (19 characters).
    position = len(HEADER) + 1 + len(good) + 1 + 19
    assert refused.value.message == (
        f"{log} cannot be read as UTF-8 CSV text: 'utf-8' codec "
        f"can't decode byte 0xe9 in position {position}: invalid continuation "
        "byte."
    )
    assert Ticket.objects.count() == 0
