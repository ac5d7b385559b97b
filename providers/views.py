from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode

from .models import ServiceProvider
from .selectors import provider_list_public, service_category_list


def provider_list(request):
    categories = list(service_category_list())
    service = request.GET.get("service") or None
    if service not in {c.code for c in categories}:
        service = None
    technology = request.GET.get("technology", "").strip()[:100]
    region = request.GET.get("region", "")
    if region not in ServiceProvider.RegionServed.values:
        region = ""
    providers = provider_list_public(
        service=service, technology=technology, region=region
    )
    page = Paginator(providers, 20).get_page(request.GET.get("page"))
    chosen = {
        key: value
        for key, value in (
            ("service", service),
            ("technology", technology),
            ("region", region),
        )
        if value
    }
    return render(
        request,
        "providers/provider_list.html",
        {
            "page_obj": page,
            "categories": categories,
            "service": service,
            "technology": technology,
            "region": region,
            "regions": [
                ServiceProvider.RegionServed.HONG_KONG,
                ServiceProvider.RegionServed.GUANGDONG,
            ],
            "filtered": bool(chosen),
            "query_string": urlencode(chosen),
        },
    )
