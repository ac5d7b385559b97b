"""The committee's decision on an application: the record letters are made from."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .applications import Application

money = {"max_digits": 14, "decimal_places": 2}


class DecisionOutcome(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Decision(models.Model):
    """One decision (or amended decision) of the Project Management Committee.

    An amended decision is a new row with the next ``number``; the latest is in force.
    The approved amount is checked against the share of the approved eligible cost
    and the ceiling copied from the scheme, in the database as well as in services.
    """

    application = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("application"),
    )
    number = models.PositiveSmallIntegerField(_("decision number"), default=1)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=DecisionOutcome.choices
    )
    approved_eligible_cost_hkd = models.DecimalField(
        _("approved eligible cost (HK$)"), null=True, blank=True, **money
    )
    funding_share = models.DecimalField(
        _("funding share"), max_digits=5, decimal_places=4, null=True, blank=True
    )
    ceiling_hkd = models.DecimalField(
        _("ceiling (HK$)"), null=True, blank=True, **money
    )
    approved_amount_hkd = models.DecimalField(
        _("approved grant (HK$)"), null=True, blank=True, **money
    )
    conditions = models.TextField(_("conditions"), blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    project_start = models.DateField(_("project starts"), null=True, blank=True)
    project_end = models.DateField(_("project ends"), null=True, blank=True)
    final_report_due_on = models.DateField(_("final report due"), null=True, blank=True)
    claim_due_on = models.DateField(_("payment claim due"), null=True, blank=True)
    meeting_reference = models.CharField(
        _("committee meeting"), max_length=100, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["application", "number"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "number"], name="decision_number_per_application"
            ),
            models.CheckConstraint(
                condition=Q(
                    outcome=DecisionOutcome.APPROVED,
                    approved_amount_hkd__isnull=False,
                    approved_eligible_cost_hkd__isnull=False,
                    funding_share__isnull=False,
                )
                | Q(outcome=DecisionOutcome.REJECTED, approved_amount_hkd__isnull=True),
                name="decision_amount_matches_outcome",
            ),
            models.CheckConstraint(
                condition=Q(approved_amount_hkd__isnull=True)
                | Q(approved_amount_hkd__gte=0),
                name="decision_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(approved_amount_hkd__isnull=True)
                | Q(ceiling_hkd__isnull=True)
                | Q(approved_amount_hkd__lte=F("ceiling_hkd")),
                name="decision_amount_within_ceiling",
            ),
            models.CheckConstraint(
                condition=Q(approved_amount_hkd__isnull=True)
                | Q(
                    approved_amount_hkd__lte=F("approved_eligible_cost_hkd")
                    * F("funding_share")
                ),
                name="decision_amount_within_share_of_cost",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} · {self.get_outcome_display()} #{self.number}"
