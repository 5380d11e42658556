from pathlib import Path

from django.utils import timezone

from credence.metrics.periods import parse_month
from credence.publish.publication import Published, publish
from credence.publish.report import MonthReport, month_report


def march_report() -> MonthReport:
    return month_report(parse_month("2026-03"), timezone.now())


def publish_march(directory: Path, send: bool = False) -> Published:
    return publish(march_report(), directory, send=send)
