from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from credence.workers.models import Team, Worker


@admin.register(Worker)
class WorkerAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "kind", "team", "is_staff"]
    list_filter = ["kind", "team", "groups"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (
            "Directory",
            {"fields": ("kind", "team", "manager", "start_date", "time_zone")},
        ),
    )


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    search_fields = ["name"]
