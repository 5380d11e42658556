"""Sources `credence import` offers for the directory (name: source object).

Each takes a CSV file with a header row; its columns are found by name and
described in the sub-command's --help. Good rows are imported, and each bad
row is named on stderr with its line, its column and what to do.
"""

import argparse
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from credence.directory.imports import (
    ImportCounts,
    import_applications,
    import_changes,
    import_devices,
    import_workers,
)
from credence.imports.servicenow import time_zone_named

RULES = (
    "The first row names the columns, in any order; other columns are "
    "ignored. A row creates its record or updates the one with the same "
    "key, so importing the same file again changes nothing. A column left "
    "out leaves that field as it is; an empty cell clears it. Nothing is "
    "deleted. Bad rows are named on stderr with their line and column and "
    "the others are imported; the command then exits with status 1. A file "
    "that is not CSV, or lacks a required column, changes nothing."
)


@dataclass(frozen=True)
class CsvSource:
    help: str
    columns: str
    key: str
    importer: Callable[..., ImportCounts]
    # Whether the file's instants may be read in a zone given by --time-zone.
    zoned: bool = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        parser.epilog = f"columns:\n{self.columns}\n\n{textwrap.fill(RULES, 78)}"
        parser.add_argument("path", type=Path, help="the CSV file")
        if self.zoned:
            parser.add_argument(
                "--time-zone",
                metavar="ZONE",
                help="IANA time zone for happened_at values written without "
                "a UTC offset (default: every value must carry its offset)",
            )

    def run(self, command: BaseCommand, options: dict[str, Any]) -> None:
        path = options["path"]
        if self.zoned:
            name = options["time_zone"]
            counts = self.importer(path, time_zone_named(name) if name else None)
        else:
            counts = self.importer(path)
        report(command, path, self.key, counts)


def report(command: BaseCommand, path: Path, key: str, counts: ImportCounts) -> None:
    """Print each bad row on stderr, then the counts; fail if a row did."""
    for problem in sorted(counts.problems, key=lambda problem: problem.line):
        command.stderr.write(str(problem))
    lines = [
        f"{path}: {_rows(counts.rows)}",
        f"  created: {counts.created}",
        f"  updated: {counts.updated}",
        f"  unchanged: {counts.unchanged}",
        f"  failed: {counts.failed}",
    ]
    if counts.new_applications:
        lines.append(f"  new applications: {counts.new_applications}")
    if counts.rows and not (counts.created or counts.updated or counts.failed):
        lines.append(f"Nothing changed: every {key} was already as the file says.")
    command.stdout.write("\n".join(lines))
    if not counts.failed:
        return
    others = (
        "Nothing was imported"
        if counts.failed == counts.rows
        else "The other rows were imported"
    )
    raise CommandError(
        f"{counts.failed} of {_rows(counts.rows)} failed; each is named above with "
        f"its line and column. {others}: fix those rows and import the file again.",
        returncode=1,
    )


def _rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


WORKER_COLUMNS = """\
  username      required; the key: a row updates the worker with this username
  first_name    required column
  last_name     required column
  email         required column; an email address, or empty
  kind          employee, contractor, temp or intern (empty: employee)
  team          the team's name; a new name creates the team
  manager       the manager's username (stored, or in the same file); a
                chain of managers must not lead back to the worker
  start_date    YYYY-MM-DD
  time_zone     an IANA zone such as Europe/Berlin (empty: the installation's)
Passwords and roles are never changed; a new worker cannot sign in until a
lead sets a password."""

DEVICE_COLUMNS = """\
  serial          required; the key: a row updates the device with this serial
  type            required; laptop, desktop, phone, tablet, monitor or other
  model           required, such as "Aurora 14 G3"
  os              the operating system and version, such as "Linux 6.8"
  username        the worker it is assigned to (empty: in stock)
  assigned_since  YYYY-MM-DD; without this column, a device that changes
                  hands counts as assigned on the day of the import"""

ACCESS_COLUMNS = """\
  application   required; the application's name (a new name creates it)
  username      required; the worker who has access
  role          required; their role in it, such as viewer, editor or admin
  description   describes a new application (optional)
One row per worker and application; a row updates that worker's role."""

CHANGE_COLUMNS = """\
  reference     required; the key, such as CHG-1042
  summary       required; what was changed, in a line
  happened_at   required; ISO 8601 with UTC offset, such as
                2026-03-02T14:30+01:00 (or without, given --time-zone)
  application   the application's name, as imported
  device        the device's serial, as imported
  description   more detail (optional)
Each row names an application, a device or both; the file needs at least
one of those two columns."""


DIRECTORY_SOURCES: dict[str, Any] = {
    "directory": CsvSource(
        help="workers, with their team, manager and start date (CSV)",
        columns=WORKER_COLUMNS,
        key="worker",
        importer=import_workers,
    ),
    "devices": CsvSource(
        help="devices and who each is assigned to (CSV)",
        columns=DEVICE_COLUMNS,
        key="device",
        importer=import_devices,
    ),
    "applications": CsvSource(
        help="workers' access to applications, with their role (CSV)",
        columns=ACCESS_COLUMNS,
        key="access",
        importer=import_applications,
    ),
    "changes": CsvSource(
        help="changes made to applications and devices (CSV)",
        columns=CHANGE_COLUMNS,
        key="change",
        importer=import_changes,
        zoned=True,
    ),
}
