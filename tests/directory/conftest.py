"""Helpers for the directory's tests: sample files and running imports.

The installation's zone is pinned to UTC so that every instant expected
below can be worked out by hand from the files.
"""

from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pytest_django.fixtures import Settings

SAMPLES = Path(__file__).resolve().parent / "samples"
WORKERS = SAMPLES / "workers.csv"
DEVICES = SAMPLES / "devices.csv"
APPLICATIONS = SAMPLES / "applications.csv"
CHANGES = SAMPLES / "changes.csv"


@pytest.fixture(autouse=True)
def utc_installation(settings: Settings) -> None:
    settings.TIME_ZONE = "UTC"


@dataclass(frozen=True)
class Ran:
    out: str
    err: str
    status: int
    # The message the command failed with, if it did.
    failure: str = ""


def run_import(*args: str | Path) -> Ran:
    """`credence import ARGS`, with what it printed and its exit status."""
    out, err = StringIO(), StringIO()
    try:
        call_command("import", *[str(arg) for arg in args], stdout=out, stderr=err)
    except CommandError as error:
        return Ran(out.getvalue(), err.getvalue(), error.returncode, str(error))
    return Ran(out.getvalue(), err.getvalue(), 0)


def write_csv(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def counts(
    path: Path, rows: int, created: int, updated: int, unchanged: int, failed: int
) -> str:
    return (
        f"{path}: {rows} {'row' if rows == 1 else 'rows'}\n"
        f"  created: {created}\n"
        f"  updated: {updated}\n"
        f"  unchanged: {unchanged}\n"
        f"  failed: {failed}\n"
    )
