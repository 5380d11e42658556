"""What a lead keeps for the monthly publication: the explanations of each
month's misses, and the list of addresses it is mailed to.
"""

from django.conf import settings
from django.db import models

from credence.slo.models import PRIORITY_CHOICES

# The figure a miss is about: a priority's, or all priorities' together.
GROUP_CHOICES = [*PRIORITY_CHOICES, ("overall", "Overall")]
CLOCK_CHOICES = [("response", "Response"), ("resolution", "Resolution")]


class Explanation(models.Model):
    """The lead's words on one missed objective of one month.

    Kept with its month: a later month's explanation of the same objective
    is another row, and re-publishing a month shows what was written for it.
    """

    month = models.CharField(max_length=7, help_text="YYYY-MM")
    group = models.CharField(max_length=10, choices=GROUP_CHOICES)
    clock = models.CharField(max_length=10, choices=CLOCK_CHOICES)
    text = models.TextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["month", "group", "clock"]
        constraints = [
            models.UniqueConstraint(
                fields=["month", "group", "clock"], name="one_explanation_per_miss"
            )
        ]

    def __str__(self) -> str:
        return f"{self.month} {self.group} {self.clock}"


class Recipient(models.Model):
    """An address the monthly publication is mailed to."""

    email = models.EmailField(unique=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email
