"""A lead's change to objectives re-measures the stored tickets."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

import time_machine
from django_tasks_db.models import DBTaskResult

from credence.slo.derive import rederive_all
from credence.slo.models import BusinessWindow, Calendar, Objective
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]

# Tuesday 2 June 2026, 10:00 UTC.
OPENED = datetime(2026, 6, 2, 10, tzinfo=UTC)


def open_medium(worker: Worker) -> Ticket:
    with time_machine.travel(OPENED, tick=False):
        return services.open_ticket(
            requester=worker,
            kind="incident",
            title="VPN drops",
            priority="medium",
            actor=worker,
            at=OPENED,
        )


def test_no_task_while_there_are_no_tickets(
    db: None, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        medium = Objective.objects.get(priority="medium")
        medium.response_minutes = 30
        medium.save()

    assert callbacks == []
    assert DBTaskResult.objects.count() == 0


def test_one_change_of_many_rows_queues_one_task(
    worker: Worker, django_capture_on_commit_callbacks: Capture
) -> None:
    open_medium(worker)
    business = Calendar.objects.get(name="Business hours")

    with django_capture_on_commit_callbacks(execute=True):
        business.time_zone = "Europe/Berlin"
        business.save()
        for window in BusinessWindow.objects.filter(calendar=business):
            window.save()

    assert DBTaskResult.objects.count() == 1
    assert DBTaskResult.objects.get().task_path == (
        "credence.slo.tasks.rederive_all_tickets"
    )


def test_remeasuring_applies_a_shorter_objective(worker: Worker) -> None:
    ticket = open_medium(worker)
    assert ticket.response_due == datetime(2026, 6, 2, 11, tzinfo=UTC)

    Objective.objects.filter(priority="medium").update(response_minutes=30)
    with time_machine.travel(OPENED, tick=False):
        count = rederive_all()

    ticket.refresh_from_db()
    assert count == 1
    # 30 business minutes from Tuesday 10:00.
    assert ticket.response_due == datetime(2026, 6, 2, 10, 30, tzinfo=UTC)
