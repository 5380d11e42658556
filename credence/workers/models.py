"""The directory: workers and their teams.

Everyone who signs in is a worker. Agents and leads are workers too; their
role comes from Django's groups and permissions (see `roles.py`).
"""

from django.contrib.auth.models import AbstractUser
from django.db import models


class Team(models.Model):
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class WorkerKind(models.TextChoices):
    EMPLOYEE = "employee", "Employee"
    CONTRACTOR = "contractor", "Contractor"
    TEMP = "temp", "Temp"
    INTERN = "intern", "Intern"


class Worker(AbstractUser):
    kind = models.CharField(
        max_length=20, choices=WorkerKind.choices, default=WorkerKind.EMPLOYEE
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    manager = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    start_date = models.DateField(null=True, blank=True)
    time_zone = models.CharField(
        max_length=64,
        blank=True,
        help_text="IANA time zone for showing times, e.g. Europe/Berlin. "
        "Empty means the installation's zone.",
    )

    class Meta:
        ordering = ["first_name", "last_name", "username"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username
