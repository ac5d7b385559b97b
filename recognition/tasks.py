"""Celery tasks: thin callers by primary key; each is safe to run twice."""

from celery import shared_task

from applications.emails import send_once
from applications.tasks import RETRY

from . import emails, services
from .models import Application, Award, Objection


@shared_task(**RETRY)
def send_submitted(application_id: int) -> bool:
    return send_once(Application, application_id, "acknowledged_at", emails.submitted)


@shared_task(**RETRY)
def send_closing_reminder(application_id: int) -> bool:
    return send_once(
        Application, application_id, "reminder_sent_at", emails.closing_reminder
    )


@shared_task(**RETRY)
def send_objection_received(objection_id: int) -> bool:
    return send_once(
        Objection, objection_id, "acknowledged_at", emails.objection_received
    )


@shared_task(**RETRY)
def produce_certificate(award_id: int) -> bool:
    """Produce the certificate once, then tell the organisation it is ready."""
    services.award_produce_certificate(award_id=award_id)
    return send_once(Award, award_id, "notified_at", emails.awarded)


@shared_task
def remind_unfinished_drafts() -> int:
    """Daily (beat): queue a reminder for each draft whose window closes soon."""
    ids = services.drafts_due_for_reminder()
    for pk in ids:
        send_closing_reminder.delay(pk)
    return len(ids)


@shared_task
def produce_missing_certificates() -> int:
    """Daily (beat) sweep: certificates whose task was lost (broker down) are made."""
    ids = list(
        Award.objects.filter(certificate_generated_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    for pk in ids:
        produce_certificate.delay(pk)
    return len(ids)
