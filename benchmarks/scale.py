"""Generate tickets with histories at scale and time the pages that read them.

Run by hand, never in the test suite:

    .venv/bin/python benchmarks/scale.py --tickets 1000000 \
        [--database-url URL] [--processes 2] [--reuse]

Each ticket gets a year's worth of plausible history (opened, acknowledged,
sometimes waiting on the worker, a priority change, resolved, reopened,
closed), planned from a seeded random generator. Its derived columns and
timeline spans come from `credence.slo.derive.derived_figures`, the same
computation the ticket operations store, run in worker processes; rows are
written in bulk rather than through the operations, which would take hours.

It then times, in this process, with the database warm: a month's report
(`period_metrics`), the weekly review page, the metrics page and the desk
queue, each five times, and prints the median and the slowest.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from multiprocessing import get_context
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# The history ends here, so that figures are the same on every run.
END = datetime(2026, 11, 30, tzinfo=UTC)
YEAR = timedelta(days=365)
CHUNK = 10_000
WORKERS = 500

PRIORITY_WEIGHTS = {"highest": 2, "high": 8, "medium": 60, "low": 25, "lowest": 5}
CHANNEL_WEIGHTS = {
    "portal": 55,
    "assistant": 10,
    "email": 15,
    "chat": 10,
    "phone": 5,
    "walk-up": 4,
    "api": 1,
}

# Filled in each worker process by `_start_worker`.
_objectives: Any = None


def _minutes(rng: random.Random, mean: float) -> timedelta:
    return timedelta(minutes=rng.expovariate(1 / mean))


def plan_history(index: int, seed: int) -> tuple[dict[str, Any], list[tuple]]:
    """One ticket's fields and its events as (type, at, data), in time order."""
    rng = random.Random(seed * 1_000_003 + index)
    opened = END - YEAR * rng.random()
    priority = rng.choices(list(PRIORITY_WEIGHTS), list(PRIORITY_WEIGHTS.values()))[0]
    channel = rng.choices(list(CHANNEL_WEIGHTS), list(CHANNEL_WEIGHTS.values()))[0]
    fields = {
        "kind": rng.choice(("request", "incident")),
        "channel": channel,
        "opened_at": opened,
        "requester": rng.randrange(WORKERS),
    }
    events: list[tuple] = [("opened", opened, {"priority": priority})]
    now = opened
    if rng.random() < 0.05:
        now += _minutes(rng, 30)
        others = [name for name in PRIORITY_WEIGHTS if name != priority]
        events.append(("priority_changed", now, {"priority": rng.choice(others)}))
    if rng.random() < 0.95:
        now += _minutes(rng, 50)
        events.append(("acknowledged", now, {}))
    if rng.random() < 0.15:
        now += _minutes(rng, 20)
        events.append(("replied", now, {}))
        events.append(("waiting", now, {}))
        now += _minutes(rng, 24 * 60)
        events.append(("resumed", now, {}))
    # Recent tickets are often still open.
    recent = END - opened < timedelta(days=10)
    if not recent or rng.random() < 0.4:
        now += _minutes(rng, 2 * 24 * 60)
        events.append(("resolved", now, {}))
        if rng.random() < 0.05:
            now += _minutes(rng, 24 * 60)
            events.append(("reopened", now, {}))
            now += _minutes(rng, 24 * 60)
            events.append(("resolved", now, {}))
        now += _minutes(rng, 3 * 24 * 60)
        events.append(("closed", now, {}))
    return fields, [event for event in events if event[1] <= END]


def _status(events: list[tuple]) -> str:
    status = "new"
    for kind, _at, _data in events:
        if kind in ("acknowledged", "replied", "resumed", "reopened"):
            status = "in_progress"
        elif kind == "waiting":
            status = "waiting"
        elif kind == "resolved":
            status = "resolved"
        elif kind == "closed":
            status = "closed"
    return status


def _start_worker(objectives: Any) -> None:
    global _objectives
    _objectives = objectives


def derive_chunk(bounds: tuple[int, int, int]) -> list[tuple]:
    from credence.slo.clock import ClockEvent
    from credence.slo.derive import DEFAULT_WARN_SHARE, derived_figures

    first, last, seed = bounds
    planned = []
    for index in range(first, last):
        fields, events = plan_history(index, seed)
        clock_events = [
            ClockEvent(at=at, type=kind, priority=data.get("priority"))
            for kind, at, data in events
        ]
        columns, spans = derived_figures(
            clock_events, _objectives, DEFAULT_WARN_SHARE, END
        )
        planned.append((index, fields, events, columns, spans))
    return planned


def _setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "credence.settings")
    os.environ["CREDENCE_ALLOWED_HOSTS"] = "testserver,127.0.0.1"
    import django

    django.setup()


def _people() -> tuple[list[int], Any]:
    from credence.workers.models import Worker
    from credence.workers.roles import make_agent

    if not Worker.objects.filter(username="scale-agent").exists():
        Worker.objects.bulk_create(
            Worker(username=f"scale-worker-{n}", password="!") for n in range(WORKERS)
        )
        agent = Worker.objects.create(username="scale-agent", password="!")
        make_agent(agent)
    ids = list(
        Worker.objects.filter(username__startswith="scale-worker-")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return ids, Worker.objects.get(username="scale-agent")


def generate(tickets: int, processes: int, seed: int) -> None:
    from django.core.management import call_command
    from django.db import transaction

    from credence.slo.objectives import current_objectives
    from credence.tickets.models import Ticket, TicketEvent, TicketNumber, TicketSpan

    call_command("migrate", verbosity=0)
    requesters, _agent = _people()
    objectives = current_objectives()
    chunks = [
        (first, min(tickets, first + CHUNK), seed) for first in range(0, tickets, CHUNK)
    ]
    started = time.perf_counter()
    context = get_context("fork")
    with context.Pool(processes, _start_worker, (objectives,)) as pool:
        for done, planned in enumerate(pool.imap(derive_chunk, chunks), start=1):
            with transaction.atomic():
                _write(planned, requesters, Ticket, TicketEvent, TicketSpan)
            rate = done * CHUNK / (time.perf_counter() - started)
            print(
                f"  {min(done * CHUNK, tickets):>9,} tickets written "
                f"({rate:,.0f} a second)",
                flush=True,
            )
    TicketNumber.objects.update_or_create(pk=1, defaults={"last": 1000 + tickets})


def _write(
    planned: list[tuple], requesters: list[int], Ticket: Any, Event: Any, Span: Any
) -> None:
    rows = []
    for index, fields, events, columns, _spans in planned:
        last = events[-1][1]
        stamps = {kind: at for kind, at, _data in events}
        rows.append(
            Ticket(
                number=1001 + index,
                title=f"Scale ticket {index}",
                kind=fields["kind"],
                channel=fields["channel"],
                requester_id=requesters[fields["requester"]],
                status=_status(events),
                opened_at=fields["opened_at"],
                updated_at=last,
                acknowledged_at=stamps.get("acknowledged") or stamps.get("replied"),
                resolved_at=stamps.get("resolved"),
                closed_at=stamps.get("closed"),
                **columns,
            )
        )
    created = Ticket.objects.bulk_create(rows, batch_size=2000)
    Event.objects.bulk_create(
        (
            Event(ticket_id=ticket.pk, type=kind, at=at, data=data)
            for ticket, (_i, _f, events, _c, _s) in zip(created, planned, strict=True)
            for kind, at, data in events
        ),
        batch_size=5000,
    )
    from credence.slo.derive import ticket_copies

    Span.objects.bulk_create(
        (
            Span(ticket_id=ticket.pk, **values, **ticket_copies(ticket))
            for ticket, (_i, _f, _e, _c, spans) in zip(created, planned, strict=True)
            for values in spans
        ),
        batch_size=5000,
    )


def timed(name: str, action: Callable[[], object], runs: int = 5) -> None:
    action()
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - started)
    print(
        f"{name:<40} median {statistics.median(seconds):7.3f} s  "
        f"slowest {max(seconds):7.3f} s"
    )


def settle() -> None:
    """On PostgreSQL, do what autovacuum would soon do after a bulk load:
    bring the planner's statistics and the visibility map up to date.

    SQLite keeps no statistics unless asked (ANALYZE), and Credence never
    asks, so its database is timed as it is.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for table in ("tickets_ticket", "tickets_ticketevent", "tickets_ticketspan"):
            cursor.execute(f"VACUUM (ANALYZE) {table}")
    print(f"vacuumed and analysed in {time.perf_counter() - started:.0f} s")


def measure_pages() -> None:
    from django.test import Client

    from credence.metrics.measure import period_metrics
    from credence.tickets.models import Ticket, TicketEvent, TicketSpan
    from credence.workers.models import Worker

    print(
        f"{Ticket.objects.count():,} tickets, {TicketEvent.objects.count():,} "
        f"events, {TicketSpan.objects.count():,} spans"
    )
    client = Client()
    client.force_login(Worker.objects.get(username="scale-agent"))

    def page(url: str) -> Callable[[], object]:
        def get() -> object:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response

        return get

    month = (datetime(2026, 11, 1, tzinfo=UTC), END)
    timed("month report: period_metrics 2026-11", lambda: period_metrics(*month))
    timed("weekly review page 2026-W47", page("/desk/review/?week=2026-W47"))
    timed("metrics page 2026-11", page("/desk/metrics/?month=2026-11"))
    timed("desk queue page", page("/desk/"))
    timed("desk queue, breached filter", page("/desk/?breached=1"))


def main(argv: Iterator[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--database-url")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time an existing database only, after migrating it",
    )
    options = parser.parse_args(list(argv) if argv is not None else None)
    url = options.database_url or (
        f"sqlite:///{tempfile.mkdtemp(prefix='credence-scale-')}/scale.sqlite3"
    )
    print(f"database {url}")
    _setup(url)
    if not options.reuse:
        started = time.perf_counter()
        generate(options.tickets, options.processes, options.seed)
        print(f"generated in {time.perf_counter() - started:,.0f} s")
    else:
        # A database generated by an earlier version gains the columns and
        # indexes the pages now read; migrating fills them in.
        from django.core.management import call_command

        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        print(f"migrated in {time.perf_counter() - started:,.0f} s")
    settle()
    measure_pages()


if __name__ == "__main__":
    main()
