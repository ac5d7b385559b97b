"""E-mails of the applications app, each in its recipient's language, sent once."""

from collections.abc import Callable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import ApplicationMessage, ApplicationVersion, Decision, Invitation


def send_once(
    model: type[models.Model],
    pk: int,
    flag: str,
    compose: Callable[[models.Model], list[EmailMessage]],
) -> bool:
    """Claim the row's ``flag`` (a sent_at column), then send; release it on failure.

    Running the task twice, or a retry after a crash before the claim, sends nothing
    twice: only the run that claims the row sends.
    """
    claimed = model.objects.filter(pk=pk, **{f"{flag}__isnull": True}).update(
        **{flag: timezone.now()}
    )
    if not claimed:
        return False
    try:
        messages = compose(model.objects.get(pk=pk))
        if messages:
            get_connection().send_messages(messages)
    except Exception:
        model.objects.filter(pk=pk).update(**{flag: None})
        raise
    return True


def _email(template: str, context: dict, language: str, to: list[str]) -> EmailMessage:
    with translation.override(language):
        subject = render_to_string(
            f"applications/email/{template}_subject.txt", context
        )
        body = render_to_string(f"applications/email/{template}_body.txt", context)
    return EmailMessage(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        to,
    )


def _url(name: str, language: str, *args) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse(name, args=args)


def submission_acknowledgement(version: ApplicationVersion) -> list[EmailMessage]:
    user = version.submitted_by
    if user is None:
        return []
    application = version.application
    context = {
        "application": application,
        "version": version,
        "user": user,
        "url": _url("applications:detail", user.language, application.pk),
    }
    return [_email("submitted", context, user.language, [user.email])]


def invitation(invitation: Invitation) -> list[EmailMessage]:
    from .services import invitation_token

    context = {
        "invitation": invitation,
        "organisation": invitation.organisation,
        "url": _url(
            "applications:join", invitation.language, invitation_token(invitation)
        ),
    }
    return [_email("invitation", context, invitation.language, [invitation.email])]


def information_request(message: ApplicationMessage) -> list[EmailMessage]:
    """To every member of the organisation, each in their own language."""
    application = message.application
    members = application.organisation.memberships.select_related("user")
    return [
        _email(
            "information_request",
            {
                "application": application,
                "message": message,
                "user": m.user,
                "url": _url("applications:detail", m.user.language, application.pk),
            },
            m.user.language,
            [m.user.email],
        )
        for m in members
    ]


def decision_notice(decision: Decision) -> list[EmailMessage]:
    """The decision, to every member of the organisation in their own language; the
    letter with the full terms follows from the Secretariat."""
    application = decision.application
    members = application.organisation.memberships.select_related("user")
    return [
        _email(
            "decision",
            {
                "application": application,
                "decision": decision,
                "approved": decision.outcome == "approved",
                "user": m.user,
                "url": _url("applications:detail", m.user.language, application.pk),
            },
            m.user.language,
            [m.user.email],
        )
        for m in members
    ]


def answer_received(message: ApplicationMessage) -> list[EmailMessage]:
    application = message.application
    url = settings.SITE_URL + reverse(
        "admin:applications_application_change", args=[application.pk]
    )
    context = {"application": application, "message": message, "url": url}
    return [_email("answer_received", context, "en", [settings.SECRETARIAT_EMAIL])]
