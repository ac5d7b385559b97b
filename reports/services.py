"""Writes of the reports app: only PDF reports (EPD never changes programme data)."""

from datetime import timedelta

from django.conf import settings
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


def report_export_purge(*, now=None) -> int:
    """Delete PDF reports requested more than REPORTS_PDF_KEEP_DAYS days ago (their bytes
    live in the row); the reader can ask for a new one at any time. Returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.REPORTS_PDF_KEEP_DAYS)
    deleted, _ = ReportExport.objects.filter(requested_at__lt=cutoff).delete()
    return deleted
