"""`credence clocks`: watch the service level clocks for warnings and breaches.

`check` looks once; `watch` looks every `--every` seconds until stopped. A
look puts back the work of dead background processes, asks again for mail
whose delivery was lost, and queues a check of the clocks for the
background workers.
"""

import logging
import signal
import time
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, close_old_connections
from django.utils import timezone
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from credence.notify.tasks import check_clocks, send_notice
from credence.notify.upkeep import DEFAULT_STALE_AFTER, redeliver, sweep
from credence.selfservice.tasks import ask_welcomes

logger = logging.getLogger(__name__)

UNFINISHED = (TaskResultStatus.READY, TaskResultStatus.RUNNING)


def _positive(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise ValueError(text)
    return value


def _unfinished(result: TaskResult[int]) -> bool:
    try:
        result.refresh()
    except TaskResultDoesNotExist:
        # Redis keeps a finished job's result for a while only.
        return False
    return result.status in UNFINISHED


def _ask_delivery(message_id: int) -> None:
    send_notice.enqueue(message_id)


class Command(BaseCommand):
    help = "Warn before service level clocks break, and give notice when they do."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        check = actions.add_parser("check", help="Look at the clocks once.")
        watch = actions.add_parser("watch", help="Look at the clocks until stopped.")
        watch.add_argument(
            "--every",
            type=_positive,
            default=60.0,
            help="Seconds between two looks (default 60).",
        )
        for action in (check, watch):
            action.add_argument(
                "--stale-after",
                type=_positive,
                default=DEFAULT_STALE_AFTER.total_seconds(),
                help="Seconds after which a running task or a claimed message "
                "is taken to have lost its process (default %(default)s).",
            )

    def handle(self, *args: Any, **options: Any) -> None:
        stale_after = timedelta(seconds=options["stale_after"])
        if options["action"] == "check":
            self._look(stale_after, previous=None)
            return
        self._watch(options["every"], stale_after)

    def _look(
        self, stale_after: timedelta, previous: TaskResult[int] | None
    ) -> TaskResult[int] | None:
        now = timezone.now()
        swept = sweep(now, stale_after)
        asked = redeliver(now, _ask_delivery, stale_after)
        # New workers' welcome mail rides on the same tick.
        ask_welcomes(now)
        if previous is not None and _unfinished(previous):
            # The workers are behind; one queued check is enough.
            return previous
        result = check_clocks.enqueue()
        self.stdout.write(
            f"Queued a check of the clocks; put back {swept.requeued_tasks} "
            f"task(s), released {swept.released_claims} claim(s), asked again "
            f"for {asked} notice(s)."
        )
        return result

    def _watch(self, every: float, stale_after: timedelta) -> None:
        stopping = False

        def stop(signum: int, frame: object) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        previous: TaskResult[int] | None = None
        while not stopping:
            close_old_connections()
            try:
                previous = self._look(stale_after, previous)
            except DatabaseError:
                # A locked or restarting database must not end the watch:
                # the next look tries again.
                logger.exception("Could not look at the clocks")
            deadline = time.monotonic() + every
            while not stopping and time.monotonic() < deadline:
                time.sleep(min(0.5, every))
