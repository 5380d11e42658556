"""`credence import devices`: devices by serial, and who holds each."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from credence.directory.imports.common import (
    ImportCounts,
    checked,
    first_of_each,
    known_usernames,
    no_such_worker,
    upsert,
)
from credence.directory.imports.rows import Cells, read_rows
from credence.directory.models import Device, DeviceType

DEVICE_COLUMNS = ("serial", "type", "model")
DEVICE_OPTIONAL = ("os", "username", "assigned_since")


@dataclass(frozen=True)
class DeviceRow:
    line: int
    serial: str
    fields: dict[str, Any]
    username: str | None
    assigned_since: date | None
    has_since: bool


def import_devices(path: Path) -> ImportCounts:
    """Create or update devices by serial, with whom each is assigned to."""
    _, rows, problems = read_rows(path, DEVICE_COLUMNS, DEVICE_OPTIONAL)
    counts = ImportCounts(rows=len(rows) + len(problems), problems=problems)
    planned = checked(rows, _device_row, counts)
    planned = first_of_each(
        planned, lambda r: r.serial, lambda r: r.line, "serial", "device", counts
    )
    workers = known_usernames(row.username or "" for row in planned)
    for row in planned:
        if row.username and row.username not in workers:
            counts.problems.append(no_such_worker(row.line, "username", row.username))
    planned = [row for row in planned if not row.username or row.username in workers]

    with transaction.atomic():
        existing = Device.objects.in_bulk(
            [row.serial for row in planned], field_name="serial"
        )
        for row in planned:
            fields = _device_fields(row, existing.get(row.serial), workers)
            counts.add(upsert(Device, existing.get(row.serial), fields)[1])
    return counts


def _device_row(cells: Cells) -> DeviceRow:
    fields: dict[str, Any] = {
        "serial": cells.text("serial", 100, required=True),
        "type": cells.choice("type", DeviceType.choices),
        "model": cells.text("model", 100, required=True),
    }
    if cells.has("os"):
        fields["operating_system"] = cells.text("os", 100)
    username = cells.text("username", 150) if cells.has("username") else None
    since = cells.date("assigned_since") if cells.has("assigned_since") else None
    return DeviceRow(
        cells.row.line,
        fields["serial"],
        fields,
        username,
        since,
        cells.has("assigned_since"),
    )


def _device_fields(
    row: DeviceRow, existing: Device | None, workers: dict[str, int]
) -> dict[str, Any]:
    """The row's fields, with its assignment and since when.

    Without an assigned_since column, a device that changes hands counts
    as assigned today; one that stays with the same worker keeps its date.
    """
    fields = dict(row.fields)
    if row.has_since:
        fields["assigned_since"] = row.assigned_since
    if row.username is None:
        return fields

    worker_id = workers.get(row.username)
    fields["worker_id"] = worker_id
    if worker_id is None:
        fields["assigned_since"] = None
    elif not row.has_since and (existing is None or existing.worker_id != worker_id):
        fields["assigned_since"] = timezone.localdate()
    return fields
