"""`credence import directory`: workers, by username."""

import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from credence.directory.imports.common import (
    ImportCounts,
    Outcome,
    checked,
    first_of_each,
    known_usernames,
    no_such_worker,
    upsert,
)
from credence.directory.imports.rows import Cells, RowProblem, read_rows
from credence.workers.models import Team, Worker, WorkerKind

USERNAME = re.compile(r"^[\w.@+-]+\Z")

WORKER_COLUMNS = ("username", "first_name", "last_name", "email")
WORKER_OPTIONAL = ("kind", "team", "manager", "start_date", "time_zone")


@dataclass(frozen=True)
class WorkerRow:
    line: int
    username: str
    fields: dict[str, Any]
    # None when the file has no such column: the worker's stays as it is.
    team: str | None
    manager: str | None


def import_workers(path: Path) -> ImportCounts:
    """Create or update workers by username; passwords and roles stay as
    they are, and a new worker cannot sign in until given a password."""
    _, rows, problems = read_rows(path, WORKER_COLUMNS, WORKER_OPTIONAL)
    counts = ImportCounts(rows=len(rows) + len(problems), problems=problems)
    planned = checked(rows, _worker_row, counts)
    planned = first_of_each(
        planned, lambda r: r.username, lambda r: r.line, "username", "worker", counts
    )
    planned = _with_known_managers(planned, counts)
    while True:
        # A row refused for a loop keeps its worker's stored manager, or
        # leaves a new worker out for the rows they were to manage: either
        # can leave another row's manager unknown, or close another loop.
        kept = _without_loops(planned, counts)
        if len(kept) == len(planned):
            break
        planned = _with_known_managers(kept, counts)

    with transaction.atomic():
        outcomes = _save_workers(planned)
        for outcome in outcomes:
            counts.add(outcome)
    return counts


def _worker_row(cells: Cells) -> WorkerRow:
    username = cells.text("username", 150, required=True)
    if username and not USERNAME.match(username):
        cells.fail(
            "username",
            f"{username!r} is not a username; use letters, digits and "
            "@ . + - _ only, with no spaces",
        )
    email = cells.text("email", 254)
    try:
        if email:
            validate_email(email)
    except ValidationError:
        cells.fail(
            "email", f"{email!r} is not an email address; write it as name@example.org"
        )
    fields: dict[str, Any] = {
        "first_name": cells.text("first_name", 150),
        "last_name": cells.text("last_name", 150),
        "email": email,
    }
    if cells.has("kind"):
        kind = cells.row.values["kind"]
        fields["kind"] = (
            cells.choice("kind", WorkerKind.choices) if kind else WorkerKind.EMPLOYEE
        )
    if cells.has("start_date"):
        fields["start_date"] = cells.date("start_date")
    if cells.has("time_zone"):
        fields["time_zone"] = cells.time_zone("time_zone")
    manager = cells.text("manager", 150) if cells.has("manager") else None
    if manager and manager == username:
        cells.fail(
            "manager",
            "names the worker themself; leave it empty or name their manager",
        )
    team = cells.text("team", 100) if cells.has("team") else None
    return WorkerRow(cells.row.line, username, fields, team, manager)


def _with_known_managers(
    planned: list[WorkerRow], counts: ImportCounts
) -> list[WorkerRow]:
    """Rows whose manager is stored, or is imported by the same file.

    A row left out for its manager may be the manager of another row, so
    this goes round until every remaining manager is known.
    """
    stored = set(known_usernames(row.manager or "" for row in planned))
    while True:
        known = stored | {row.username for row in planned}
        unknown = [row for row in planned if row.manager and row.manager not in known]
        if not unknown:
            return planned
        for row in unknown:
            assert row.manager is not None
            counts.problems.append(no_such_worker(row.line, "manager", row.manager))
        failed = {row.line for row in unknown}
        planned = [row for row in planned if row.line not in failed]


def _without_loops(planned: list[WorkerRow], counts: ImportCounts) -> list[WorkerRow]:
    """Rows whose manager would not lead, up the chain of managers, back to
    the worker themself, through the file's rows and the managers stored.

    Each row of a loop is refused, whether the loop lies in the file alone
    or closes through a manager already stored.
    """
    from_file = {
        row.username: row.manager for row in planned if row.manager is not None
    }
    managers = _managers_after(from_file)
    lines = {row.username: row.line for row in planned if row.manager is not None}
    looped: set[str] = set()
    for loop in _loops(managers):
        for username in loop:
            if username not in lines:
                continue
            looped.add(username)
            counts.problems.append(
                RowProblem(
                    lines[username], "manager", _loop_reason(username, loop, from_file)
                )
            )
    return [row for row in planned if row.username not in looped]


def _managers_after(from_file: dict[str, str]) -> dict[str, str]:
    """Each worker's manager once the rows are saved (an empty name for
    none), for the file's workers and every manager up their chains.

    The stored hierarchy is read one level at a time, so only the chains
    the file reaches are loaded.
    """
    managers = dict(from_file)
    wanted = {name for name in managers.values() if name} - managers.keys()
    while wanted:
        stored = dict(
            Worker.objects.filter(username__in=wanted).values_list(
                "username", "manager__username"
            )
        )
        for name in wanted:
            managers[name] = stored.get(name) or ""
        wanted = {name for name in stored.values() if name} - managers.keys()
    return managers


def _loops(managers: dict[str, str]) -> list[list[str]]:
    """Every loop of managers, each once: each member is managed by the
    next, and the last by the first."""
    loops: list[list[str]] = []
    done: set[str] = set()
    for start in managers:
        path: list[str] = []
        on_path: dict[str, int] = {}
        name = start
        while name and name not in done and name not in on_path:
            on_path[name] = len(path)
            path.append(name)
            name = managers.get(name, "")
        if name in on_path:
            loops.append(path[on_path[name] :])
        done.update(path)
    return loops


def _loop_reason(username: str, loop: list[str], from_file: dict[str, str]) -> str:
    """Names the loop from the row's worker round to them again, and which
    of its links are stored rather than in the file."""
    at = loop.index(username)
    chain = [*loop[at:], *loop[:at], username]
    reason = f"makes a loop of managers: {' → '.join(chain)}, each managed by the next"
    stored = [
        f"{name}'s stored manager is {manager}"
        for name, manager in pairwise(chain)
        if name not in from_file
    ]
    if stored:
        reason += f" ({'; '.join(stored)})"
    return f"{reason}; name a manager outside the loop, or leave it empty"


def _save_workers(planned: list[WorkerRow]) -> list[Outcome]:
    existing = Worker.objects.in_bulk(
        [row.username for row in planned], field_name="username"
    )
    teams = {
        name: Team.objects.get_or_create(name=name)[0].pk
        for name in {row.team for row in planned if row.team}
    }
    saved: dict[str, Worker] = {}
    outcomes: list[Outcome] = []
    for row in planned:
        fields = {"username": row.username, **row.fields}
        if row.team is not None:
            fields["team_id"] = teams.get(row.team)
        saved[row.username], outcome = upsert(
            Worker,
            existing.get(row.username),
            fields,
            on_create={"password": make_password(None)},
        )
        outcomes.append(outcome)

    managers = known_usernames(row.manager or "" for row in planned)
    for index, row in enumerate(planned):
        if row.manager is None:
            continue
        worker = saved[row.username]
        manager_id = managers.get(row.manager) if row.manager else None
        if worker.manager_id != manager_id:
            worker.manager_id = manager_id
            worker.save(update_fields=["manager"])
            if outcomes[index] is Outcome.UNCHANGED:
                outcomes[index] = Outcome.UPDATED
    return outcomes
