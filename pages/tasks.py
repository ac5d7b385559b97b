"""E-mails to event registrants; each status is e-mailed once."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import EventRegistration
from .selectors import waiting_position


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def registration_notify(registration_id: int) -> bool:
    """Tell the registrant their current status, unless they were already told it."""
    with transaction.atomic():
        registration = (
            EventRegistration.objects.select_for_update()
            .select_related("event")
            .filter(pk=registration_id)
            .first()
        )
        if registration is None or registration.notified_status == registration.status:
            return False
        with translation.override(registration.language):
            context = {
                "registration": registration,
                "event": registration.event,
                "position": waiting_position(registration),
                "manage_url": settings.SITE_URL + registration.get_absolute_url(),
                "event_url": settings.SITE_URL + registration.event.get_absolute_url(),
            }
            subject = render_to_string(
                "pages/email/registration_subject.txt", context
            ).strip()
            body = render_to_string("pages/email/registration_body.txt", context)
        # Sent inside the lock: a failure rolls back the mark and the retry sends.
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])
        registration.notified_status = registration.status
        registration.save(update_fields=["notified_status"])
    return True
