"""Reminders in the admin: the rules (editable), the reminders sent, an inline on the
application."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Reminder, ReminderRule


@admin.register(ReminderRule)
class ReminderRuleAdmin(admin.ModelAdmin):
    """One row per kind (made by migration 0002): the Secretariat sets days and on/off."""

    list_display = ["kind", "days", "days_mean", "enabled"]
    list_editable = ["days", "enabled"]
    fields = ["kind", "days", "days_mean", "enabled"]
    readonly_fields = ["kind", "days_mean"]

    @admin.display(description=_("the days count"))
    def days_mean(self, rule):
        return rule.meaning

    def has_add_permission(self, request):
        return False

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
