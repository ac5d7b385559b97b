"""E-mails of the Recognition Scheme, each in its recipient's language, sent once."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Application, Award, Objection


def _email(template: str, context: dict, language: str, to: list[str]) -> EmailMessage:
    with translation.override(language):
        subject = render_to_string(f"recognition/email/{template}_subject.txt", context)
        body = render_to_string(f"recognition/email/{template}_body.txt", context)
    return EmailMessage(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        to,
    )


def _url(name: str, language: str, *args) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse(name, args=args)


def _members(application: Application) -> list[str]:
    return sorted(
        {
            m.user.email
            for m in application.organisation.memberships.select_related("user")
            if m.user.email and m.user.is_active
        }
    )


def _to_organisation(template: str, application: Application, **extra) -> list:
    to = _members(application)
    if not to:
        return []
    language = application.language
    context = {
        "application": application,
        "url": _url("recognition:detail", language, application.pk),
        **extra,
    }
    return [_email(template, context, language, to)]


def submitted(application: Application) -> list[EmailMessage]:
    return _to_organisation("submitted", application)


def closing_reminder(application: Application) -> list[EmailMessage]:
    return _to_organisation("reminder", application)


def awarded(award: Award) -> list[EmailMessage]:
    return _to_organisation("awarded", award.application, award=award)


def objection_received(objection: Objection) -> list[EmailMessage]:
    context = {"objection": objection, "application": objection.application}
    messages = [_email("objection", context, objection.language, [objection.email])]
    messages.append(
        _email("objection_secretariat", context, "en", [settings.SECRETARIAT_EMAIL])
    )
    return messages
