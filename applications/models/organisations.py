"""Who applies: organisations, their people, and their factories."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.choices import Industry, Location, Region
from core.models import TimeStampedModel

# What the applicant gives about an organisation and a factory (forms, services, admin).
ORGANISATION_FIELDS = (
    "kind",
    "name_en",
    "name_zh",
    "br_number",
    "address",
    "phone",
    "email",
    "website",
)
FACTORY_FIELDS = (
    "name",
    "address",
    "location",
    "connection_test",
    "industry",
    "industry_other",
    "employees",
    "main_processes",
    "baseline_year",
    "baseline_electricity_kwh",
    "baseline_water_m3",
)


class OrganisationKind(models.TextChoices):
    BUSINESS = "business", _("Hong Kong business (registered under Cap. 310)")
    ASSOCIATION = "association", _("Trade or industry association")


class ConnectionTest(models.TextChoices):
    """How a factory is connected to the Hong Kong business (programme.md section 3)."""

    GD_JOINT_VENTURE = (
        "gd_jv",
        _(
            "1(a) A Guangdong factory run by a Sino-foreign equity or co-operative joint "
            "venture to which the business is a party"
        ),
    )
    GD_WFOE = (
        "gd_wfoe",
        _(
            "1(b) A Guangdong factory run by a wholly foreign-owned enterprise funded by "
            "the business"
        ),
    )
    GD_PROCESSING = (
        "gd_processing",
        _(
            "1(c) A Guangdong factory with a processing/assembly or compensatory trade "
            "agreement with the business"
        ),
    )
    GD_HK_RESIDENT = (
        "gd_hk_resident",
        _(
            "1(d) A Guangdong enterprise in which a Hong Kong resident holds more than "
            "50 per cent of the shares, and the same person holds at least 30 per "
            "cent of the business"
        ),
    )
    HK_FACTORY = (
        "hk_factory",
        _("2 The business owns and operates a factory in Hong Kong"),
    )
    HK_WORKSHOP = (
        "hk_workshop",
        _(
            "3 The business owns and operates a workshop in Hong Kong with polluting "
            "processes (for Demonstration Projects only)"
        ),
    )

    @classmethod
    def region_of(cls, value: str) -> Region:
        return Region.GUANGDONG if value.startswith("gd_") else Region.HONG_KONG


class MembershipRole(models.TextChoices):
    ADMINISTRATOR = "admin", _("Administrator")
    MEMBER = "member", _("Member")


class Organisation(TimeStampedModel):
    """A Hong Kong business or a trade/industry association that applies for funding."""

    kind = models.CharField(
        _("kind of organisation"), max_length=12, choices=OrganisationKind.choices
    )
    name_en = models.CharField(_("name in English"), max_length=200)
    name_zh = models.CharField(_("name in Chinese"), max_length=200, blank=True)
    br_number = models.CharField(
        _("Business Registration number"),
        max_length=8,
        blank=True,
        help_text=_(
            "The first 8 digits of the Business Registration Certificate number, "
            "e.g. 12345678 (from 12345678-000-01-25-1)."
        ),
    )
    address = models.CharField(_("address"), max_length=300)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["br_number"],
                condition=~Q(br_number=""),
                name="organisation_br_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(br_number="") | Q(br_number__regex=r"^[0-9]{8}$"),
                name="organisation_br_number_8_digits",
            ),
            models.CheckConstraint(
                condition=Q(kind=OrganisationKind.ASSOCIATION) | ~Q(br_number=""),
                name="organisation_business_has_br_number",
            ),
        ]

    def __str__(self) -> str:
        return self.name_en

    @property
    def display_name(self) -> str:
        """The Chinese name on Chinese pages when there is one."""
        if self.name_zh and translation.get_language().startswith("zh"):
            return self.name_zh
        return self.name_en

    @property
    def is_association(self) -> bool:
        return self.kind == OrganisationKind.ASSOCIATION


class ContactPerson(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=120, blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self) -> str:
        return self.name


class Membership(TimeStampedModel):
    """A user's place in an organisation; a user belongs to one organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    role = models.CharField(
        _("role"),
        max_length=10,
        choices=MembershipRole.choices,
        default=MembershipRole.MEMBER,
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation}"

    @property
    def is_administrator(self) -> bool:
        return self.role == MembershipRole.ADMINISTRATOR


class Invitation(TimeStampedModel):
    """An e-mailed invitation to join an organisation, accepted through a signed link."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    language = models.CharField(max_length=10, default="en")
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                "organisation",
                Lower("email"),
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_one_pending_per_address",
            ),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None


class FuelType(models.TextChoices):
    DIESEL = "diesel", _("Diesel")
    LPG = "lpg", _("Liquefied petroleum gas (LPG)")
    NATURAL_GAS = "natural_gas", _("Natural gas")
    TOWNGAS = "towngas", _("Towngas")
    HEAVY_FUEL_OIL = "heavy_fuel_oil", _("Heavy fuel oil")
    COAL = "coal", _("Coal")
    OTHER = "other", _("Other fuel")


class FuelUnit(models.TextChoices):
    LITRE = "L", _("litres")
    KG = "kg", _("kilograms")
    TONNE = "t", _("tonnes")
    CUBIC_METRE = "m3", _("cubic metres")
    TOWNGAS_UNIT = "unit", _("Towngas units")


class Factory(TimeStampedModel):
    """A factory or workshop of a Hong Kong business, with its baseline resource use."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="factories"
    )
    name = models.CharField(_("factory name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    location = models.CharField(
        _("location"),
        max_length=30,
        choices=Location.choices,
        help_text=_(
            "The Hong Kong district or the Guangdong city where the factory is."
        ),
    )
    connection_test = models.CharField(
        _("connection with the Hong Kong business"),
        max_length=20,
        choices=ConnectionTest.choices,
    )
    industry = models.CharField(_("industry"), max_length=20, choices=Industry.choices)
    industry_other = models.CharField(
        _("industry, if other"),
        max_length=200,
        blank=True,
        help_text=_(
            "Factories outside the eight targeted industries may apply; the "
            "Project Management Committee decides each case."
        ),
    )
    employees = models.PositiveIntegerField(_("number of employees"))
    main_processes = models.TextField(_("main production processes"))
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"),
        null=True,
        blank=True,
        help_text=_("The 12 months the figures below describe, e.g. 2025."),
    )
    baseline_electricity_kwh = models.DecimalField(
        _("annual electricity use (kWh)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    baseline_water_m3 = models.DecimalField(
        _("annual water use (m³)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("factory")
        verbose_name_plural = _("factories")
        constraints = [
            # The connection test names the side of the border the factory is on.
            models.CheckConstraint(
                condition=(
                    Q(connection_test__startswith="gd_", location__startswith="gd-")
                    | Q(connection_test__startswith="hk_", location__startswith="hk-")
                ),
                name="factory_connection_matches_region",
            ),
            models.CheckConstraint(
                condition=~Q(industry=Industry.OTHER) | ~Q(industry_other=""),
                name="factory_other_industry_described",
            ),
            models.CheckConstraint(
                condition=Q(baseline_electricity_kwh__isnull=True)
                | Q(baseline_electricity_kwh__gte=0),
                name="factory_electricity_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(baseline_water_m3__isnull=True)
                | Q(baseline_water_m3__gte=0),
                name="factory_water_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def region(self) -> Region:
        return Location.region_of(self.location)

    @property
    def is_workshop(self) -> bool:
        return self.connection_test == ConnectionTest.HK_WORKSHOP

    @property
    def needs_committee_decision(self) -> bool:
        return self.industry == Industry.OTHER


class FactoryFuel(models.Model):
    """One fuel of a factory's baseline: type, annual quantity and unit."""

    factory = models.ForeignKey(Factory, on_delete=models.CASCADE, related_name="fuels")
    fuel = models.CharField(_("fuel"), max_length=20, choices=FuelType.choices)
    description = models.CharField(
        _("description"), max_length=120, blank=True, help_text=_("For other fuels.")
    )
    annual_quantity = models.DecimalField(
        _("annual quantity"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    unit = models.CharField(_("unit"), max_length=5, choices=FuelUnit.choices)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("fuel use")
        verbose_name_plural = _("fuel use")
        constraints = [
            models.CheckConstraint(
                condition=Q(annual_quantity__gte=0), name="fuel_quantity_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_fuel_display()}: {self.annual_quantity} {self.unit}"
