"""The request catalog: the kinds of help a worker can ask for, and their
questions; and, once asked, the answers a ticket carries.

A lead defines request types and their fields in the desk. A field may be
shown only when an earlier field of the same type has a given answer; the
rules that keep such a catalog coherent live in `credence.catalog.rules`,
the reading of a worker's answers in `credence.catalog.conditions` and
`credence.catalog.requests`.
"""

from django.db import models

from credence.slo.models import PRIORITY_CHOICES
from credence.tickets.models import Kind, Ticket


class PriorityRule(models.TextChoices):
    # The portal's two plain questions (how many people, can you keep
    # working) give the priority, as in "Ask for help".
    ASK = "ask", "Ask how many people are affected and whether they can work"
    FIXED = "fixed", "Always the same priority"


class FieldType(models.TextChoices):
    TEXT = "text", "Short text"
    LONG_TEXT = "long_text", "Long text"
    CHOICE = "choice", "Choice"
    DATE = "date", "Date"
    YES_NO = "yes_no", "Yes or no"
    DEVICE = "device", "One of the worker's devices"
    APPLICATION = "application", "One of the worker's applications"


class DateRule(models.TextChoices):
    # Which days a date field takes, "today" being the worker's own day: a
    # date something is needed by cannot be past, a date something started
    # cannot be to come.
    ANY = "", "Any date"
    NOT_BEFORE_TODAY = "not_before_today", "No earlier than today"
    NOT_AFTER_TODAY = "not_after_today", "No later than today"


# Fields whose answers come from a fixed list, so another field can be
# shown on one of them.
CONDITION_TYPES = (FieldType.CHOICE, FieldType.YES_NO)
YES_NO_ANSWERS = {"yes": "Yes", "no": "No"}


class RequestType(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    priority_rule = models.CharField(
        max_length=10, choices=PriorityRule.choices, default=PriorityRule.ASK
    )
    # Used when the rule is FIXED; blank otherwise.
    fixed_priority = models.CharField(
        max_length=10, choices=PRIORITY_CHOICES, blank=True
    )
    position = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def asks_impact(self) -> bool:
        return self.priority_rule == PriorityRule.ASK


class Field(models.Model):
    request_type = models.ForeignKey(
        RequestType, on_delete=models.CASCADE, related_name="fields"
    )
    # The answer's key in `open_request`, and the form's input name.
    name = models.SlugField(max_length=50)
    label = models.CharField(max_length=200)
    help = models.CharField(max_length=300, blank=True)
    type = models.CharField(max_length=12, choices=FieldType.choices)
    # For a CHOICE field: the answers offered, in order; each is also the
    # value stored.
    choices = models.JSONField(default=list, blank=True)
    required = models.BooleanField(default=False)
    # Shown only when `condition_field` was answered `condition_value`. A
    # field that others depend on cannot be deleted while they do, unless
    # its whole request type goes with them.
    condition_field = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="dependents",
    )
    condition_value = models.CharField(max_length=200, blank=True)
    # For a DATE field only; blank otherwise.
    date_rule = models.CharField(
        max_length=20, choices=DateRule.choices, blank=True, default=DateRule.ANY
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["request_type", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request_type", "name"], name="field_name_per_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request_type.name}: {self.label}"

    def answers(self) -> dict[str, str]:
        """The fixed answers of a choice or yes/no field, value to label."""
        if self.type == FieldType.YES_NO:
            return dict(YES_NO_ANSWERS)
        if self.type == FieldType.CHOICE:
            return {choice: choice for choice in self.choices}
        return {}


class TicketRequest(models.Model):
    """Which request type a ticket was opened from, named as it was then."""

    ticket = models.OneToOneField(
        Ticket, on_delete=models.CASCADE, related_name="catalog_request"
    )
    request_type = models.ForeignKey(
        RequestType, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    type_name = models.CharField(max_length=100)

    def __str__(self) -> str:
        return f"{self.ticket_id} from {self.type_name}"


class RequestAnswer(models.Model):
    """One answer on a ticket, with the question as the worker read it.

    The label is copied so that a lead rewording or removing a field later
    does not change what the ticket says the worker was asked.
    """

    request = models.ForeignKey(
        TicketRequest, on_delete=models.CASCADE, related_name="answers"
    )
    field = models.ForeignKey(
        Field, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=50)
    label = models.CharField(max_length=200)
    type = models.CharField(max_length=12, choices=FieldType.choices)
    value = models.TextField()
    # The worker's own device or application picked, by its directory key;
    # None when the answer was typed.
    item_pk = models.PositiveIntegerField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["request", "position", "id"]

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"
