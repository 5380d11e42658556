"""`credence import servicenow-eventlog PATH [--time-zone ZONE]`."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from credence.tickets.models import Ticket
from tests.imports.conftest import EXCERPT, row, write_log

pytestmark = pytest.mark.django_db


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_prints_a_summary_and_progress_as_it_goes() -> None:
    out, err = _run("servicenow-eventlog", str(EXCERPT), "--progress-every", "10")

    summary = re.sub(r"in \d+\.\d s", "in N s", out)
    assert summary == (
        f"{EXCERPT}: 20 incidents in N s\n"
        "  imported: 20\n"
        "  already present: 0\n"
        "  failed: 0\n"
        "  rows skipped as -100: 2\n"
    )
    progress = [
        re.sub(r"[\d.]+ incidents a second", "R", line) for line in err.splitlines()
    ]
    assert progress == [
        "10 of 20 incidents: 10 imported, 0 already present, 0 failed; R",
        "20 of 20 incidents: 20 imported, 0 already present, 0 failed; R",
    ]
    assert Ticket.objects.count() == 20


def test_import_reports_bad_rows_on_stderr_and_goes_on(tmp_path: Path) -> None:
    log = write_log(
        tmp_path / "broken.csv",
        row("INC9000001", "New", 0, "1/3/2016 10:00", "1/3/2016 99:00"),
        row("INC9000002", "New", 0, "1/3/2016 10:00", "1/3/2016 10:00"),
    )

    out, err = _run("servicenow-eventlog", str(log))

    assert err == (
        "line 2: INC9000001: sys_updated_at '1/3/2016 99:00' is not a date and "
        "time in the form D/M/YYYY HH:MM (day first); the incident was not "
        "imported\n"
    )
    assert "  imported: 1\n  already present: 0\n  failed: 1\n" in out


@pytest.mark.parametrize("zone", ["Mars/Olympus", "America", "", "../etc"])
def test_a_zone_that_is_not_a_time_zone_is_refused(zone: str) -> None:
    with pytest.raises(CommandError) as refused:
        _run("servicenow-eventlog", str(EXCERPT), "--time-zone", zone)

    assert str(refused.value) == (
        f"{zone!r} is not a time zone; give an IANA time zone such as "
        "Europe/Berlin or America/Sao_Paulo."
    )
    assert Ticket.objects.count() == 0


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.csv"

    with pytest.raises(CommandError) as refused:
        _run("servicenow-eventlog", str(missing))

    assert str(refused.value) == f"There is no file at {missing}."


def test_a_source_must_be_named() -> None:
    with pytest.raises(CommandError) as refused:
        _run()

    assert str(refused.value) == ("Error: the following arguments are required: SOURCE")
