"""`credence report --month`: JSON for tools, a table for people."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.management import CommandError, call_command

from credence.tickets.models import Ticket
from tests.metrics.conftest import MID_MONTH
from tests.metrics.expected import AT_MID_MONTH, AT_MONTH_END

REPO = Path(__file__).resolve().parent.parent.parent


def report(*args: str) -> str:
    out = StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def no_self_service(asked: int) -> dict[str, Any]:
    """The self-service section of the March fixture, which has no sessions,
    no satisfaction answers and no new workers; `asked` counts the
    resolutions up to the instant (T1, T2, T3, T5 twice, T6, T8, T10 and X1
    by the month's end: 9; X1, T1, T3, T2, T5's first and T6 by mid-month:
    6)."""
    return {
        "deflection": {
            "sessions": 0,
            "deflected": 0,
            "solved": 0,
            "no_ticket": 0,
            "ended_in_ticket": 0,
            "still_open": 0,
            "solved_then_ticket": 0,
            "deflection_rate": None,
        },
        "satisfaction": {
            "asked": asked,
            "responses": 0,
            "response_rate": 0.0,
            "mean": None,
            "distribution": {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0},
        },
        "first_week": {
            "new_workers": 0,
            "submitted": 0,
            "not_submitted": 0,
            "still_in_first_week": 0,
            "share": None,
        },
    }


def with_self_service(expected: dict[str, Any], asked: int) -> dict[str, Any]:
    return {**expected, "self_service": no_self_service(asked)}


def squeezed(text: str) -> list[str]:
    """The output's lines with runs of spaces made one, to compare words."""
    return [" ".join(line.split()) for line in text.splitlines()]


def test_json_is_the_month_as_it_stood_at_its_end(march: dict[str, Ticket]) -> None:
    assert json.loads(
        report("--month", "2026-03", "--format", "json")
    ) == with_self_service(AT_MONTH_END, asked=9)


def test_json_as_of_an_instant_in_the_month(march: dict[str, Ticket]) -> None:
    output = report(
        "--month", "2026-03", "--format", "json", "--as-of", "2026-03-11T12:00:00Z"
    )

    assert json.loads(output) == with_self_service(AT_MID_MONTH, asked=6)


def test_as_of_without_an_offset_is_local_time(march: dict[str, Ticket]) -> None:
    # The installation's zone is UTC in tests.
    output = report(
        "--month", "2026-03", "--format", "json", "--as-of", "2026-03-11T12:00"
    )

    assert json.loads(output) == with_self_service(AT_MID_MONTH, asked=6)


def test_a_month_not_over_yet_is_measured_now(march: dict[str, Ticket]) -> None:
    # Measured at its end, a month still going on would count breaches
    # that have not happened; so without --as-of it stands at now.
    with time_machine.travel(MID_MONTH, tick=False):
        output = report("--month", "2026-03", "--format", "json")

    assert json.loads(output) == with_self_service(AT_MID_MONTH, asked=6)


def test_table_shows_overall_priorities_channels_and_kinds(
    march: dict[str, Ticket],
) -> None:
    lines = squeezed(report("--month", "2026-03"))

    # The figures are those of AT_MONTH_END, worked out in expected.py.
    assert lines[:2] == [
        "Service metrics for March 2026",
        "Tickets opened from 2026-03-01 00:00 to 2026-04-01 00:00, as they "
        "stood at 2026-04-01 00:00 (UTC).",
    ]
    tickets = lines.index("Tickets volume completed rate")
    assert lines[tickets + 1 : tickets + 7] == [
        "overall 10 8 80.0%",
        "highest 1 1 100.0%",
        "high 2 2 100.0%",
        "medium 4 4 100.0%",
        "low 2 1 50.0%",
        "lowest 1 0 0.0%",
    ]
    response = lines.index(
        "Response compliance target met breached mean min median min"
    )
    assert lines[response + 1 : response + 7] == [
        "overall 60.0% 80.0% missed 6 4 46.11 40.00",
        "highest 100.0% 80.0% met 1 0 10.00 10.00",
        "high 50.0% 80.0% missed 1 1 15.00 15.00",
        "medium 75.0% 80.0% missed 3 1 53.75 47.50",
        "low 50.0% 80.0% missed 1 1 80.00 80.00",
        "lowest 0.0% 80.0% missed 0 1 — —",
    ]
    resolution = lines.index(
        "Resolution compliance target met breached mean min median min"
    )
    assert lines[resolution + 1 : resolution + 7] == [
        "overall 50.0% 80.0% missed 4 4 562.50 420.00",
        "highest 100.0% 80.0% met 1 0 90.00 90.00",
        "high 50.0% 80.0% missed 1 1 240.00 240.00",
        "medium 25.0% 80.0% missed 1 3 817.50 825.00",
        "low 100.0% 80.0% met 1 0 660.00 660.00",
        "lowest — 80.0% 0 0 — —",
    ]
    channels = lines.index("Channel tickets")
    assert lines[channels + 1 : channels + 8] == [
        "portal 2",
        "assistant 1",
        "email 2",
        "chat 1",
        "phone 2",
        "walk-up 1",
        "api 1",
    ]
    kinds = lines.index("Kind tickets")
    assert lines[kinds + 1 : kinds + 3] == ["request 5", "incident 5"]
    # None moved; T4 alone open longer than 7 days at the month's end.
    project = lines.index("Project work tickets")
    assert lines[project + 1 :] == ["moved to project 0", "project candidates 1"]


# The last month is 2026-11 in full-width digits, which int() would read.
@pytest.mark.parametrize(
    "month", ["2016-13", "March", "2016-3", "2016-00", "\uff12\uff10\uff12\uff16-11"]
)
def test_a_bad_month_says_the_expected_form(db: None, month: str) -> None:
    with pytest.raises(CommandError) as error:
        report("--month", month)

    assert str(error.value) == (
        f"{month!r} is not a month: give it as YYYY-MM, for example 2016-03."
    )


@pytest.mark.parametrize("month", ["0001-01", "9999-12"])
def test_a_month_out_of_range_says_the_range(db: None, month: str) -> None:
    # Both once crashed: there is no month before 0001-01 to link to, nor
    # a first day after 9999-12 to end on.
    with pytest.raises(CommandError) as error:
        report("--month", month)

    assert str(error.value) == (
        f"{month!r} is out of range: choose a month between 1900-01 and 9998-12."
    )


def test_an_as_of_out_of_range_says_the_range(db: None) -> None:
    with pytest.raises(CommandError) as error:
        report("--month", "2026-03", "--as-of", "0001-01-01T00:00+14:00")

    assert str(error.value) == (
        "'0001-01-01T00:00+14:00' is out of range: choose an instant between "
        "1900-01-01 00:00 and 9998-12-31 23:59."
    )


def test_the_first_and_last_months_can_be_reported(db: None) -> None:
    first = json.loads(report("--month", "1900-01", "--format", "json"))
    last = json.loads(report("--month", "9998-12", "--format", "json"))

    assert first["period"] == {
        "start": "1900-01-01T00:00:00+00:00",
        "end": "1900-02-01T00:00:00+00:00",
        "as_of": "1900-02-01T00:00:00+00:00",
    }
    # 9998 has not ended in June 2026, so it is measured now.
    assert last["period"] == {
        "start": "9998-12-01T00:00:00+00:00",
        "end": "9999-01-01T00:00:00+00:00",
        "as_of": "2026-06-01T00:00:00+00:00",
    }
    assert first["overall"]["volume"] == last["overall"]["volume"] == 0


def test_a_bad_as_of_says_the_expected_form(db: None) -> None:
    with pytest.raises(CommandError) as error:
        report("--month", "2026-03", "--as-of", "yesterday")

    assert str(error.value) == (
        "'yesterday' is not an instant: give it in ISO 8601, for example "
        "2016-04-01T00:00:00+00:00."
    )


@pytest.mark.parametrize(
    ("month", "message"),
    [
        (
            "2016-13",
            "'2016-13' is not a month: give it as YYYY-MM, for example 2016-03.",
        ),
        (
            "9999-12",
            "'9999-12' is out of range: choose a month between 1900-01 and 9998-12.",
        ),
    ],
)
def test_a_bad_month_exits_non_zero_from_the_shell(
    tmp_path: Path, month: str, message: str
) -> None:
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "credence", "report", "--month", month],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 1
    # One line, no traceback.
    assert result.stderr.strip() == f"CommandError: {message}"


def test_the_month_is_local_midnight_to_local_midnight(db: None) -> None:
    # December 2025 ended long before June 2026, when the tests run.
    period = json.loads(report("--month", "2025-12", "--format", "json"))["period"]

    assert period == {
        "start": "2025-12-01T00:00:00+00:00",
        "end": "2026-01-01T00:00:00+00:00",
        "as_of": "2026-01-01T00:00:00+00:00",
    }
