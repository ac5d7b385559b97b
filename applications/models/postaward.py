"""After approval: progress and final reports with measured figures, claims, payments."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .applications import Application
from .organisations import FuelType, FuelUnit

money = {"max_digits": 14, "decimal_places": 2}
quantity = {"max_digits": 16, "decimal_places": 3, "null": True, "blank": True}


class ReportKind(models.TextChoices):
    PROGRESS = "progress", _("Progress report")
    FINAL = "final", _("Final report")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    VERIFIED = "verified", _("Verified")


class ProjectReport(models.Model):
    """A progress or final report with annual figures measured before and after.

    The ``*_saved`` / ``*_reduced`` / ``co2_avoided_tonnes`` columns are computed by the
    service that verifies the report (from the measured figures and the documented
    emission factors) and stored, so that EPD's totals are database aggregates.
    """

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="reports"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
        db_index=True,
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    period_start = models.DateField(_("measured from"), null=True, blank=True)
    period_end = models.DateField(_("measured to"), null=True, blank=True)
    narrative = models.TextField(_("what was done"), blank=True)
    electricity_before_kwh = models.DecimalField(
        _("electricity before (kWh a year)"), **quantity
    )
    electricity_after_kwh = models.DecimalField(
        _("electricity after (kWh a year)"), **quantity
    )
    water_before_m3 = models.DecimalField(_("water before (m³ a year)"), **quantity)
    water_after_m3 = models.DecimalField(_("water after (m³ a year)"), **quantity)
    effluent_before_m3 = models.DecimalField(
        _("effluent before (m³ a year)"), **quantity
    )
    effluent_after_m3 = models.DecimalField(_("effluent after (m³ a year)"), **quantity)
    nox_before_kg = models.DecimalField(_("NOx before (kg a year)"), **quantity)
    nox_after_kg = models.DecimalField(_("NOx after (kg a year)"), **quantity)
    so2_before_kg = models.DecimalField(_("SO₂ before (kg a year)"), **quantity)
    so2_after_kg = models.DecimalField(_("SO₂ after (kg a year)"), **quantity)
    pm_before_kg = models.DecimalField(_("particulates before (kg a year)"), **quantity)
    pm_after_kg = models.DecimalField(_("particulates after (kg a year)"), **quantity)
    voc_before_kg = models.DecimalField(_("VOC before (kg a year)"), **quantity)
    voc_after_kg = models.DecimalField(_("VOC after (kg a year)"), **quantity)
    # Computed on verification (see the class docstring).
    electricity_saved_kwh = models.DecimalField(
        _("electricity saved (kWh a year)"), **quantity
    )
    water_saved_m3 = models.DecimalField(_("water saved (m³ a year)"), **quantity)
    effluent_reduced_m3 = models.DecimalField(
        _("effluent reduced (m³ a year)"), **quantity
    )
    nox_reduced_kg = models.DecimalField(_("NOx reduced (kg a year)"), **quantity)
    so2_reduced_kg = models.DecimalField(_("SO₂ reduced (kg a year)"), **quantity)
    pm_reduced_kg = models.DecimalField(
        _("particulates reduced (kg a year)"), **quantity
    )
    voc_reduced_kg = models.DecimalField(_("VOC reduced (kg a year)"), **quantity)
    co2_avoided_tonnes = models.DecimalField(
        _("CO₂ avoided (tonnes a year)"), **quantity
    )
    factors_used = models.JSONField(
        _("emission factors used"), default=dict, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    secretariat_comment = models.TextField(_("Secretariat's comment"), blank=True)

    class Meta:
        ordering = ["application", "kind", "number"]
        verbose_name = _("project report")
        verbose_name_plural = _("project reports")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind", "number"], name="report_number_per_kind"
            ),
            models.CheckConstraint(
                condition=~Q(status=ReportStatus.VERIFIED)
                | Q(verified_at__isnull=False),
                name="report_verified_has_date",
            ),
        ]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return f"{self.application} · {self.get_kind_display()} {self.number}"


class ReportFuel(models.Model):
    """One fuel's annual use before and after, on a report."""

    report = models.ForeignKey(
        ProjectReport, on_delete=models.CASCADE, related_name="fuels"
    )
    fuel = models.CharField(_("fuel"), max_length=20, choices=FuelType.choices)
    unit = models.CharField(_("unit"), max_length=5, choices=FuelUnit.choices)
    before = models.DecimalField(_("before (a year)"), max_digits=16, decimal_places=3)
    after = models.DecimalField(_("after (a year)"), max_digits=16, decimal_places=3)
    saved = models.DecimalField(_("saved (a year)"), **quantity)
    co2_avoided_tonnes = models.DecimalField(
        _("CO₂ avoided (tonnes a year)"), **quantity
    )

    class Meta:
        verbose_name = _("fuel figure")
        verbose_name_plural = _("fuel figures")
        constraints = [
            models.UniqueConstraint(fields=["report", "fuel"], name="report_fuel_once"),
            models.CheckConstraint(
                condition=Q(before__gte=0) & Q(after__gte=0),
                name="report_fuel_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.get_fuel_display()


class ClaimStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    ACCEPTED = "accepted", _("Accepted")
    PAID = "paid", _("Paid")


class PaymentClaim(models.Model):
    """The applicant's claim for (part of) the approved grant, with receipts attached."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="claims"
    )
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ClaimStatus.choices,
        default=ClaimStatus.DRAFT,
        db_index=True,
    )
    is_final = models.BooleanField(_("final claim"), default=False)
    expenditure_hkd = models.DecimalField(_("expenditure claimed (HK$)"), **money)
    amount_hkd = models.DecimalField(_("grant claimed (HK$)"), **money)
    due_on = models.DateField(_("due"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    secretariat_comment = models.TextField(_("Secretariat's comment"), blank=True)

    class Meta:
        ordering = ["application", "number"]
        verbose_name = _("payment claim")
        verbose_name_plural = _("payment claims")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "number"], name="claim_number_per_application"
            ),
            models.CheckConstraint(
                condition=Q(amount_hkd__gte=0) & Q(expenditure_hkd__gte=0),
                name="claim_amounts_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} · {_('claim')} {self.number}"


class Disbursement(models.Model):
    """Money the Secretariat paid out.

    ``approved_amount_hkd`` copies the grant in force and ``paid_to_date_hkd`` the
    running total including this payment, so the database itself refuses a payment
    that would take the total above the approved grant; the service computes both
    under ``select_for_update`` on the application.
    """

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="disbursements"
    )
    claim = models.ForeignKey(
        PaymentClaim,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disbursements",
    )
    amount_hkd = models.DecimalField(_("amount paid (HK$)"), **money)
    approved_amount_hkd = models.DecimalField(_("approved grant (HK$)"), **money)
    paid_to_date_hkd = models.DecimalField(_("paid to date (HK$)"), **money)
    paid_on = models.DateField(_("paid on"))
    payment_reference = models.CharField(_("payment reference"), max_length=100)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["application", "paid_on", "pk"]
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_hkd__gt=0), name="disbursement_positive"
            ),
            models.CheckConstraint(
                condition=Q(paid_to_date_hkd__lte=models.F("approved_amount_hkd")),
                name="disbursement_total_within_approved",
            ),
            models.UniqueConstraint(
                fields=["application", "paid_to_date_hkd"],
                name="disbursement_running_total_unique",
            ),
        ]
        indexes = [models.Index(fields=["paid_on"])]

    def __str__(self) -> str:
        return f"{self.application} · {self.amount_hkd}"
