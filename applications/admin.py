from django.contrib import admin
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import (
    FACTORY_FIELDS,
    ORGANISATION_FIELDS,
    Application,
    ApplicationMessage,
    ApplicationVersion,
    Attachment,
    ContactPerson,
    CostLine,
    Factory,
    FactoryFuel,
    FundingScheme,
    Membership,
    Organisation,
    Phase,
    StatusChange,
)
from .summary import answer_sections


class FundingSchemeInline(TranslationTabularInline):
    model = FundingScheme
    extra = 0
    fields = [
        "kind",
        "code",
        "label",
        "funding_share",
        "ceiling_hkd",
        "max_duration_months",
        "admits_business",
        "admits_workshop",
        "admits_association",
        "ordering",
    ]


@admin.register(Phase)
class PhaseAdmin(TranslationAdmin):
    list_display = ["name", "code", "opens_on", "closes_on", "budget_hkd"]
    search_fields = ["code", "name_en", "name_zh_hant", "name_zh_hans"]
    inlines = [FundingSchemeInline]


# --- Read-only views of what applicants give (issue 4 builds the workflow admin) ---


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """Staff see what the applicant gave but never edit it."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _file_links(files) -> str:
    return (
        format_html_join(
            ", ",
            '<a href="{}">{}</a> ({})',
            (
                (
                    reverse("applications:file", args=[f.uuid]),
                    f.original_name,
                    f.get_kind_display(),
                )
                for f in files
            ),
        )
        or "—"
    )


class ContactInline(ReadOnlyInline):
    model = ContactPerson
    fields = ["name", "position", "phone", "email"]


class MembershipInline(ReadOnlyInline):
    model = Membership
    fields = ["user", "role", "created_at"]
    readonly_fields = fields


class FactoryInline(ReadOnlyInline):
    model = Factory
    fields = ["name", "location", "connection_test", "industry", "employees"]
    show_change_link = True


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyAdmin):
    list_display = ["name_en", "name_zh", "kind", "br_number", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name_en", "name_zh", "br_number"]
    fields = [*ORGANISATION_FIELDS, "evidence", "created_at"]
    readonly_fields = fields
    inlines = [ContactInline, MembershipInline, FactoryInline]

    @admin.display(description=_("evidence documents"))
    def evidence(self, obj):
        return _file_links(
            obj.attachments.filter(
                factory=None, application=None, message=None, removed_at=None
            )
        )


class FuelInline(ReadOnlyInline):
    model = FactoryFuel
    fields = ["fuel", "description", "annual_quantity", "unit"]


@admin.register(Factory)
class FactoryAdmin(ReadOnlyAdmin):
    list_display = ["name", "organisation", "location", "industry", "employees"]
    list_filter = ["industry", "connection_test"]
    list_select_related = ["organisation"]
    search_fields = ["name", "organisation__name_en", "organisation__br_number"]
    fields = ["organisation", *FACTORY_FIELDS, "evidence"]
    readonly_fields = fields
    inlines = [FuelInline]

    @admin.display(description=_("evidence documents"))
    def evidence(self, obj):
        return _file_links(
            obj.attachments.filter(application=None, message=None, removed_at=None)
        )


class CostLineInline(ReadOnlyInline):
    model = CostLine
    fields = ["item", "supplier", "quotation_ref", "amount_hkd"]


class StatusChangeInline(ReadOnlyInline):
    model = StatusChange
    fields = ["created_at", "from_status", "to_status", "actor", "actor_role", "reason"]
    readonly_fields = fields


class MessageInline(ReadOnlyInline):
    model = ApplicationMessage
    fields = ["created_at", "kind", "author", "author_role", "body", "files"]
    readonly_fields = fields

    @admin.display(description=_("documents"))
    def files(self, obj):
        return _file_links(obj.attachments.all())


class VersionInline(ReadOnlyInline):
    model = ApplicationVersion
    fields = ["number", "submitted_at", "submitted_by", "requested_grant_hkd"]
    readonly_fields = fields


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = [
        "__str__",
        "title",
        "organisation",
        "scheme",
        "factory",
        "status",
        "requested_grant_hkd",
        "needs_committee_decision",
        "submitted_at",
    ]
    list_filter = [
        "status",
        "scheme__kind",
        "scheme__phase",
        "needs_committee_decision",
        "submitted_at",
    ]
    list_select_related = ["organisation", "scheme__phase", "factory"]
    search_fields = [
        "reference",
        "title",
        "organisation__name_en",
        "organisation__br_number",
    ]
    # Newest submissions first, drafts last (as issue 4 has it; the index matches).
    ordering = [F("submitted_at").desc(nulls_last=True), "-pk"]
    # make bench, 100,000 applications: one COUNT(*) is enough, and the "submitted"
    # filter replaces a date hierarchy whose list of years scanned every row.
    show_full_result_count = False
    list_per_page = 50
    fields = [
        "reference",
        "status",
        "organisation",
        "scheme",
        "factory",
        "etsp",
        "submitted_at",
        "eligible_cost_hkd",
        "funding_share",
        "ceiling_hkd",
        "requested_grant_hkd",
        "needs_committee_decision",
        "submitted_content",
    ]
    readonly_fields = fields
    inlines = [StatusChangeInline, MessageInline, VersionInline, CostLineInline]

    @admin.display(description=_("what the applicant submitted (latest version)"))
    def submitted_content(self, obj):
        version = obj.versions.order_by("-number").first()
        if version is None:
            return _("Not submitted yet.")
        return render_to_string(
            "applications/admin/submitted_content.html",
            {
                "application": obj,
                "version": version,
                "sections": answer_sections(version.content),
            },
        )


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = [
        "original_name",
        "kind",
        "organisation",
        "size",
        "created_at",
        "download",
    ]
    list_select_related = ["organisation"]
    list_filter = ["kind"]
    search_fields = ["original_name", "organisation__name_en", "sha256"]
    fields = [
        "original_name",
        "kind",
        "organisation",
        "factory",
        "application",
        "content_type",
        "size",
        "sha256",
        "created_at",
        "locked_at",
        "removed_at",
        "download",
    ]
    readonly_fields = fields

    @admin.display(description=_("download"))
    def download(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("applications:file", args=[obj.uuid]),
            _("download"),
        )
