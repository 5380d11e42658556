"""Reading the log and mapping rows to steps, without a database."""

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from credence.imports.servicenow_log import (
    Action,
    EventLog,
    IncidentHistory,
    Position,
    RawIncident,
    parse_timestamp,
    read_history,
)
from tests.imports.conftest import row, utc, write_log

OPENED = "1/3/2016 10:00"


def _history(tmp_path: Path, *lines: str) -> IncidentHistory:
    log = EventLog(write_log(tmp_path / "log.csv", *lines))
    incidents = [item for item in log.incidents() if isinstance(item, RawIncident)]
    assert len(incidents) == 1
    return read_history(incidents[0], log.header, UTC)


def _actions(history: IncidentHistory) -> list[tuple[str, int]]:
    return [(step.action.value, step.line) for step in history.steps]


def test_timestamps_are_day_first() -> None:
    assert parse_timestamp("5/3/2016 12:00", "opened_at", UTC) == utc(2016, 3, 5, 12, 0)
    assert parse_timestamp("29/2/2016 01:16", "opened_at", UTC) == utc(
        2016, 2, 29, 1, 16
    )


@pytest.mark.parametrize(
    "text", ["2016-03-05 12:00", "5/3/2016", "31/2/2016 10:00", "5/13/2016 10:00", "?"]
)
def test_a_timestamp_not_in_the_logs_form_is_refused(text: str) -> None:
    with pytest.raises(ValueError) as refused:
        parse_timestamp(text, "opened_at", UTC)

    assert str(refused.value) == (
        f"opened_at {text!r} is not a date and time in the form D/M/YYYY HH:MM "
        "(day first)"
    )


def test_a_wall_clock_time_is_read_in_its_zone_across_daylight_saving() -> None:
    new_york = ZoneInfo("America/New_York")
    # 12 March 2016 is still standard time (UTC-5), 14 March daylight time
    # (UTC-4).
    assert parse_timestamp("12/3/2016 09:00", "x", new_york) == utc(2016, 3, 12, 14, 0)
    assert parse_timestamp("14/3/2016 09:00", "x", new_york) == utc(2016, 3, 14, 13, 0)


def test_opening_takes_the_first_rows_priority_channel_and_caller(
    tmp_path: Path,
) -> None:
    history = _history(
        tmp_path,
        row(
            "INC9000001",
            "New",
            0,
            OPENED,
            OPENED,
            priority="4 - Low",
            contact_type="Email",
        ),
        row("INC9000001", "Active", 1, OPENED, "1/3/2016 10:05"),
    )

    assert (history.priority, history.channel, history.caller) == (
        "low",
        "email",
        "7001",
    )
    assert history.opened_at == datetime(2016, 3, 1, 10, 0, tzinfo=UTC)
    assert history.first_line == 2


def test_leaving_awaiting_user_info_for_closed_resumes_resolves_and_closes(
    tmp_path: Path,
) -> None:
    history = _history(
        tmp_path,
        row("INC9000001", "Awaiting User Info", 0, OPENED, OPENED),
        row("INC9000001", "Closed", 1, OPENED, "1/3/2016 11:00"),
    )

    assert _actions(history) == [
        ("acknowledge", 2),
        ("wait", 2),
        ("resume", 3),
        ("resolve", 3),
        ("close", 3),
    ]


def test_reopening_into_awaiting_user_info_reopens_then_waits(
    tmp_path: Path,
) -> None:
    history = _history(
        tmp_path,
        row("INC9000001", "Resolved", 0, OPENED, OPENED),
        row("INC9000001", "Awaiting User Info", 1, OPENED, "1/3/2016 11:00"),
        row("INC9000001", "Resolved", 2, OPENED, "1/3/2016 12:00"),
    )

    assert _actions(history) == [
        ("acknowledge", 2),
        ("resolve", 2),
        ("reopen", 3),
        ("wait", 3),
        ("resume", 4),
        ("resolve", 4),
    ]


def test_resolved_after_closed_leaves_it_closed_until_it_is_reopened(
    tmp_path: Path,
) -> None:
    # Closed, then Resolved (nothing: Credence has no way from closed back
    # to resolved), Closed again (already closed), then Active (reopen).
    history = _history(
        tmp_path,
        row("INC9000001", "Active", 0, OPENED, OPENED),
        row("INC9000001", "Closed", 1, OPENED, "1/3/2016 11:00"),
        row("INC9000001", "Resolved", 2, OPENED, "1/3/2016 12:00"),
        row("INC9000001", "Closed", 3, OPENED, "1/3/2016 13:00"),
        row("INC9000001", "Active", 4, OPENED, "1/3/2016 14:00"),
    )

    assert _actions(history) == [
        ("acknowledge", 2),
        ("resolve", 3),
        ("close", 3),
        ("reopen", 6),
    ]


def test_other_awaiting_states_do_not_wait_on_the_worker(tmp_path: Path) -> None:
    history = _history(
        tmp_path,
        row("INC9000001", "New", 0, OPENED, OPENED),
        row("INC9000001", "Awaiting Vendor", 1, OPENED, "1/3/2016 11:00"),
        row("INC9000001", "Awaiting Problem", 2, OPENED, "1/3/2016 12:00"),
        row("INC9000001", "Active", 3, OPENED, "1/3/2016 13:00"),
    )

    assert [step.action for step in history.steps] == [Action.ACKNOWLEDGE]


def test_rows_marked_minus_100_are_counted_and_left_out(tmp_path: Path) -> None:
    log = EventLog(
        write_log(
            tmp_path / "log.csv",
            row("INC9000001", "New", 0, OPENED, OPENED),
            row("INC9000001", "-100", 1, OPENED, "1/3/2016 11:00"),
            row("INC9000001", "Active", 2, OPENED, "1/3/2016 12:00"),
        )
    )

    [incident] = list(log.incidents())

    assert isinstance(incident, RawIncident)
    assert incident.data_error_rows == 1
    assert [line for line, _ in incident.rows] == [2, 4]


def test_a_position_counts_rows_in_order_of_update_wherever_they_stand(
    tmp_path: Path,
) -> None:
    # The same two rows, the second file with them the other way round and
    # on other lines, then a third row.
    first = _history(
        tmp_path,
        row("INC9000001", "New", 0, OPENED, OPENED),
        row("INC9000001", "Active", 1, OPENED, "1/3/2016 10:30"),
    )
    later = _history(
        tmp_path,
        row("INC9000001", "Resolved", 2, OPENED, "1/3/2016 11:00"),
        row("INC9000001", "Active", 1, OPENED, "1/3/2016 10:30"),
        row("INC9000001", "New", 0, OPENED, OPENED),
    )

    assert later.position(2) == first.position()
    assert later.position() != first.position()
    assert str(first.position()).startswith("2 rows ")
    # Line 2 of the later file is its third row in order: acknowledged on
    # line 3 (row 1), resolved on line 2 (row 2).
    assert [(step.action.value, step.line, step.row) for step in later.steps] == [
        ("acknowledge", 3, 1),
        ("resolve", 2, 2),
    ]
    assert [step.action for step in later.steps_after(2)] == [Action.RESOLVE]


def test_a_position_reads_back_from_its_text() -> None:
    position = Position(19, "0123456789abcdef0123456789abcdef")

    assert str(position) == "19 rows 0123456789abcdef0123456789abcdef"
    assert Position.from_text(str(position)) == position


@pytest.mark.parametrize("text", [None, "", "19", "many rows abc", "19 rows "])
def test_a_position_that_cannot_be_read_is_none(text: str | None) -> None:
    assert Position.from_text(text) is None
