"""The Secretariat's records around the workflow: assessments and the audit trail."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .applications import Application

money = {"max_digits": 14, "decimal_places": 2}
SCORE_MIN, SCORE_MAX = 1, 5


def _score(label):
    return models.PositiveSmallIntegerField(
        label,
        validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)],
        help_text=_("1 (poor) to 5 (excellent)"),
    )


class Recommendation(models.TextChoices):
    APPROVE = "approve", _("Approve")
    APPROVE_WITH_CONDITIONS = "conditions", _("Approve with conditions")
    REJECT = "reject", _("Reject")


class TechnicalAssessment(models.Model):
    """The technical assessor's scored criteria and recommendation (internal only).

    Each application may be assessed more than once (after a return from vetting);
    the latest is the one the committee reads.
    """

    CRITERIA = ("baseline_score", "technology_score", "cost_score", "benefit_score")

    application = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("application"),
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    baseline_score = _score(_("baseline is reasonable"))
    technology_score = _score(_("technology is suitable"))
    cost_score = _score(_("cost is reasonable against market prices"))
    benefit_score = _score(_("expected environmental benefits"))
    recommendation = models.CharField(
        _("recommendation"), max_length=12, choices=Recommendation.choices
    )
    recommended_eligible_cost_hkd = models.DecimalField(
        _("recommended eligible cost (HK$)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        **money,
    )
    comments = models.TextField(_("assessor's comments"))
    created_at = models.DateTimeField(_("assessed"), default=timezone.now)

    class Meta:
        ordering = ["application", "created_at", "pk"]
        verbose_name = _("technical assessment")
        verbose_name_plural = _("technical assessments")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    baseline_score__gte=SCORE_MIN,
                    baseline_score__lte=SCORE_MAX,
                    technology_score__gte=SCORE_MIN,
                    technology_score__lte=SCORE_MAX,
                    cost_score__gte=SCORE_MIN,
                    cost_score__lte=SCORE_MAX,
                    benefit_score__gte=SCORE_MIN,
                    benefit_score__lte=SCORE_MAX,
                ),
                name="assessment_scores_in_range",
            ),
            models.CheckConstraint(
                condition=Q(recommended_eligible_cost_hkd__isnull=True)
                | Q(recommended_eligible_cost_hkd__gte=0),
                name="assessment_cost_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} · {self.get_recommendation_display()}"

    @property
    def total_score(self) -> int:
        return sum(getattr(self, name) for name in self.CRITERIA)


class AuditAction(models.TextChoices):
    ASSIGNED = "assigned", _("Staff assigned")
    ASSESSED = "assessed", _("Technical assessment recorded")
    DECIDED = "decided", _("Decision recorded")
    REPORT_RECORDED = "report_recorded", _("Report recorded")
    REPORT_VERIFIED = "report_verified", _("Report verified")
    REPORT_RETURNED = "report_returned", _("Report returned")
    CLAIM_RECORDED = "claim_recorded", _("Payment claim recorded")
    CLAIM_ACCEPTED = "claim_accepted", _("Payment claim accepted")
    CLAIM_RETURNED = "claim_returned", _("Payment claim returned")
    DISBURSED = "disbursed", _("Payment made")


class AuditEntry(models.Model):
    """Who did what to an application, when and why, besides status changes
    (which are in ``StatusChange``). Written by the services only, never edited."""

    application = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        related_name="audit_entries",
        verbose_name=_("application"),
    )
    action = models.CharField(_("action"), max_length=20, choices=AuditAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("note"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")

    def __str__(self) -> str:
        return f"{self.application} · {self.get_action_display()}"
