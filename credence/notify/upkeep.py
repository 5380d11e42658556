"""Keep background work moving when a background process died.

The database task backend leaves a task RUNNING for ever when its worker
is killed, and no later worker takes it. The watcher calls `sweep` on
every tick: tasks running for longer than the staleness limit are put back
in the queue, and message claims as old are released, so a restarted
worker finishes what the dead one started. Credence's tasks may be run
again safely: the notices are guarded by their unique constraint and the
mail by its claim, and a re-measure gives the same figures twice.

Redis-backed workers (RQ) keep their own record of jobs: a job whose
worker died is moved to RQ's failed registry, not re-run; the released
message claims and `redeliver` below still get every notice sent.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from credence.notify.models import OutboxMessage

logger = logging.getLogger(__name__)

# A task or delivery running this long is taken to have lost its process.
# Longer than any SMTP conversation (delivery.SEND_TIMEOUT_SECONDS) and
# than a check; a task legitimately running longer would be run twice.
DEFAULT_STALE_AFTER = timedelta(minutes=10)

# Finished task results are kept this long for inspection, then deleted.
KEEP_RESULTS = timedelta(days=7)


@dataclass(frozen=True)
class Swept:
    requeued_tasks: int
    released_claims: int
    pruned_results: int


def sweep(now: datetime, stale_after: timedelta = DEFAULT_STALE_AFTER) -> Swept:
    cutoff = now - stale_after
    with transaction.atomic():
        requeued = DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, started_at__lt=cutoff
        ).update(status=TaskResultStatus.READY, started_at=None)
        released = OutboxMessage.objects.filter(
            sent_at__isnull=True, claimed_at__lt=cutoff
        ).update(claimed_at=None)
    pruned, _ = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lt=now - KEEP_RESULTS,
    ).delete()
    if requeued or released:
        logger.info(
            "Put back %d task(s) and released %d message claim(s) older than %s",
            requeued,
            released,
            stale_after,
        )
    return Swept(requeued, released, pruned)


def redeliver(
    now: datetime,
    ask_delivery: Callable[[int], object],
    stale_after: timedelta = DEFAULT_STALE_AFTER,
) -> int:
    """Ask again for messages unsent and unclaimed since long enough.

    Their delivery was lost: its process died before asking, the mail
    server refused, or a Redis job was dropped. A second ask for a message
    still queued is harmless, since only one delivery can claim it.
    """
    stale = OutboxMessage.objects.filter(
        sent_at__isnull=True,
        claimed_at__isnull=True,
        enqueued_at__lt=now - stale_after,
    )
    ids = list(stale.values_list("pk", flat=True)[:500])
    OutboxMessage.objects.filter(pk__in=ids).update(enqueued_at=now)
    for message_id in ids:
        ask_delivery(message_id)
    if ids:
        logger.info("Asked again for %d undelivered notice(s)", len(ids))
    return len(ids)
