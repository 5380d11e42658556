"""Leads edit calendars and objectives here.

Every change re-measures the stored tickets in the background (signals.py),
so queues and reports follow the new objectives.
"""

from itertools import pairwise
from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest

from credence.slo.models import (
    BusinessWindow,
    Calendar,
    ClosedDay,
    Objective,
    ServiceSettings,
)
from credence.workers.roles import is_lead


class WindowFormSet(BaseInlineFormSet):
    """A business-hours calendar needs at least one opening window."""

    def clean(self) -> None:
        super().clean()
        calendar: Calendar = self.instance
        if calendar.kind != Calendar.BUSINESS_HOURS:
            return
        if any(form.errors for form in self.forms):
            # Each faulty window already says what is wrong with it.
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
        ]
        if not kept:
            raise ValidationError(
                "A business-hours calendar needs at least one opening window, "
                "e.g. Monday 09:00-17:00. For a calendar that never closes, "
                "choose Round the clock instead."
            )
        by_day: dict[int, list[Any]] = {}
        for form in kept:
            data = form.cleaned_data
            by_day.setdefault(data["weekday"], []).append(data)
        for windows in by_day.values():
            windows.sort(key=lambda window: window["opens"])
            for earlier, later in pairwise(windows):
                if earlier["closes"] is None or earlier["closes"] > later["opens"]:
                    raise ValidationError(
                        "Two windows on the same day overlap (%(first)s and "
                        "%(second)s). Merge them or move one.",
                        params={
                            "first": earlier["opens"].strftime("%H:%M"),
                            "second": later["opens"].strftime("%H:%M"),
                        },
                    )


class BusinessWindowInline(admin.TabularInline):
    model = BusinessWindow
    formset = WindowFormSet
    extra = 0


class ClosedDayInline(admin.TabularInline):
    model = ClosedDay
    extra = 0


@admin.register(Calendar)
class CalendarAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "time_zone",
        "holiday_country",
        "holiday_subdivision",
    ]
    inlines = [BusinessWindowInline, ClosedDayInline]


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = [
        "priority",
        "response_minutes",
        "response_calendar",
        "response_target",
        "resolution_minutes",
        "resolution_calendar",
        "resolution_target",
    ]


@admin.register(ServiceSettings)
class ServiceSettingsAdmin(admin.ModelAdmin):
    """One row of settings: a lead edits it, never adds a second or deletes it.

    Access follows the lead role itself rather than model permissions, so a
    lead needs no grant beyond being a lead.
    """

    list_display = ["__str__", "service_window_days"]

    def has_view_permission(
        self, request: HttpRequest, obj: ServiceSettings | None = None
    ) -> bool:
        return is_lead(request.user)

    def has_change_permission(
        self, request: HttpRequest, obj: ServiceSettings | None = None
    ) -> bool:
        return is_lead(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_lead(request.user) and not ServiceSettings.objects.exists()

    def has_delete_permission(
        self, request: HttpRequest, obj: ServiceSettings | None = None
    ) -> bool:
        return False
