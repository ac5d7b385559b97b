"""The HK–GD Cleaner Production Partners Recognition Scheme: yearly cycles, applications,
their review, public notice with objections, awards and certificates (programme.md §6)."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from core.uploads import UploadTo


class Unit(models.TextChoices):
    """What one application is about: one per factory, or one per company."""

    FACTORY = "factory", _("One factory (apply once per factory)")
    ORGANISATION = "organisation", _("The company as a whole")


class CategoryRule(models.Model):
    """Who may apply for a category (its names and criteria live in pages)."""

    category = models.OneToOneField(
        "pages.RecognitionCategory",
        on_delete=models.CASCADE,
        related_name="rule",
        verbose_name=_("category"),
    )
    unit = models.CharField(
        _("who applies"), max_length=12, choices=Unit.choices, default=Unit.FACTORY
    )
    code = models.CharField(
        _("serial number code"),
        max_length=4,
        unique=True,
        help_text=_("Two to four capital letters in the certificate serial, e.g. EM."),
    )
    is_open = models.BooleanField(_("open for applications"), default=True)

    class Meta:
        ordering = ["category__ordering", "pk"]
        verbose_name = _("category rule")
        verbose_name_plural = _("category rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2,4}$"),
                name="recognition_category_code_letters",
            ),
        ]

    def __str__(self) -> str:
        return str(self.category)


class Cycle(TimeStampedModel):
    """One year's round: window, review, public notice and ceremony dates."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2009)]
    )
    opens_on = models.DateField(_("applications open"))
    closes_on = models.DateField(_("applications close"))
    review_starts_on = models.DateField(_("review starts"))
    review_ends_on = models.DateField(_("review ends"))
    committee_meets_on = models.DateField(_("joint review committee meets"))
    notice_starts_on = models.DateField(_("public notice starts"))
    notice_days = models.PositiveSmallIntegerField(
        _("public notice period (days)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    ceremony_on = models.DateField(_("award ceremony"))
    label_valid_years = models.PositiveSmallIntegerField(
        _("label valid for (years)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("remind unfinished drafts this many days before closing"), default=7
    )
    notice_published_at = models.DateTimeField(
        _("notice published"), null=True, blank=True
    )
    results_published_at = models.DateTimeField(
        _("results published"), null=True, blank=True
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("recognition cycle")
        verbose_name_plural = _("recognition cycles")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on"))
                & Q(review_starts_on__gte=F("opens_on"))
                & Q(review_ends_on__gte=F("review_starts_on"))
                & Q(notice_starts_on__gte=F("committee_meets_on"))
                & Q(ceremony_on__gte=F("notice_starts_on")),
                name="recognition_cycle_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Recognition Scheme %(year)s") % {"year": self.year})

    @property
    def notice_ends_on(self):
        from datetime import timedelta

        return self.notice_starts_on + timedelta(days=self.notice_days - 1)

    def is_open(self, on=None) -> bool:
        today = on or timezone.localdate()
        return self.opens_on <= today <= self.closes_on

    def notice_is_running(self, on=None) -> bool:
        today = on or timezone.localdate()
        return (
            self.notice_published_at is not None
            and self.results_published_at is None
            and self.notice_starts_on <= today <= self.notice_ends_on
        )


class Status(models.TextChoices):
    """Every status of a recognition application; labels are the Secretariat's names.

    Applicants read the plainer names in ``recognition.workflow.APPLICANT_NAMES``.
    """

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    DOCUMENTS_CHECKED = "documents_checked", _("Documents checked")
    SITE_VISITED = "site_visited", _("Site visit done")
    RECOMMENDED = "recommended", _("Recommended by the joint committee")
    ON_NOTICE = "on_notice", _("On public notice")
    AWARDED = "awarded", _("Awarded")
    NOT_AWARDED = "not_awarded", _("Not awarded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


UNSUBMITTED = (Status.DRAFT, Status.WITHDRAWN)


class Application(TimeStampedModel):
    """An organisation's application in one cycle, for one category and factory."""

    cycle = models.ForeignKey(
        Cycle,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("cycle"),
    )
    category = models.ForeignKey(
        "pages.RecognitionCategory",
        on_delete=models.PROTECT,
        related_name="recognition_applications",
        verbose_name=_("category"),
    )
    organisation = models.ForeignKey(
        "applications.Organisation",
        on_delete=models.PROTECT,
        related_name="recognition_applications",
        verbose_name=_("organisation"),
    )
    factory = models.ForeignKey(
        "applications.Factory",
        on_delete=models.PROTECT,
        related_name="recognition_applications",
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
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
    )
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    reference = models.CharField(
        _("reference"), max_length=20, unique=True, null=True, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    language = models.CharField(
        _("language for letters and the certificate"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
    )
    reminder_sent_at = models.DateTimeField(
        _("closing reminder sent"), null=True, blank=True
    )
    acknowledged_at = models.DateTimeField(
        _("acknowledgement sent"), null=True, blank=True
    )

    # What the applicant tells
    summary = models.TextField(
        _("cleaner production at your factory or company"),
        blank=True,
        help_text=_(
            "How cleaner production is managed and what it has achieved: policy, "
            "people responsible, staff training, results over the years."
        ),
    )
    earlier_projects = models.ManyToManyField(
        "applications.Application",
        blank=True,
        related_name="recognition_applications",
        verbose_name=_("earlier projects under the programme"),
    )
    declares_no_convictions = models.BooleanField(
        _(
            "In the past three years neither the organisation nor the factory has been "
            "convicted of, or penalised for, an environmental offence."
        ),
        default=False,
    )
    declares_information_true = models.BooleanField(
        _("The information in this application and its evidence is true and complete."),
        default=False,
    )

    # The Secretariat's review (in the admin)
    documents_checked_on = models.DateField(
        _("documents checked on"), null=True, blank=True
    )
    document_check_notes = models.TextField(_("document check notes"), blank=True)
    committee_decided_on = models.DateField(
        _("committee decided on"), null=True, blank=True
    )
    committee_notes = models.TextField(
        _("committee's decision and reasons"), blank=True
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("recognition application")
        verbose_name_plural = _("recognition applications")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "factory"],
                condition=Q(factory__isnull=False) & ~Q(status="withdrawn"),
                name="recognition_one_application_per_factory",
            ),
            models.UniqueConstraint(
                fields=["cycle", "organisation", "category"],
                condition=Q(factory__isnull=True) & ~Q(status="withdrawn"),
                name="recognition_one_company_application_per_category",
            ),
            models.CheckConstraint(
                condition=Q(status__in=UNSUBMITTED)
                | Q(
                    reference__isnull=False,
                    submitted_at__isnull=False,
                    declares_no_convictions=True,
                    declares_information_true=True,
                ),
                name="recognition_submitted_is_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.reference or f"draft #{self.pk}"

    @property
    def subject_name(self) -> str:
        """The factory's name, or the organisation's for company categories."""
        return self.factory.name if self.factory_id else self.organisation.display_name


class ImprovementArea(models.TextChoices):
    ENERGY = "energy", _("Energy")
    AIR = "air", _("Air emissions")
    WATER = "water", _("Water")
    EFFLUENT = "effluent", _("Effluent")
    WASTE = "waste", _("Waste")
    MATERIALS = "materials", _("Materials and chemicals")


class Measure(models.Model):
    """A cleaner production measure implemented, with figures before and after."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="measures"
    )
    title = models.CharField(_("measure"), max_length=200)
    area = models.CharField(
        _("what it improves"), max_length=12, choices=ImprovementArea.choices
    )
    description = models.TextField(_("what was done"))
    implemented_on = models.DateField(_("completed on"))
    unit = models.CharField(
        _("unit of the figures"),
        max_length=40,
        help_text=_("e.g. kWh a year, m³ a year, kg VOC a year"),
    )
    before = models.DecimalField(
        _("before"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    after = models.DecimalField(
        _("after"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    investment_hkd = models.DecimalField(
        _("investment (HK$)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("cleaner production measure")
        verbose_name_plural = _("cleaner production measures")
        constraints = [
            models.CheckConstraint(
                condition=Q(before__gte=0) & Q(after__gte=0),
                name="recognition_measure_figures_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def change_percent(self):
        """The change from before to after, in per cent (negative is a cut)."""
        if not self.before:
            return None
        return round((self.after - self.before) / self.before * 100, 1)


class EvidenceKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    DATA = "data", _("Figures before and after (bills, meter readings, tests)")
    DOCUMENT = "document", _("Other document")


class Evidence(models.Model):
    """An uploaded photo or document backing an application."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="evidence"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=EvidenceKind.choices)
    description = models.CharField(_("description"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to=UploadTo("recognition"))
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.original_name


class Recommendation(models.TextChoices):
    RECOMMEND = "recommend", _("Recommend")
    NOT_RECOMMEND = "not_recommend", _("Do not recommend")


class SiteVisit(models.Model):
    """The Secretariat's on-site assessment of an application."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="site_visits"
    )
    visited_on = models.DateField(_("visited on"))
    assessors = models.CharField(_("assessors"), max_length=300)
    findings = models.TextField(_("findings"))
    recommendation = models.CharField(
        _("recommendation"), max_length=14, choices=Recommendation.choices
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["visited_on", "pk"]
        verbose_name = _("site visit")
        verbose_name_plural = _("site visits")

    def __str__(self) -> str:
        return f"{self.application} · {self.visited_on}"


class StatusChange(models.Model):
    """The audit trail: who moved an application, from what, to what, and why."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.application}: {self.from_status} → {self.to_status}"


class ObjectionOutcome(models.TextChoices):
    PENDING = "pending", _("Pending")
    UPHELD = "upheld", _("Upheld: not to be awarded")
    DISMISSED = "dismissed", _("Dismissed")


class Objection(models.Model):
    """A written objection to an entry of the proposed list, lodged during the notice."""

    application = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        related_name="objections",
        verbose_name=_("entry objected to"),
    )
    name = models.CharField(_("your name"), max_length=150)
    organisation = models.CharField(_("your organisation"), max_length=200, blank=True)
    email = models.EmailField(_("your e-mail"))
    phone = models.CharField(_("your telephone"), max_length=30, blank=True)
    grounds = models.TextField(_("grounds of the objection"))
    language = models.CharField(max_length=10, default="en")
    lodged_at = models.DateTimeField(_("lodged"), default=timezone.now)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(
        _("outcome"),
        max_length=10,
        choices=ObjectionOutcome.choices,
        default=ObjectionOutcome.PENDING,
    )
    outcome_notes = models.TextField(_("Secretariat's notes"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        ordering = ["lodged_at", "pk"]
        verbose_name = _("objection")
        verbose_name_plural = _("objections")

    def __str__(self) -> str:
        return f"{self.application} · {self.name}"


class Award(models.Model):
    """The recognition given: a unique serial number, validity and the certificate."""

    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="award"
    )
    serial = models.CharField(_("serial number"), max_length=24, unique=True)
    awarded_on = models.DateField(_("awarded on"))
    valid_until = models.DateField(_("label valid until"))
    certificate = models.FileField(
        _("certificate"), upload_to=UploadTo("certificates"), blank=True
    )
    certificate_language = models.CharField(max_length=10, blank=True)
    certificate_generated_at = models.DateTimeField(
        _("certificate produced"), null=True, blank=True
    )
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["serial"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gt=F("awarded_on")),
                name="recognition_award_valid_after_award",
            ),
        ]

    def __str__(self) -> str:
        return self.serial


class SerialCounter(models.Model):
    """The last serial number given per cycle year and category code."""

    year = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=4)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["year", "code"], name="recognition_serial_counter_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}-{self.code}: {self.last_number}"
