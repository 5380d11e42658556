"""`credence slo replay FILE... [--check]` and `credence slo rederive`."""

import sys
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from credence.slo.cases import run_replay
from credence.slo.derive import rederive_all


class Command(BaseCommand):
    help = "Service level clock tools."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        replay = actions.add_parser(
            "replay",
            help="Measure ticket histories written as case files (JSON).",
        )
        replay.add_argument("files", nargs="+", metavar="FILE")
        replay.add_argument(
            "--check",
            action="store_true",
            help="Compare with each case's expected figures; exit 1 if any differ.",
        )
        actions.add_parser(
            "rederive",
            help="Re-measure every stored ticket under the current objectives.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "replay":
            # The replay writes whole lines itself.
            self.stdout.ending = ""
            out = cast(TextIO, self.stdout)
            code = run_replay(options["files"], options["check"], out)
            if code:
                # Keep the printed lines and leave with the replay's own code.
                self.stdout.flush()
                sys.exit(code)
            return
        if options["action"] == "rederive":
            count = rederive_all()
            self.stdout.write(f"Re-measured {count} tickets.")
            return
        raise CommandError(f"Unknown action {options['action']!r}.")
