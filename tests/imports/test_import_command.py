"""`credence import servicenow-eventlog PATH [--time-zone ZONE]`."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command, load_command_class
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
        "  updated with newer rows: 0\n"
        "  already present: 0\n"
        "  left alone, rows differ from those imported before: 0\n"
        "  failed: 0\n"
        "  rows skipped because their state was -100 (a data error in the log): "
        "2\n"
    )
    progress = [
        re.sub(r"[\d.]+ incidents a second", "R", line) for line in err.splitlines()
    ]
    assert progress == [
        "10 of 20 incidents: 10 imported, 0 updated, 0 already present, "
        "0 left alone, 0 failed; R",
        "20 of 20 incidents: 20 imported, 0 updated, 0 already present, "
        "0 left alone, 0 failed; R",
    ]
    assert Ticket.objects.count() == 20


def test_import_reports_bad_rows_on_stderr_goes_on_and_exits_with_1(
    tmp_path: Path,
) -> None:
    log = write_log(
        tmp_path / "broken.csv",
        row("INC9000001", "New", 0, "1/3/2016 10:00", "1/3/2016 99:00"),
        row("INC9000002", "New", 0, "1/3/2016 10:00", "1/3/2016 10:00"),
    )
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError) as failed:
        call_command("import", "servicenow-eventlog", str(log), stdout=out, stderr=err)

    assert err.getvalue() == (
        "line 2: INC9000001: sys_updated_at '1/3/2016 99:00' is not a date and "
        "time in the form D/M/YYYY HH:MM (day first); the incident was not "
        "imported\n"
    )
    # The summary is printed first, then the command fails.
    assert "  imported: 1\n" in out.getvalue()
    assert "  failed: 1\n" in out.getvalue()
    assert (
        str(failed.value)
        == "1 of 2 incidents failed; each is named above with its line."
    )
    assert failed.value.returncode == 1


def test_an_incident_left_alone_is_a_warning_and_not_a_failure(
    tmp_path: Path,
) -> None:
    opened = "1/3/2016 10:00"
    longer = write_log(
        tmp_path / "longer.csv",
        row("INC9000003", "New", 0, opened, opened),
        row("INC9000003", "Active", 1, opened, "1/3/2016 10:30"),
    )
    shorter = write_log(
        tmp_path / "shorter.csv", row("INC9000003", "New", 0, opened, opened)
    )
    _run("servicenow-eventlog", str(longer))

    out, err = _run("servicenow-eventlog", str(shorter))

    assert err == (
        "warning: line 2: INC9000003: the file holds 1 of its rows where 2 were "
        "imported before; the ticket was left as it was\n"
    )
    assert "  left alone, rows differ from those imported before: 1\n" in out
    assert "  failed: 0\n" in out


def test_the_help_says_when_the_import_exits_with_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    command = load_command_class("credence.imports", "import")
    parser = command.create_parser("credence", "import")

    with pytest.raises(SystemExit) as ended:
        parser.parse_args(["servicenow-eventlog", "--help"])

    assert ended.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert (
        "Exits with status 1 when any incident failed (each is named on stderr "
        "with its line), and 0 otherwise." in text
    )


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
