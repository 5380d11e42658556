"""The directory's records in the admin, where leads fix them by hand.

Leads reach the admin for calendars and objectives already; here they may
also view, add, change and delete devices, applications, access and
changes, without a permission of their own for each model.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from credence.directory.models import Application, ApplicationAccess, Change, Device
from credence.workers.roles import is_lead


class LeadsMayEdit(admin.ModelAdmin):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_lead(request.user) or super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_lead(request.user) or super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_lead(request.user) or super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_lead(request.user) or super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_lead(request.user) or super().has_delete_permission(request, obj)


@admin.register(Device)
class DeviceAdmin(LeadsMayEdit):
    list_display = ["serial", "type", "model", "operating_system", "worker"]
    list_filter = ["type"]
    search_fields = ["serial", "model", "worker__username", "worker__last_name"]
    raw_id_fields = ["worker"]


class AccessInline(admin.TabularInline):
    model = ApplicationAccess
    raw_id_fields = ["worker"]
    extra = 0

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_lead(request.user) or super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_lead(request.user) or super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_lead(request.user) or super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_lead(request.user) or super().has_delete_permission(request, obj)


@admin.register(Application)
class ApplicationAdmin(LeadsMayEdit):
    list_display = ["name", "description"]
    search_fields = ["name"]
    inlines = [AccessInline]


@admin.register(ApplicationAccess)
class ApplicationAccessAdmin(LeadsMayEdit):
    list_display = ["application", "worker", "role"]
    list_filter = ["application"]
    search_fields = ["application__name", "worker__username", "role"]
    raw_id_fields = ["worker"]
    list_select_related = ["application", "worker"]


@admin.register(Change)
class ChangeAdmin(LeadsMayEdit):
    list_display = ["reference", "summary", "happened_at", "application", "device"]
    list_filter = ["application"]
    search_fields = ["reference", "summary", "device__serial"]
    date_hierarchy = "happened_at"
    raw_id_fields = ["device"]
    list_select_related = ["application", "device"]
