from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class SchemeKind(models.TextChoices):
    """The programme's three funding initiatives; the value is the reference prefix."""

    ASSESSMENT = "OA", _("On-site Improvement Assessment")
    DEMONSTRATION = "DP", _("Demonstration Project")
    ASSOCIATION = "OS", _("Organization Support Initiative")


class Phase(TimeStampedModel):
    """A phase of the programme: an application window, a budget and its schemes."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    opens_on = models.DateField(_("applications open on"))
    closes_on = models.DateField(_("applications close on"))
    budget_hkd = models.DecimalField(
        _("budget (HK$)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )

    class Meta:
        ordering = ["-opens_on"]
        verbose_name = _("programme phase")
        verbose_name_plural = _("programme phases")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="phase_window_ordered",
            ),
            models.CheckConstraint(
                condition=Q(budget_hkd__gte=0), name="phase_budget_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_open(self, on=None) -> bool:
        today = on or timezone.localdate()
        return self.opens_on <= today <= self.closes_on


class FundingScheme(models.Model):
    """One funding initiative as a phase defines it: share, ceiling, duration, who may apply."""

    phase = models.ForeignKey(
        Phase, on_delete=models.PROTECT, related_name="schemes", verbose_name=_("phase")
    )
    kind = models.CharField(_("kind"), max_length=2, choices=SchemeKind.choices)
    code = models.CharField(
        _("code"),
        max_length=20,
        help_text=_("Short name within the phase, e.g. DP or DP(ii)."),
    )
    label = models.CharField(_("label"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    funding_share = models.DecimalField(
        _("funding share"),
        max_digits=5,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
        help_text=_("Share of the eligible cost funded, e.g. 0.5 for 50 %."),
    )
    ceiling_hkd = models.DecimalField(
        _("ceiling (HK$)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Leave empty where no ceiling is published."),
    )
    max_duration_months = models.PositiveSmallIntegerField(
        _("maximum duration (months)"), validators=[MinValueValidator(1)]
    )
    admits_business = models.BooleanField(
        _("Hong Kong businesses with a factory may apply"), default=False
    )
    admits_workshop = models.BooleanField(
        _("Hong Kong polluting workshops may apply"), default=False
    )
    admits_association = models.BooleanField(
        _("trade and industry associations may apply"), default=False
    )
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["phase", "ordering", "code"]
        verbose_name = _("funding scheme")
        verbose_name_plural = _("funding schemes")
        constraints = [
            models.UniqueConstraint(
                fields=["phase", "code"], name="scheme_code_per_phase"
            ),
            models.CheckConstraint(
                condition=Q(funding_share__gte=0) & Q(funding_share__lte=1),
                name="scheme_share_between_0_and_1",
            ),
            models.CheckConstraint(
                condition=Q(ceiling_hkd__isnull=True) | Q(ceiling_hkd__gte=0),
                name="scheme_ceiling_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.phase} · {self.label}"

    @property
    def share_percent(self) -> Decimal:
        return (self.funding_share * 100).normalize()
