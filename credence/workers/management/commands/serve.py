"""`credence serve`: the web server, the background worker and the watcher.

One command for a laptop or a small installation. Larger ones run the web
processes, the workers (`credence db_worker`, or with REDIS_URL set
`credence rqworker default --job-class django_tasks_rq.Job`) and one
`credence clocks watch` separately.
"""

import ctypes
import logging
import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

logger = logging.getLogger(__name__)

# How long to wait for a child to stop after SIGTERM before killing it.
STOP_GRACE_SECONDS = 10

# prctl(2) option: the signal a child receives when its parent dies.
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Ask Linux to end this child if `credence serve` itself is killed.

    Without it, a SIGKILL to the parent leaves the web server holding its
    port and a second background worker running on the next start.
    """
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
    except OSError:
        return
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def background_worker_command() -> list[str]:
    """The worker for the task backend in use: Redis-backed or the database."""
    if settings.REDIS_URL:
        # Without its job class RQ cannot call a task ("'Task' object is not
        # callable").
        return ["rqworker", "default", "--job-class", "django_tasks_rq.Job"]
    return ["db_worker"]


def _unapplied_migrations() -> int:
    executor = MigrationExecutor(connection)
    targets = executor.loader.graph.leaf_nodes()
    return len(executor.migration_plan(targets))


class Command(BaseCommand):
    help = "Serve Credence with its background worker and clock watcher."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args: Any, **options: Any) -> None:
        pending = _unapplied_migrations()
        if pending:
            raise CommandError(
                f"The database is missing {pending} migration(s). Run "
                "`credence migrate` first, then serve again."
            )
        python = sys.executable
        children = [
            subprocess.Popen(
                [python, "-m", "credence", *background_worker_command()],
                preexec_fn=_die_with_parent,
            ),
            subprocess.Popen(
                [python, "-m", "credence", "clocks", "watch"],
                preexec_fn=_die_with_parent,
            ),
            subprocess.Popen(
                [
                    python,
                    "-m",
                    "gunicorn",
                    "credence.wsgi",
                    "--bind",
                    options["bind"],
                    "--workers",
                    str(options["workers"]),
                    "--access-logfile",
                    "-",
                    # Two installations on one machine would otherwise share
                    # gunicorn's control socket in the home folder.
                    "--no-control-socket",
                ],
                preexec_fn=_die_with_parent,
            ),
        ]
        stopping = False

        def stop(signum: int, frame: object) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(f"Credence is serving on http://{options['bind']}/")
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(0.5)
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=STOP_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                child.kill()
        if not stopping:
            raise SystemExit("A Credence process stopped unexpectedly; see above.")
