"""`credence publish --month YYYY-MM [--to DIR] [--send]`."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from credence.errors import InvalidInput
from credence.metrics import periods
from credence.publish.publication import DEFAULT_DIRECTORY, publish
from credence.publish.report import month_report


class Command(BaseCommand):
    help = (
        "Write a month's service level report as DIR/YYYY-MM.md (a Markdown "
        "post) and DIR/YYYY-MM.html (an email with its charts), and with "
        "--send mail it to the lead's list."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--month",
            required=True,
            help="The month, as YYYY-MM, in the installation's time zone.",
        )
        parser.add_argument(
            "--to",
            default=DEFAULT_DIRECTORY,
            help="The directory to write into. Default: ./publications.",
        )
        parser.add_argument(
            "--send",
            action="store_true",
            help="Also mail the report to the addresses the lead keeps.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            period = periods.parse_month(options["month"])
        except InvalidInput as error:
            raise CommandError(error.message) from None

        report = month_report(period, timezone.now())
        try:
            published = publish(report, Path(options["to"]), send=options["send"])
        except InvalidInput as error:
            raise CommandError(error.message) from None
        self.stdout.write(f"Wrote {published.markdown} and {published.html}.")
        if options["send"]:
            if published.recipients:
                self.stdout.write(
                    f"Sent to {len(published.recipients)} address(es): "
                    f"{', '.join(published.recipients)}."
                )
            else:
                self.stdout.write(
                    "Sent to nobody: the list is empty. A lead adds addresses "
                    "on /desk/publish/."
                )
