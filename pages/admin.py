from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import fields, resources
from import_export.admin import ExportActionMixin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from . import services
from .models import (
    Event,
    EventRegistration,
    FaqEntry,
    FaqTopic,
    NewsItem,
    RecognitionCategory,
    Resource,
    ResourceKind,
    Section,
)

Status = EventRegistration.Status


@admin.register(Section)
class SectionAdmin(TranslationAdmin):
    list_display = ["title", "page", "key", "ordering", "is_published"]
    list_display_links = ["title"]
    list_editable = ["ordering", "is_published"]
    list_filter = ["page", "is_published"]
    search_fields = ["title_en", "title_zh_hant", "title_zh_hans", "key"]


class FaqEntryInline(TranslationStackedInline):
    model = FaqEntry
    extra = 0
    fields = ["key", "question", "answer", "ordering", "is_published"]


@admin.register(FaqTopic)
class FaqTopicAdmin(TranslationAdmin):
    list_display = ["title", "ordering", "show_on_programme_page"]
    list_editable = ["ordering", "show_on_programme_page"]
    inlines = [FaqEntryInline]


@admin.register(FaqEntry)
class FaqEntryAdmin(TranslationAdmin):
    list_display = ["question", "topic", "ordering", "is_published"]
    list_editable = ["ordering", "is_published"]
    list_filter = ["topic", "is_published"]
    list_select_related = ["topic"]
    search_fields = ["question_en", "question_zh_hant", "question_zh_hans"]


@admin.register(RecognitionCategory)
class RecognitionCategoryAdmin(TranslationAdmin):
    list_display = ["name", "code", "ordering"]
    list_editable = ["ordering"]


@admin.register(NewsItem)
class NewsItemAdmin(TranslationAdmin):
    list_display = ["title", "published_on", "is_published"]
    list_filter = ["is_published"]
    date_hierarchy = "published_on"
    search_fields = ["title_en", "title_zh_hant", "title_zh_hans", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    filter_horizontal = ["resources"]


@admin.register(ResourceKind)
class ResourceKindAdmin(TranslationAdmin):
    list_display = ["name", "code", "ordering"]
    list_editable = ["ordering"]


@admin.register(Resource)
class ResourceAdmin(TranslationAdmin):
    list_display = ["title", "kind", "file_type", "published_on", "is_published"]
    list_filter = ["kind", "is_published"]
    list_select_related = ["kind"]
    search_fields = ["title_en", "title_zh_hant", "title_zh_hans", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}

    @admin.display(description=_("file"))
    def file_type(self, obj: Resource) -> str:
        return obj.file_type or "—"


class RegistrationResource(resources.ModelResource):
    """The columns of the Secretariat's registration export."""

    event = fields.Field(attribute="event__title", column_name=_("Event"))
    event_date = fields.Field(column_name=_("Event date"))
    name = fields.Field(attribute="name", column_name=_("Full name"))
    company = fields.Field(attribute="company", column_name=_("Company"))
    email = fields.Field(attribute="email", column_name=_("E-mail"))
    phone = fields.Field(attribute="phone", column_name=_("Telephone"))
    status = fields.Field(column_name=_("Status"))
    registered_at = fields.Field(column_name=_("Registered at"))

    class Meta:
        model = EventRegistration
        fields = [
            "event",
            "event_date",
            "name",
            "company",
            "email",
            "phone",
            "status",
            "registered_at",
        ]
        export_order = fields

    def dehydrate_event_date(self, registration: EventRegistration) -> str:
        return f"{registration.event.starts_at:%Y-%m-%d %H:%M}"

    def dehydrate_status(self, registration: EventRegistration) -> str:
        return str(registration.get_status_display())

    def dehydrate_registered_at(self, registration: EventRegistration) -> str:
        return f"{registration.created_at:%Y-%m-%d %H:%M}"


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = [
        "title",
        "kind",
        "starts_at",
        "capacity",
        "confirmed",
        "waiting",
        "is_published",
    ]
    list_filter = ["kind", "is_published", "language"]
    date_hierarchy = "starts_at"
    search_fields = ["title_en", "title_zh_hant", "title_zh_hans", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                confirmed_count=Count(
                    "registrations", filter=Q(registrations__status=Status.CONFIRMED)
                ),
                waiting_count=Count(
                    "registrations", filter=Q(registrations__status=Status.WAITING)
                ),
            )
        )

    def _registrations_link(self, event: Event, status: str, count: int):
        url = reverse("admin:pages_eventregistration_changelist")
        return format_html(
            '<a href="{}?event__id__exact={}&amp;status__exact={}">{}</a>',
            url,
            event.pk,
            status,
            count,
        )

    @admin.display(description=_("confirmed"), ordering="confirmed_count")
    def confirmed(self, event: Event):
        return self._registrations_link(event, Status.CONFIRMED, event.confirmed_count)

    @admin.display(description=_("waiting"), ordering="waiting_count")
    def waiting(self, event: Event):
        return self._registrations_link(event, Status.WAITING, event.waiting_count)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            promoted = services.event_fill_from_waiting_list(event_id=obj.pk)
            if promoted:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d person on the waiting list now has a place.",
                        "%(count)d people on the waiting list now have a place.",
                        len(promoted),
                    )
                    % {"count": len(promoted)},
                    messages.SUCCESS,
                )


@admin.register(EventRegistration)
class EventRegistrationAdmin(ExportActionMixin, admin.ModelAdmin):
    resource_classes = [RegistrationResource]
    export_formats = [CSV, XLSX]
    list_display = [
        "name",
        "company",
        "email",
        "phone",
        "event",
        "status",
        "created_at",
    ]
    list_filter = ["status", "event"]
    list_select_related = ["event"]
    search_fields = ["name", "company", "email", "phone"]
    date_hierarchy = "created_at"
    actions = ["cancel_registrations"]
    readonly_fields = [
        "event",
        "name",
        "company",
        "email",
        "phone",
        "status",
        "language",
        "notified_status",
        "created_at",
        "cancelled_at",
    ]
    exclude = ["token"]

    def has_add_permission(self, request):
        # Places are only taken through the registration service, which keeps count.
        return False

    def has_export_permission(self, request):
        return request.user.has_perm("pages.view_eventregistration")

    @admin.action(
        description=_(
            "Cancel the selected registrations (frees places for the waiting list)"
        ),
        permissions=["change"],
    )
    def cancel_registrations(self, request, queryset):
        cancelled = promoted = 0
        for registration_id in queryset.exclude(status=Status.CANCELLED).values_list(
            "pk", flat=True
        ):
            if services.registration_cancel(registration_id=registration_id):
                promoted += 1
            cancelled += 1
        self.message_user(
            request,
            _("%(cancelled)d cancelled; %(promoted)d moved up from the waiting list.")
            % {"cancelled": cancelled, "promoted": promoted},
            messages.SUCCESS,
        )
