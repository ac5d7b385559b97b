"""Reminders in the admin: the rules (editable), the reminders sent, an inline on the
application."""

from django.contrib import admin

from .models import Reminder, ReminderRule


@admin.register(ReminderRule)
class ReminderRuleAdmin(admin.ModelAdmin):
    list_display = ["kind", "days", "meaning", "enabled"]
    list_editable = ["days", "enabled"]
    fields = ["kind", "days", "enabled"]

    def get_readonly_fields(self, request, obj=None):
        return ["kind"] if obj else []

    def has_delete_permission(self, request, obj=None):
        return False


class ReminderInline(admin.TabularInline):
    model = Reminder
    extra = 0
    can_delete = False
    fields = ["kind", "due_on", "created_at", "sent_at", "recipients"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "application", "due_on", "created_at", "sent_at"]
    list_filter = ["kind", ("sent_at", admin.EmptyFieldListFilter)]
    list_select_related = ["application"]
    search_fields = ["application__reference", "occasion", "recipients"]
    date_hierarchy = "created_at"
    fields = [
        "kind",
        "application",
        "occasion",
        "due_on",
        "detail",
        "created_at",
        "sent_at",
        "recipients",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
