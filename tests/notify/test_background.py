"""The tasks, the watcher's look, the sweeper and the delivery's claim."""

import socket
from collections.abc import Callable
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from credence.notify.delivery import deliver_message
from credence.notify.models import OutboxMessage
from credence.notify.notices import decide_notices
from credence.notify.tasks import check_clocks
from credence.notify.upkeep import redeliver, sweep
from credence.tickets.models import Ticket
from credence.workers.management.commands.serve import background_worker_command
from credence.workers.models import Worker
from tests.notify.conftest import at

Opener = Callable[..., Ticket]


def test_the_check_task_decides_and_sends_through_the_task_backend(
    open_high: Opener, agent: Worker, settings: Settings
) -> None:
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    open_high(at(10))

    with time_machine.travel(at(10, 11, 15), tick=False):
        result = check_clocks.enqueue()

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 1
    assert [message.subject for message in mail.outbox] == [
        "CR-1001 response due in 4 minutes: Printer on fire"
    ]


def test_a_look_queues_one_check_for_the_database_workers(db: None) -> None:
    out = StringIO()
    call_command("clocks", "check", stdout=out)

    assert list(DBTaskResult.objects.values_list("task_path", "status")) == [
        ("credence.notify.tasks.check_clocks", "READY")
    ]
    assert out.getvalue() == (
        "Queued a check of the clocks; put back 0 task(s), released 0 claim(s), "
        "asked again for 0 notice(s).\n"
    )


def _message(open_high: Opener) -> OutboxMessage:
    open_high(at(10))
    with time_machine.travel(at(10, 11, 15), tick=False):
        [message] = decide_notices()
    return message


def test_a_message_is_sent_once_however_often_its_delivery_is_asked(
    open_high: Opener, agent: Worker
) -> None:
    message = _message(open_high)

    assert deliver_message(message.pk) is True
    assert deliver_message(message.pk) is False
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.sent_at is not None
    assert message.attempts == 1


def test_a_refused_connection_releases_the_message_for_a_later_try(
    open_high: Opener, agent: Worker, settings: Settings
) -> None:
    message = _message(open_high)
    # A port just closed again: nothing listens there.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port

    with pytest.raises(ConnectionRefusedError):
        deliver_message(message.pk)

    message.refresh_from_db()
    assert (message.sent_at, message.claimed_at, message.attempts) == (None, None, 1)
    assert "Connection refused" in message.last_error


def test_the_sweeper_puts_back_tasks_and_claims_left_by_a_dead_process(
    open_high: Opener, agent: Worker
) -> None:
    message = _message(open_high)
    now = timezone.now()
    OutboxMessage.objects.filter(pk=message.pk).update(
        claimed_at=now - timedelta(minutes=11)
    )
    stale = check_clocks.enqueue()
    recent = check_clocks.enqueue()
    DBTaskResult.objects.filter(pk=stale.id).update(
        status=TaskResultStatus.RUNNING, started_at=now - timedelta(minutes=11)
    )
    DBTaskResult.objects.filter(pk=recent.id).update(
        status=TaskResultStatus.RUNNING, started_at=now - timedelta(minutes=9)
    )

    # The default staleness limit is ten minutes.
    swept = sweep(now)

    assert (swept.requeued_tasks, swept.released_claims) == (1, 1)
    statuses = {
        str(pk): status
        for pk, status in DBTaskResult.objects.values_list("id", "status")
    }
    assert statuses[stale.id] == "READY"
    assert statuses[recent.id] == "RUNNING"
    message.refresh_from_db()
    assert message.claimed_at is None


def test_a_lost_delivery_is_asked_again_after_the_staleness_limit(
    open_high: Opener, agent: Worker
) -> None:
    message = _message(open_high)
    asked: list[int] = []

    # Decided at 10:11:15; ten minutes later it is not yet stale.
    assert redeliver(at(10, 21, 15), asked.append) == 0
    assert redeliver(at(10, 21, 16), asked.append) == 1
    assert asked == [message.pk]
    # Asked again at 10:21:16, it is not asked a third time at once.
    assert redeliver(at(10, 21, 17), asked.append) == 0


def test_serve_runs_the_worker_of_the_task_backend(settings: Settings) -> None:
    settings.REDIS_URL = ""
    assert background_worker_command() == ["db_worker"]
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    assert background_worker_command() == [
        "rqworker",
        "default",
        "--job-class",
        "django_tasks_rq.Job",
    ]
