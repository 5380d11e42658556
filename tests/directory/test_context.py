"""The contract: a worker's devices, applications and recent changes."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from pytest_django import DjangoAssertNumQueries

from credence.directory.context import (
    WorkerApplication,
    applications_for,
    devices_for,
    recent_changes_for,
)
from credence.directory.models import (
    Application,
    ApplicationAccess,
    Change,
    Device,
    DeviceType,
)
from credence.workers.models import Worker

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def device(serial: str, owner: Worker | None, kind: str = DeviceType.LAPTOP) -> Device:
    return Device.objects.create(
        type=kind, model="Aurora 14 G3", serial=serial, worker=owner
    )


def access(worker: Worker, application: Application, role: str) -> None:
    ApplicationAccess.objects.create(worker=worker, application=application, role=role)


def change(
    reference: str,
    at: datetime,
    application: Application | None = None,
    on: Device | None = None,
) -> Change:
    return Change.objects.create(
        reference=reference,
        summary=f"Change {reference}",
        happened_at=at,
        application=application,
        device=on,
    )


def references(changes: list[Change]) -> list[str]:
    return [each.reference for each in changes]


def test_devices_are_the_workers_own(worker: Worker, other_worker: Worker) -> None:
    laptop = device("TST1", worker)
    phone = device("TST2", worker, DeviceType.PHONE)
    device("TST3", other_worker)
    device("TST4", None)

    assert devices_for(worker) == [laptop, phone]
    assert [each.label for each in devices_for(worker)] == [
        "Laptop Aurora 14 G3 (TST1)",
        "Phone Aurora 14 G3 (TST2)",
    ]


def test_applications_carry_the_application_and_the_role(
    worker: Worker, other_worker: Worker
) -> None:
    wiki = Application.objects.create(name="Wiki")
    ledger = Application.objects.create(name="Ledger")
    access(worker, wiki, "editor")
    access(worker, ledger, "viewer")
    access(other_worker, ledger, "admin")

    assert applications_for(worker) == [
        WorkerApplication(pk=ledger.pk, label="Ledger", role="viewer"),
        WorkerApplication(pk=wiki.pk, label="Wiki", role="editor"),
    ]
    assert applications_for(other_worker) == [
        WorkerApplication(pk=ledger.pk, label="Ledger", role="admin")
    ]


def test_a_change_affects_who_holds_the_device_or_uses_the_application(
    worker: Worker, other_worker: Worker
) -> None:
    ledger = Application.objects.create(name="Ledger")
    wiki = Application.objects.create(name="Wiki")
    access(worker, ledger, "viewer")
    access(other_worker, ledger, "viewer")
    access(other_worker, wiki, "viewer")
    mine = device("TST1", worker)
    theirs = device("TST2", other_worker)
    stock = device("TST3", None)
    day = timedelta(days=1)
    change("LEDGER", NOW - 2 * day, application=ledger)
    change("WIKI", NOW - 3 * day, application=wiki)
    change("MY-LAPTOP", NOW - 4 * day, on=mine)
    change("THEIR-LAPTOP", NOW - 5 * day, on=theirs)
    change("STOCK", NOW - 6 * day, on=stock)
    # Touches the worker twice over: listed once.
    change("BOTH", NOW - 1 * day, application=ledger, on=mine)

    assert references(recent_changes_for(worker)) == ["BOTH", "LEDGER", "MY-LAPTOP"]
    assert references(recent_changes_for(other_worker)) == [
        "BOTH",
        "LEDGER",
        "WIKI",
        "THEIR-LAPTOP",
    ]


def test_recent_means_from_the_same_instant_days_ago_up_to_now(
    worker: Worker,
) -> None:
    ledger = Application.objects.create(name="Ledger")
    access(worker, ledger, "viewer")
    change("EDGE", datetime(2026, 3, 1, 12, 0, tzinfo=UTC), application=ledger)
    change("TOO-OLD", datetime(2026, 3, 1, 11, 59, 59, tzinfo=UTC), application=ledger)
    change("NOW", NOW, application=ledger)
    change("PLANNED", NOW + timedelta(seconds=1), application=ledger)

    assert references(recent_changes_for(worker)) == ["NOW", "EDGE"]
    assert references(recent_changes_for(worker, days=7)) == ["NOW"]
    assert references(recent_changes_for(worker, days=31)) == [
        "NOW",
        "EDGE",
        "TOO-OLD",
    ]


def test_changes_at_the_same_instant_list_the_later_record_first(
    worker: Worker,
) -> None:
    laptop = device("TST1", worker)
    at = NOW - timedelta(hours=2)
    change("FIRST", at, on=laptop)
    change("SECOND", at, on=laptop)

    assert references(recent_changes_for(worker)) == ["SECOND", "FIRST"]


def test_a_worker_with_nothing_recorded_has_empty_lists(worker: Worker) -> None:
    assert devices_for(worker) == []
    assert applications_for(worker) == []
    assert recent_changes_for(worker) == []


def test_each_function_costs_one_query_however_much_is_stored(
    worker: Worker,
    other_worker: Worker,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    for number in range(5):
        application = Application.objects.create(name=f"App {number}")
        access(worker, application, "user")
        access(other_worker, application, "user")
        owned = device(f"TST{number}", worker)
        change(f"A{number}", NOW - timedelta(days=number), application=application)
        change(f"D{number}", NOW - timedelta(days=number), on=owned)

    with django_assert_num_queries(1):
        assert len(devices_for(worker)) == 5
    with django_assert_num_queries(1):
        assert len(applications_for(worker)) == 5
    with django_assert_num_queries(1):
        recent = recent_changes_for(worker)
        # What the panel shows of each change comes with it.
        assert [each.touches for each in recent][:2] == [
            "Laptop Aurora 14 G3 (TST0)",
            "App 0",
        ]
