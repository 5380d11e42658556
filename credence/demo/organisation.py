"""Credence's demo organisation: for trying Credence, never for production.

`ensure_demo` fills an empty database with a made-up company: about fifty
workers in a few teams, an IT team of three agents and a lead, a company day
closed on the business calendar, and about three months of tickets ending
now. Every ticket is opened and worked through the domain operations at
explicit instants (see `playback.py`), so its history, its clocks and the
metrics are what Credence would have recorded had it all really happened.
The same seed gives the same organisation.

The demo's sign-ins have fixed passwords, printed every time the demo is
asked for: each is the username followed by "-demo", for example
"amara.okafor-demo". Anyone who reads this knows them, so a database that
holds the demo must never be used for real work or reachable by others.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from credence.assistant import demo as assistant_demo
from credence.catalog import demo as catalog_demo
from credence.demo.models import DemoOrganisation
from credence.demo.people import (
    AGENT,
    LEAD,
    create_people,
    demo_password,
    featured_worker,
    plan_people,
)
from credence.demo.playback import play
from credence.demo.stories import plan_stories
from credence.directory import demo as directory_demo
from credence.errors import CredenceError
from credence.knowledge import demo as knowledge_demo
from credence.selfservice import demo as selfservice_demo
from credence.slo.models import Calendar, ClosedDay
from credence.slo.objectives import (
    BUSINESS_HOURS_NAME,
    clock_calendar,
    current_objectives,
    ensure_defaults,
)
from credence.tickets.models import Ticket
from credence.workers.models import Worker

DEFAULT_SEED = 2026
# Thirteen weeks: about three months of tickets.
DEFAULT_DAYS = 91
DEFAULT_WORKERS = 50


class DatabaseNotEmpty(CredenceError):
    code = "database_not_empty"
    status = 409
    template = (
        "This database already holds data that is not Credence's demo "
        "(%(what)s), so the demo was not created. To try the demo, start fresh "
        "with an empty database of its own, for example: "
        "DATABASE_URL=sqlite:////tmp/credence-demo.sqlite3 make run"
    )


@dataclass(frozen=True)
class SignIn:
    role: str
    username: str
    password: str


def ensure_demo(
    seed: int = DEFAULT_SEED,
    days: int = DEFAULT_DAYS,
    workers: int = DEFAULT_WORKERS,
) -> tuple[DemoOrganisation, bool]:
    """The demo in this database, created first if the database is empty.

    Gives the demo and whether it was created now. A database already
    holding the demo keeps it as it is, with whatever was done in it since.
    One holding anything else (a ticket, or any worker) is refused with
    `DatabaseNotEmpty`, since the demo's made-up people and tickets would
    mix with real ones.
    """
    now = timezone.now()
    with transaction.atomic():
        existing = DemoOrganisation.objects.order_by("pk").first()
        if existing is not None:
            return existing, False
        _refuse_unless_empty()
        return _create(seed, days, workers, now), True


def sign_ins(demo: DemoOrganisation) -> list[SignIn]:
    return [
        SignIn(role, username, demo_password(username))
        for role, username in (
            ("worker", demo.worker_username),
            ("agent", demo.agent_username),
            ("lead", demo.lead_username),
        )
    ]


def _create(seed: int, days: int, workers: int, now: datetime) -> DemoOrganisation:
    ensure_defaults()
    business_row = Calendar.objects.get(name=BUSINESS_HOURS_NAME)
    today = timezone.localdate(now, ZoneInfo(business_row.time_zone))
    _close_company_days(business_row, today)
    objectives = current_objectives()
    business = clock_calendar(business_row)

    rng = random.Random(seed)
    people = plan_people(rng, workers, today, business_row.time_zone)
    directory = create_people(people)
    for story in plan_stories(rng, people, objectives, business, now, days):
        play(story, directory)
    # The front door's records come after the tickets: self-service last,
    # since its sessions are linked to the tickets that followed them.
    for app in (
        directory_demo,
        knowledge_demo,
        catalog_demo,
        assistant_demo,
        selfservice_demo,
    ):
        app.add_to_demo(rng, directory, today, now)

    return DemoOrganisation.objects.create(
        created_at=now,
        seed=seed,
        days=days,
        worker_username=featured_worker(people).username,
        agent_username=next(p.username for p in people if p.role == AGENT),
        lead_username=next(p.username for p in people if p.role == LEAD),
    )


def _refuse_unless_empty() -> None:
    counts = (
        (Ticket.objects.count(), "ticket"),
        (Worker.objects.count(), "worker"),
    )
    found = [f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts if n]
    if found:
        raise DatabaseNotEmpty(what=" and ".join(found))


def _close_company_days(calendar: Calendar, today: date) -> None:
    """Close the office for a company day in the past and a move ahead.

    The calendar's stamp is touched so that the objectives cached in this
    process see the new days. Calendar edits usually re-measure every
    ticket in the background; the database has no tickets yet, so the days
    are added without that.
    """
    days = (
        (_friday_of(today - timedelta(weeks=6)), "Company day"),
        (_friday_of(today + timedelta(weeks=3)), "Office move"),
    )
    ClosedDay.objects.bulk_create(
        [ClosedDay(calendar=calendar, date=day, name=name) for day, name in days],
        ignore_conflicts=True,
    )
    Calendar.objects.filter(pk=calendar.pk).update(updated_at=timezone.now())


def _friday_of(day: date) -> date:
    return day + timedelta(days=4 - day.weekday())
