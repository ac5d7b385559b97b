"""Celery tasks: thin callers by primary key; each e-mail is sent once (emails.send_once)."""

from smtplib import SMTPException

from celery import shared_task

from . import emails
from .models import ApplicationMessage, ApplicationVersion, Decision, Invitation

RETRY = {
    "autoretry_for": (SMTPException, OSError),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 8,
}


@shared_task(**RETRY)
def send_submission_acknowledgement(version_id: int) -> bool:
    return emails.send_once(
        ApplicationVersion,
        version_id,
        "acknowledgement_sent_at",
        emails.submission_acknowledgement,
    )


@shared_task(**RETRY)
def send_invitation(invitation_id: int) -> bool:
    return emails.send_once(Invitation, invitation_id, "sent_at", emails.invitation)


@shared_task(**RETRY)
def send_information_request(message_id: int) -> bool:
    return emails.send_once(
        ApplicationMessage, message_id, "notified_at", emails.information_request
    )


@shared_task(**RETRY)
def notify_secretariat_of_answer(message_id: int) -> bool:
    return emails.send_once(
        ApplicationMessage, message_id, "notified_at", emails.answer_received
    )


@shared_task(**RETRY)
def send_decision_notice(decision_id: int) -> bool:
    return emails.send_once(
        Decision, decision_id, "notified_at", emails.decision_notice
    )
