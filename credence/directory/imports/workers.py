"""`credence import directory`: workers, by username."""

import re
from dataclasses import dataclass
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
from credence.directory.imports.rows import Cells, read_rows
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
