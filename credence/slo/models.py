"""Calendars and objectives as leads edit them.

The clock itself is in `clock.py` and knows nothing of the database;
`objectives.py` turns these rows into its plain values.
"""

from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

PRIORITY_CHOICES = [
    ("highest", "Highest"),
    ("high", "High"),
    ("medium", "Medium"),
    ("low", "Low"),
    ("lowest", "Lowest"),
]


def validate_time_zone(value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValidationError(
            "%(value)s is not an IANA time zone. Use a name such as "
            "Europe/Berlin or America/New_York.",
            params={"value": value},
        ) from None


def validate_holiday_country(value: str) -> None:
    import holidays

    if value and value not in holidays.list_supported_countries():
        raise ValidationError(
            "%(value)s is not a country the holidays package knows. Use a "
            "two-letter ISO code such as DE, US or GB.",
            params={"value": value},
        )


class Calendar(models.Model):
    ROUND_THE_CLOCK = "24x7"
    BUSINESS_HOURS = "business"

    name = models.CharField(max_length=100, unique=True)
    kind = models.CharField(
        max_length=10,
        choices=[
            (ROUND_THE_CLOCK, "Round the clock"),
            (BUSINESS_HOURS, "Business hours"),
        ],
        default=BUSINESS_HOURS,
    )
    time_zone = models.CharField(
        max_length=64, default="UTC", validators=[validate_time_zone]
    )
    holiday_country = models.CharField(
        max_length=8,
        blank=True,
        validators=[validate_holiday_country],
        help_text="Two-letter country code whose public holidays close this "
        "calendar, e.g. DE. Empty: no country holidays.",
    )
    holiday_subdivision = models.CharField(
        max_length=16,
        blank=True,
        help_text="Optional region within the country, e.g. BY or CA.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.holiday_subdivision and not self.holiday_country:
            raise ValidationError(
                {"holiday_subdivision": "Choose a country before a subdivision."}
            )
        if self.holiday_country and self.holiday_subdivision:
            import holidays

            known = holidays.list_supported_countries().get(self.holiday_country, [])
            if self.holiday_subdivision not in known:
                raise ValidationError(
                    {
                        "holiday_subdivision": (
                            f"{self.holiday_subdivision} is not a subdivision of "
                            f"{self.holiday_country}. Known ones: "
                            f"{', '.join(known) or 'none'}."
                        )
                    }
                )


class Weekday(models.IntegerChoices):
    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6


class BusinessWindow(models.Model):
    """One stretch of opening hours on a weekday, in local wall-clock time."""

    calendar = models.ForeignKey(
        Calendar, on_delete=models.CASCADE, related_name="windows"
    )
    weekday = models.IntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField(
        null=True, blank=True, help_text="Empty means midnight at the end of the day."
    )

    class Meta:
        ordering = ["weekday", "opens"]

    def __str__(self) -> str:
        closes = self.closes.strftime("%H:%M") if self.closes else "24:00"
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{closes}"

    def clean(self) -> None:
        if self.closes is not None and self.closes <= self.opens:
            raise ValidationError(
                "A window must close after it opens; for one ending at "
                "midnight leave the closing time empty."
            )


class ClosedDay(models.Model):
    """A date a lead adds on which the calendar is closed all day."""

    calendar = models.ForeignKey(
        Calendar, on_delete=models.CASCADE, related_name="closed_days"
    )
    date = models.DateField()
    name = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["calendar", "date"], name="one_closed_day")
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.name}".strip()


def _share(field_help: str) -> models.FloatField:
    return models.FloatField(
        default=0.8,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=field_help,
    )


# The longest objective a lead may set: ninety days of round-the-clock time.
# Longer is not a service level, and the clock would search years ahead.
MAX_OBJECTIVE_MINUTES = 90 * 24 * 60


def _minutes(what: str) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(
        validators=[
            MinValueValidator(1),
            MaxValueValidator(MAX_OBJECTIVE_MINUTES),
        ],
        help_text=f"Minutes {what}, counted on the calendar; at most "
        f"{MAX_OBJECTIVE_MINUTES} (90 days).",
    )


class Objective(models.Model):
    """Response and resolution targets for one priority."""

    priority = models.CharField(max_length=10, choices=PRIORITY_CHOICES, unique=True)
    response_minutes = _minutes("to the first response")
    response_calendar = models.ForeignKey(
        Calendar, on_delete=models.PROTECT, related_name="+"
    )
    response_target = _share(
        "Share of tickets that should meet the response objective, 0 to 1."
    )
    resolution_minutes = _minutes("to resolution")
    resolution_calendar = models.ForeignKey(
        Calendar, on_delete=models.PROTECT, related_name="+"
    )
    resolution_target = _share(
        "Share of tickets that should meet the resolution objective, 0 to 1."
    )
    warn_at = models.FloatField(
        default=0.75,
        validators=[MinValueValidator(0.05), MaxValueValidator(0.99)],
        help_text="Warn when this share of a target has elapsed, e.g. 0.75.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.get_priority_display()

    def clean(self) -> None:
        if (
            self.response_minutes
            and self.resolution_minutes
            and self.resolution_minutes < self.response_minutes
        ):
            raise ValidationError(
                {
                    "resolution_minutes": ValidationError(
                        "Resolving cannot be due before the first response: "
                        "give at least as many minutes as the response "
                        "objective (%(response)d).",
                        params={"response": self.response_minutes},
                    )
                }
            )


DEFAULT_SERVICE_WINDOW_DAYS = 7


class ServiceSettings(models.Model):
    """Desk-wide service settings a lead edits: one row, or none for defaults.

    The service window separates service work from project work: a ticket
    open longer than it is a project candidate, flagged in the queue and
    counted in the reports, which a lead may move to project work.
    """

    service_window_days = models.PositiveIntegerField(
        default=DEFAULT_SERVICE_WINDOW_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=(
            "Days a ticket may stay open before it is flagged as a project "
            "candidate: from 1 to 365, counted in calendar days."
        ),
    )

    class Meta:
        verbose_name = "service settings"
        verbose_name_plural = "service settings"

    def __str__(self) -> str:
        return f"service window of {self.service_window_days} days"

    @classmethod
    def current(cls) -> "ServiceSettings":
        """The settings in force: the stored row, or the defaults unsaved."""
        return cls.objects.order_by("pk").first() or cls()

    @property
    def service_window(self) -> timedelta:
        return timedelta(days=self.service_window_days)
