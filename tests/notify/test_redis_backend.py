"""The same tasks on Redis-backed workers (RQ), as with REDIS_URL set.

Uses the real Redis at 127.0.0.1:6379, database 7 alone, emptied before
and after.
"""

from collections.abc import Callable, Iterator

import pytest
import time_machine
from django.core import mail
from pytest_django.fixtures import Settings

from credence.notify.models import OutboxMessage
from credence.notify.tasks import check_clocks
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.notify.conftest import at

REDIS_URL = "redis://127.0.0.1:6379/7"

redis = pytest.importorskip("redis")
django_rq = pytest.importorskip("django_rq")
rq_job = pytest.importorskip("django_tasks_rq")


@pytest.fixture
def rq_backend(settings: Settings) -> Iterator[None]:
    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("No Redis answers at 127.0.0.1:6379 to test the RQ backend")
    connection.flushdb()
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    yield
    connection.flushdb()


def _work_off_the_queue() -> None:
    from rq import SimpleWorker

    worker = django_rq.get_worker(
        "default", job_class=rq_job.Job, worker_class=SimpleWorker
    )
    worker.work(burst=True)


def test_notices_go_through_redis_backed_workers(
    rq_backend: None, open_high: Callable[..., Ticket], agent: Worker
) -> None:
    open_high(at(10))

    with time_machine.travel(at(10, 11, 15), tick=False):
        result = check_clocks.enqueue()
        # The check runs on the worker and queues the delivery in Redis,
        # which the same burst then runs.
        _work_off_the_queue()
        result.refresh()

    assert result.status == "SUCCESSFUL"
    assert result.return_value == 1
    assert [message.subject for message in mail.outbox] == [
        "CR-1001 response due in 4 minutes: Printer on fire"
    ]
    assert OutboxMessage.objects.get().sent_at == at(10, 11, 15)
