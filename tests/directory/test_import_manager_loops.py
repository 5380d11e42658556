"""`credence import directory` refuses managers that lead back round to the
worker, whether the loop lies in the file or closes through the managers
already stored."""

from pathlib import Path

import pytest

from credence.workers.models import Worker
from tests.directory.conftest import counts, run_import, write_csv

HEADER = "username,first_name,last_name,email,manager"
ADVICE = "; name a manager outside the loop, or leave it empty"

pytestmark = pytest.mark.django_db


def row(username: str, manager: str) -> str:
    first, last = username.split(".")
    return (
        f"{username},{first.title()},{last.title()},{username}@example.test,{manager}"
    )


def stored(username: str, manager: str = "") -> Worker:
    return Worker.objects.create_user(
        username=username,
        manager=Worker.objects.get(username=manager) if manager else None,
    )


def managers() -> dict[str, str | None]:
    return dict(Worker.objects.values_list("username", "manager__username"))


def test_two_rows_managing_each_other_are_both_refused(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "workers.csv",
        HEADER,
        row("loop.a", "loop.b"),
        row("loop.b", "loop.a"),
        row("ana.berg", ""),
    )

    ran = run_import("directory", path)

    assert ran.status == 1
    assert ran.err.splitlines() == [
        "line 2, manager: makes a loop of managers: loop.a → loop.b → loop.a, each "
        "managed by the next" + ADVICE,
        "line 3, manager: makes a loop of managers: loop.b → loop.a → loop.b, each "
        "managed by the next" + ADVICE,
    ]
    assert ran.out == counts(path, rows=3, created=1, updated=0, unchanged=0, failed=2)
    assert managers() == {"ana.berg": None}


def test_a_worker_managing_themself_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "workers.csv", HEADER, row("solo.one", "solo.one"))

    ran = run_import("directory", path)

    assert ran.err.splitlines() == [
        "line 2, manager: names the worker themself; leave it empty or name their "
        "manager",
    ]
    assert not Worker.objects.exists()


def test_a_loop_closed_by_a_stored_manager_is_refused(tmp_path: Path) -> None:
    # Stored: loop.b is managed by loop.a. The file makes loop.a managed by
    # loop.b, which would close the loop.
    stored("loop.a")
    stored("loop.b", "loop.a")
    path = write_csv(tmp_path / "workers.csv", HEADER, row("loop.a", "loop.b"))

    ran = run_import("directory", path)

    assert ran.err.splitlines() == [
        "line 2, manager: makes a loop of managers: loop.a → loop.b → loop.a, each "
        "managed by the next (loop.b's stored manager is loop.a)" + ADVICE,
    ]
    assert ran.out == counts(path, rows=1, created=0, updated=0, unchanged=0, failed=1)
    assert managers() == {"loop.a": None, "loop.b": "loop.a"}


def test_a_longer_loop_through_the_file_and_the_store_is_named_whole(
    tmp_path: Path,
) -> None:
    # Stored: x.c is managed by x.a. The file: x.a by x.b, x.b by x.c.
    stored("x.a")
    stored("x.c", "x.a")
    path = write_csv(
        tmp_path / "workers.csv", HEADER, row("x.a", "x.b"), row("x.b", "x.c")
    )

    ran = run_import("directory", path)

    assert ran.err.splitlines() == [
        "line 2, manager: makes a loop of managers: x.a → x.b → x.c → x.a, each "
        "managed by the next (x.c's stored manager is x.a)" + ADVICE,
        "line 3, manager: makes a loop of managers: x.b → x.c → x.a → x.b, each "
        "managed by the next (x.c's stored manager is x.a)" + ADVICE,
    ]
    assert managers() == {"x.a": None, "x.c": "x.a"}


def test_a_row_that_clears_the_stored_manager_breaks_the_loop(
    tmp_path: Path,
) -> None:
    # Stored: loop.b is managed by loop.a; the file turns that round.
    stored("loop.a")
    stored("loop.b", "loop.a")
    path = write_csv(
        tmp_path / "workers.csv",
        HEADER,
        row("loop.a", "loop.b"),
        row("loop.b", ""),
    )

    ran = run_import("directory", path)

    assert (ran.status, ran.err) == (0, "")
    assert managers() == {"loop.a": "loop.b", "loop.b": None}


def test_a_refused_loop_can_reveal_another_through_the_store(
    tmp_path: Path,
) -> None:
    # Stored: b.two is managed by a.one. The file: a.one by b.two, b.two by
    # c.three, c.three by b.two. The loop b.two → c.three is refused first;
    # b.two then keeps its stored manager a.one, and a.one's row would
    # close a.one → b.two → a.one: refused too. The row managed by c.three,
    # a worker the file no longer creates, names a manager who is not there.
    stored("a.one")
    stored("b.two", "a.one")
    path = write_csv(
        tmp_path / "workers.csv",
        HEADER,
        row("a.one", "b.two"),
        row("b.two", "c.three"),
        row("c.three", "b.two"),
        row("d.four", "c.three"),
    )

    ran = run_import("directory", path)

    assert ran.err.splitlines() == [
        "line 2, manager: makes a loop of managers: a.one → b.two → a.one, each "
        "managed by the next (b.two's stored manager is a.one)" + ADVICE,
        "line 3, manager: makes a loop of managers: b.two → c.three → b.two, each "
        "managed by the next" + ADVICE,
        "line 4, manager: makes a loop of managers: c.three → b.two → c.three, "
        "each managed by the next" + ADVICE,
        "line 5, manager: no worker has the username 'c.three'; check the "
        "spelling, or import them first with `credence import directory`",
    ]
    assert ran.out == counts(path, rows=4, created=0, updated=0, unchanged=0, failed=4)
    assert managers() == {"a.one": None, "b.two": "a.one"}


def test_a_chain_up_to_a_stored_loop_is_not_blamed_for_it(tmp_path: Path) -> None:
    # Two workers stored managing each other (from before loops were
    # refused) are not the file's doing: a row that reports into them is
    # imported.
    first = stored("old.a")
    stored("old.b", "old.a")
    first.manager = Worker.objects.get(username="old.b")
    first.save()
    path = write_csv(tmp_path / "workers.csv", HEADER, row("new.one", "old.a"))

    ran = run_import("directory", path)

    assert (ran.status, ran.err) == (0, "")
    assert managers()["new.one"] == "old.a"
