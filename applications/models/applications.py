"""Applications, their costs, submitted versions, status history and messages."""

from decimal import Decimal

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel

from .organisations import Factory, Organisation
from .programme import FundingScheme, SchemeKind


class ApplicationStatus(models.TextChoices):
    """Every status an application can have; labels are the Secretariat's names.

    Applicants see the plainer names in ``applications.workflow.APPLICANT_NAMES``.
    """

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    SCREENING = "screening", _("Screening")
    INFO_REQUESTED = "info_requested", _("Information requested")
    TECHNICAL_ASSESSMENT = "technical_assessment", _("Technical assessment")
    VETTING = "vetting", _("Vetting by the Project Management Committee")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    IN_PROGRESS = "in_progress", _("In progress")
    FINAL_REPORT_SUBMITTED = "final_report_submitted", _("Final report submitted")
    COMPLETED = "completed", _("Completed")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Statuses in which an application still occupies its factory and scheme.
FINISHED_STATUSES = (
    ApplicationStatus.REJECTED,
    ApplicationStatus.COMPLETED,
    ApplicationStatus.CLOSED,
    ApplicationStatus.WITHDRAWN,
)
OPEN_STATUSES = tuple(s for s in ApplicationStatus if s not in FINISHED_STATUSES)
# Statuses an application never got past submission in (no reference number).
UNSUBMITTED_STATUSES = (ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN)


class Actor(models.TextChoices):
    """Who moves an application: the applicant, the Secretariat, or the system."""

    APPLICANT = "applicant", _("Applicant")
    SECRETARIAT = "secretariat", _("Secretariat")
    SYSTEM = "system", _("System")


class RepeatReason(models.TextChoices):
    PROCESS_CHANGE = "process_change", _("The production process has changed")
    MATERIAL_CHANGE = "material_change", _("The raw materials have changed")
    RECOGNITION = (
        "recognition",
        _(
            "The factory is pursuing recognition under the Hong Kong–Guangdong Cleaner "
            "Production Partners Recognition Scheme"
        ),
    )


money = {"max_digits": 12, "decimal_places": 2}


class Application(TimeStampedModel):
    """One funding application of an organisation under one scheme of a phase."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("organisation"),
    )
    scheme = models.ForeignKey(
        FundingScheme,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("funding scheme"),
    )
    factory = models.ForeignKey(
        Factory,
        on_delete=models.PROTECT,
        related_name="applications",
        null=True,
        blank=True,
        verbose_name=_("factory"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
        db_index=True,
    )
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    reference = models.CharField(
        _("reference"), max_length=20, unique=True, null=True, blank=True
    )
    submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)
    completed_on = models.DateField(_("project completed on"), null=True, blank=True)
    needs_committee_decision = models.BooleanField(
        _("industry outside the targeted ones (committee decides)"), default=False
    )
    # The Secretariat's people on the case (issue 4).
    case_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("case officer"),
    )
    technical_assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("technical assessor"),
    )

    # About the project
    title = models.CharField(_("project title"), max_length=200, blank=True)
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned completion"), null=True, blank=True)

    # Service provider (assessment and demonstration)
    etsp = models.ForeignKey(
        "providers.ServiceProvider",
        on_delete=models.PROTECT,
        related_name="applications",
        null=True,
        blank=True,
        verbose_name=_("environmental technology service provider"),
    )
    etsp_quotation_ref = models.CharField(
        _("service provider's quotation reference"), max_length=100, blank=True
    )

    # On-site assessment
    assessment_scope = models.TextField(
        _("scope of the assessment"),
        blank=True,
        help_text=_(
            "The processes and utilities the assessment covers, and what you hope "
            "to improve (energy, emissions, effluent, materials)."
        ),
    )
    previous_assessment_reference = models.CharField(
        _("reference of the earlier funded assessment"), max_length=40, blank=True
    )
    previous_assessment_completed_on = models.DateField(
        _("earlier assessment completed on"), null=True, blank=True
    )
    repeat_measure_implemented = models.BooleanField(
        _(
            "At least one measure the earlier assessment recommended has been "
            "implemented, with investment in facilities"
        ),
        default=False,
    )
    repeat_measure_details = models.TextField(
        _("measure implemented and investment made"), blank=True
    )
    repeat_reason = models.CharField(
        _("reason for a new assessment"),
        max_length=20,
        choices=RepeatReason.choices,
        blank=True,
    )

    # Demonstration project
    technology = models.TextField(_("technology to be demonstrated"), blank=True)
    equipment = models.TextField(_("equipment to be installed or modified"), blank=True)
    baseline_description = models.TextField(
        _("current situation (baseline)"),
        blank=True,
        help_text=_("How the process runs today and what it uses or emits."),
    )
    expected_benefits = models.TextField(_("expected benefits"), blank=True)
    expected_electricity_saving_kwh = models.DecimalField(
        _("expected electricity saving (kWh a year)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    expected_water_saving_m3 = models.DecimalField(
        _("expected water saving (m³ a year)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    expected_cost_saving_hkd = models.DecimalField(
        _("expected cost saving (HK$ a year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        **money,
    )

    # Association support
    activities = models.TextField(
        _("activities"),
        blank=True,
        help_text=_("Seminars, visits, publications or other promotion, with dates."),
    )
    target_audience = models.TextField(_("target audience"), blank=True)
    expected_participants = models.PositiveIntegerField(
        _("expected number of participants"), null=True, blank=True
    )

    # Declarations
    declares_no_double_funding = models.BooleanField(
        _(
            "No other public funding has been or will be sought for the same scope of "
            "work."
        ),
        default=False,
    )
    declares_no_early_start = models.BooleanField(
        _(
            "The project has not started and will not start before this application "
            "is submitted."
        ),
        default=False,
    )
    declares_information_true = models.BooleanField(
        _(
            "The information in this application and its documents is true and "
            "complete."
        ),
        default=False,
    )
    declares_etsp_not_related = models.BooleanField(
        _("The service provider is not a related party of the applicant."),
        default=False,
    )

    # Money, computed on the server from the cost lines (rules.grant_amount). The
    # scheme's share and ceiling are copied here so that the database can check that
    # the grant stays within the ceiling that applied when it was computed.
    eligible_cost_hkd = models.DecimalField(
        _("eligible cost (HK$)"), default=Decimal("0"), max_digits=14, decimal_places=2
    )
    funding_share = models.DecimalField(
        _("funding share"), max_digits=5, decimal_places=4, null=True, blank=True
    )
    ceiling_hkd = models.DecimalField(
        _("ceiling (HK$)"), null=True, blank=True, **money
    )
    requested_grant_hkd = models.DecimalField(
        _("requested grant (HK$)"), null=True, blank=True, **money
    )
    # The "start an application" form's one-time key: a form sent twice (a double
    # click, a retried request) finds the draft the first one made.
    creation_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        # make bench: the Secretariat's change list (newest submitted first) and an
        # organisation's dashboard stay index scans at 100,000 applications.
        indexes = [
            models.Index(
                F("submitted_at").desc(nulls_last=True),
                F("id").desc(),
                name="application_submitted_desc",
            ),
            models.Index(
                fields=["organisation", "-created_at", "-id"],
                name="application_org_newest",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(requested_grant_hkd__isnull=True)
                | Q(ceiling_hkd__isnull=True)
                | Q(requested_grant_hkd__lte=F("ceiling_hkd")),
                name="application_grant_within_ceiling",
            ),
            models.CheckConstraint(
                condition=Q(requested_grant_hkd__isnull=True)
                | Q(requested_grant_hkd__gte=0),
                name="application_grant_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(eligible_cost_hkd__gte=0),
                name="application_cost_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(status__in=UNSUBMITTED_STATUSES)
                | Q(
                    reference__isnull=False,
                    submitted_at__isnull=False,
                    requested_grant_hkd__isnull=False,
                ),
                name="application_submitted_has_reference_and_grant",
            ),
            models.UniqueConstraint(
                fields=["factory", "scheme"],
                condition=Q(status__in=OPEN_STATUSES),
                name="application_one_open_per_factory_and_scheme",
            ),
        ]

    def __str__(self) -> str:
        return self.reference or f"{self.scheme.kind} draft #{self.pk}"

    @property
    def kind(self) -> str:
        return self.scheme.kind

    @property
    def needs_factory(self) -> bool:
        return self.scheme.kind != SchemeKind.ASSOCIATION

    @property
    def needs_etsp(self) -> bool:
        return self.scheme.kind != SchemeKind.ASSOCIATION

    @property
    def display_title(self) -> str:
        return self.title or str(_("Untitled application"))


class CostLine(models.Model):
    """One item of the budget: what, from whom, on which quotation, how much."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="cost_lines"
    )
    item = models.CharField(_("item"), max_length=200)
    supplier = models.CharField(_("supplier"), max_length=200, blank=True)
    quotation_ref = models.CharField(
        _("quotation reference"), max_length=100, blank=True
    )
    amount_hkd = models.DecimalField(
        _("amount (HK$)"), validators=[MinValueValidator(Decimal("0"))], **money
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("cost line")
        verbose_name_plural = _("cost lines")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_hkd__gte=0), name="cost_line_amount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.item


class ApplicationVersion(models.Model):
    """What the applicant submitted, frozen: one row per submission, never edited."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    content = models.JSONField(_("submitted content"), encoder=DjangoJSONEncoder)
    requested_grant_hkd = models.DecimalField(_("requested grant (HK$)"), **money)
    acknowledgement_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["application", "number"]
        verbose_name = _("submitted version")
        verbose_name_plural = _("submitted versions")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "number"], name="version_number_per_application"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} v{self.number}"


class StatusChange(models.Model):
    """The audit row of one status change: who, from, to, why, when."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        _("from"), max_length=30, choices=ApplicationStatus.choices, blank=True
    )
    to_status = models.CharField(
        _("to"), max_length=30, choices=ApplicationStatus.choices
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_role = models.CharField(_("acting as"), max_length=12, choices=Actor.choices)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class MessageKind(models.TextChoices):
    INFORMATION_REQUEST = "information_request", _("Request for information")
    ANSWER = "answer", _("Answer")
    NOTICE = "notice", _("Message")


class ApplicationMessage(models.Model):
    """A message between the Secretariat and the applicant about an application."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MessageKind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("from"),
    )
    author_role = models.CharField(_("sent by"), max_length=12, choices=Actor.choices)
    body = models.TextField(_("message"))
    in_reply_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replies"
    )
    version = models.ForeignKey(
        ApplicationVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The version submitted with this answer."),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.application}"


class ReferenceCounter(models.Model):
    """The last reference number given per scheme kind and year (OA-2026-0001 ...)."""

    kind = models.CharField(max_length=2, choices=SchemeKind.choices)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year"], name="reference_counter_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}-{self.year}: {self.last_number}"
