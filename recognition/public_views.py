"""Public pages of the scheme: the partner list (shown on pages' Recognition Scheme
page), the public notice of the proposed list with its objection form, and a
certificate check by serial number."""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.security import client_ip

from . import selectors, services
from .forms import ObjectionForm

OBJECTIONS_PER_HOUR = 10


def _too_many_from_here(request) -> bool:
    """A light brake on scripted objections: so many per address per hour."""
    key = f"recognition-objection:{client_ip(request) or ''}"
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    return count > OBJECTIONS_PER_HOUR


def page_extra(request) -> dict:
    """What the Recognition Scheme page (pages.views.recognition) adds: the way to
    apply, the notice if one runs, and the searchable list of recognised partners."""
    calendar = selectors.cycle_calendar()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    category = request.GET.get("category", "")[:40]
    query = request.GET.get("q", "")[:100]
    partners = selectors.partner_list(year=year, category=category, query=query)
    return {
        "open_cycle": calendar.open,
        "next_cycle": calendar.next,
        "notice_cycle": calendar.on_notice,
        "years": calendar.published_years,
        "year": year,
        "category": category,
        "query": query,
        "searched": bool(year or category or query),
        "partners": Paginator(partners, 20).get_page(request.GET.get("page")),
    }


def notice(request):
    cycle = selectors.cycle_get_on_notice()
    return render(
        request,
        "recognition/public/notice.html",
        {
            "cycle": cycle,
            "entries": selectors.notice_entry_list(cycle=cycle) if cycle else [],
        },
    )


def objection(request, pk: int):
    entry = selectors.notice_entry_get(pk=pk)
    form = ObjectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _too_many_from_here(request):
            form.add_error(None, _("Too many objections from here. Try later."))
        else:
            try:
                services.objection_lodge(
                    application_id=entry.pk,
                    language=get_language(),
                    **form.cleaned_data,
                )
            except services.RecognitionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                return redirect("recognition_public:objection_received")
    return render(
        request,
        "recognition/public/objection.html",
        {"entry": entry, "cycle": entry.cycle, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def objection_received(request):
    return render(request, "recognition/public/objection_received.html")


def verify(request):
    serial = request.GET.get("serial", "")[:40]
    return render(
        request,
        "recognition/public/verify.html",
        {
            "serial": serial,
            "award": selectors.award_get_by_serial(serial=serial),
        },
    )
