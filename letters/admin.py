"""Letters in the Secretariat's admin: their own list, and an inline on the application."""

from django.contrib import admin, messages
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import LetterRequest, LetterStatus


@admin.display(description=_("PDF"))
def download_link(letter: LetterRequest) -> str:
    if not letter.is_issued:
        return letter.get_status_display()
    return format_html(
        '<a href="{}">{}</a>',
        reverse("letters:download", args=[letter.uuid]),
        letter.download_name,
    )


@admin.display(description=_("decision"))
def decision_outcome(letter: LetterRequest) -> str:
    return f"#{letter.decision.number} {letter.decision.get_outcome_display()}"


class LetterInline(admin.TabularInline):
    """The application's letters, newest first, on its admin page."""

    model = LetterRequest
    extra = 0
    can_delete = False
    ordering = ["-version"]
    fields = [
        "version",
        decision_outcome,
        "language",
        "status",
        "rendered_at",
        "emailed_at",
        download_link,
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("decision", "application")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LetterRequest)
class LetterRequestAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        decision_outcome,
        "language",
        "status",
        "attempts",
        "requested_at",
        "rendered_at",
        "render_ms",
        "emailed_at",
        download_link,
    ]
    list_filter = ["status", "language", "decision__outcome"]
    list_select_related = ["application", "decision"]
    search_fields = ["application__reference", "application__organisation__name_en"]
    date_hierarchy = "requested_at"
    ordering = ["-requested_at", "-pk"]
    fields = [
        "application",
        "decision",
        "version",
        "language",
        "addressee",
        "status",
        "requested_at",
        "dispatched_at",
        "attempts",
        "last_error",
        "rendered_at",
        "render_ms",
        "size",
        "sha256",
        "emailed_at",
        download_link,
    ]
    readonly_fields = fields
    actions = ["retry_failed"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Try failed letters again"), permissions=["view"])
    def retry_failed(self, request, queryset):
        failed = list(queryset.filter(status=LetterStatus.FAILED))
        with transaction.atomic():
            for letter in failed:
                services.letter_retry(letter=letter)
        self.message_user(
            request,
            ngettext(
                "%(count)d letter will be prepared again.",
                "%(count)d letters will be prepared again.",
                len(failed),
            )
            % {"count": len(failed)},
            messages.SUCCESS,
        )
