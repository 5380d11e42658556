"""`credence demo`: create the demo organisation, or show its sign-ins.

`make run` calls this on every start: the first time it fills the new
database, later it only prints the sign-ins again. It refuses a database
that holds anything but the demo. The demo is for trying Credence, never
for production: its passwords are printed for anyone to read.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from credence.demo.organisation import (
    DEFAULT_DAYS,
    DEFAULT_SEED,
    DEFAULT_WORKERS,
    DatabaseNotEmpty,
    ensure_demo,
    sign_ins,
)
from credence.demo.people import LARGEST_DIRECTORY, SMALLEST_DIRECTORY
from credence.tickets.models import Ticket
from credence.workers.models import Worker


class Command(BaseCommand):
    help = (
        "Create Credence's demo organisation in an empty database, or print "
        "the demo sign-ins if it is already there. For trying Credence only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help="Random seed; the same seed gives the same organisation.",
        )
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help="How many days of tickets, ending now.",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=DEFAULT_WORKERS,
            help="How many workers, the IT team included.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["days"] < 1:
            raise CommandError("--days must be 1 or more.")
        if not SMALLEST_DIRECTORY <= options["workers"] <= LARGEST_DIRECTORY:
            raise CommandError(
                f"--workers must be from {SMALLEST_DIRECTORY} to {LARGEST_DIRECTORY}."
            )
        self.stdout.write(
            "Looking for the demo organisation (creating one takes about 20 seconds)..."
        )
        try:
            demo, created = ensure_demo(
                seed=options["seed"], days=options["days"], workers=options["workers"]
            )
        except DatabaseNotEmpty as error:
            raise CommandError(error.message) from None

        if created:
            days = "day" if demo.days == 1 else f"{demo.days} days"
            self.stdout.write(
                f"Created the demo organisation: {Worker.objects.count()} workers "
                f"and {Ticket.objects.count()} tickets over the last {days} "
                f"(seed {demo.seed})."
            )
        else:
            self.stdout.write(
                "The demo organisation is already here; nothing was created."
            )
        self.stdout.write(
            f"\nDemo sign-ins at {settings.CREDENCE_BASE_URL}/sign-in/ "
            "(for trying Credence only, never for production):"
        )
        for sign_in in sign_ins(demo):
            self.stdout.write(
                f"  {sign_in.role:<7} {sign_in.username:<26} "
                f"password {sign_in.password}"
            )
