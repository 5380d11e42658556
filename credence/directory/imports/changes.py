"""`credence import changes`: change records, by reference."""

from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import Any

from django.db import transaction

from credence.directory.imports.common import (
    ImportCounts,
    checked,
    first_of_each,
    upsert,
)
from credence.directory.imports.rows import Cells, RowProblem, UnreadableFile, read_rows
from credence.directory.models import Application, Change, Device

CHANGE_COLUMNS = ("reference", "summary", "happened_at")
CHANGE_OPTIONAL = ("application", "device", "description")


@dataclass(frozen=True)
class ChangeRow:
    line: int
    reference: str
    fields: dict[str, Any]
    # None when the file has no such column; "" for an empty cell.
    application: str | None
    device: str | None


def import_changes(path: Path, zone: tzinfo | None = None) -> ImportCounts:
    """Create or update change records by reference.

    Each instant carries its UTC offset, or is read in `zone` when given.
    """
    columns, rows, problems = read_rows(path, CHANGE_COLUMNS, CHANGE_OPTIONAL)
    if "application" not in columns and "device" not in columns:
        raise UnreadableFile(
            "%(path)s has neither an application nor a device column; a change "
            "names the application or the device (its serial) it touched, so "
            "add one or both.",
            path=path,
        )
    counts = ImportCounts(rows=len(rows) + len(problems), problems=problems)
    planned = checked(rows, lambda cells: _change_row(cells, zone), counts)
    planned = first_of_each(
        planned, lambda r: r.reference, lambda r: r.line, "reference", "change", counts
    )
    applications, devices = _change_targets(planned)
    planned = [
        row for row in planned if _targets_known(row, applications, devices, counts)
    ]

    with transaction.atomic():
        existing = Change.objects.in_bulk(
            [row.reference for row in planned], field_name="reference"
        )
        for row in planned:
            fields = dict(row.fields)
            if row.application is not None:
                fields["application_id"] = applications.get(row.application)
            if row.device is not None:
                fields["device_id"] = devices.get(row.device)
            counts.add(upsert(Change, existing.get(row.reference), fields)[1])
    return counts


def _change_row(cells: Cells, zone: tzinfo | None) -> ChangeRow:
    fields: dict[str, Any] = {
        "reference": cells.text("reference", 50, required=True),
        "summary": cells.text("summary", 200, required=True),
        "happened_at": cells.instant("happened_at", zone),
    }
    if cells.has("description"):
        fields["description"] = cells.text("description", 5000)
    application = cells.text("application", 100) if cells.has("application") else None
    device = cells.text("device", 100) if cells.has("device") else None
    if not application and not device:
        cells.fail(
            None,
            "the change names neither an application nor a device; fill in "
            "application, device (its serial) or both",
        )
    return ChangeRow(cells.row.line, fields["reference"], fields, application, device)


def _change_targets(planned: list[ChangeRow]) -> tuple[dict[str, int], dict[str, int]]:
    applications = dict(
        Application.objects.filter(
            name__in={row.application for row in planned if row.application}
        ).values_list("name", "pk")
    )
    devices = dict(
        Device.objects.filter(
            serial__in={row.device for row in planned if row.device}
        ).values_list("serial", "pk")
    )
    return applications, devices


def _targets_known(
    row: ChangeRow,
    applications: dict[str, int],
    devices: dict[str, int],
    counts: ImportCounts,
) -> bool:
    known = True
    if row.application and row.application not in applications:
        known = False
        counts.problems.append(
            RowProblem(
                row.line,
                "application",
                f"no application is named {row.application!r}; check the "
                "spelling, or import it first with `credence import applications`",
            )
        )
    if row.device and row.device not in devices:
        known = False
        counts.problems.append(
            RowProblem(
                row.line,
                "device",
                f"no device has the serial {row.device!r}; check the serial, "
                "or import the device first with `credence import devices`",
            )
        )
    return known
