"""`credence import applications`: one worker's access to one application
per row."""

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from credence.directory.imports.common import (
    ImportCounts,
    checked,
    first_of_each,
    known_usernames,
    no_such_worker,
    upsert,
)
from credence.directory.imports.rows import Cells, read_rows
from credence.directory.models import Application, ApplicationAccess

ACCESS_COLUMNS = ("application", "username", "role")
ACCESS_OPTIONAL = ("description",)


@dataclass(frozen=True)
class AccessRow:
    line: int
    application: str
    username: str
    role: str
    description: str


def import_applications(path: Path) -> ImportCounts:
    """Create or update one worker's access to one application per row.

    An application named for the first time is created, with the row's
    description if it has one.
    """
    _, rows, problems = read_rows(path, ACCESS_COLUMNS, ACCESS_OPTIONAL)
    counts = ImportCounts(rows=len(rows) + len(problems), problems=problems)
    planned = checked(rows, _access_row, counts)
    planned = first_of_each(
        planned,
        lambda r: (r.application, r.username),
        lambda r: r.line,
        "application",
        "application and worker",
        counts,
    )
    workers = known_usernames(row.username for row in planned)
    for row in planned:
        if row.username not in workers:
            counts.problems.append(no_such_worker(row.line, "username", row.username))
    planned = [row for row in planned if row.username in workers]

    with transaction.atomic():
        applications = _applications_for(planned, counts)
        existing = {
            (access.application_id, access.worker_id): access
            for access in ApplicationAccess.objects.filter(
                application__in=applications.values(),
                worker_id__in=workers.values(),
            )
        }
        for row in planned:
            application = applications[row.application]
            worker_id = workers[row.username]
            fields = {
                "application_id": application.pk,
                "worker_id": worker_id,
                "role": row.role,
            }
            access = existing.get((application.pk, worker_id))
            counts.add(upsert(ApplicationAccess, access, fields)[1])
    return counts


def _access_row(cells: Cells) -> AccessRow:
    return AccessRow(
        cells.row.line,
        cells.text("application", 100, required=True),
        cells.text("username", 150, required=True),
        cells.text("role", 100, required=True),
        cells.text("description", 2000),
    )


def _applications_for(
    planned: list[AccessRow], counts: ImportCounts
) -> dict[str, Application]:
    names = {row.application for row in planned}
    applications = Application.objects.in_bulk(names, field_name="name")
    for row in planned:
        if row.application not in applications:
            applications[row.application] = Application.objects.create(
                name=row.application, description=row.description
            )
            counts.new_applications += 1
    return applications
