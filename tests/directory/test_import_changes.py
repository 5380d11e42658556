"""`credence import changes PATH [--time-zone ZONE]`: change records."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from credence.directory.models import Change
from tests.directory.conftest import (
    APPLICATIONS,
    CHANGES,
    DEVICES,
    WORKERS,
    counts,
    run_import,
    write_csv,
)

pytestmark = pytest.mark.django_db

HEADER = "reference,summary,happened_at,application,device"


@pytest.fixture
def directory() -> None:
    for source, path in (
        ("directory", WORKERS),
        ("devices", DEVICES),
        ("applications", APPLICATIONS),
    ):
        assert run_import(source, path).status == 0


def changes() -> list[tuple[str, str, datetime, str | None, str | None]]:
    return list(
        Change.objects.order_by("reference").values_list(
            "reference", "summary", "happened_at", "application__name", "device__serial"
        )
    )


def test_good_rows_create_changes_at_their_instants(directory: None) -> None:
    ran = run_import("changes", CHANGES)

    assert ran.status == 0
    assert ran.out == counts(
        CHANGES, rows=3, created=3, updated=0, unchanged=0, failed=0
    )
    assert changes() == [
        # 18:30 at UTC+1 is 17:30 UTC.
        (
            "CHG-1",
            "Ledger upgraded to 5.2",
            datetime(2026, 3, 2, 17, 30, tzinfo=UTC),
            "Ledger",
            None,
        ),
        (
            "CHG-2",
            "Firmware updated",
            datetime(2026, 3, 3, 9, 0, tzinfo=UTC),
            None,
            "TST0001",
        ),
        (
            "CHG-3",
            "Timesheets certificate renewed",
            datetime(2026, 2, 20, 8, 0, tzinfo=UTC),
            "Timesheets",
            None,
        ),
    ]
    assert (
        Change.objects.get(reference="CHG-2").description == "Docking station firmware"
    )


def test_importing_the_same_file_again_changes_nothing(directory: None) -> None:
    run_import("changes", CHANGES)

    ran = run_import("changes", CHANGES)

    assert ran.out == counts(
        CHANGES, rows=3, created=0, updated=0, unchanged=3, failed=0
    ) + ("Nothing changed: every change was already as the file says.\n")


def test_a_changed_summary_updates_the_record(directory: None, tmp_path: Path) -> None:
    run_import("changes", CHANGES)
    path = write_csv(
        tmp_path / "changes.csv",
        HEADER,
        "CHG-1,Ledger upgraded to 5.3,2026-03-02T17:30Z,Ledger,",
    )

    ran = run_import("changes", path)

    assert ran.out == counts(path, rows=1, created=0, updated=1, unchanged=0, failed=0)
    assert changes()[0][1] == "Ledger upgraded to 5.3"


def test_times_without_offset_are_read_in_the_zone_given(
    directory: None, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "changes.csv",
        HEADER,
        # Lisbon is on UTC+1 in summer and UTC in winter.
        "CHG-10,Ledger patched,2026-07-01 09:15,Ledger,",
        "CHG-11,Ledger patched again,2026-01-05T09:15,Ledger,",
        "CHG-12,Offsets still win,2026-07-01T09:15+02:00,Ledger,",
    )

    ran = run_import("changes", path, "--time-zone", "Europe/Lisbon")

    assert ran.status == 0
    assert [row[2] for row in changes()] == [
        datetime(2026, 7, 1, 8, 15, tzinfo=UTC),
        datetime(2026, 1, 5, 9, 15, tzinfo=UTC),
        datetime(2026, 7, 1, 7, 15, tzinfo=UTC),
    ]


def test_an_unknown_zone_fails_before_reading_the_file(
    directory: None,
) -> None:
    ran = run_import("changes", CHANGES, "--time-zone", "Mars/Olympus")

    assert ran.status == 1
    assert ran.failure == (
        "'Mars/Olympus' is not a time zone; give an IANA time zone such as "
        "Europe/Berlin or America/Sao_Paulo."
    )
    assert not Change.objects.exists()


def test_bad_rows_are_named_and_good_rows_imported(
    directory: None, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "changes.csv",
        HEADER,
        "CHG-20,Ledger patched,2026-03-01T10:00+00:00,Ledger,",
        "CHG-21,No offset,2026-03-01 10:00,Ledger,",
        "CHG-22,Not a time,yesterday,Ledger,",
        "CHG-23,Nothing touched,2026-03-01T10:00Z,,",
        "CHG-24,Unknown things,2026-03-01T10:00Z,Spreadsheets,NOPE999",
        "CHG-20,Twice,2026-03-01T10:00Z,Ledger,",
        ",,2026-03-01T10:00Z,Ledger,",
    )

    ran = run_import("changes", path)

    assert ran.status == 1
    assert ran.err.splitlines() == [
        "line 3, happened_at: '2026-03-01 10:00' has no UTC offset; add one (such "
        "as 2026-03-01T10:00+01:00) or give the file's time zone with --time-zone",
        "line 4, happened_at: 'yesterday' is not a date and time; write it in ISO "
        "8601 with its UTC offset, such as 2026-03-02T14:30+01:00",
        "line 5: the change names neither an application nor a device; fill in "
        "application, device (its serial) or both",
        "line 6, application: no application is named 'Spreadsheets'; check the "
        "spelling, or import it first with `credence import applications`",
        "line 6, device: no device has the serial 'NOPE999'; check the serial, "
        "or import the device first with `credence import devices`",
        "line 7, reference: is the same as on line 2; keep one row per change",
        "line 8, reference: is empty; reference is needed on every row",
        "line 8, summary: is empty; summary is needed on every row",
    ]
    assert ran.out == counts(path, rows=7, created=1, updated=0, unchanged=0, failed=6)
    assert [row[0] for row in changes()] == ["CHG-20"]


def test_a_file_without_application_or_device_column_changes_nothing(
    directory: None, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "changes.csv",
        "reference,summary,happened_at",
        "CHG-30,Something,2026-03-01T10:00Z",
    )

    ran = run_import("changes", path)

    assert ran.status == 1
    assert ran.failure == (
        f"{path} has neither an application nor a device column; a change names "
        "the application or the device (its serial) it touched, so add one or both."
    )
    assert not Change.objects.exists()
