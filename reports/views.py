"""EPD's dashboard, its exports and PDF reports: EPD viewers and the Secretariat only.

Nothing here changes programme data; the only write is a request for a PDF.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from accounts.roles import can_read_reports
from core.pagecache import private_page
from core.uploads import private_file_response

from . import selectors, services
from .context import dashboard_context, filter_labels
from .exports import XLSX_TYPE, table_csv, tables_xlsx
from .filters import ReportFilterForm, ReportFilters
from .models import ExportStatus, ReportExport
from .tables import Labels, build_tables


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


@reports_reader_required
@private_page
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
    return render(
        request,
        "reports/pdf_list.html",
        {"exports": exports, "keep_days": settings.REPORTS_PDF_KEEP_DAYS},
    )


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
            "filter_labels": filter_labels(filters, Labels()),
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
