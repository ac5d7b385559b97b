"""The CP Toolbox's content: industries → processes → measures, and the reference
figures (emission factors, tariffs, exchange rate) the calculator uses. All of it is
edited by the Secretariat in the admin."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.choices import Industry, Region
from core.models import TimeStampedModel

from . import calculations as calc

UTILITIES = "utilities"
INDUSTRY_CHOICES = [
    *((i.value, i.label) for i in Industry.targeted()),
    (UTILITIES, _("Cross-industry utilities")),
]
NON_NEGATIVE = [MinValueValidator(Decimal("0"))]
FRACTION = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))]


class Resource(models.TextChoices):
    ELECTRICITY = calc.ELECTRICITY, _("Electricity")
    FUEL = calc.FUEL, _("Fuel")
    WATER = calc.WATER, _("Water")
    MATERIALS = calc.MATERIALS, _("Materials")
    VOC = calc.VOC, _("VOC emissions")


class Status(models.TextChoices):
    """How sure a reference figure is, as the programme's research tags it."""

    CONFIRMED = "C", _("Confirmed by a published source")
    INDICATIVE = "I", _("Indicative: a standard or typical value, verify")
    UNKNOWN = "U", _("Not known: the Secretariat to enter")


class Utility(models.TextChoices):
    UNKNOWN = "", _("Not known")
    CLP = "clp", _("CLP Power")
    HK_ELECTRIC = "hke", _("HK Electric")


def _optional_figure(verbose_name, *, max_digits: int, decimal_places: int, **kwargs):
    """A non-negative figure that may be unknown (empty)."""
    return models.DecimalField(
        verbose_name,
        max_digits=max_digits,
        decimal_places=decimal_places,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        **kwargs,
    )


def _ordered(low: str, high: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{low}__lte": F(high)}), name=name)


class ToolboxIndustry(models.Model):
    """One of the eight targeted industries, or the cross-industry utilities.

    The typical profile (indicative) gives the ballpark figures of step 3 when the
    factory has not entered its own use.
    """

    code = models.CharField(
        _("industry"), max_length=20, unique=True, choices=INDUSTRY_CHOICES
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)
    typical_electricity_kwh = _optional_figure(
        _("typical electricity use (kWh a year)"),
        max_digits=14,
        decimal_places=0,
    )
    typical_fuel = models.ForeignKey(
        "EmissionFactor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "fuel"},
        verbose_name=_("typical main fuel"),
    )
    typical_fuel_quantity = _optional_figure(
        _("typical fuel use (units a year)"),
        max_digits=14,
        decimal_places=0,
    )
    typical_water_m3 = _optional_figure(
        _("typical water use (m³ a year)"),
        max_digits=14,
        decimal_places=0,
    )
    typical_materials_hkd = _optional_figure(
        _("typical spend on process materials (HK$ a year)"),
        max_digits=14,
        decimal_places=0,
    )
    typical_voc_kg = _optional_figure(
        _("typical VOC emissions (kg a year)"),
        max_digits=14,
        decimal_places=0,
    )
    profile_source = models.TextField(
        _("source of the typical profile"),
        blank=True,
        help_text=_("Where the typical figures come from, and how sure they are."),
    )

    class Meta:
        ordering = ["ordering", "code"]
        verbose_name = _("toolbox industry")
        verbose_name_plural = _("toolbox industries")

    def __str__(self) -> str:
        return self.name

    @property
    def is_utilities(self) -> bool:
        return self.code == UTILITIES


class Process(models.Model):
    """A production process of an industry, e.g. dyeing; utilities' are shared by all."""

    industry = models.ForeignKey(
        ToolboxIndustry,
        on_delete=models.PROTECT,
        related_name="processes",
        verbose_name=_("industry"),
    )
    slug = models.SlugField(_("address name"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["industry__ordering", "ordering", "slug"]
        verbose_name = _("production process")
        verbose_name_plural = _("production processes")

    def __str__(self) -> str:
        return self.name


class EndUse(models.Model):
    """What a measure acts on, e.g. chillers' electricity or boiler fuel.

    Measures on the same end use overlap and are combined one after another; the
    default share is the part of the site's use it usually accounts for.
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=160)
    resource = models.CharField(_("resource"), max_length=12, choices=Resource.choices)
    whole_site = models.BooleanField(
        _("whole site"),
        default=False,
        help_text=_("Acts on the site's whole use, after the other measures."),
    )
    default_share_low = models.DecimalField(
        _("default share, low"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("1"),
        validators=FRACTION,
    )
    default_share_high = models.DecimalField(
        _("default share, high"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("1"),
        validators=FRACTION,
    )
    share_source = models.TextField(_("source of the default share"), blank=True)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["ordering", "code"]
        verbose_name = _("end use")
        verbose_name_plural = _("end uses")
        constraints = [
            _ordered("default_share_low", "default_share_high", "enduse_share_ordered"),
            models.CheckConstraint(
                condition=Q(default_share_low__gte=0, default_share_high__lte=1),
                name="enduse_share_fraction",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def default_share(self) -> calc.Range:
        return calc.Range(self.default_share_low, self.default_share_high)


class Measure(TimeStampedModel):
    """A cleaner production measure with its indicative costs, savings and sources."""

    class InvestmentBasis(models.TextChoices):
        FIXED = "fixed", _("Per project")
        PER_UNIT = "per_unit", _("Per unit of capacity")

    slug = models.SlugField(_("address name"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    summary = models.TextField(_("what it is"))
    applicability = models.TextField(_("where it applies"), blank=True)
    co_benefits = models.TextField(_("co-benefits"), blank=True)
    sources = models.TextField(
        _("sources"),
        help_text=_("Where the figures come from; say which are indicative."),
    )
    processes = models.ManyToManyField(
        Process, related_name="measures", verbose_name=_("production processes")
    )
    investment_basis = models.CharField(
        _("investment basis"),
        max_length=10,
        choices=InvestmentBasis.choices,
        default=InvestmentBasis.FIXED,
    )
    investment_low_hkd = models.DecimalField(
        _("investment, low (HK$)"),
        max_digits=12,
        decimal_places=2,
        validators=NON_NEGATIVE,
    )
    investment_high_hkd = models.DecimalField(
        _("investment, high (HK$)"),
        max_digits=12,
        decimal_places=2,
        validators=NON_NEGATIVE,
    )
    capacity_unit = models.CharField(
        _("unit of capacity"),
        max_length=40,
        blank=True,
        help_text=_("For investment or savings per unit, e.g. kWp, kW, tube."),
    )
    typical_capacity = _optional_figure(
        _("typical capacity"),
        max_digits=10,
        decimal_places=1,
    )
    payback_low_years = _optional_figure(
        _("published payback, low (years)"),
        max_digits=4,
        decimal_places=1,
    )
    payback_high_years = _optional_figure(
        _("published payback, high (years)"),
        max_digits=4,
        decimal_places=1,
    )
    reduces_co2 = models.BooleanField(_("reduces CO₂"), default=False)
    reduces_nox = models.BooleanField(_("reduces NOx"), default=False)
    reduces_so2 = models.BooleanField(_("reduces SO₂"), default=False)
    reduces_particulates = models.BooleanField(_("reduces particulates"), default=False)
    reduces_voc = models.BooleanField(_("reduces VOC"), default=False)
    reduces_effluent = models.BooleanField(
        _("reduces effluent or water pollution"), default=False
    )
    reduces_refrigerant_impact = models.BooleanField(
        _("reduces refrigerant global-warming or ozone impact"), default=False
    )
    success_cases = models.ManyToManyField(
        "cases.SuccessCase",
        related_name="toolbox_measures",
        blank=True,
        verbose_name=_("related success cases"),
    )
    figures_are_indicative = models.BooleanField(
        _("figures are indicative"),
        default=True,
        help_text=_("Untick once the ranges rest on the programme's verified cases."),
    )
    is_published = models.BooleanField(_("published"), default=True, db_index=True)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["ordering", "slug"]
        verbose_name = _("CP measure")
        verbose_name_plural = _("CP measures")
        constraints = [
            _ordered(
                "investment_low_hkd",
                "investment_high_hkd",
                "measure_investment_ordered",
            ),
            _ordered(
                "payback_low_years", "payback_high_years", "measure_payback_ordered"
            ),
            models.CheckConstraint(
                condition=Q(investment_low_hkd__gte=0),
                name="measure_investment_positive",
            ),
            models.CheckConstraint(
                condition=Q(investment_basis="fixed")
                | Q(typical_capacity__isnull=False),
                name="measure_per_unit_has_capacity",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("toolbox:measure", kwargs={"slug": self.slug})

    @property
    def is_per_unit(self) -> bool:
        return self.investment_basis == self.InvestmentBasis.PER_UNIT

    @property
    def investment_range(self) -> calc.Range:
        return calc.Range(self.investment_low_hkd, self.investment_high_hkd)

    def pollutant_flags(self) -> list[str]:
        """The codes of what it reduces, in a fixed order (labels live in templates)."""
        names = ["co2", "nox", "so2", "particulates", "voc", "effluent"]
        flags = [n for n in names if getattr(self, f"reduces_{n}")]
        if self.reduces_refrigerant_impact:
            flags.append("refrigerant")
        return flags


class MeasureEffect(models.Model):
    """What a measure saves (or adds) on one end use, as a low–high figure."""

    class Basis(models.TextChoices):
        SHARE = calc.SHARE, _("Share of what is left of the end use (0–1)")
        PER_UNIT = calc.PER_UNIT, _("Quantity a year per unit of capacity (fuel in MJ)")
        REPLACES_FUEL = (
            calc.REPLACES_FUEL,
            _("kWh of electricity per kWh of fuel energy the measure removes"),
        )

    class Direction(models.TextChoices):
        SAVES = calc.SAVES, _("Saves")
        ADDS = calc.ADDS, _("Adds")

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="effects"
    )
    end_use = models.ForeignKey(
        EndUse,
        on_delete=models.PROTECT,
        related_name="effects",
        verbose_name=_("end use"),
    )
    basis = models.CharField(
        _("basis"), max_length=16, choices=Basis.choices, default=Basis.SHARE
    )
    direction = models.CharField(
        _("direction"), max_length=6, choices=Direction.choices, default=Direction.SAVES
    )
    value_low = models.DecimalField(
        _("low"), max_digits=14, decimal_places=4, validators=NON_NEGATIVE
    )
    value_high = models.DecimalField(
        _("high"), max_digits=14, decimal_places=4, validators=NON_NEGATIVE
    )
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["ordering", "pk"]
        verbose_name = _("effect")
        verbose_name_plural = _("effects")
        constraints = [
            _ordered("value_low", "value_high", "effect_value_ordered"),
            models.CheckConstraint(
                condition=Q(value_low__gte=0), name="effect_value_positive"
            ),
            models.CheckConstraint(
                condition=~Q(basis="share") | Q(value_high__lte=1),
                name="effect_share_fraction",
            ),
            models.UniqueConstraint(
                fields=["measure", "end_use", "basis"], name="effect_unique_per_end_use"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} · {self.end_use}"

    @property
    def value(self) -> calc.Range:
        return calc.Range(self.value_low, self.value_high)

    def as_effect(self) -> calc.Effect:
        return calc.Effect(
            end_use=self.end_use.code,
            resource=self.end_use.resource,
            value=self.value,
            basis=self.basis,
            direction=self.direction,
            whole_site=self.end_use.whole_site,
        )


class EmissionFactor(TimeStampedModel):
    """CO2 and air pollutants per unit of electricity (a grid) or of a fuel."""

    class Kind(models.TextChoices):
        GRID = "grid", _("Electricity grid")
        FUEL = "fuel", _("Fuel")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    region = models.CharField(
        _("region"),
        max_length=2,
        choices=Region.choices,
        blank=True,
        help_text=_("Empty for a factor that applies anywhere."),
    )
    utility = models.CharField(
        _("electricity utility"), max_length=4, choices=Utility.choices, blank=True
    )
    is_region_default = models.BooleanField(
        _("default for the region"),
        default=False,
        help_text=_("The grid factor used when the utility is not known."),
    )
    unit = models.CharField(
        _("unit"), max_length=40, help_text=_("The unit the factors are per, e.g. kWh.")
    )
    energy_mj_per_unit = _optional_figure(
        _("energy content (MJ per unit)"),
        max_digits=10,
        decimal_places=4,
    )
    co2_kg_per_unit = _optional_figure(
        _("CO₂ (kg per unit)"),
        max_digits=12,
        decimal_places=6,
        help_text=_("Leave empty where not known: the calculator then says so."),
    )
    nox_kg_per_unit = _optional_figure(
        _("NOx (kg per unit)"),
        max_digits=14,
        decimal_places=9,
    )
    so2_kg_per_unit = _optional_figure(
        _("SO₂ (kg per unit)"),
        max_digits=14,
        decimal_places=9,
    )
    pm_kg_per_unit = _optional_figure(
        _("particulates (kg per unit)"),
        max_digits=14,
        decimal_places=9,
    )
    scope = models.TextField(
        _("scope"), blank=True, help_text=_("What the factor covers and its basis.")
    )
    source = models.TextField(_("source"))
    year = models.CharField(_("year"), max_length=30, blank=True)
    status = models.CharField(
        _("status"), max_length=1, choices=Status.choices, default=Status.INDICATIVE
    )
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["kind", "ordering", "code"]
        verbose_name = _("emission factor")
        verbose_name_plural = _("emission factors")
        constraints = [
            models.UniqueConstraint(
                fields=["region"],
                condition=Q(kind="grid", is_region_default=True),
                name="one_default_grid_per_region",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def as_factor(self) -> calc.Factor:
        return calc.Factor(
            code=self.code,
            unit=self.unit,
            energy_mj=self.energy_mj_per_unit,
            co2_kg=self.co2_kg_per_unit,
            nox_kg=self.nox_kg_per_unit,
            so2_kg=self.so2_kg_per_unit,
            pm_kg=self.pm_kg_per_unit,
        )


class Tariff(TimeStampedModel):
    """A default price of electricity, water or a fuel in a region, as a low–high range."""

    class Currency(models.TextChoices):
        HKD = "HKD", _("HK$")
        RMB = "RMB", _("RMB")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=160)
    resource = models.CharField(
        _("resource"),
        max_length=12,
        choices=[
            (c, label)
            for c, label in Resource.choices
            if c in (calc.ELECTRICITY, calc.FUEL, calc.WATER)
        ],
    )
    fuel = models.ForeignKey(
        EmissionFactor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tariffs",
        limit_choices_to={"kind": "fuel"},
        verbose_name=_("fuel"),
    )
    region = models.CharField(_("region"), max_length=2, choices=Region.choices)
    utility = models.CharField(
        _("electricity utility"), max_length=4, choices=Utility.choices, blank=True
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.HKD
    )
    price_low = _optional_figure(
        _("price, low (per unit)"),
        max_digits=10,
        decimal_places=4,
        help_text=_("Leave empty where not known: users then enter their own."),
    )
    price_high = _optional_figure(
        _("price, high (per unit)"),
        max_digits=10,
        decimal_places=4,
    )
    source = models.TextField(_("source"))
    year = models.CharField(_("year"), max_length=30, blank=True)
    status = models.CharField(
        _("status"), max_length=1, choices=Status.choices, default=Status.INDICATIVE
    )
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["region", "resource", "ordering", "code"]
        verbose_name = _("default tariff")
        verbose_name_plural = _("default tariffs")
        constraints = [
            _ordered("price_low", "price_high", "tariff_price_ordered"),
            models.CheckConstraint(
                condition=Q(price_low__isnull=True, price_high__isnull=True)
                | Q(price_low__isnull=False, price_high__isnull=False),
                name="tariff_price_both_or_neither",
            ),
            models.CheckConstraint(
                condition=Q(resource="fuel", fuel__isnull=False)
                | (~Q(resource="fuel") & Q(fuel__isnull=True)),
                name="tariff_fuel_only_for_fuel",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def price(self) -> calc.Range | None:
        if self.price_low is None:
            return None
        return calc.Range(self.price_low, self.price_high)


class CurrencyRate(TimeStampedModel):
    """How many units of a currency buy HK$1, e.g. 0.92 RMB."""

    currency = models.CharField(
        _("currency"), max_length=3, unique=True, choices=Tariff.Currency.choices
    )
    per_hkd = models.DecimalField(
        _("units per HK$1"),
        max_digits=10,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0.0001"))],
    )
    source = models.TextField(_("source"))
    year = models.CharField(_("year"), max_length=30, blank=True)
    status = models.CharField(
        _("status"), max_length=1, choices=Status.choices, default=Status.INDICATIVE
    )

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.CheckConstraint(
                condition=Q(per_hkd__gt=0), name="currency_rate_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.per_hkd} {self.currency} / HK$1"
