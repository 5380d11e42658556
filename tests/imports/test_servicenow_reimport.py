"""Importing a log again: the rows an incident gained since are applied.

The first import may have read a file cut short, with only the first rows
of an incident; a later file holds them and more. Only the newer rows are
played through the domain operations; an incident whose earlier rows differ
from those applied is left alone with a warning.

Times are UTC; the business calendar is Monday to Friday 09:00-17:00 UTC.
1 March 2016 is a Tuesday.
"""

from datetime import UTC
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from credence.imports.servicenow import ImportSummary, import_event_log
from credence.tickets import services
from credence.tickets.models import Ticket, TicketEvent, TicketSpan
from credence.workers.models import Worker
from tests.imports.conftest import FIXTURES, history, row, ticket_for, utc, write_log

pytestmark = pytest.mark.django_db

# The 19 rows of INC0000669, lines 1996-2014 of the shared log.
INC0000669 = FIXTURES / "incident_INC0000669.csv"
OPENED = "1/3/2016 10:00"


def _counts(summary: ImportSummary) -> tuple[int, int, int, int, int]:
    return (
        summary.imported,
        summary.updated,
        summary.already_present,
        summary.left_alone,
        summary.failed,
    )


def _first_rows_of_inc0000669(path: Path, rows: int, number: str) -> Path:
    lines = INC0000669.read_text(encoding="utf-8").splitlines()
    chosen = [line.replace("INC0000669", number) for line in lines[1 : rows + 1]]
    return write_log(path, *chosen)


def _cut_and_whole(tmp_path: Path, number: str = "INC0000669") -> tuple[Path, Path]:
    cut = _first_rows_of_inc0000669(tmp_path / f"cut-{number}.csv", 5, number)
    whole = _first_rows_of_inc0000669(tmp_path / f"whole-{number}.csv", 19, number)
    return cut, whole


def _snapshot(number: str) -> tuple[object, ...]:
    ticket = ticket_for(number)
    return (
        ticket.source_position,
        ticket.status,
        ticket.updated_at,
        history(number),
        TicketSpan.objects.filter(ticket=ticket).count(),
    )


def test_a_file_cut_short_is_carried_on_by_the_whole_file(tmp_path: Path) -> None:
    cut, whole = _cut_and_whole(tmp_path)
    import_event_log(cut, UTC)
    # Rows 1-5: New at 12:05, New, New, Active on 2 March 15:13 (the first
    # row not New: acknowledged), Active at 16:14 (nothing).
    assert history("INC0000669") == [
        ("opened", utc(2016, 3, 1, 12, 1)),
        ("acknowledged", utc(2016, 3, 2, 15, 13)),
    ]
    assert ticket_for("INC0000669").status == "in_progress"

    summary = import_event_log(whole, UTC)

    assert _counts(summary) == (0, 1, 0, 0, 0)
    assert summary.problems == []
    # Row 6 enters Awaiting User Info at 2 March 16:14 (the question, then
    # the wait), rows 7-10 stay there, row 11 leaves it on 3 March 09:43,
    # row 18 resolves on 4 March 08:02, row 19 closes on 9 March 09:00.
    assert history("INC0000669") == [
        ("opened", utc(2016, 3, 1, 12, 1)),
        ("acknowledged", utc(2016, 3, 2, 15, 13)),
        ("replied", utc(2016, 3, 2, 16, 14)),
        ("waiting", utc(2016, 3, 2, 16, 14)),
        ("resumed", utc(2016, 3, 3, 9, 43)),
        ("resolved", utc(2016, 3, 4, 8, 2)),
        ("closed", utc(2016, 3, 9, 9, 0)),
    ]
    ticket = ticket_for("INC0000669")
    assert (ticket.status, ticket.priority) == ("closed", "medium")
    assert ticket.resolved_at == utc(2016, 3, 4, 8, 2)
    assert ticket.closed_at == utc(2016, 3, 9, 9, 0)
    assert ticket.source_position is not None
    assert ticket.source_position.startswith("19 rows ")
    # Medium: 60 business minutes to respond, 480 to resolve. Response:
    # Tuesday 12:01-17:00 is 299 min, Wednesday 09:00-15:13 is 373: 672,
    # breached; due Tuesday 12:01 + 60 = 13:01.
    assert ticket.response_outcome == "breached"
    assert ticket.response_elapsed_minutes == 672
    assert ticket.response_due == utc(2016, 3, 1, 13, 1)
    # Resolution: 299 on Tuesday, Wednesday 09:00-16:14 is 434, paused to
    # Thursday 09:43, then 09:43-17:00 is 437, and Friday 08:02 is before
    # opening: 299 + 434 + 437 = 1170, breached. Due: 480 - 299 = 181 min
    # from Wednesday 09:00, so Wednesday 12:01.
    assert ticket.resolution_outcome == "breached"
    assert ticket.resolution_elapsed_minutes == 1170
    assert ticket.resolution_due == utc(2016, 3, 2, 12, 1)


def test_a_ticket_carried_on_stands_as_one_imported_whole(tmp_path: Path) -> None:
    cut, whole = _cut_and_whole(tmp_path, "INC9000669")
    import_event_log(cut, UTC)
    import_event_log(whole, UTC)
    _, once = _cut_and_whole(tmp_path, "INC9000670")

    import_event_log(once, UTC)

    columns = [
        "status",
        "priority",
        "source_position",
        "acknowledged_at",
        "resolved_at",
        "closed_at",
        "response_due",
        "response_outcome",
        "response_elapsed_minutes",
        "resolution_due",
        "resolution_outcome",
        "resolution_elapsed_minutes",
        "next_due",
    ]
    span_columns = [
        "start",
        "end",
        "priority",
        "resolved",
        "response_outcome",
        "resolution_outcome",
        "resolution_elapsed_minutes",
    ]
    carried, whole_once = ticket_for("INC9000669"), ticket_for("INC9000670")
    assert [getattr(carried, name) for name in columns[:2]] == ["closed", "medium"]
    # The digest covers what was read of the rows, not the incident number,
    # so the two positions are the same text.
    assert [getattr(carried, name) for name in columns] == [
        getattr(whole_once, name) for name in columns
    ]
    spans = [
        list(TicketSpan.objects.filter(ticket=ticket).values_list(*span_columns))
        for ticket in (carried, whole_once)
    ]
    assert spans[0] == spans[1]
    assert [kind for kind, _ in history("INC9000669")] == [
        kind for kind, _ in history("INC9000670")
    ]


def test_importing_the_whole_file_again_after_carrying_on_changes_nothing(
    tmp_path: Path,
) -> None:
    cut, whole = _cut_and_whole(tmp_path)
    import_event_log(cut, UTC)
    import_event_log(whole, UTC)
    before = _snapshot("INC0000669")
    events = TicketEvent.objects.count()

    summary = import_event_log(whole, UTC)

    assert _counts(summary) == (0, 0, 1, 0, 0)
    assert _snapshot("INC0000669") == before
    assert TicketEvent.objects.count() == events


def test_the_newer_rows_may_stand_anywhere_in_the_later_file(tmp_path: Path) -> None:
    first = write_log(
        tmp_path / "first.csv",
        row("INC9000020", "New", 0, OPENED, OPENED),
        row("INC9000020", "Active", 1, OPENED, "1/3/2016 10:30"),
    )
    # The same two rows after the new one, with another incident between.
    later = write_log(
        tmp_path / "later.csv",
        row("INC9000020", "Resolved", 2, OPENED, "1/3/2016 11:00"),
        row("INC9000021", "New", 0, OPENED, OPENED, caller="Caller 7002"),
        row("INC9000020", "Active", 1, OPENED, "1/3/2016 10:30"),
        row("INC9000020", "New", 0, OPENED, OPENED),
    )
    import_event_log(first, UTC)

    summary = import_event_log(later, UTC)

    assert _counts(summary) == (1, 1, 0, 0, 0)
    assert history("INC9000020") == [
        ("opened", utc(2016, 3, 1, 10, 0)),
        ("acknowledged", utc(2016, 3, 1, 10, 30)),
        ("resolved", utc(2016, 3, 1, 11, 0)),
    ]
    assert ticket_for("INC9000021").status == "new"


def test_a_later_file_with_fewer_rows_leaves_the_ticket_alone(tmp_path: Path) -> None:
    first = write_log(
        tmp_path / "first.csv",
        row("INC9000022", "New", 0, OPENED, OPENED),
        row("INC9000022", "Active", 1, OPENED, "1/3/2016 10:30"),
        row("INC9000022", "Resolved", 2, OPENED, "1/3/2016 11:00"),
    )
    fewer = write_log(
        tmp_path / "fewer.csv",
        row("INC9000022", "New", 0, OPENED, OPENED),
        row("INC9000022", "Active", 1, OPENED, "1/3/2016 10:30"),
    )
    import_event_log(first, UTC)
    before = _snapshot("INC9000022")

    summary = import_event_log(fewer, UTC)

    assert _counts(summary) == (0, 0, 0, 1, 0)
    assert [str(problem) for problem in summary.problems] == [
        "warning: line 2: INC9000022: the file holds 2 of its rows where 3 were "
        "imported before; the ticket was left as it was",
    ]
    assert summary.problems[0].warning
    assert _snapshot("INC9000022") == before


@pytest.mark.parametrize(
    "later",
    [
        # Row 2 now says High.
        [
            row("INC9000023", "New", 0, OPENED, OPENED),
            row(
                "INC9000023", "Active", 1, OPENED, "1/3/2016 10:30", priority="2 - High"
            ),
            row("INC9000023", "Resolved", 2, OPENED, "1/3/2016 11:00"),
        ],
        # A row at 10:15 now stands between the two imported.
        [
            row("INC9000023", "New", 0, OPENED, OPENED),
            row("INC9000023", "Awaiting Vendor", 1, OPENED, "1/3/2016 10:15"),
            row("INC9000023", "Active", 1, OPENED, "1/3/2016 10:30"),
            row("INC9000023", "Resolved", 2, OPENED, "1/3/2016 11:00"),
        ],
    ],
    ids=["row-changed", "row-added-among-them"],
)
def test_a_later_file_whose_earlier_rows_differ_leaves_the_ticket_alone(
    tmp_path: Path, later: list[str]
) -> None:
    first = write_log(
        tmp_path / "first.csv",
        row("INC9000023", "New", 0, OPENED, OPENED),
        row("INC9000023", "Active", 1, OPENED, "1/3/2016 10:30"),
    )
    import_event_log(first, UTC)
    before = _snapshot("INC9000023")

    summary = import_event_log(write_log(tmp_path / "later.csv", *later), UTC)

    assert _counts(summary) == (0, 0, 0, 1, 0)
    assert [str(problem) for problem in summary.problems] == [
        "warning: line 2: INC9000023: its first 2 rows in order of update are "
        "not the 2 imported before: a row was changed or one was added among "
        "them, or the times were read in another time zone; the ticket was "
        "left as it was",
    ]
    assert _snapshot("INC9000023") == before


def test_the_same_file_read_in_another_time_zone_is_left_alone(
    tmp_path: Path,
) -> None:
    log = write_log(
        tmp_path / "log.csv",
        row("INC9000024", "New", 0, OPENED, OPENED),
        row("INC9000024", "Active", 1, OPENED, "1/3/2016 10:30"),
    )
    import_event_log(log, UTC)

    summary = import_event_log(log, ZoneInfo("Europe/Berlin"))

    assert _counts(summary) == (0, 0, 0, 1, 0)
    assert history("INC9000024")[0] == ("opened", utc(2016, 3, 1, 10, 0))


def test_newer_rows_the_domain_refuses_leave_the_ticket_as_it_was(
    tmp_path: Path, agent: Worker
) -> None:
    first = write_log(
        tmp_path / "first.csv",
        row("INC9000025", "New", 0, OPENED, OPENED),
        row("INC9000025", "Active", 1, OPENED, "1/3/2016 10:30"),
    )
    later = write_log(
        tmp_path / "later.csv",
        row("INC9000025", "New", 0, OPENED, OPENED),
        row("INC9000025", "Active", 1, OPENED, "1/3/2016 10:30"),
        row("INC9000025", "Awaiting User Info", 2, OPENED, "1/3/2016 10:45"),
        row("INC9000025", "Resolved", 3, OPENED, "1/3/2016 11:00"),
    )
    import_event_log(first, UTC)
    # An agent worked the imported ticket in Credence since, at the frozen
    # now (1 March 2017): the log's later rows would rewrite its past.
    services.add_note(ticket_for("INC9000025"), agent, "Called the worker back.")
    before = _snapshot("INC9000025")

    summary = import_event_log(later, UTC)

    assert _counts(summary) == (0, 0, 0, 0, 1)
    # The first refused step is the wait on line 4 (its public question).
    assert [str(problem) for problem in summary.problems] == [
        "line 4: INC9000025: This change is stamped 2016-03-01T10:45:00+00:00, "
        "before the ticket's last event at 2017-03-01T00:00:00+00:00. Events "
        "are recorded in time order; the ticket was left as it was",
    ]
    assert _snapshot("INC9000025") == before


def test_a_bad_row_in_an_incident_present_leaves_its_ticket_as_it_was(
    tmp_path: Path,
) -> None:
    first = write_log(
        tmp_path / "first.csv", row("INC9000026", "New", 0, OPENED, OPENED)
    )
    later = write_log(
        tmp_path / "later.csv",
        row("INC9000026", "New", 0, OPENED, OPENED),
        row("INC9000026", "Active", 1, OPENED, "1/3/2016 25:30"),
    )
    import_event_log(first, UTC)
    before = _snapshot("INC9000026")

    summary = import_event_log(later, UTC)

    assert _counts(summary) == (0, 0, 0, 0, 1)
    assert [str(problem) for problem in summary.problems] == [
        "line 3: INC9000026: sys_updated_at '1/3/2016 25:30' is not a date and "
        "time in the form D/M/YYYY HH:MM (day first); the ticket was left as it "
        "was",
    ]
    assert _snapshot("INC9000026") == before


def test_a_ticket_imported_before_positions_were_kept_is_left_as_present(
    tmp_path: Path,
) -> None:
    first = write_log(
        tmp_path / "first.csv", row("INC9000027", "New", 0, OPENED, OPENED)
    )
    later = write_log(
        tmp_path / "later.csv",
        row("INC9000027", "New", 0, OPENED, OPENED),
        row("INC9000027", "Active", 1, OPENED, "1/3/2016 10:30"),
    )
    import_event_log(first, UTC)
    # What a ticket imported before migration 0004 holds.
    Ticket.objects.update(source_position=None)

    summary = import_event_log(later, UTC)

    assert _counts(summary) == (0, 0, 1, 0, 0)
    assert history("INC9000027") == [("opened", utc(2016, 3, 1, 10, 0))]
