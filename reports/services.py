"""Writes of the reports app: only PDF reports (EPD never changes programme data)."""

from django.db import transaction
from django.utils import timezone, translation

from core.pdf import render_pdf

from .context import dashboard_context
from .filters import ReportFilters
from .models import ExportStatus, ReportExport


def report_export_request(
    *, user, filters: ReportFilters, language: str
) -> ReportExport:
    """Record a PDF request and have Celery make it once the row is committed."""
    from .tasks import render_report_pdf

    export = ReportExport.objects.create(
        requested_by=user, language=language, filters=filters.to_json()
    )
    transaction.on_commit(lambda: render_report_pdf.delay(str(export.pk)))
    return export


def report_export_render(*, export_id) -> ReportExport | None:
    """Make the PDF of a pending request; a ready or missing one is left alone."""
    with transaction.atomic():
        export = (
            ReportExport.objects.select_for_update()
            .filter(pk=export_id)
            .defer("pdf")
            .first()
        )
        if export is None or export.status == ExportStatus.READY:
            return export
    filters = ReportFilters.from_json(export.filters)
    with translation.override(export.language):
        context = dashboard_context(filters=filters)
        context["export"] = export
        pdf = render_pdf(
            template_name="reports/pdf.html", context=context, language=export.language
        )
    ReportExport.objects.filter(pk=export.pk).update(
        pdf=pdf, status=ExportStatus.READY, finished_at=timezone.now()
    )
    export.refresh_from_db()
    return export


def report_export_fail(*, export_id) -> None:
    ReportExport.objects.filter(pk=export_id, status=ExportStatus.PENDING).update(
        status=ExportStatus.FAILED, finished_at=timezone.now()
    )
