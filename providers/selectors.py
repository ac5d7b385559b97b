"""Reads of the ETSP directory."""

from django.db.models import Q, QuerySet
from modeltranslation.utils import build_localized_fieldname

from .models import ServiceCategory, ServiceProvider


def provider_list_public(
    *, service: str | None = None, technology: str = "", region: str = ""
) -> QuerySet[ServiceProvider]:
    """Active providers, filtered by service, technology words and region served."""
    providers = ServiceProvider.objects.filter(
        status=ServiceProvider.Status.ACTIVE
    ).prefetch_related("services")
    if service:
        providers = providers.filter(services__code=service)
    if technology:
        match = Q()
        for language in ("en", "zh-hant", "zh-hans"):
            for field in ("technologies", "name", "description"):
                match |= Q(
                    **{
                        f"{build_localized_fieldname(field, language)}__icontains": technology
                    }
                )
        providers = providers.filter(match)
    if region in (
        ServiceProvider.RegionServed.HONG_KONG,
        ServiceProvider.RegionServed.GUANGDONG,
    ):
        providers = providers.filter(
            region_served__in=[region, ServiceProvider.RegionServed.BOTH]
        )
    return providers


def service_category_list() -> QuerySet[ServiceCategory]:
    return ServiceCategory.objects.all()
