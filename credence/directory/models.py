"""A worker's context: the devices they hold, the applications they use,
and the changes made to either.

The IT team keeps these records (imported from its asset and access lists,
or fixed by a lead in the admin); the desk reads them so that an agent
knows a requester's setup without asking.
"""

from django.conf import settings
from django.db import models


class DeviceType(models.TextChoices):
    LAPTOP = "laptop", "Laptop"
    DESKTOP = "desktop", "Desktop"
    PHONE = "phone", "Phone"
    TABLET = "tablet", "Tablet"
    MONITOR = "monitor", "Monitor"
    OTHER = "other", "Other"


class Device(models.Model):
    type = models.CharField(max_length=10, choices=DeviceType.choices)
    model = models.CharField(max_length=100)
    serial = models.CharField(max_length=100, unique=True)
    operating_system = models.CharField(max_length=100, blank=True)
    # A device in stock, or between two people, is assigned to no one.
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="devices",
    )
    assigned_since = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["type", "model", "serial"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return f"{self.get_type_display()} {self.model} ({self.serial})"


class Application(models.Model):
    name = models.CharField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ApplicationAccess(models.Model):
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="application_accesses",
    )
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="accesses"
    )
    role = models.CharField(max_length=100)

    class Meta:
        ordering = ["application__name"]
        verbose_name_plural = "application accesses"
        constraints = [
            models.UniqueConstraint(
                fields=["worker", "application"], name="one_access_per_application"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} ({self.role})"


class Change(models.Model):
    """Something the IT team changed: an upgrade, a renewal, a new setting.

    It touches one application, one device, or both; it affects every
    worker who holds the device or has access to the application.
    """

    reference = models.CharField(max_length=50, unique=True)
    summary = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    happened_at = models.DateTimeField(db_index=True)
    application = models.ForeignKey(
        Application,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="changes",
    )
    device = models.ForeignKey(
        Device,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="changes",
    )

    class Meta:
        ordering = ["-happened_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.reference} {self.summary}"

    @property
    def touches(self) -> str:
        """What the change was made to, in words."""
        parts = [str(part) for part in (self.application, self.device) if part]
        return " and ".join(parts)
