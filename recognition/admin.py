"""The Secretariat's workspace for the scheme: cycles, review, notice, objections and
awards. Status changes happen only through the actions, which call the services."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.uploads import private_file_response

from . import services
from .models import (
    Application,
    Award,
    CategoryRule,
    Cycle,
    Evidence,
    Measure,
    Objection,
    ObjectionOutcome,
    SiteVisit,
    Status,
    StatusChange,
)


def _run(modeladmin, request, items, operation, done_message) -> None:
    """Apply a service to each selected item; report what was done and what refused."""
    done = 0
    for item in items:
        try:
            with transaction.atomic():
                operation(item)
        except services.RecognitionRefused as refusal:
            modeladmin.message_user(request, f"{item}: {refusal}", messages.ERROR)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, done_message % {"n": done}, messages.SUCCESS)


@admin.register(CategoryRule)
class CategoryRuleAdmin(admin.ModelAdmin):
    list_display = ["category", "unit", "code", "is_open"]
    list_editable = ["is_open"]


@admin.register(Cycle)
class CycleAdmin(admin.ModelAdmin):
    list_display = [
        "year",
        "opens_on",
        "closes_on",
        "committee_meets_on",
        "notice_starts_on",
        "notice_days",
        "ceremony_on",
        "notice_published_at",
        "results_published_at",
    ]
    readonly_fields = ["notice_published_at", "results_published_at"]
    fieldsets = [
        (None, {"fields": ["year", "label_valid_years"]}),
        (
            _("Application window"),
            {"fields": ["opens_on", "closes_on", "reminder_days"]},
        ),
        (
            _("Review"),
            {"fields": ["review_starts_on", "review_ends_on", "committee_meets_on"]},
        ),
        (
            _("Public notice and ceremony"),
            {"fields": ["notice_starts_on", "notice_days", "ceremony_on"]},
        ),
        (_("Progress"), {"fields": ["notice_published_at", "results_published_at"]}),
    ]
    actions = ["publish_notice", "award"]

    @admin.action(
        description=_("Publish the public notice of recommended applications")
    )
    def publish_notice(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda cycle: services.cycle_publish_notice(cycle=cycle, by=request.user),
            _("Notice published for %(n)d cycle(s)."),
        )

    @admin.action(
        description=_("Final award after the notice (serial numbers, certificates)")
    )
    def award(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda cycle: services.cycle_award(cycle=cycle, by=request.user),
            _("Results published for %(n)d cycle(s); certificates are being produced."),
        )


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MeasureInline(ReadOnlyInline):
    model = Measure
    fields = [
        "title",
        "area",
        "implemented_on",
        "unit",
        "before",
        "after",
        "investment_hkd",
    ]
    readonly_fields = fields


class EvidenceInline(ReadOnlyInline):
    model = Evidence
    fields = ["download", "kind", "description", "size", "uploaded_at"]
    readonly_fields = fields

    @admin.display(description=_("file"))
    def download(self, obj):
        url = reverse("admin:recognition_evidence_download", args=[obj.uuid])
        return format_html('<a href="{}">{}</a>', url, obj.original_name)


class SiteVisitInline(admin.StackedInline):
    """New visits are recorded through services.site_visit_record (see save_formset)."""

    model = SiteVisit
    extra = 0
    can_delete = False
    fields = ["visited_on", "assessors", "findings", "recommendation", "recorded_by"]
    readonly_fields = ["recorded_by"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return obj is not None and obj.status == Status.DOCUMENTS_CHECKED


class ObjectionInline(ReadOnlyInline):
    model = Objection
    fields = ["lodged_at", "name", "organisation", "email", "grounds", "outcome"]
    readonly_fields = fields
    show_change_link = True


class StatusChangeInline(ReadOnlyInline):
    model = StatusChange
    fields = ["at", "from_status", "to_status", "by", "reason"]
    readonly_fields = fields


APPLICANT_FIELDS = [
    "reference",
    "cycle",
    "category",
    "organisation",
    "factory",
    "status",
    "submitted_at",
    "language",
    "summary",
    "earlier",
    "declares_no_convictions",
    "declares_information_true",
]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "organisation",
        "factory",
        "category",
        "cycle",
        "status",
        "submitted_at",
    ]
    list_filter = ["cycle", "category", "status"]
    list_select_related = ["organisation", "factory", "category", "cycle"]
    search_fields = [
        "reference",
        "organisation__name_en",
        "organisation__name_zh",
        "factory__name",
    ]
    fieldsets = [
        (_("Application"), {"fields": APPLICANT_FIELDS}),
        (
            _("Document check"),
            {"fields": ["documents_checked_on", "document_check_notes"]},
        ),
        (
            _("Joint review committee"),
            {"fields": ["committee_decided_on", "committee_notes"]},
        ),
    ]
    readonly_fields = [
        *APPLICANT_FIELDS,
        "documents_checked_on",
        "committee_decided_on",
    ]
    inlines = [
        MeasureInline,
        EvidenceInline,
        SiteVisitInline,
        ObjectionInline,
        StatusChangeInline,
    ]
    actions = ["documents_ok", "recommend", "not_recommend", "refuse"]

    def get_queryset(self, request):
        # Drafts are the organisation's own business until submitted.
        return super().get_queryset(request).exclude(status=Status.DRAFT)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("earlier projects"))
    def earlier(self, obj):
        return (
            format_html_join(
                ", ",
                "{} {}",
                (
                    (p.reference or "", p.display_title)
                    for p in obj.earlier_projects.all()
                ),
            )
            or "—"
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is not SiteVisit:
            return super().save_formset(request, form, formset, change)
        for visit in formset.save(commit=False):
            try:
                services.site_visit_record(
                    application=form.instance,
                    by=request.user,
                    visited_on=visit.visited_on,
                    assessors=visit.assessors,
                    findings=visit.findings,
                    recommendation=visit.recommendation,
                )
            except services.RecognitionRefused as refusal:
                self.message_user(request, str(refusal), messages.ERROR)

    @admin.action(description=_("Documents checked: on to the site visit"))
    def documents_ok(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda a: services.documents_check(
                application=a, by=request.user, notes=a.document_check_notes
            ),
            _("%(n)d application(s) marked as documents checked."),
        )

    @admin.action(description=_("Joint committee: recommend for recognition"))
    def recommend(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda a: services.committee_decide(
                application=a, by=request.user, recommend=True, notes=a.committee_notes
            ),
            _("%(n)d application(s) recommended."),
        )

    @admin.action(description=_("Joint committee: do not recommend"))
    def not_recommend(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda a: services.committee_decide(
                application=a, by=request.user, recommend=False, notes=a.committee_notes
            ),
            _("%(n)d application(s) not recommended."),
        )

    @admin.action(description=_("Not to be awarded (ineligible or refused)"))
    def refuse(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda a: services.application_transition(
                application=a,
                to_status=Status.NOT_AWARDED,
                by=request.user,
                role="secretariat",
                reason=a.committee_notes or a.document_check_notes,
            ),
            _("%(n)d application(s) marked as not awarded."),
        )

    def get_urls(self):
        return [
            path(
                "evidence/<uuid:uuid>/download/",
                self.admin_site.admin_view(self.evidence_download),
                name="recognition_evidence_download",
            ),
            *super().get_urls(),
        ]

    def evidence_download(self, request, uuid):
        if not self.has_view_permission(request):
            raise PermissionDenied
        evidence = get_object_or_404(Evidence, uuid=uuid)
        return private_file_response(evidence.file, filename=evidence.original_name)


@admin.register(Objection)
class ObjectionAdmin(admin.ModelAdmin):
    list_display = ["application", "name", "email", "lodged_at", "outcome"]
    list_filter = ["outcome", "application__cycle"]
    search_fields = ["name", "email", "application__reference"]
    list_select_related = ["application"]
    fields = [
        "application",
        "name",
        "organisation",
        "email",
        "phone",
        "grounds",
        "lodged_at",
        "outcome",
        "outcome_notes",
        "decided_at",
        "decided_by",
    ]
    readonly_fields = [
        "application",
        "name",
        "organisation",
        "email",
        "phone",
        "grounds",
        "lodged_at",
        "decided_at",
        "decided_by",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if obj.outcome == ObjectionOutcome.PENDING:
            Objection.objects.filter(pk=obj.pk).update(outcome_notes=obj.outcome_notes)
            return
        try:
            services.objection_decide(
                objection=obj,
                by=request.user,
                outcome=obj.outcome,
                notes=obj.outcome_notes,
            )
        except services.RecognitionRefused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = [
        "serial",
        "application",
        "awarded_on",
        "valid_until",
        "certificate_generated_at",
        "certificate_link",
    ]
    list_filter = ["application__cycle", "application__category"]
    search_fields = ["serial", "application__organisation__name_en"]
    list_select_related = ["application"]
    readonly_fields = [
        "application",
        "serial",
        "awarded_on",
        "valid_until",
        "certificate_language",
        "certificate_generated_at",
        "certificate_link",
    ]
    fields = readonly_fields
    actions = ["produce_certificates"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("certificate"))
    def certificate_link(self, obj):
        if not obj.certificate_generated_at:
            return "—"
        url = reverse("admin:recognition_certificate_download", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("PDF"))

    @admin.action(description=_("Produce missing certificates"))
    def produce_certificates(self, request, queryset):
        from . import tasks

        ids = list(
            queryset.filter(certificate_generated_at__isnull=True).values_list(
                "pk", flat=True
            )
        )
        transaction.on_commit(
            lambda: [tasks.produce_certificate.delay(pk) for pk in ids]
        )
        self.message_user(request, _("%(n)d certificate(s) queued.") % {"n": len(ids)})

    def get_urls(self):
        return [
            path(
                "<int:pk>/certificate/",
                self.admin_site.admin_view(self.certificate_download),
                name="recognition_certificate_download",
            ),
            *super().get_urls(),
        ]

    def certificate_download(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        award = get_object_or_404(Award, pk=pk, certificate_generated_at__isnull=False)
        return private_file_response(
            award.certificate,
            filename=f"{award.serial}.pdf",
            content_type="application/pdf",
        )
