"""Shared personas: two workers, an agent and a lead."""

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from credence.slo import objectives
from credence.slo.models import Calendar
from credence.workers.models import Team, Worker
from credence.workers.roles import make_agent, make_lead

STARTER_CATALOG = importlib.import_module(
    "credence.catalog.migrations.0002_starter_catalog"
)
STARTER_DATE_RULES = importlib.import_module(
    "credence.catalog.migrations.0004_starter_date_rules"
)

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing() -> None:
    # Real hashing costs a quarter of a second per persona; the tests are
    # about tickets, not about password strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@contextmanager
def utc_business_hours() -> Iterator[None]:
    """Monday to Friday 09:00-17:00 in UTC, whatever CREDENCE_TIME_ZONE says.

    The objectives are cached per process by the calendars' stamps; tests
    under frozen time can give two different set-ups the same stamps, so
    the cache is emptied around it.
    """
    objectives.forget_objectives()
    objectives.ensure_defaults()
    calendar = Calendar.objects.get(name=objectives.BUSINESS_HOURS_NAME)
    calendar.time_zone = "UTC"
    calendar.save()
    yield
    objectives.forget_objectives()


@pytest.fixture(autouse=True)
def starter_catalog(request: pytest.FixtureRequest) -> None:
    """The request types the catalog's migration writes, where missing.

    A test with real transactions (the browser's, through live_server)
    empties every table when it ends, the migration's data included, and
    the tests after it would find no catalog.
    """
    names = request.fixturenames
    if "live_server" in names or "transactional_db" in names:
        request.getfixturevalue("transactional_db")
    elif "db" in names:
        request.getfixturevalue("db")
    else:
        return
    from django.apps import apps

    if not apps.get_model("catalog", "RequestType").objects.exists():
        STARTER_CATALOG.add_starter_catalog(apps, None)
        STARTER_DATE_RULES.set_date_rules(apps, None)


@pytest.fixture(autouse=True)
def fresh_vocabulary() -> Iterator[None]:
    # A process keeps the search index's vocabulary for a minute; each test
    # has its own index, so each starts from the database.
    from credence.knowledge.vocabulary import forget_vocabulary

    forget_vocabulary()
    yield
    forget_vocabulary()


@pytest.fixture(autouse=True)
def fresh_objectives() -> Iterator[None]:
    # Each test's database is rolled back, but a process keeps its copy of
    # the objectives keyed by their stamps; under frozen time two different
    # set-ups can share stamps, so every test starts from the database.
    from credence.slo.objectives import forget_objectives

    forget_objectives()
    yield
    forget_objectives()


def _worker(username: str, first: str, last: str, team: Team) -> Worker:
    worker = Worker.objects.create_user(
        username=username,
        password=PASSWORD,
        first_name=first,
        last_name=last,
        email=f"{username}@example.test",
        team=team,
    )
    return worker


@pytest.fixture
def team(db: None) -> Team:
    return Team.objects.create(name="Finance")


@pytest.fixture
def worker(team: Team) -> Worker:
    return _worker("wanda", "Wanda", "Worker", team)


@pytest.fixture
def other_worker(team: Team) -> Worker:
    return _worker("oscar", "Oscar", "Other", team)


@pytest.fixture
def agent(db: None) -> Worker:
    it = Team.objects.get_or_create(name="IT")[0]
    person = _worker("ada", "Ada", "Agent", it)
    make_agent(person)
    return Worker.objects.get(pk=person.pk)


@pytest.fixture
def lead(db: None) -> Worker:
    it = Team.objects.get_or_create(name="IT")[0]
    person = _worker("lee", "Lee", "Lead", it)
    make_lead(person)
    return Worker.objects.get(pk=person.pk)


def signed_in(person: Worker) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    yield SHARED
