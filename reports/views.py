"""EPD's dashboard, its exports and PDF reports: EPD viewers and the Secretariat only.

Nothing here changes programme data; the only write is a request for a PDF.
"""

from decimal import Decimal
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.roles import can_read_reports
from core.uploads import private_file_response

from . import charts, selectors, services
from .exports import XLSX_TYPE, table_csv, tables_xlsx
from .filters import ReportFilterForm, ReportFilters
from .models import ExportStatus, ReportExport
from .tables import COUNT, DAYS, Labels, build_tables, format_value


def reports_reader_required(view):
    """Signed in as an EPD viewer or in the Secretariat; everyone else gets 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_read_reports(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _filter_form(request) -> tuple[ReportFilterForm, ReportFilters]:
    form = ReportFilterForm(request.GET or None)
    return form, form.filters() if form.is_bound else ReportFilters()


def _charts(dashboard, tables) -> dict:
    by_slug = {t.slug: t for t in tables}
    months = by_slug["applications-by-month"].rows
    by_year = len(months) > 24
    if by_year:
        months = by_slug["applications-by-year"].rows
    industries = by_slug["applications-by-industry"].rows
    money = dashboard.money_total
    titles = {
        "trend_title": _("Applications received and approved by year of submission")
        if by_year
        else _("Applications received and approved by month of submission"),
        "industry_title": _("Applications received by industry"),
        "budget_title": _("Share of the budget committed and paid"),
    }
    return {
        **titles,
        "trend_by_year": by_year,
        "trend": charts.line_chart(
            chart_id="chart-trend",
            title=titles["trend_title"],
            desc=_("The table after this chart gives the figures."),
            labels=[str(row[0]) for row in months]
            if by_year
            else [f"{m:%Y-%m}" for m in selectors.month_range(dashboard.by_month)],
            series=[
                (_("Received"), [row[1] for row in months], charts.BLUE),
                (_("Approved"), [row[2] for row in months], charts.GREEN),
            ],
        ),
        "industry": charts.bar_chart(
            chart_id="chart-industry",
            title=titles["industry_title"],
            desc=_("The table after this chart gives the figures."),
            bars=[(row[0], row[1]) for row in industries],
        ),
        "budget": charts.gauge(
            chart_id="chart-budget",
            title=titles["budget_title"],
            desc=_("The table after this chart gives the figures."),
            committed=money.committed,
            paid=money.paid,
            budget=money.budget,
            committed_label=_("Committed"),
            paid_label=_("Paid"),
        ),
    }


def _cards(dashboard) -> dict[str, str]:
    """The headline figures above the tables, formatted like the tables."""
    money = dashboard.money_total
    rate = dashboard.totals.approval_rate
    co2 = dashboard.benefits.totals.get("co2_avoided_tonnes", Decimal("0"))
    return {
        "received": format_value(dashboard.totals.received, COUNT),
        "approval_rate": "–" if rate is None else f"{rate}%",
        "median_days": format_value(dashboard.median_days, DAYS),
        "committed": format_value(money.committed, COUNT),
        "paid": format_value(money.paid, COUNT),
        "co2": format_value(co2, COUNT),
    }


def dashboard_context(*, filters: ReportFilters) -> dict:
    """What the page and the PDF show for ``filters``, in the active language."""
    dashboard = selectors.dashboard_get(filters=filters)
    labels = Labels()
    tables = build_tables(dashboard, labels)
    return {
        "dashboard": dashboard,
        "tables": {t.slug.replace("-", "_"): t for t in tables},
        "cards": _cards(dashboard),
        "table_list": tables,
        "charts": _charts(dashboard, tables),
        "filters": filters,
        "querystring": filters.querystring(),
        "filter_labels": _filter_labels(filters, labels),
    }


def _filter_labels(filters: ReportFilters, labels: Labels) -> list[tuple[str, str]]:
    """The filter in words, for the page's summary and the PDF."""
    form = ReportFilterForm()
    shown = []
    if filters.date_from:
        shown.append((_("Submitted from"), filters.date_from.isoformat()))
    if filters.date_to:
        shown.append((_("Submitted to"), filters.date_to.isoformat()))
    if filters.phase:
        shown.append((_("Phase"), labels.phase(filters.phase)))
    for name in ("scheme", "industry", "location"):
        value = getattr(filters, name)
        if value:
            choices = {}
            for key, label in form.fields[name].choices:
                if isinstance(label, list | tuple):
                    choices.update(dict(label))
                else:
                    choices[key] = label
            shown.append((str(form.fields[name].label), str(choices.get(value, value))))
    return shown


@reports_reader_required
def index(request):
    """The dashboard: figures, charts and tables for the filter in the URL."""
    form, filters = _filter_form(request)
    context = dashboard_context(filters=filters)
    context["form"] = form
    return render(request, "reports/index.html", context)


def _export_name(slug: str, extension: str) -> str:
    return f"cpportal-{slug}-{timezone.localdate():%Y%m%d}.{extension}"


@reports_reader_required
def export_csv(request):
    """One table (``?table=``, the key figures by default) as CSV."""
    _form, filters = _filter_form(request)
    slug = request.GET.get("table") or "summary"
    tables = {t.slug: t for t in build_tables(selectors.dashboard_get(filters=filters))}
    if slug not in tables:
        raise Http404
    response = HttpResponse(
        table_csv(tables[slug]), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{_export_name(slug, "csv")}"'
    )
    return response


@reports_reader_required
def export_xlsx(request):
    """One table (``?table=``) or, without it, every table, as an XLSX workbook."""
    _form, filters = _filter_form(request)
    slug = request.GET.get("table")
    tables = build_tables(selectors.dashboard_get(filters=filters))
    if slug:
        tables = [t for t in tables if t.slug == slug]
        if not tables:
            raise Http404
    response = HttpResponse(tables_xlsx(tables), content_type=XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="{_export_name(slug or "dashboard", "xlsx")}"'
    )
    return response


@reports_reader_required
@require_http_methods(["GET", "POST"])
def pdf_list(request):
    """GET: the reader's recent PDF reports; POST: ask for one of the filtered page."""
    if request.method == "POST":
        form = ReportFilterForm(request.POST)
        export = services.report_export_request(
            user=request.user, filters=form.filters(), language=get_language()
        )
        return redirect("reports:pdf_detail", pk=export.pk)
    exports = (
        ReportExport.objects.filter(requested_by=request.user)
        .defer("pdf")
        .order_by("-requested_at")[:20]
    )
    return render(request, "reports/pdf_list.html", {"exports": exports})


def _export_for_reader(pk) -> ReportExport:
    """Any reader of reports may open any PDF report: they hold figures only."""
    return get_object_or_404(ReportExport.objects.defer("pdf"), pk=pk)


@reports_reader_required
def pdf_detail(request, pk):
    export = _export_for_reader(pk)
    template = (
        "reports/_pdf_status.html"
        if request.headers.get("HX-Request")
        else "reports/pdf_detail.html"
    )
    filters = ReportFilters.from_json(export.filters)
    return render(
        request,
        template,
        {
            "export": export,
            "filter_labels": _filter_labels(filters, Labels()),
            "pending": export.status == ExportStatus.PENDING,
        },
    )


@reports_reader_required
def pdf_download(request, pk):
    export = _export_for_reader(pk)
    if export.status != ExportStatus.READY:
        raise Http404
    data = ReportExport.objects.values_list("pdf", flat=True).get(pk=export.pk)
    return private_file_response(
        ContentFile(bytes(data), name=export.filename),
        filename=export.filename,
        content_type="application/pdf",
    )
