"""`credence report --month YYYY-MM`: a month's service figures."""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from credence.errors import InvalidInput
from credence.metrics import periods
from credence.metrics.measure import period_metrics
from credence.metrics.text import as_table
from credence.selfservice.figures import period_figures
from credence.selfservice.text import self_service_grids


class Command(BaseCommand):
    help = (
        "Print a month's service figures: volume, completion, and response and "
        "resolution compliance beside their targets, overall and per priority."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--month",
            required=True,
            help="The month, as YYYY-MM, in the installation's time zone.",
        )
        parser.add_argument(
            "--format",
            choices=["table", "json"],
            default="table",
            help="A table to read, or one JSON object for other tools.",
        )
        parser.add_argument(
            "--as-of",
            dest="as_of",
            help=(
                "Measure the tickets as they stood at this ISO 8601 instant "
                "(local time if it has no offset). Default: the end of the "
                "month, or now if the month has not ended."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            period = periods.parse_month(options["month"])
            as_of = (
                periods.parse_instant(options["as_of"])
                if options["as_of"]
                else periods.default_as_of(period, timezone.now())
            )
            metrics = period_metrics(period.start, period.end, as_of)
            self_service = period_figures(period.start, period.end, as_of)
        except InvalidInput as error:
            raise CommandError(error.message) from None

        if options["format"] == "json":
            report = {**metrics, "self_service": self_service}
            self.stdout.write(json.dumps(report, indent=2, ensure_ascii=False))
        else:
            grids = self_service_grids(self_service)
            self.stdout.write(as_table(period.label, metrics, grids), ending="")
