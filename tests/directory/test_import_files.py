"""Files an import refuses whole, changing nothing; and each source's help."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

from credence.directory.models import Device
from credence.workers.models import Worker
from tests.directory.conftest import run_import, write_csv

pytestmark = pytest.mark.django_db

# The first bytes of a PNG image: not text at all.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


def test_a_binary_file_is_not_csv(tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(PNG)

    ran = run_import("directory", path)

    assert ran.status == 1
    assert ran.failure == (
        f"{path} is not a CSV file: it is not UTF-8 text. Save it as CSV (UTF-8) "
        "with a header row and try again."
    )
    assert ran.out == ""


def test_a_text_file_with_binary_data_is_not_csv(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_bytes(b"serial,type,model\nTST1,laptop,A\x00B\n")

    ran = run_import("devices", path)

    assert ran.failure == (
        f"{path} is not a CSV file: it holds binary data. Save it as CSV (UTF-8) "
        "with a header row and try again."
    )
    assert not Device.objects.exists()


def test_broken_quoting_fails_the_whole_file_and_changes_nothing(
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "devices.csv",
        "serial,type,model",
        "TST1,laptop,Aurora 14 G3",
        'TST2,laptop,"Aurora" 16',
    )

    ran = run_import("devices", path)

    assert ran.failure == (
        f"{path} is not a CSV file (line 3: ',' expected after '\"'); save it as "
        "CSV with a header row and try again."
    )
    assert not Device.objects.exists()


def test_a_missing_required_column_fails_the_whole_file(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "devices.csv",
        "serial,model,username",
        "TST1,Aurora 14 G3,",
    )

    ran = run_import("devices", path)

    assert ran.status == 1
    assert ran.failure == (
        f"{path} has no column type. Its first row must name the columns serial, "
        "type, model (and may add os, username, assigned_since); it names serial, "
        "model, username."
    )
    assert not Device.objects.exists()


def test_a_file_without_a_header_row_fails_whole(
    worker: Worker, tmp_path: Path
) -> None:
    # The rows are good, but the header row was left out.
    path = write_csv(
        tmp_path / "workers.csv",
        "wanda,Wanda,Weber,wanda@example.test",
        "pia.lund,Pia,Lund,pia.lund@example.test",
    )

    ran = run_import("directory", path)

    assert ran.failure == (
        f"{path} has no column username, first_name, last_name, email. Its first "
        "row must name the columns username, first_name, last_name, email (and may "
        "add kind, team, manager, start_date, time_zone); it names wanda, Wanda, "
        "Weber, wanda@example.test."
    )
    assert Worker.objects.get(username="wanda").last_name == "Worker"
    assert not Worker.objects.filter(username="pia.lund").exists()


def test_an_empty_file_says_what_the_header_needs(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")

    ran = run_import("applications", path)

    assert ran.failure == (
        f"{path} is empty; its first row must name the columns, at least "
        "application, username, role."
    )


def test_a_column_named_twice_fails_whole(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "access.csv",
        "application,username,role,Role",
        "Ledger,wanda,viewer,admin",
    )

    ran = run_import("applications", path)

    assert ran.failure == (
        f"{path} names the column role more than once; keep one of each."
    )


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    ran = run_import("changes", tmp_path / "nowhere.csv")

    assert ran.failure == f"There is no file at {tmp_path / 'nowhere.csv'}."


def test_a_byte_order_mark_and_windows_line_ends_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "workers.csv"
    path.write_bytes(
        b"\xef\xbb\xbfusername,first_name,last_name,email\r\n"
        b"kim.roe,Kim,Roe,kim.roe@example.test\r\n"
    )

    ran = run_import("directory", path)

    assert ran.status == 0
    assert Worker.objects.get(username="kim.roe").last_name == "Roe"


@pytest.mark.parametrize(
    ("source", "columns"),
    [
        (
            "directory",
            [
                "username",
                "first_name",
                "last_name",
                "email",
                "kind",
                "team",
                "manager",
                "start_date",
                "time_zone",
            ],
        ),
        ("devices", ["serial", "type", "model", "os", "username", "assigned_since"]),
        ("applications", ["application", "username", "role", "description"]),
        (
            "changes",
            [
                "reference",
                "summary",
                "happened_at",
                "application",
                "device",
                "description",
            ],
        ),
    ],
)
def test_each_source_documents_its_columns_in_its_help(
    source: str, columns: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        call_command("import", source, "--help")

    help_text = capsys.readouterr().out
    listed = help_text.split("columns:\n")[1].split("\n\n")[0]
    # A column's line starts with two spaces; its continuation with more.
    named = re.findall(r"^  (\S+)", listed, flags=re.MULTILINE)
    assert named == columns
