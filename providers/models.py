from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class ServiceCategory(models.Model):
    """A kind of service an ETSP offers, e.g. energy audit or VOC treatment."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["ordering", "code"]
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")

    def __str__(self) -> str:
        return self.name


class ServiceProvider(TimeStampedModel):
    """An environmental technology service provider (ETSP) in the Secretariat's directory."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")

    class RegionServed(models.TextChoices):
        HONG_KONG = "HK", _("Hong Kong")
        GUANGDONG = "GD", _("Guangdong")
        BOTH = "HKGD", _("Hong Kong and Guangdong")

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    technologies = models.TextField(
        _("technologies"), blank=True, help_text=_("Main technologies offered.")
    )
    services = models.ManyToManyField(
        ServiceCategory, related_name="providers", verbose_name=_("services")
    )
    region_served = models.CharField(
        _("region served"),
        max_length=4,
        choices=RegionServed.choices,
        default=RegionServed.BOTH,
    )
    contact_person = models.CharField(_("contact person"), max_length=120, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.ACTIVE,
        db_index=True,
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("service provider")
        verbose_name_plural = _("service providers")

    def __str__(self) -> str:
        return self.name
