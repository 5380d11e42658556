"""`credence welcome`: send the welcome mail to workers starting today.

Safe to run any number of times a day: each worker gets their mail once.
The clock watcher (`credence clocks watch`) asks for the same work on its
own, so a cron entry is needed only where no watcher runs.
"""

from typing import Any

from django.core.management.base import BaseCommand

from credence.selfservice.welcome import send_welcomes


class Command(BaseCommand):
    help = "Send the welcome mail to workers in their first week who have not had it."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_welcomes()
        self.stdout.write(f"Sent {sent} welcome mail(s).")
