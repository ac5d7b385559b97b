"""Celery tasks: thin callers by primary key, safe to run twice."""

from celery import shared_task

from . import services


@shared_task(bind=True, max_retries=2, default_retry_delay=30)
def render_report_pdf(self, export_id: str) -> bool:
    try:
        export = services.report_export_render(export_id=export_id)
    except Exception as error:
        if self.request.retries >= self.max_retries:
            services.report_export_fail(export_id=export_id)
            raise
        raise self.retry(exc=error) from error
    return export is not None


@shared_task
def purge_old_report_exports() -> int:
    return services.report_export_purge()
