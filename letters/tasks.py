"""Celery tasks of the letters: thin callers by primary key, safe to run twice."""

from smtplib import SMTPException

from celery import shared_task
from django.conf import settings

from applications.emails import send_once

from . import emails, services
from .models import LetterRequest


def backoff(retries: int) -> int:
    """Seconds before retry n: 10, 20, 40 ... up to 10 minutes."""
    return min(600, 10 * 2**retries)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=settings.LETTERS_MAX_RETRIES,
    soft_time_limit=240,
    time_limit=300,
)
def render_letter(self, request_id: int) -> bool:
    try:
        return services.letter_render(request_id=request_id)
    except Exception as exc:
        final = self.request.retries >= self.max_retries
        services.letter_record_failure(request_id=request_id, error=exc, final=final)
        if final:
            raise
        raise self.retry(exc=exc, countdown=backoff(self.request.retries)) from exc


@shared_task(
    acks_late=True,
    autoretry_for=(SMTPException, OSError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def email_letter(request_id: int) -> bool:
    if not LetterRequest.objects.filter(pk=request_id, status="done").exists():
        return False
    return send_once(LetterRequest, request_id, "emailed_at", emails.letter_messages)


@shared_task
def sweep_letters() -> dict[str, int]:
    return services.letters_sweep()
