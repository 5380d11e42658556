"""`credence import SOURCE ...`: take in history from another system.

Each source is a sub-command with its own arguments. Sources to come (the
directory, devices, applications, recent changes) are added as further
entries of SOURCES, each a small class like ServiceNowEventLog that reads
its arguments and calls its domain module in credence.imports.
"""

import argparse
from pathlib import Path
from typing import Any, Protocol

from django.core.management.base import BaseCommand, CommandError, CommandParser

from credence.errors import CredenceError
from credence.imports.servicenow import (
    ImportSummary,
    import_event_log,
    time_zone_named,
)
from credence.imports.servicenow_log import Problem


class Source(Protocol):
    help: str

    def add_arguments(self, parser: CommandParser) -> None: ...

    def run(self, command: BaseCommand, options: dict[str, Any]) -> None: ...


class ServiceNowEventLog:
    help = "a ServiceNow incident event log (CSV, one row per update)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the event log CSV file")
        parser.add_argument(
            "--time-zone",
            default="UTC",
            metavar="ZONE",
            help="IANA time zone the log's timestamps were written in (default: UTC)",
        )
        parser.add_argument(
            "--progress-every",
            type=_positive,
            default=1000,
            metavar="N",
            help="print a progress line every N incidents (default: 1000)",
        )

    def run(self, command: BaseCommand, options: dict[str, Any]) -> None:
        zone = time_zone_named(options["time_zone"])

        def progress(summary: ImportSummary) -> None:
            command.stderr.write(
                f"{summary.processed} of {summary.incidents_in_file} incidents: "
                f"{summary.imported} imported, {summary.already_present} "
                f"already present, {summary.failed} failed; "
                f"{summary.rate:.1f} incidents a second"
            )

        def problem(found: Problem) -> None:
            command.stderr.write(str(found))

        summary = import_event_log(
            options["path"],
            zone,
            on_progress=progress,
            on_problem=problem,
            progress_every=options["progress_every"],
        )
        command.stdout.write(
            f"{options['path']}: {summary.incidents_in_file} incidents in "
            f"{summary.elapsed_seconds:.1f} s\n"
            f"  imported: {summary.imported}\n"
            f"  already present: {summary.already_present}\n"
            f"  failed: {summary.failed}\n"
            f"  rows skipped as -100: {summary.rows_skipped_as_data_error}"
        )


SOURCES: dict[str, Source] = {"servicenow-eventlog": ServiceNowEventLog()}


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number above 0")
    return value


class Command(BaseCommand):
    help = "Take in history from another system."

    def add_arguments(self, parser: CommandParser) -> None:
        sources = parser.add_subparsers(
            dest="source", required=True, metavar="SOURCE", title="sources"
        )
        for name, source in SOURCES.items():
            source.add_arguments(
                sources.add_parser(name, help=source.help, description=source.help)
            )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            SOURCES[options["source"]].run(self, options)
        except CredenceError as error:
            raise CommandError(error.message) from None
