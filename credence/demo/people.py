"""The demo's directory: teams, workers, their managers, and the IT team.

Planning is plain Python on a seeded random generator, so the same seed
gives the same people; `create_people` then writes them to the database.
"""

import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password

from credence.demo import names
from credence.workers.models import Team, Worker, WorkerKind
from credence.workers.roles import make_agent, make_lead

WORKER = "worker"
AGENT = "agent"
LEAD = "lead"

AGENT_COUNT = 3
# The lead and three agents, plus at least one worker they serve.
SMALLEST_DIRECTORY = AGENT_COUNT + 2
# Every pairing of a given and a family name, each used once.
LARGEST_DIRECTORY = len(names.GIVEN_NAMES) * len(names.FAMILY_NAMES)

# Shares of the workers outside the IT team who are not employees.
KIND_SHARES = (
    (WorkerKind.CONTRACTOR, 0.10),
    (WorkerKind.TEMP, 0.06),
    (WorkerKind.INTERN, 0.05),
)
# Share of workers who live in another time zone than the office.
REMOTE_SHARE = 0.1


@dataclass(frozen=True)
class Person:
    username: str
    first_name: str
    last_name: str
    email: str
    kind: str
    team: str
    role: str
    start_date: date
    time_zone: str
    manager: str | None = None

    @property
    def is_it(self) -> bool:
        return self.role in (AGENT, LEAD)


def demo_password(username: str) -> str:
    """The fixed password of a demo sign-in: only ever for the demo."""
    return f"{username}-demo"


def plan_people(
    rng: random.Random, count: int, today: date, office_zone: str
) -> list[Person]:
    """Plan `count` people: the lead, three agents, and the teams they serve.

    The first person planned for each team manages it; the Operations
    manager runs the company and manages the other managers.
    """
    if not SMALLEST_DIRECTORY <= count <= LARGEST_DIRECTORY:
        raise ValueError(
            f"The demo has room for {SMALLEST_DIRECTORY} to {LARGEST_DIRECTORY} "
            f"workers, not {count}."
        )
    full_names = _full_names(rng, count)
    zones = [zone for zone in names.REMOTE_TIME_ZONES if zone != office_zone]
    served = count - AGENT_COUNT - 1
    seats: list[tuple[str, str, str]] = [
        (LEAD, names.IT_TEAM, WorkerKind.EMPLOYEE),
        *[(AGENT, names.IT_TEAM, WorkerKind.EMPLOYEE)] * AGENT_COUNT,
        *[
            (WORKER, team, kind)
            for team, kind in zip(_team_seats(served), _kinds(rng, served), strict=True)
        ],
    ]

    people: list[Person] = []
    managers: dict[str, str] = {}
    for (first, last), (role, team, kind) in zip(full_names, seats, strict=True):
        if team not in managers:
            # A team's first member manages it, and managers are employees.
            kind = WorkerKind.EMPLOYEE
        username = _username(first, last)
        manager = managers.get(team)
        managers.setdefault(team, username)
        remote = role == WORKER and manager is not None and rng.random() < REMOTE_SHARE
        tenure = _tenure_days(rng, kind, manages=manager is None)
        people.append(
            Person(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@{_domain(kind)}",
                kind=kind,
                team=team,
                role=role,
                start_date=today - timedelta(days=tenure),
                time_zone=rng.choice(zones) if remote and zones else "",
                manager=manager,
            )
        )
    return _with_director(people, managers)


def create_people(people: Sequence[Person]) -> dict[str, Worker]:
    """Write the planned people; give the IT team and one worker passwords.

    Hashing a password is deliberately slow (about a quarter of a second),
    so only the people whose sign-ins the demo prints, and the other agents,
    can sign in; everyone else has an unusable password until a lead sets one.
    """
    teams = {name: Team.objects.get_or_create(name=name)[0] for name in _teams(people)}
    featured = featured_worker(people)
    workers: dict[str, Worker] = {}
    for person in people:
        can_sign_in = person.is_it or person.username == featured.username
        workers[person.username] = Worker.objects.create(
            username=person.username,
            first_name=person.first_name,
            last_name=person.last_name,
            email=person.email,
            kind=person.kind,
            team=teams[person.team],
            start_date=person.start_date,
            time_zone=person.time_zone,
            password=make_password(
                demo_password(person.username) if can_sign_in else None
            ),
        )
    for person in people:
        if person.manager is not None:
            workers[person.username].manager = workers[person.manager]
            workers[person.username].save(update_fields=["manager"])
        if person.role == LEAD:
            make_lead(workers[person.username])
        elif person.role == AGENT:
            make_agent(workers[person.username])
    return workers


def featured_worker(people: Sequence[Person]) -> Person:
    """The worker whose sign-in the demo prints: an employee, not a manager."""
    managers = {person.manager for person in people}
    candidates = [person for person in people if person.role == WORKER]
    for person in candidates:
        if person.kind == WorkerKind.EMPLOYEE and person.username not in managers:
            return person
    return candidates[0]


def _full_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Distinct pairings; no given or family name twice while the lists last."""
    if count <= min(len(names.GIVEN_NAMES), len(names.FAMILY_NAMES)):
        given = rng.sample(names.GIVEN_NAMES, count)
        family = rng.sample(names.FAMILY_NAMES, count)
        return list(zip(given, family, strict=True))
    pairs = [
        (first, last) for first in names.GIVEN_NAMES for last in names.FAMILY_NAMES
    ]
    return rng.sample(pairs, count)


def _username(first: str, last: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", f"{first}.{last}")
    return ascii_name.encode("ascii", "ignore").decode().lower()


def _domain(kind: str) -> str:
    agency = kind in (WorkerKind.CONTRACTOR, WorkerKind.TEMP)
    return names.AGENCY_DOMAIN if agency else names.STAFF_DOMAIN


def _kinds(rng: random.Random, count: int) -> list[str]:
    kinds: list[str] = []
    for kind, share in KIND_SHARES:
        kinds += [kind] * round(count * share)
    kinds += [WorkerKind.EMPLOYEE] * (count - len(kinds))
    rng.shuffle(kinds)
    return kinds


def _team_seats(count: int) -> list[str]:
    """Team names for `count` workers, in proportion to the team sizes.

    Seats go round the teams in turn, skipping a team once it has its share,
    so even a small demo has a few teams with a manager each.
    """
    total = sum(size for _, size in names.TEAMS)
    shares = {name: max(1, round(count * size / total)) for name, size in names.TEAMS}
    seats: list[str] = []
    while len(seats) < count:
        for name, _ in names.TEAMS:
            if len(seats) < count and seats.count(name) < shares[name]:
                seats.append(name)
        if all(seats.count(name) >= shares[name] for name, _ in names.TEAMS):
            shares = {name: share + 1 for name, share in shares.items()}
    return seats


def _tenure_days(rng: random.Random, kind: str, manages: bool) -> int:
    """How long ago someone started; a few interns and temps are new."""
    if manages:
        return rng.randint(3 * 365, 12 * 365)
    if kind == WorkerKind.INTERN:
        return rng.randint(20, 150)
    if kind == WorkerKind.TEMP:
        return rng.randint(30, 300)
    if kind == WorkerKind.CONTRACTOR:
        return rng.randint(120, 3 * 365)
    return rng.randint(120, 10 * 365)


def _with_director(people: list[Person], managers: dict[str, str]) -> list[Person]:
    """Team managers and the lead report to the Operations manager."""
    director = managers.get("Operations")
    if director is None:
        return people
    return [
        replace(person, manager=director)
        if person.manager is None and person.username != director
        else person
        for person in people
    ]


def _teams(people: Sequence[Person]) -> list[str]:
    return list(dict.fromkeys(person.team for person in people))
