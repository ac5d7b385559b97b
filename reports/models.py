"""PDF reports of the dashboard, made by a Celery task and kept for their reader."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class ReportExport(models.Model):
    """One requested PDF of the filtered dashboard, in the requester's language.

    Only the figures (no personal data) are in it; EPD viewers and the Secretariat
    may open any of them. The PDF bytes are kept in the row: a few hundred kB.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("requested by"),
    )
    language = models.CharField(_("language"), max_length=10)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ExportStatus.choices,
        default=ExportStatus.PENDING,
    )
    pdf = models.BinaryField(_("PDF"), null=True, blank=True, editable=False)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("PDF report")
        verbose_name_plural = _("PDF reports")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="ready") | models.Q(pdf__isnull=False),
                name="report_export_ready_has_pdf",
            )
        ]

    def __str__(self) -> str:
        return f"{self.requested_at:%Y-%m-%d %H:%M} · {self.get_status_display()}"

    @property
    def filename(self) -> str:
        return f"cpportal-report-{self.requested_at:%Y%m%d-%H%M}.pdf"
