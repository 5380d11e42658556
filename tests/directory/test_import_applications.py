"""`credence import applications PATH`: one worker's access per row."""

from pathlib import Path

import pytest

from credence.directory.models import Application, ApplicationAccess
from credence.workers.models import Worker
from tests.directory.conftest import (
    APPLICATIONS,
    WORKERS,
    counts,
    run_import,
    write_csv,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def people() -> None:
    assert run_import("directory", WORKERS).status == 0


def accesses() -> list[tuple[str, str, str]]:
    return list(
        ApplicationAccess.objects.order_by(
            "application__name", "worker__username"
        ).values_list("application__name", "worker__username", "role")
    )


def test_good_rows_create_applications_and_access(people: None) -> None:
    ran = run_import("applications", APPLICATIONS)

    assert ran.status == 0
    assert ran.out == counts(
        APPLICATIONS, rows=4, created=4, updated=0, unchanged=0, failed=0
    ) + ("  new applications: 2\n")
    assert accesses() == [
        ("Ledger", "noor.vance", "approver"),
        ("Ledger", "tomas.reyes", "viewer"),
        ("Timesheets", "ilse.okoro", "user"),
        ("Timesheets", "noor.vance", "user"),
    ]
    assert list(Application.objects.values_list("name", "description")) == [
        ("Ledger", "General ledger and month-end closing"),
        ("Timesheets", "Hours worked by project"),
    ]


def test_importing_the_same_file_again_changes_nothing(people: None) -> None:
    run_import("applications", APPLICATIONS)

    ran = run_import("applications", APPLICATIONS)

    assert ran.out == counts(
        APPLICATIONS, rows=4, created=0, updated=0, unchanged=4, failed=0
    ) + ("Nothing changed: every access was already as the file says.\n")
    assert Application.objects.count() == 2
    assert ApplicationAccess.objects.count() == 4


def test_a_new_role_updates_the_access(worker: Worker, tmp_path: Path) -> None:
    ledger = Application.objects.create(name="Ledger")
    ApplicationAccess.objects.create(worker=worker, application=ledger, role="viewer")
    path = write_csv(
        tmp_path / "access.csv", "application,username,role", "Ledger,wanda,admin"
    )

    ran = run_import("applications", path)

    assert ran.out == counts(path, rows=1, created=0, updated=1, unchanged=0, failed=0)
    assert accesses() == [("Ledger", "wanda", "admin")]


def test_bad_rows_are_named_and_good_rows_imported(
    worker: Worker, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "access.csv",
        "application,username,role",
        "Ledger,wanda,viewer",
        "Ledger,nobody.here,viewer",
        "Payroll,wanda,",
        ",wanda,user",
        "Ledger,wanda,admin",
    )

    ran = run_import("applications", path)

    assert ran.status == 1
    assert ran.err.splitlines() == [
        "line 3, username: no worker has the username 'nobody.here'; check the "
        "spelling, or import them first with `credence import directory`",
        "line 4, role: is empty; role is needed on every row",
        "line 5, application: is empty; application is needed on every row",
        "line 6, application: is the same as on line 2; keep one row per "
        "application and worker",
    ]
    assert accesses() == [("Ledger", "wanda", "viewer")]
    # Payroll's only row failed, so the application was not created.
    assert list(Application.objects.values_list("name", flat=True)) == ["Ledger"]
