"""`credence import directory PATH`: workers, created or updated by username."""

from datetime import date
from pathlib import Path

import pytest

from credence.workers.models import Worker, WorkerKind
from credence.workers.roles import is_agent, make_agent
from tests.conftest import PASSWORD
from tests.directory.conftest import WORKERS, counts, run_import, write_csv

pytestmark = pytest.mark.django_db

HEADER = "username,first_name,last_name,email,kind,team,manager,start_date,time_zone"


def test_good_rows_create_workers_with_team_manager_and_start() -> None:
    ran = run_import("directory", WORKERS)

    assert ran.status == 0
    assert ran.err == ""
    assert ran.out == counts(
        WORKERS, rows=3, created=3, updated=0, unchanged=0, failed=0
    )
    tomas = Worker.objects.get(username="tomas.reyes")
    assert (tomas.first_name, tomas.last_name, tomas.email) == (
        "Tomas",
        "Reyes",
        "tomas.reyes@example.test",
    )
    assert tomas.kind == WorkerKind.CONTRACTOR
    assert tomas.team is not None and tomas.team.name == "Logistics"
    # The manager's row comes after this one in the file.
    assert tomas.manager is not None and tomas.manager.username == "noor.vance"
    assert tomas.start_date == date(2025, 11, 17)
    assert tomas.time_zone == "Europe/Lisbon"
    noor = Worker.objects.get(username="noor.vance")
    assert noor.manager is None
    assert noor.time_zone == ""


def test_new_workers_cannot_sign_in_until_given_a_password() -> None:
    run_import("directory", WORKERS)

    for worker in Worker.objects.all():
        assert not worker.has_usable_password()


def test_importing_the_same_file_again_changes_nothing_and_says_so() -> None:
    run_import("directory", WORKERS)
    before = list(Worker.objects.order_by("username").values())

    ran = run_import("directory", WORKERS)

    assert ran.status == 0
    assert ran.out == counts(
        WORKERS, rows=3, created=0, updated=0, unchanged=3, failed=0
    ) + ("Nothing changed: every worker was already as the file says.\n")
    assert list(Worker.objects.order_by("username").values()) == before


def test_an_update_changes_the_fields_but_never_password_or_roles(
    worker: Worker, tmp_path: Path
) -> None:
    make_agent(worker)
    path = write_csv(
        tmp_path / "workers.csv",
        HEADER,
        "wanda,Wanda,Weber,wanda.weber@example.test,temp,Legal,,2026-01-05,",
    )

    ran = run_import("directory", path)

    assert ran.out == counts(path, rows=1, created=0, updated=1, unchanged=0, failed=0)
    wanda = Worker.objects.get(username="wanda")
    assert (wanda.last_name, wanda.kind, wanda.start_date) == (
        "Weber",
        WorkerKind.TEMP,
        date(2026, 1, 5),
    )
    assert wanda.team is not None and wanda.team.name == "Legal"
    assert wanda.check_password(PASSWORD)
    assert is_agent(wanda)


def test_a_column_left_out_leaves_its_field_as_it_is(
    worker: Worker, tmp_path: Path
) -> None:
    Worker.objects.filter(pk=worker.pk).update(start_date=date(2020, 6, 1))
    path = write_csv(
        tmp_path / "names.csv",
        "username,first_name,last_name,email",
        "wanda,Wanda,Worker,wanda@example.test",
    )

    ran = run_import("directory", path)

    assert ran.out.splitlines()[1:4] == [
        "  created: 0",
        "  updated: 0",
        "  unchanged: 1",
    ]
    wanda = Worker.objects.get(username="wanda")
    assert wanda.start_date == date(2020, 6, 1)
    assert wanda.team is not None and wanda.team.name == "Finance"


def test_an_empty_cell_clears_its_field(worker: Worker, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "workers.csv",
        HEADER,
        "wanda,Wanda,Worker,wanda@example.test,,,,,",
    )

    run_import("directory", path)

    wanda = Worker.objects.get(username="wanda")
    assert wanda.team is None
    assert wanda.kind == WorkerKind.EMPLOYEE


def test_a_manager_may_be_a_worker_already_stored(
    worker: Worker, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "workers.csv",
        HEADER,
        "pia.lund,Pia,Lund,pia.lund@example.test,,Finance,wanda,,",
    )

    run_import("directory", path)

    assert Worker.objects.get(username="pia.lund").manager == worker


def test_bad_rows_are_named_with_line_and_column_and_good_rows_imported(
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "workers.csv",
        HEADER,
        "ana.berg,Ana,Berg,ana.berg@example.test,employee,Legal,,2024-01-08,",
        "bad date,,,,,,,,",
        "rui.sato,Rui,Sato,rui.sato@example.test,employee,Legal,,31/02/2026,",
        "eda.kim,Eda,Kim,not-an-email,boss,Legal,,,Mars/Olympus",
        "ole.faro,Ole,Faro,ole.faro@example.test,,Legal,nobody.here,,",
        "ana.berg,Ana,Berg,ana.berg@example.test,employee,Legal,,2024-01-08,",
        "short,row",
        "ivo.pak,Ivo,Pak,ivo.pak@example.test,,Legal,ivo.pak,,",
        ",Nameless,,,,,,,",
    )

    ran = run_import("directory", path)

    assert ran.status == 1
    assert ran.err.splitlines() == [
        "line 3, username: 'bad date' is not a username; use letters, digits and "
        "@ . + - _ only, with no spaces",
        "line 4, start_date: '31/02/2026' is not a date; write it as YYYY-MM-DD",
        "line 5, email: 'not-an-email' is not an email address; write it as "
        "name@example.org",
        "line 5, kind: 'boss' is not one of employee, contractor, temp, intern; "
        "write one of those",
        "line 5, time_zone: 'Mars/Olympus' is not a time zone; write an IANA zone "
        "such as Europe/Berlin, or leave it empty for the installation's",
        "line 6, manager: no worker has the username 'nobody.here'; check the "
        "spelling, or import them first with `credence import directory`",
        "line 7, username: is the same as on line 2; keep one row per worker",
        "line 8: the row has 2 values but the header names 9 columns; check for a "
        "missing or extra comma or an unclosed quote",
        "line 9, manager: names the worker themself; leave it empty or name their "
        "manager",
        "line 10, username: is empty; username is needed on every row",
    ]
    assert ran.out == counts(path, rows=9, created=1, updated=0, unchanged=0, failed=8)
    assert ran.failure == (
        "8 of 9 rows failed; each is named above with its line and column. The "
        "other rows were imported: fix those rows and import the file again."
    )
    assert list(Worker.objects.values_list("username", flat=True)) == ["ana.berg"]


def test_a_row_whose_manager_failed_fails_too(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "workers.csv",
        HEADER,
        "kai.moss,Kai,Moss,kai.moss@example.test,,,lou.hart,,",
        "lou.hart,Lou,Hart,lou.hart@example.test,,,,1999-13-01,",
    )

    ran = run_import("directory", path)

    assert ran.err.splitlines() == [
        "line 2, manager: no worker has the username 'lou.hart'; check the "
        "spelling, or import them first with `credence import directory`",
        "line 3, start_date: '1999-13-01' is not a date; write it as YYYY-MM-DD",
    ]
    assert ran.failure == (
        "2 of 2 rows failed; each is named above with its line and column. "
        "Nothing was imported: fix those rows and import the file again."
    )
    assert not Worker.objects.exists()


def test_headings_match_whatever_their_case_spacing_or_order(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "workers.csv",
        "Email, Last Name ,First name,Start-Date,Username,Notes",
        "kim.roe@example.test,Roe,Kim,2023-09-04,kim.roe,ignored",
    )

    ran = run_import("directory", path)

    assert ran.status == 0
    kim = Worker.objects.get(username="kim.roe")
    assert (kim.first_name, kim.last_name, kim.email, kim.start_date) == (
        "Kim",
        "Roe",
        "kim.roe@example.test",
        date(2023, 9, 4),
    )
