from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import F, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources
from import_export.admin import ExportActionMixin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from accounts.roles import is_secretariat
from core.pagecache import private_page
from core.templatetags.portal import hkd
from letters.admin import LetterInline
from reminders.admin import ReminderInline

from . import rules, services, workflow
from .admin_workflow import (
    OPERATIONS,
    make_action,
    operation_form_response,
    run_operation,
)
from .errors import ApplicationError
from .forms.workflow import (
    AssessmentForm,
    ClaimForm,
    DecisionForm,
    NoteForm,
    PaymentForm,
    ReportForm,
    secretariat_users,
)
from .models import (
    FACTORY_FIELDS,
    ORGANISATION_FIELDS,
    Actor,
    Application,
    ApplicationMessage,
    ApplicationVersion,
    Attachment,
    AuditEntry,
    ClaimStatus,
    ContactPerson,
    CostLine,
    Decision,
    Disbursement,
    Factory,
    FactoryFuel,
    FundingScheme,
    Membership,
    Organisation,
    PaymentClaim,
    Phase,
    ProjectReport,
    StatusChange,
    TechnicalAssessment,
)
from .models import ApplicationStatus as S
from .summary import answer_sections

# The change list's status column: each value's lazy label, looked up once a row.
_STATUS_LABELS = {status.value: status.label for status in S}


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


# --- Read-only views of what applicants give ---------------------------------------


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CachedChangeListMixin:
    """The change list, served from the user's own page cache until the next write
    (core.pagecache.private_page). The admin site has checked that the user is active
    staff; a cached list was rendered for this same user after the view permission
    check, and any change to permissions is a write that retires it."""

    def changelist_view(self, request, extra_context=None):
        return private_page(super().changelist_view)(request, extra_context)


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


# --- The Secretariat's workflow (issue 4) ---------------------------------------------


def can_run_workflow(request) -> bool:
    """Secretariat staff with the right to change applications run the workflow;
    anyone else who reaches the admin (EPD viewers, if given access) only reads."""
    return is_secretariat(request.user) and request.user.has_perm(
        "applications.change_application"
    )


class StatusChangeInline(ReadOnlyInline):
    model = StatusChange
    verbose_name_plural = _("history of the status")
    fields = ["created_at", "from_status", "to_status", "actor", "actor_role", "reason"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class AuditEntryInline(ReadOnlyInline):
    model = AuditEntry
    fields = ["created_at", "action", "actor", "note", "details"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")

    @admin.display(description=_("details"))
    def details(self, obj):
        return ", ".join(f"{k}: {v}" for k, v in obj.data.items()) or "—"


class MessageInline(ReadOnlyInline):
    model = ApplicationMessage
    fields = ["created_at", "kind", "author", "author_role", "body", "files"]
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("author")
            .prefetch_related("attachments")
        )

    @admin.display(description=_("documents"))
    def files(self, obj):
        return _file_links(obj.attachments.all())


class VersionInline(ReadOnlyInline):
    model = ApplicationVersion
    fields = ["number", "submitted_at", "submitted_by", "requested_grant_hkd", "view"]
    readonly_fields = fields

    @admin.display(description=_("content"))
    def view(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:applications_applicationversion_change", args=[obj.pk]),
            _("view"),
        )


class AssessmentInline(ReadOnlyInline):
    model = TechnicalAssessment
    fields = [
        "created_at",
        "assessor",
        *TechnicalAssessment.CRITERIA,
        "recommendation",
        "recommended_eligible_cost_hkd",
        "comments",
    ]
    readonly_fields = fields


class DecisionInline(ReadOnlyInline):
    model = Decision
    fields = [
        "number",
        "outcome",
        "approved_eligible_cost_hkd",
        "approved_amount_hkd",
        "conditions",
        "reasons",
        "project_start",
        "project_end",
        "final_report_due_on",
        "meeting_reference",
        "decided_by",
        "decided_at",
    ]
    readonly_fields = fields


class ReportInline(ReadOnlyInline):
    model = ProjectReport
    fields = [
        "kind",
        "number",
        "status",
        "submitted_at",
        "electricity_saved_kwh",
        "co2_avoided_tonnes",
        "secretariat_comment",
    ]
    readonly_fields = fields
    show_change_link = True


class ClaimInline(ReadOnlyInline):
    model = PaymentClaim
    fields = [
        "number",
        "status",
        "is_final",
        "expenditure_hkd",
        "amount_hkd",
        "submitted_at",
        "secretariat_comment",
    ]
    readonly_fields = fields
    show_change_link = True


class DisbursementInline(ReadOnlyInline):
    model = Disbursement
    fields = [
        "paid_on",
        "amount_hkd",
        "paid_to_date_hkd",
        "approved_amount_hkd",
        "payment_reference",
        "recorded_by",
    ]
    readonly_fields = fields


class CaseOfficerFilter(admin.SimpleListFilter):
    title = _("case officer")
    parameter_name = "officer"

    def lookups(self, request, model_admin):
        people = secretariat_users().only("pk", "full_name", "email")
        return [("mine", _("Mine")), ("none", _("Not assigned"))] + [
            (str(u.pk), u.get_full_name() or u.email) for u in people
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "mine":
            return queryset.filter(case_officer=request.user)
        if value == "none":
            return queryset.filter(case_officer__isnull=True)
        if value and value.isdigit():
            return queryset.filter(case_officer_id=int(value))
        return queryset


class ApplicationResource(resources.ModelResource):
    """The columns of the applications export (the change list as filtered)."""

    reference = fields.Field(attribute="reference", column_name=_("Reference"))
    title = fields.Field(attribute="title", column_name=_("Project title"))
    organisation = fields.Field(
        attribute="organisation__name_en", column_name=_("Organisation")
    )
    br_number = fields.Field(
        attribute="organisation__br_number", column_name=_("BR number")
    )
    scheme = fields.Field(column_name=_("Scheme"))
    phase = fields.Field(column_name=_("Phase"))
    factory = fields.Field(attribute="factory__name", column_name=_("Factory"))
    industry = fields.Field(column_name=_("Industry"))
    location = fields.Field(column_name=_("Location"))
    status = fields.Field(column_name=_("Status"))
    case_officer = fields.Field(column_name=_("Case officer"))
    submitted_at = fields.Field(column_name=_("Submitted"))
    eligible_cost_hkd = fields.Field(
        attribute="eligible_cost_hkd", column_name=_("Eligible cost (HK$)")
    )
    requested_grant_hkd = fields.Field(
        attribute="requested_grant_hkd", column_name=_("Requested grant (HK$)")
    )

    class Meta:
        model = Application
        fields = [
            "reference",
            "title",
            "organisation",
            "br_number",
            "scheme",
            "phase",
            "factory",
            "industry",
            "location",
            "status",
            "case_officer",
            "submitted_at",
            "eligible_cost_hkd",
            "requested_grant_hkd",
        ]
        export_order = fields

    def dehydrate_scheme(self, obj):
        return str(obj.scheme.label)

    def dehydrate_phase(self, obj):
        return str(obj.scheme.phase.name)

    def dehydrate_industry(self, obj):
        return str(obj.factory.get_industry_display()) if obj.factory else ""

    def dehydrate_location(self, obj):
        return str(obj.factory.get_location_display()) if obj.factory else ""

    def dehydrate_status(self, obj):
        return str(obj.get_status_display())

    def dehydrate_case_officer(self, obj):
        officer = obj.case_officer
        return (officer.get_full_name() or officer.email) if officer else ""

    def dehydrate_submitted_at(self, obj):
        return f"{obj.submitted_at:%Y-%m-%d %H:%M}" if obj.submitted_at else ""


@admin.register(Application)
class ApplicationAdmin(CachedChangeListMixin, ExportActionMixin, ReadOnlyAdmin):
    resource_classes = [ApplicationResource]
    export_formats = [CSV, XLSX]
    change_form_template = "applications/admin/application_change_form.html"
    list_display = [
        "__str__",
        "title",
        "organisation",
        "status_label",
        "case_officer",
        "requested_grant",
        "submitted_at",
    ]
    list_filter = [
        "status",
        "scheme__kind",
        "scheme__phase",
        "factory__industry",
        "factory__location",
        "submitted_at",
        CaseOfficerFilter,
        "needs_committee_decision",
    ]
    list_select_related = [
        "organisation",
        "scheme__phase",
        "factory",
        "case_officer",
    ]
    search_fields = [
        "reference",
        "title",
        "organisation__name_en",
        "organisation__name_zh",
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
        "case_officer",
        "technical_assessor",
        "submitted_at",
        "eligible_cost_hkd",
        "funding_share",
        "ceiling_hkd",
        "requested_grant_hkd",
        "needs_committee_decision",
        "submitted_content",
    ]
    readonly_fields = fields
    inlines = [
        StatusChangeInline,
        AuditEntryInline,
        MessageInline,
        AssessmentInline,
        DecisionInline,
        ReportInline,
        ClaimInline,
        DisbursementInline,
        LetterInline,
        ReminderInline,
        VersionInline,
        CostLineInline,
    ]
    actions = [make_action(op) for op in OPERATIONS.values()]

    def has_workflow_permission(self, request):
        return can_run_workflow(request)

    def has_export_permission(self, request):
        return is_secretariat(request.user)

    @admin.display(description=_("requested grant"), ordering="requested_grant_hkd")
    def requested_grant(self, obj):
        return hkd(obj.requested_grant_hkd)

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        # One label, not get_status_display(): that hashes (so translates) every
        # status's lazy label for each row, 13 gettext calls a row (make bench).
        return _STATUS_LABELS.get(obj.status, obj.status)

    def action_checkbox(self, obj):
        """Django's checkbox, written directly: the form widget's template costs
        about 1 ms a row, a sixth of the change list's time at 50 rows (make bench)."""
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select"'
            ' aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(_("Select this object for an action - {}"), str(obj)),
        )

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

    # --- The step screens for one application -------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/step/<slug:slug>/",
                view(self.step_view),
                name="applications_application_step",
            ),
            path(
                "<int:pk>/decide/",
                view(self.decide_view),
                name="applications_application_decide",
            ),
            path(
                "<int:pk>/assess/",
                view(self.assess_view),
                name="applications_application_assess",
            ),
            path(
                "<int:pk>/report/",
                view(self.report_view),
                name="applications_application_report",
            ),
            path(
                "<int:pk>/claim/",
                view(self.claim_view),
                name="applications_application_claim",
            ),
            *super().get_urls(),
        ]

    def _application(self, request, pk):
        if not can_run_workflow(request):
            raise PermissionDenied
        return get_object_or_404(
            Application.objects.select_related("organisation", "scheme__phase"), pk=pk
        )

    def _back(self, application):
        return redirect("admin:applications_application_change", application.pk)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        application = Application.objects.filter(pk=object_id).first()
        if application is not None and can_run_workflow(request):
            extra_context["steps"] = [
                op for op in OPERATIONS.values() if op.applies_to(application)
            ]
            status = application.status
            extra_context["can_decide"] = workflow.can_transition(
                status, S.APPROVED, Actor.SECRETARIAT
            )
            extra_context["can_assess"] = status == S.TECHNICAL_ASSESSMENT
            extra_context["can_report"] = status == S.IN_PROGRESS
            extra_context["can_claim"] = status in (
                S.IN_PROGRESS,
                S.FINAL_REPORT_SUBMITTED,
                S.COMPLETED,
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def step_view(self, request, pk, slug):
        application = self._application(request, pk)
        op = OPERATIONS.get(slug)
        if op is None:
            raise Http404
        form = op.make_form(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            run_operation(request, op, [application], form.cleaned_data)
            return self._back(application)
        return operation_form_response(
            self, request, op, [application], form, batch=False
        )

    def _form_page(self, request, application, title, form, **extra):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "application": application,
            "form": form,
            **extra,
        }
        return TemplateResponse(request, "applications/admin/step_form.html", context)

    def _run_form(self, request, application, form, call, title, **extra):
        if request.method == "POST" and form.is_valid():
            try:
                call(form.cleaned_data)
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("%(step)s: done.") % {"step": title})
                return self._back(application)
        return self._form_page(request, application, title, form, **extra)

    def decide_view(self, request, pk):
        application = self._application(request, pk)
        form = DecisionForm(request.POST if request.method == "POST" else None)

        def call(data):
            services.application_decide(
                application=application,
                user=request.user,
                outcome=data["outcome"],
                approved_eligible_cost_hkd=data.get("approved_eligible_cost_hkd"),
                approved_amount_hkd=data.get("approved_amount_hkd"),
                conditions=data.get("conditions", ""),
                reasons=data.get("reasons", ""),
                project_start=data.get("project_start"),
                project_end=data.get("project_end"),
                final_report_due_on=data.get("final_report_due_on"),
                meeting_reference=data.get("meeting_reference", ""),
            )

        grant = rules.grant_amount(
            eligible_cost=application.eligible_cost_hkd,
            share=application.funding_share or application.scheme.funding_share,
            ceiling=application.ceiling_hkd,
        )
        return self._run_form(
            request,
            application,
            form,
            call,
            _("Record the committee's decision"),
            figures=[
                (_("Eligible cost applied for"), hkd(application.eligible_cost_hkd)),
                (
                    _("Funding share"),
                    f"{application.funding_share * 100:.0f} %"
                    if application.funding_share
                    else "—",
                ),
                (_("Ceiling"), hkd(application.ceiling_hkd)),
                (_("Grant the scheme gives for this cost"), hkd(grant)),
            ],
            assessment=application.assessments.select_related("assessor").last(),
        )

    def assess_view(self, request, pk):
        application = self._application(request, pk)
        form = AssessmentForm(request.POST if request.method == "POST" else None)

        def call(data):
            services.assessment_record(
                application=application, user=request.user, **data
            )

        return self._run_form(
            request, application, form, call, _("Record the technical assessment")
        )

    def report_view(self, request, pk):
        application = self._application(request, pk)
        form = ReportForm(request.POST if request.method == "POST" else None)

        def call(data):
            kind = data.pop("kind")
            services.report_submit(
                application=application,
                user=request.user,
                kind=kind,
                values=data,
                role=Actor.SECRETARIAT,
            )

        return self._run_form(
            request, application, form, call, _("Record a report received")
        )

    def claim_view(self, request, pk):
        application = self._application(request, pk)
        form = ClaimForm(request.POST if request.method == "POST" else None)

        def call(data):
            services.claim_submit(
                application=application,
                user=request.user,
                role=Actor.SECRETARIAT,
                **data,
            )

        return self._run_form(
            request, application, form, call, _("Record a payment claim received")
        )


@admin.register(ApplicationVersion)
class ApplicationVersionAdmin(ReadOnlyAdmin):
    """Every version the applicant submitted, kept as it was."""

    list_display = ["__str__", "submitted_at", "submitted_by", "requested_grant_hkd"]
    list_select_related = ["application", "submitted_by"]
    search_fields = ["application__reference"]
    fields = ["application", "number", "submitted_at", "submitted_by", "content_view"]
    readonly_fields = fields

    @admin.display(description=_("what the applicant submitted"))
    def content_view(self, obj):
        return render_to_string(
            "applications/admin/submitted_content.html",
            {
                "application": obj.application,
                "version": obj,
                "sections": answer_sections(obj.content),
            },
        )


def _note_action(name, label, run, *, note_required: bool, note_label=None):
    """A batch action on reports or claims asking for a note, through ``run``."""

    def action(modeladmin, request, queryset):
        objects = list(queryset.select_related("application"))
        confirmed = "confirm" in request.POST
        form = NoteForm(
            request.POST if confirmed else None,
            note_required=note_required,
            note_label=note_label,
        )
        if confirmed and form.is_valid():
            done = 0
            for obj in objects:
                try:
                    run(obj, request.user, form.cleaned_data["note"])
                    done += 1
                except ApplicationError as exc:
                    messages.error(request, f"{obj}: {exc.message}")
            if done:
                messages.success(
                    request,
                    _("%(step)s: done for %(count)d.") % {"step": label, "count": done},
                )
            return None
        context = {
            **modeladmin.admin_site.each_context(request),
            "opts": modeladmin.model._meta,
            "title": label,
            "objects": objects,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "applications/admin/note_action.html", context)

    action.__name__ = name
    action.short_description = label
    action.allowed_permissions = ("workflow",)
    return action


@admin.register(ProjectReport)
class ProjectReportAdmin(CachedChangeListMixin, ReadOnlyAdmin):
    list_display = [
        "__str__",
        "status",
        "submitted_at",
        "electricity_saved_kwh",
        "co2_avoided_tonnes",
        "verified_at",
    ]
    list_filter = ["kind", "status"]
    list_select_related = ["application"]
    search_fields = ["application__reference", "application__organisation__name_en"]
    readonly_fields = [f.name for f in ProjectReport._meta.fields]
    actions = [
        _note_action(
            "verify_reports",
            _("Verify the report"),
            lambda r, u, n: services.report_verify(report=r, user=u, note=n),
            note_required=False,
        ),
        _note_action(
            "return_reports",
            _("Return the report for changes"),
            lambda r, u, n: services.report_return(report=r, user=u, note=n),
            note_required=True,
            note_label=_("What the applicant should change"),
        ),
    ]

    def has_workflow_permission(self, request):
        return can_run_workflow(request)


@admin.register(PaymentClaim)
class PaymentClaimAdmin(CachedChangeListMixin, ReadOnlyAdmin):
    change_form_template = "applications/admin/claim_change_form.html"
    list_display = [
        "__str__",
        "status",
        "is_final",
        "expenditure_hkd",
        "amount_hkd",
        "submitted_at",
    ]
    list_filter = ["status", "is_final"]
    list_select_related = ["application"]
    search_fields = ["application__reference", "application__organisation__name_en"]
    readonly_fields = [f.name for f in PaymentClaim._meta.fields]
    actions = [
        _note_action(
            "accept_claims",
            _("Accept the claim"),
            lambda c, u, n: services.claim_accept(claim=c, user=u, note=n),
            note_required=False,
        ),
        _note_action(
            "return_claims",
            _("Return the claim for changes"),
            lambda c, u, n: services.claim_return(claim=c, user=u, note=n),
            note_required=True,
            note_label=_("What the applicant should change"),
        ),
    ]

    def has_workflow_permission(self, request):
        return can_run_workflow(request)

    def get_urls(self):
        return [
            path(
                "<int:pk>/pay/",
                self.admin_site.admin_view(self.pay_view),
                name="applications_paymentclaim_pay",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        extra_context["can_pay"] = (
            can_run_workflow(request)
            and PaymentClaim.objects.filter(
                pk=object_id, status=ClaimStatus.ACCEPTED
            ).exists()
        )
        return super().change_view(request, object_id, form_url, extra_context)

    def pay_view(self, request, pk):
        if not can_run_workflow(request):
            raise PermissionDenied
        claim = get_object_or_404(
            PaymentClaim.objects.select_related("application"), pk=pk
        )
        form = PaymentForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                services.disbursement_record(
                    claim=claim, user=request.user, **form.cleaned_data
                )
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The payment is recorded."))
                return redirect(
                    "admin:applications_application_change", claim.application_id
                )
        decision = services.decision_in_force(claim.application)
        paid = claim.application.disbursements.aggregate(t=Sum("amount_hkd"))["t"] or 0
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Record a payment"),
            "application": claim.application,
            "form": form,
            "figures": [
                (_("Claim"), str(claim)),
                (_("Grant claimed"), hkd(claim.amount_hkd)),
                (
                    _("Approved grant"),
                    hkd(decision.approved_amount_hkd if decision else None),
                ),
                (_("Paid to date"), hkd(paid)),
            ],
        }
        return TemplateResponse(request, "applications/admin/step_form.html", context)


@admin.register(Disbursement)
class DisbursementAdmin(ReadOnlyAdmin):
    list_display = [
        "application",
        "paid_on",
        "amount_hkd",
        "paid_to_date_hkd",
        "approved_amount_hkd",
        "payment_reference",
        "recorded_by",
    ]
    list_select_related = ["application", "recorded_by"]
    date_hierarchy = "paid_on"
    search_fields = ["application__reference", "payment_reference"]
    readonly_fields = [f.name for f in Disbursement._meta.fields]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = [
        "__str__",
        "outcome",
        "approved_amount_hkd",
        "meeting_reference",
        "decided_by",
        "decided_at",
    ]
    list_filter = ["outcome"]
    list_select_related = ["application", "decided_by"]
    search_fields = ["application__reference", "meeting_reference"]
    readonly_fields = [f.name for f in Decision._meta.fields if f.name != "notified_at"]
    exclude = ["notified_at"]


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """Everything the Secretariat did, besides status changes, across applications."""

    list_display = ["created_at", "application", "action", "actor", "note"]
    list_filter = ["action"]
    list_select_related = ["application", "actor"]
    search_fields = ["application__reference", "note"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in AuditEntry._meta.fields]


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdmin):
    list_display = [
        "created_at",
        "application",
        "from_status",
        "to_status",
        "actor",
        "reason",
    ]
    list_filter = ["to_status", "actor_role"]
    list_select_related = ["application", "actor"]
    search_fields = ["application__reference", "reason"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in StatusChange._meta.fields]


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
