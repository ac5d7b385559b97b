"""The CP Toolbox: step 1 (industry, location), step 2 (processes), step 3 (ranked
measures), the calculator, its PDF and "apply for funding". Every step is a GET form,
so each result has a stable address that can be bookmarked, printed or downloaded."""

import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.pagecache import public_page
from core.pdf import html_to_pdf, render_pdf_html

from . import calculations as calc
from . import selectors
from .estimates import SORT_CO2, SORT_PAYBACK, estimate_for
from .forms import CalculatorForm, ProcessForm, SiteForm
from .services import ApplyKind, toolbox_prefill_save

PDF_CACHE_SECONDS = 60 * 60
PDF_LIMIT_PER_10_MINUTES = 20
# Only these parameters travel from step to step (anything else is dropped).
CARRIED = (
    "industry",
    "region",
    "utility",
    "electricity_kwh",
    "fuel",
    "fuel_quantity",
    "fuel_price",
    "process",
    "sort",
)


def _carried(data: QueryDict, *, drop: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [
        (key, value)
        for key in CARRIED
        if key not in drop
        for value in data.getlist(key)
        if value
    ]


def _site_form(data, reference, form_class=SiteForm, **kwargs):
    return form_class(
        data,
        industries=list(selectors.industry_list_targeted()),
        fuels=reference.fuels(),
        **kwargs,
    )


@require_GET
@public_page
def index(request):
    """Step 1: the industry, where the factory is and, optionally, its own figures."""
    reference = selectors.reference_load()
    form = _site_form(None, reference, initial=request.GET.dict())
    return render(request, "toolbox/index.html", {"form": form})


@require_GET
@public_page
def processes(request):
    """Step 2: tick the processes; the utilities every factory has come last."""
    reference = selectors.reference_load()
    site = _site_form(request.GET, reference)
    if not site.is_valid():
        return render(request, "toolbox/index.html", {"form": site})
    industry = site.cleaned_data["industry"]
    process_list = list(selectors.process_list_for_industry(industry_code=industry))
    form = _site_form(
        None,
        reference,
        ProcessForm,
        processes=process_list,
        initial={"process": request.GET.getlist("process")},
    )
    return render(
        request,
        "toolbox/processes.html",
        {
            "form": form,
            "industry": site.industries[industry],
            "carried": _carried(request.GET, drop=("process",)),
            "back_query": urlencode(_carried(request.GET)),
        },
    )


@require_GET
@public_page
def measures(request):
    """Step 3: the measures for the ticked processes, each alone, ranked."""
    reference = selectors.reference_load()
    site = _site_form(request.GET, reference)
    if not site.is_valid():
        return render(request, "toolbox/index.html", {"form": site})
    industry_code = site.cleaned_data["industry"]
    process_list = list(
        selectors.process_list_for_industry(industry_code=industry_code)
    )
    form = _site_form(request.GET, reference, ProcessForm, processes=process_list)
    if not form.is_valid():
        return render(
            request,
            "toolbox/processes.html",
            {
                "form": form,
                "industry": site.industries[industry_code],
                "carried": _carried(request.GET, drop=("process",)),
                "back_query": urlencode(_carried(request.GET)),
            },
        )
    sort = form.cleaned_data.get("sort") or SORT_PAYBACK
    measure_list = list(
        selectors.measure_list_published(process_slugs=form.cleaned_data["process"])
    )
    estimate = estimate_for(
        answers=form.answers(),
        measures=measure_list,
        reference=reference,
        sort=sort,
        combine=False,
    )
    base = _carried(request.GET, drop=("sort",))
    return render(
        request,
        "toolbox/measures.html",
        {
            "form": form,
            "estimate": estimate,
            "sort": sort,
            "sort_links": [
                (
                    SORT_PAYBACK,
                    _("Quickest payback"),
                    urlencode([*base, ("sort", SORT_PAYBACK)]),
                ),
                (
                    SORT_CO2,
                    _("Most CO₂ avoided"),
                    urlencode([*base, ("sort", SORT_CO2)]),
                ),
            ],
            "carried": _carried(request.GET),
            "back_query": urlencode(_carried(request.GET)),
            "processes": [
                p for p in process_list if p.slug in form.cleaned_data["process"]
            ],
        },
    )


@require_GET
@public_page
def measure_detail(request, slug: str):
    measure = selectors.measure_get_published(slug=slug)
    return render(
        request,
        "toolbox/measure_detail.html",
        {
            "measure": measure,
            "processes": selectors.measure_processes(measure=measure),
            "effects": list(measure.effects.all()),
        },
    )


def _calculator(data: QueryDict):
    """(form, estimate or None) for the calculator's answers.

    Any published measure of the industry (or the utilities) may be chosen; those for
    the ticked processes are offered first.
    """
    reference = selectors.reference_load()
    industry_code = data.get("industry", "")
    measure_list = list(
        selectors.measure_list_published(industry_code=industry_code or None)
    )
    process_list = (
        list(selectors.process_list_for_industry(industry_code=industry_code))
        if industry_code
        else []
    )
    process_slugs = data.getlist("process")
    suggested = (
        selectors.measure_slugs_for_processes(process_slugs=process_slugs)
        if process_slugs
        else {m.slug for m in measure_list}
    )
    bound = data if "industry" in data else None
    form = _site_form(
        bound,
        reference,
        CalculatorForm,
        processes=process_list,
        measures=measure_list,
        suggested=suggested,
        initial={"measure": data.getlist("measure"), "region": data.get("region")},
    )
    estimate = None
    if form.is_bound and form.is_valid():
        estimate = estimate_for(
            answers=form.answers(),
            measures=form.chosen_measures(),
            reference=reference,
            sort=form.cleaned_data.get("sort") or SORT_PAYBACK,
        )
        form.describe_defaults(estimate)
    return form, estimate


def _back_to_calculator(request):
    return redirect(f"{reverse('toolbox:calculator')}?{request.GET.urlencode()}")


@require_GET
@public_page
def calculator(request):
    """Your figures, your measures: savings, emissions, investment and payback."""
    form, estimate = _calculator(request.GET)
    context = {
        "form": form,
        "estimate": estimate,
        "query": request.GET.urlencode(),
        "back_query": urlencode(_carried(request.GET)),
    }
    return render(request, "toolbox/calculator.html", context)


def _client_key(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def _pdf_allowed(request) -> bool:
    """At most PDF_LIMIT_PER_10_MINUTES fresh renders per client (each costs ~0.4 s)."""
    key = f"toolbox:pdf-renders:{_client_key(request)}"
    cache.add(key, 0, 600)
    try:
        return cache.incr(key) <= PDF_LIMIT_PER_10_MINUTES
    except ValueError:
        return True


@require_GET
def calculator_pdf(request):
    """The calculator's result as an A4 PDF, from the same bookmarkable answers."""
    form, estimate = _calculator(request.GET)
    if estimate is None:
        return _back_to_calculator(request)
    language = translation.get_language()
    html = render_pdf_html(
        template_name="toolbox/calculator_pdf.html",
        context={
            "estimate": estimate,
            "form": form,
            "result_url": request.build_absolute_uri(
                f"{reverse('toolbox:calculator')}?{request.GET.urlencode()}"
            ),
        },
        language=language,
    )
    key = "toolbox:pdf:" + hashlib.sha256(html.encode()).hexdigest()
    pdf = cache.get(key)
    if pdf is None:
        if not _pdf_allowed(request):
            return HttpResponse(
                _("Too many PDF downloads in a short time. Please try again later."),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
        pdf = html_to_pdf(html)
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="cp-toolbox-estimate.pdf"'
    return response


@require_POST
def apply_for_funding(request):
    """Put the chosen measures and figures into the session and open a new draft."""
    form, estimate = _calculator(request.GET)
    if estimate is None:
        return _back_to_calculator(request)
    kind = request.POST.get("kind")
    if kind not in ApplyKind.values:
        kind = ApplyKind.DEMONSTRATION
    return redirect(
        toolbox_prefill_save(session=request.session, estimate=estimate, kind=kind)
    )


@require_GET
def reference_figures(request):
    """Every emission factor, tariff and exchange rate, with source, year and status."""
    reference = selectors.reference_load()
    factors = list(reference.factors.values())
    return render(
        request,
        "toolbox/reference.html",
        {
            "grids": [f for f in factors if f.kind == "grid"],
            "fuels": [f for f in factors if f.kind == "fuel"],
            "tariffs": reference.tariffs,
            "rates": list(reference.rates.values()),
            "end_uses": list(reference.end_uses.values()),
            "pollutants": calc.POLLUTANTS,
        },
    )
