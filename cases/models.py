import secrets

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.choices import Industry, Location
from core.models import TimeStampedModel

from .validators import validate_photo


class TechnologyCategory(models.TextChoices):
    CHILLERS = "chillers", _("Chillers and air-conditioning")
    RENEWABLES = "renewables", _("Renewable energy")
    REFRIGERANTS = "refrigerants", _("Refrigerants")
    LIGHTING = "lighting", _("Lighting")
    POWER = "power", _("Power quality and energy management")
    WATER = "water", _("Water treatment and saving")
    VOC = "voc", _("VOC and air pollutant treatment")
    PROCESS_HEAT = "process_heat", _("Process heating, cooking and drying")
    BOILERS = "boilers", _("Boilers and steam")
    COMPRESSED_AIR = "compressed_air", _("Compressed air")
    MOTORS = "motors", _("Motors, pumps and fans")
    WASTEWATER = "wastewater", _("Wastewater and effluent")
    WASTE = "waste", _("Waste and materials")
    OTHER = "other", _("Other")


class SuccessCase(TimeStampedModel):
    """A published cleaner production project, with its figures."""

    class Scheme(models.TextChoices):
        ASSESSMENT = "OA", _("On-site Improvement Assessment")
        DEMONSTRATION = "DP", _("Demonstration Project")
        ASSOCIATION = "OS", _("Organization Support Initiative")

    slug = models.SlugField(_("address name"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True)
    problem = models.TextField(_("problem and baseline"), blank=True)
    technology = models.TextField(_("technology and solution"), blank=True)
    other_benefits = models.TextField(_("other benefits"), blank=True)
    process = models.CharField(
        _("process or utility"),
        max_length=200,
        blank=True,
        help_text=_("Where in the factory the measure applies, e.g. chilled water."),
    )
    project_year = models.PositiveSmallIntegerField(
        _("year completed"), null=True, blank=True
    )
    industry = models.CharField(
        _("industry"), max_length=20, choices=Industry.choices, db_index=True
    )
    technology_category = models.CharField(
        _("technology category"),
        max_length=20,
        choices=TechnologyCategory.choices,
        db_index=True,
    )
    location = models.CharField(
        _("location"), max_length=30, choices=Location.choices, blank=True
    )
    scheme = models.CharField(
        _("funding scheme"),
        max_length=2,
        choices=Scheme.choices,
        default=Scheme.DEMONSTRATION,
    )
    benefit_energy = models.BooleanField(_("saves energy"), default=False)
    benefit_air = models.BooleanField(_("reduces air pollution"), default=False)
    benefit_water = models.BooleanField(_("saves water or effluent"), default=False)
    benefit_waste = models.BooleanField(_("reduces waste"), default=False)
    investment_hkd = models.DecimalField(
        _("investment (HK$)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    annual_electricity_saving_kwh = models.DecimalField(
        _("annual electricity saving (kWh)"),
        max_digits=14,
        decimal_places=1,
        null=True,
        blank=True,
    )
    annual_fuel_saving = models.CharField(
        _("annual fuel saving"),
        max_length=120,
        blank=True,
        help_text=_("Quantity and unit, e.g. 12,000 L diesel."),
    )
    annual_water_saving_m3 = models.DecimalField(
        _("annual water saving (m³)"),
        max_digits=14,
        decimal_places=1,
        null=True,
        blank=True,
    )
    annual_cost_saving_hkd = models.DecimalField(
        _("annual cost saving (HK$)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    payback_years = models.DecimalField(
        _("payback (years)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    co2_reduction_tonnes = models.DecimalField(
        _("CO₂ reduction (tonnes a year)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    nox_reduction_kg = models.DecimalField(
        _("NOx reduction (kg a year)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    so2_reduction_kg = models.DecimalField(
        _("SO₂ reduction (kg a year)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    voc_reduction_kg = models.DecimalField(
        _("VOC reduction (kg a year)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    particulates_reduction_kg = models.DecimalField(
        _("particulate reduction (kg a year)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    figures_are_illustrative = models.BooleanField(
        _("figures are illustrative"),
        default=True,
        help_text=_("Untick once the project's real, verified figures are entered."),
    )
    figures_source = models.TextField(_("source of the figures"), blank=True)
    grid_factor_kg_per_kwh = models.DecimalField(
        _("grid emission factor (kg CO₂/kWh)"),
        max_digits=6,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("The electricity factor used for the CO₂ figure."),
    )
    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    is_featured = models.BooleanField(_("featured on the home page"), default=False)
    published_on = models.DateField(_("published on"), null=True, blank=True)

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("success case")
        verbose_name_plural = _("success cases")
        indexes = [models.Index(fields=["is_published", "-published_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cases:detail", kwargs={"slug": self.slug})

    @property
    def benefits(self) -> list[str]:
        labels = {
            "energy": _("Energy"),
            "air": _("Air"),
            "water": _("Water"),
            "waste": _("Waste"),
        }
        return [
            label for key, label in labels.items() if getattr(self, f"benefit_{key}")
        ]


def photo_upload_to(instance, filename: str) -> str:
    # Server-chosen names only: the uploader's file name never reaches the disk.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"cases/photos/{secrets.token_hex(12)}.{extension}"


class CasePhoto(models.Model):
    case = models.ForeignKey(
        SuccessCase,
        on_delete=models.CASCADE,
        related_name="photos",
        verbose_name=_("success case"),
    )
    image = models.ImageField(
        _("photo"),
        upload_to=photo_upload_to,
        width_field="width",
        height_field="height",
        validators=[validate_photo],
        help_text=_("JPEG, PNG or WebP."),
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    alt_text = models.CharField(
        _("text alternative"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    is_illustration = models.BooleanField(
        _("illustration, not a photo of the project"), default=False
    )
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["case", "ordering", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.alt_text

    def get_absolute_url(self) -> str:
        return reverse(
            "cases:photo", kwargs={"slug": self.case.slug, "photo_id": self.pk}
        )
