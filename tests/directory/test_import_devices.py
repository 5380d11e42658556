"""`credence import devices PATH`: devices by serial, with who holds each."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import time_machine

from credence.directory.models import Device, DeviceType
from credence.workers.models import Worker
from tests.directory.conftest import DEVICES, WORKERS, counts, run_import, write_csv

pytestmark = pytest.mark.django_db

HEADER = "serial,type,model,os,username,assigned_since"
# Friday 6 March 2026, noon UTC: "today" for devices that change hands.
IMPORT_DAY = datetime(2026, 3, 6, 12, 0, tzinfo=UTC)


@pytest.fixture
def people() -> None:
    assert run_import("directory", WORKERS).status == 0


def test_good_rows_create_devices_assigned_or_in_stock(people: None) -> None:
    ran = run_import("devices", DEVICES)

    assert ran.status == 0
    assert ran.err == ""
    assert ran.out == counts(
        DEVICES, rows=4, created=4, updated=0, unchanged=0, failed=0
    )
    rows = Device.objects.order_by("serial").values_list(
        "serial",
        "type",
        "model",
        "operating_system",
        "worker__username",
        "assigned_since",
    )
    assert list(rows) == [
        (
            "TST0001",
            "laptop",
            "Aurora 14 G3",
            "Windows 11 24H2",
            "noor.vance",
            date(2024, 5, 6),
        ),
        ("TST0002", "phone", "Pocket 8", "Android 15", "noor.vance", date(2025, 1, 10)),
        ("TST0003", "monitor", "ViewLine 27Q", "", "tomas.reyes", date(2025, 11, 17)),
        ("TST0004", "laptop", "Stratus X1", "Ubuntu 24.04", None, None),
    ]


def test_importing_the_same_file_again_changes_nothing(people: None) -> None:
    run_import("devices", DEVICES)
    before = list(Device.objects.order_by("serial").values())

    ran = run_import("devices", DEVICES)

    assert ran.out == counts(
        DEVICES, rows=4, created=0, updated=0, unchanged=4, failed=0
    ) + ("Nothing changed: every device was already as the file says.\n")
    assert list(Device.objects.order_by("serial").values()) == before


def test_a_device_changing_hands_without_a_date_is_assigned_today(
    worker: Worker, other_worker: Worker, tmp_path: Path
) -> None:
    Device.objects.create(
        type=DeviceType.LAPTOP,
        model="Aurora 16 G3",
        serial="TST0100",
        worker=worker,
        assigned_since=date(2023, 2, 1),
    )
    Device.objects.create(
        type=DeviceType.PHONE,
        model="Pocket 9 Pro",
        serial="TST0101",
        worker=worker,
        assigned_since=date(2023, 2, 1),
    )
    path = write_csv(
        tmp_path / "devices.csv",
        "serial,type,model,username",
        "TST0100,laptop,Aurora 16 G3,oscar",
        "TST0101,phone,Pocket 9 Pro,wanda",
    )

    with time_machine.travel(IMPORT_DAY, tick=False):
        ran = run_import("devices", path)

    assert ran.out == counts(path, rows=2, created=0, updated=1, unchanged=1, failed=0)
    moved = Device.objects.get(serial="TST0100")
    assert (moved.worker, moved.assigned_since) == (other_worker, date(2026, 3, 6))
    kept = Device.objects.get(serial="TST0101")
    assert (kept.worker, kept.assigned_since) == (worker, date(2023, 2, 1))


def test_an_empty_username_returns_the_device_to_stock(
    worker: Worker, tmp_path: Path
) -> None:
    Device.objects.create(
        type=DeviceType.TABLET,
        model="Slate 11",
        serial="TST0200",
        worker=worker,
        assigned_since=date(2024, 4, 1),
    )
    path = write_csv(tmp_path / "devices.csv", HEADER, "TST0200,tablet,Slate 11,,,")

    run_import("devices", path)

    returned = Device.objects.get(serial="TST0200")
    assert (returned.worker, returned.assigned_since) == (None, None)


def test_bad_rows_are_named_and_good_rows_imported(
    worker: Worker, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "devices.csv",
        HEADER,
        "TST0300,laptop,Aurora 14 G3,Windows 11 24H2,wanda,2025-02-03",
        "TST0301,toaster,Crumb 2,,wanda,",
        "TST0302,,,,,",
        "TST0303,desktop,Tower 5,Linux 6.8,nobody.here,",
        "TST0300,laptop,Aurora 14 G3,Windows 11 24H2,wanda,2025-02-03",
        "TST0304,monitor,ViewLine 24,,wanda,03/02/2025",
        "," + "x" * 101 + ",laptop,Aurora 14 G3,,,",
    )

    ran = run_import("devices", path)

    assert ran.status == 1
    assert ran.err.splitlines() == [
        "line 3, type: 'toaster' is not one of laptop, desktop, phone, tablet, "
        "monitor, other; write one of those",
        "line 4, type: is empty; write one of laptop, desktop, phone, tablet, "
        "monitor, other",
        "line 4, model: is empty; model is needed on every row",
        "line 5, username: no worker has the username 'nobody.here'; check the "
        "spelling, or import them first with `credence import directory`",
        "line 6, serial: is the same as on line 2; keep one row per device",
        "line 7, assigned_since: '03/02/2025' is not a date; write it as YYYY-MM-DD",
        "line 8: the row has 7 values but the header names 6 columns; check for a "
        "missing or extra comma or an unclosed quote",
    ]
    assert ran.out == counts(path, rows=7, created=1, updated=0, unchanged=0, failed=6)
    assert list(Device.objects.values_list("serial", flat=True)) == ["TST0300"]


def test_a_value_too_long_is_named_with_its_limit(tmp_path: Path, db: None) -> None:
    path = write_csv(tmp_path / "devices.csv", HEADER, "S" * 101 + ",laptop,X,,,")

    ran = run_import("devices", path)

    assert ran.err == (
        "line 2, serial: is 101 characters long; shorten it to 100 at most\n"
    )
    assert not Device.objects.exists()
