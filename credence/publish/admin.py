from django.contrib import admin

from credence.publish.models import Explanation, Recipient


@admin.register(Explanation)
class ExplanationAdmin(admin.ModelAdmin):
    list_display = ["month", "group", "clock", "written_by", "updated_at"]
    list_filter = ["month"]


@admin.register(Recipient)
class RecipientAdmin(admin.ModelAdmin):
    list_display = ["email", "added_at"]
