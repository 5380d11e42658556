"""A background worker killed mid-delivery: every notice arrives once.

Real processes against a file SQLite database and a real SMTP server:
`credence db_worker` is killed with SIGKILL while the mail server holds
its first message before the recipient is accepted, so nothing reached the
server; a second worker and the watcher's sweep must then send that notice
and the other one, each exactly once.
"""

import asyncio
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")

ROOT = Path(__file__).resolve().parent.parent.parent

# Two high-priority tickets (response target 15 min round the clock): one
# opened 20 min ago, breached 5 min ago; one opened 11 min 30 s ago, beyond
# its warning at 11 min 15 s and due in 3 min 30 s. The check comes a few
# seconds later, well within each minute. One agent to tell.
SETUP = """
from datetime import timedelta
from django.utils import timezone
from credence.tickets import services
from credence.workers.models import Worker
from credence.workers.roles import make_agent

agent = Worker.objects.create_user("ada", email="ada@example.test")
make_agent(agent)
requester = Worker.objects.create_user("wanda", email="wanda@example.test")
for minutes, title in ((20, "Printer on fire"), (11.5, "Mail is down")):
    services.open_ticket(
        requester=requester, kind="incident", title=title, priority="high",
        actor=requester, at=timezone.now() - timedelta(minutes=minutes),
    )
"""

# Generous limits for a loaded machine; each wait ends as soon as it can.
WAIT_SECONDS = 60


class HoldingHandler:
    """Records messages; holds the first one before accepting its recipient."""

    def __init__(self) -> None:
        self.received: list[bytes] = []
        self.holding = threading.Event()
        self.release = threading.Event()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if not self.holding.is_set():
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(envelope.content)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _credence(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "credence", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=WAIT_SECONDS,
        check=True,
    )


def _worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "credence",
                "db_worker",
                "--interval",
                "0.1",
                "--no-startup-delay",
            ],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _wait_for(condition: Any) -> bool:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_worker_killed_mid_delivery_loses_and_doubles_no_notice(
    tmp_path: Path,
) -> None:
    handler = HoldingHandler()
    controller = aiosmtpd_controller.Controller(
        handler, hostname="127.0.0.1", port=_free_port()
    )
    controller.start()
    workers: list[subprocess.Popen[bytes]] = []
    try:
        database = tmp_path / "credence.sqlite3"
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("CREDENCE_", "DATABASE_URL", "REDIS_URL"))
        }
        env.update(
            DATABASE_URL=f"sqlite:///{database}",
            CREDENCE_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            CREDENCE_EMAIL_HOST="127.0.0.1",
            CREDENCE_EMAIL_PORT=str(controller.port),
            CREDENCE_BASE_URL="https://desk.example.test",
        )
        _credence(env, "migrate", "--noinput", "--verbosity", "0")
        _credence(env, "shell", "-c", SETUP)
        _credence(env, "clocks", "check")

        first = _worker(env, tmp_path / "first.log")
        workers.append(first)
        assert handler.holding.wait(WAIT_SECONDS), (tmp_path / "first.log").read_text()
        first.kill()
        first.wait(timeout=WAIT_SECONDS)
        handler.release.set()
        assert handler.received == []

        workers.append(_worker(env, tmp_path / "second.log"))
        # The killed delivery is left RUNNING with its message claimed; once
        # older than the staleness limit the watcher's look puts it back.
        time.sleep(1.5)
        _credence(env, "clocks", "check", "--stale-after", "1")
        assert _wait_for(lambda: len(handler.received) >= 2)
        # Time for a duplicate to arrive, were one on its way.
        time.sleep(1.5)
        _credence(env, "clocks", "check", "--stale-after", "1")
        time.sleep(1.5)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=WAIT_SECONDS)
        controller.stop()

    mails = [message_from_bytes(content) for content in handler.received]
    assert sorted(mail["Subject"] for mail in mails) == [
        "CR-1001 response breached 5 minutes ago: Printer on fire",
        "CR-1002 response due in 3 minutes: Mail is down",
    ]
    assert len({mail["Message-ID"] for mail in mails}) == 2
    with sqlite3.connect(database) as connection:
        unsent = connection.execute(
            "SELECT count(*) FROM notify_outboxmessage WHERE sent_at IS NULL"
        ).fetchone()[0]
        running = connection.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult "
            "WHERE status = 'RUNNING'"
        ).fetchone()[0]
    assert (unsent, running) == (0, 0)
