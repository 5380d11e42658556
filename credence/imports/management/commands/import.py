"""`credence import SOURCE ...`: take in history from another system.

Each source is a sub-command with its own arguments: a small class like
ServiceNowEventLog that reads its arguments and calls its domain module.
The directory and knowledge apps bring their own sources.
"""

import argparse
from pathlib import Path
from typing import Any, Protocol

from django.core.management.base import BaseCommand, CommandError, CommandParser

from credence.directory.sources import DIRECTORY_SOURCES
from credence.errors import CredenceError
from credence.imports.servicenow import (
    ImportSummary,
    import_event_log,
    time_zone_named,
)
from credence.imports.servicenow_log import Problem
from credence.knowledge.sources import KNOWLEDGE_SOURCES


class Source(Protocol):
    help: str

    def add_arguments(self, parser: CommandParser) -> None: ...

    def run(self, command: BaseCommand, options: dict[str, Any]) -> None: ...


EXIT_STATUS = (
    "Exits with status 1 when any incident failed (each is named on stderr "
    "with its line), and 0 otherwise."
)


class ServiceNowEventLog:
    help = "a ServiceNow incident event log (CSV, one row per update)"
    epilog = (
        "Importing a log again applies only the rows each incident gained "
        "since; an incident whose earlier rows differ from those imported "
        f"before is left as it was, with a warning. {EXIT_STATUS}"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.epilog = self.epilog
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
                f"{summary.imported} imported, {summary.updated} updated, "
                f"{summary.already_present} already present, "
                f"{summary.left_alone} left alone, {summary.failed} failed; "
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
            f"  updated with newer rows: {summary.updated}\n"
            f"  already present: {summary.already_present}\n"
            f"  left alone, rows differ from those imported before: "
            f"{summary.left_alone}\n"
            f"  failed: {summary.failed}\n"
            f"  rows skipped because their state was -100 (a data error in the "
            f"log): {summary.rows_skipped_as_data_error}"
        )
        if summary.failed:
            raise CommandError(
                f"{summary.failed} of {summary.incidents_in_file} incidents "
                "failed; each is named above with its line.",
                returncode=1,
            )


SOURCES: dict[str, Source] = {
    "servicenow-eventlog": ServiceNowEventLog(),
    **DIRECTORY_SOURCES,
    **KNOWLEDGE_SOURCES,
}


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number above 0")
    return value


class Command(BaseCommand):
    help = f"Take in history from another system. {EXIT_STATUS}"

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
