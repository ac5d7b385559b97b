"""A reminder e-mail to each member of the organisation, in their own language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from applications.models import ReportKind

from .models import Reminder


def reminder_messages(reminder: Reminder) -> list[EmailMessage]:
    application = reminder.application
    members = application.organisation.memberships.select_related("user")
    messages = []
    for member in members:
        user = member.user
        with translation.override(user.language):
            context = {
                "reminder": reminder,
                "kind": reminder.kind,
                "application": application,
                "user": user,
                "report_kind": (
                    str(ReportKind(reminder.detail).label).lower()
                    if reminder.detail
                    else ""
                ),
                "url": settings.SITE_URL
                + reverse("applications:detail", args=[application.pk]),
            }
            subject = render_to_string("reminders/email/reminder_subject.txt", context)
            body = render_to_string("reminders/email/reminder_body.txt", context)
        messages.append(
            EmailMessage(
                settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
                body,
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
        )
    Reminder.objects.filter(pk=reminder.pk).update(
        recipients=", ".join(m.to[0] for m in messages)
    )
    return messages
