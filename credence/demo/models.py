"""The mark a demo organisation leaves in its database."""

from django.db import models


class DemoOrganisation(models.Model):
    """This database holds the demo; these are its printed sign-ins.

    `credence demo` looks for this row to tell a database it already filled
    (print the sign-ins again, create nothing) from one holding someone
    else's data (refuse).
    """

    created_at = models.DateTimeField()
    seed = models.BigIntegerField()
    days = models.PositiveIntegerField()
    worker_username = models.CharField(max_length=150)
    agent_username = models.CharField(max_length=150)
    lead_username = models.CharField(max_length=150)

    def __str__(self) -> str:
        return f"Demo organisation of {self.created_at:%Y-%m-%d} (seed {self.seed})"
