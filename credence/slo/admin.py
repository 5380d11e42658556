"""Leads edit calendars and objectives here.

Every change re-measures the stored tickets in the background (signals.py),
so queues and reports follow the new objectives.
"""

from django.contrib import admin

from credence.slo.models import BusinessWindow, Calendar, ClosedDay, Objective


class BusinessWindowInline(admin.TabularInline):
    model = BusinessWindow
    extra = 0


class ClosedDayInline(admin.TabularInline):
    model = ClosedDay
    extra = 0


@admin.register(Calendar)
class CalendarAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "time_zone", "holiday_country", "holiday_subdivision"]
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
