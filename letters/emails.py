"""The letter by e-mail: to each member of the organisation, in their language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import LetterRequest


def letter_messages(letter: LetterRequest) -> list[EmailMessage]:
    application = letter.application
    with letter.file.open("rb") as handle:
        pdf = handle.read()
    messages = []
    members = application.organisation.memberships.select_related("user")
    for member in members:
        user = member.user
        with translation.override(user.language):
            context = {
                "letter": letter,
                "application": application,
                "user": user,
                "approved": letter.decision.outcome == "approved",
                "url": settings.SITE_URL
                + reverse("applications:detail", args=[application.pk]),
            }
            subject = render_to_string("letters/email/letter_subject.txt", context)
            body = render_to_string("letters/email/letter_body.txt", context)
        message = EmailMessage(
            settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
        )
        message.attach(letter.download_name, pdf, "application/pdf")
        messages.append(message)
    return messages
