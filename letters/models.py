"""Letters of decision: the outbox row written with the decision, and its PDF.

A ``LetterRequest`` is written in the same transaction as the committee's decision
(one per decision: the database refuses a second). It stays PENDING until a worker
has rendered and stored the PDF; the periodic sweep sends it again to the workers
while it is pending, so a lost message, a broker that was down or a killed worker
end with exactly one letter.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.models import Application, Decision


class LetterStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    DONE = "done", _("Issued")
    FAILED = "failed", _("Failed")


class LetterRequest(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    decision = models.OneToOneField(
        Decision,
        on_delete=models.PROTECT,
        related_name="letter_request",
        verbose_name=_("decision"),
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name=_("application"),
    )
    version = models.PositiveSmallIntegerField(_("letter number"))
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES
    )
    addressee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("addressee"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=LetterStatus.choices,
        default=LetterStatus.PENDING,
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    dispatched_at = models.DateTimeField(
        _("last sent to a worker"), null=True, blank=True
    )
    attempts = models.PositiveSmallIntegerField(_("rendering attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    file = models.FileField(_("PDF"), upload_to="letters/", blank=True, max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"), null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    render_ms = models.PositiveIntegerField(
        _("rendering time (ms)"), null=True, blank=True
    )
    rendered_at = models.DateTimeField(_("issued"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        ordering = ["application", "version"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "version"], name="letter_version_per_application"
            ),
            models.CheckConstraint(
                condition=~Q(status=LetterStatus.DONE)
                | (Q(rendered_at__isnull=False) & ~Q(file="")),
                name="letter_done_has_file",
            ),
        ]
        indexes = [
            models.Index(
                fields=["dispatched_at"],
                condition=Q(status=LetterStatus.PENDING),
                name="letter_pending_idx",
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        base = self.application.reference or f"APP-{self.application_id}"
        return f"{base}/L{self.version}"

    @property
    def download_name(self) -> str:
        return f"{self.reference.replace('/', '-')}.pdf"

    @property
    def is_issued(self) -> bool:
        return self.status == LetterStatus.DONE
