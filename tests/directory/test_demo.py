"""The demo organisation's devices, applications and changes."""

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from credence.demo.people import create_people, plan_people
from credence.directory.context import recent_changes_for
from credence.directory.demo import add_to_demo
from credence.directory.models import (
    Application,
    ApplicationAccess,
    Change,
    Device,
    DeviceType,
)
from credence.workers.models import Worker

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 4, 14, 30, tzinfo=UTC)
TODAY = date(2026, 3, 4)
WORKERS = 30


def build(seed: int = 11) -> dict[str, Worker]:
    rng = random.Random(seed)
    people = create_people(plan_people(rng, WORKERS, TODAY, "UTC"))
    add_to_demo(rng, people, TODAY, NOW)
    return people


def snapshot() -> tuple[list[tuple[object, ...]], ...]:
    return (
        list(
            Device.objects.order_by("serial").values_list(
                "serial", "type", "model", "operating_system", "worker__username"
            )
        ),
        list(
            ApplicationAccess.objects.order_by(
                "worker__username", "application__name"
            ).values_list("worker__username", "application__name", "role")
        ),
        list(
            Change.objects.order_by("reference").values_list(
                "reference", "summary", "happened_at"
            )
        ),
    )


def test_every_worker_has_one_laptop_and_some_a_phone_or_monitor() -> None:
    people = build()

    laptops = Counter(
        Device.objects.filter(type=DeviceType.LAPTOP).values_list(
            "worker__username", flat=True
        )
    )
    assert laptops == Counter(dict.fromkeys(people, 1))
    assert Device.objects.filter(type=DeviceType.PHONE).exists()
    assert Device.objects.filter(type=DeviceType.MONITOR).exists()
    assert not Device.objects.filter(worker=None).exists()


def test_devices_were_assigned_after_their_worker_started_and_by_today() -> None:
    build()

    for device in Device.objects.select_related("worker"):
        assert device.worker is not None and device.worker.start_date is not None
        assert device.assigned_since is not None
        assert device.worker.start_date <= device.assigned_since <= TODAY


def test_every_worker_uses_three_to_six_applications_with_a_role() -> None:
    people = build()

    per_worker = Counter(
        ApplicationAccess.objects.values_list("worker__username", flat=True)
    )
    assert set(per_worker) == set(people)
    assert all(3 <= count <= 6 for count in per_worker.values())
    mail = ApplicationAccess.objects.filter(application__name="Mail and calendar")
    assert mail.count() == WORKERS
    assert set(mail.values_list("role", flat=True)) == {"user"}
    roles = set(ApplicationAccess.objects.values_list("role", flat=True))
    assert roles <= {"viewer", "user", "editor", "approver", "admin"}
    assert 15 <= Application.objects.count() <= 16


def test_twenty_changes_over_the_last_sixty_days_numbered_in_time_order() -> None:
    build()

    changes = list(Change.objects.order_by("happened_at", "pk"))
    assert len(changes) == 20
    assert [change.reference for change in changes] == [
        f"CHG-{number}" for number in range(1001, 1021)
    ]
    assert all(
        NOW - timedelta(days=60) <= change.happened_at < NOW for change in changes
    )
    assert all(change.application or change.device for change in changes)
    assert any(change.device for change in changes)


def test_every_worker_has_a_recent_change_to_show_on_the_desk() -> None:
    people = build()

    with time_machine.travel(NOW, tick=False):
        for worker in people.values():
            recent = recent_changes_for(worker, days=14)
            assert "Mail and calendar certificate renewed" in [
                change.summary for change in recent
            ]


def test_the_same_seed_gives_the_same_records() -> None:
    build(seed=5)
    first = snapshot()
    Change.objects.all().delete()
    ApplicationAccess.objects.all().delete()
    Application.objects.all().delete()
    Device.objects.all().delete()
    Worker.objects.all().delete()

    build(seed=5)

    assert snapshot() == first


def test_an_operating_system_update_leaves_the_device_on_that_system() -> None:
    build(seed=2026)

    updates = Change.objects.filter(
        summary__startswith="Operating system updated to "
    ).select_related("device")
    assert updates.exists()
    for change in updates:
        device = change.device
        assert device is not None
        assert change.summary == (
            f"Operating system updated to {device.operating_system} on "
            f"{device.get_type_display().lower()} {device.serial}"
        )
