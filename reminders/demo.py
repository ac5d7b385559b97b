"""Demo: a progress report of the approved demo project due soon, and its reminder."""

from datetime import timedelta

from django.utils import timezone

from applications.models import Application, ProjectReport, ReportKind
from letters.demo import TITLE

from .models import Reminder
from .services import reminders_record


def seed(*, stdout=None) -> None:
    application = Application.objects.filter(
        title=TITLE, organisation__memberships__user__email="applicant@example.com"
    ).first()
    if application is None:
        return
    ProjectReport.objects.get_or_create(
        application=application,
        kind=ReportKind.PROGRESS,
        number=1,
        defaults={"due_on": timezone.localdate() + timedelta(days=10)},
    )
    reminders_record(today=timezone.localdate())
    # Demo data sends no e-mail: the reminders found are shown as sent.
    Reminder.objects.filter(application=application, sent_at=None).update(
        sent_at=timezone.now(), recipients="applicant@example.com"
    )
    Reminder.objects.filter(sent_at=None).update(sent_at=timezone.now())
