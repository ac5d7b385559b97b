"""Reminders: due at the rules' boundaries, sent once per occasion, in each reader's
language, and kept for the next run when mail fails."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from accounts.roles import SECRETARIAT
from applications.models import (
    Actor,
    ApplicationMessage,
    ApplicationStatus,
    ClaimStatus,
    MessageKind,
    PaymentClaim,
    ProjectReport,
    ReportKind,
    ReportStatus,
)
from reminders.models import Reminder, ReminderKind, ReminderRule
from reminders.services import occasions_due, reminders_run
from tests.applications.factories import MembershipFactory
from tests.factories import UserFactory
from tests.letters.factories import ApplicationFactory, DecisionFactory

pytestmark = pytest.mark.django_db
K = ReminderKind


@pytest.fixture
def today():
    return timezone.localdate()


def kinds(today) -> list[tuple[str, str]]:
    return sorted((o.kind, o.detail) for o in occasions_due(today=today))


def draft_closing_in(days: int, today):
    return ApplicationFactory(
        status=ApplicationStatus.DRAFT,
        reference=None,
        submitted_at=None,
        requested_grant_hkd=None,
        scheme__phase__closes_on=today + timedelta(days=days),
    )


@pytest.mark.parametrize(("closes_in", "due"), [(0, True), (14, True), (15, False)])
def test_a_draft_is_reminded_from_14_days_before_its_phase_closes(
    today, closes_in, due
):
    draft_closing_in(closes_in, today)

    assert kinds(today) == ([(K.DRAFT_CLOSING, "")] if due else [])


def test_a_draft_of_a_closed_phase_or_a_submitted_application_is_not(today):
    draft_closing_in(-1, today)
    ApplicationFactory(scheme__phase__closes_on=today + timedelta(days=3))

    assert kinds(today) == []


def information_request(days_ago: int, **application):
    application = ApplicationFactory(
        status=ApplicationStatus.INFO_REQUESTED, **application
    )
    return ApplicationMessage.objects.create(
        application=application,
        kind=MessageKind.INFORMATION_REQUEST,
        author_role=Actor.SECRETARIAT,
        body="Please send the LPG purchase records.",
        created_at=timezone.now() - timedelta(days=days_ago),
    )


@pytest.mark.parametrize(("days_ago", "due"), [(6, False), (7, True), (30, True)])
def test_an_unanswered_request_is_reminded_after_7_days(today, days_ago, due):
    information_request(days_ago)

    assert kinds(today) == ([(K.INFO_UNANSWERED, "")] if due else [])


def test_an_answered_request_is_not_reminded(today):
    request = information_request(10)
    ApplicationMessage.objects.create(
        application=request.application,
        kind=MessageKind.ANSWER,
        author_role=Actor.APPLICANT,
        body="Attached.",
        created_at=timezone.now() - timedelta(days=1),
    )

    assert kinds(today) == []


def report_due_in(
    days: int, today, status=ReportStatus.DRAFT, kind=ReportKind.PROGRESS
):
    application = ApplicationFactory(status=ApplicationStatus.IN_PROGRESS)
    return ProjectReport.objects.create(
        application=application,
        kind=kind,
        status=status,
        due_on=today + timedelta(days=days),
    )


@pytest.mark.parametrize(
    ("due_in", "expected"),
    [
        (15, []),
        (14, [(K.REPORT_DUE, "progress")]),
        (0, [(K.REPORT_DUE, "progress")]),
        (-1, [(K.REPORT_OVERDUE, "progress")]),
    ],
)
def test_a_report_is_reminded_when_due_soon_and_when_overdue(today, due_in, expected):
    report_due_in(due_in, today)

    assert kinds(today) == expected


def test_a_submitted_report_is_not_reminded(today):
    report_due_in(-5, today, status=ReportStatus.SUBMITTED)

    assert kinds(today) == []


def test_the_decisions_final_report_and_claim_are_reminded_before_they_are_started(
    today,
):
    application = ApplicationFactory(status=ApplicationStatus.IN_PROGRESS)
    DecisionFactory(
        application=application,
        final_report_due_on=today + timedelta(days=14),
        claim_due_on=today - timedelta(days=1),
    )

    assert kinds(today) == [(K.CLAIM_OVERDUE, ""), (K.REPORT_DUE, "final")]

    ProjectReport.objects.create(
        application=application, kind=ReportKind.FINAL, status=ReportStatus.SUBMITTED
    )
    PaymentClaim.objects.create(
        application=application,
        status=ClaimStatus.SUBMITTED,
        expenditure_hkd=Decimal("56000"),
        amount_hkd=Decimal("28000"),
    )
    assert kinds(today) == []


def test_only_the_decision_in_force_counts(today):
    application = ApplicationFactory(status=ApplicationStatus.IN_PROGRESS)
    DecisionFactory(
        application=application, claim_due_on=today + timedelta(days=3), number=1
    )
    DecisionFactory(
        application=application, claim_due_on=today + timedelta(days=60), number=2
    )

    assert kinds(today) == []


@pytest.mark.parametrize(("due_in", "due"), [(14, True), (15, False)])
def test_a_draft_claim_is_reminded_from_14_days_before_it_is_due(today, due_in, due):
    PaymentClaim.objects.create(
        application=ApplicationFactory(status=ApplicationStatus.IN_PROGRESS),
        expenditure_hkd=Decimal("56000"),
        amount_hkd=Decimal("28000"),
        due_on=today + timedelta(days=due_in),
    )

    assert kinds(today) == ([(K.CLAIM_DUE, "")] if due else [])


def test_the_secretariat_changes_a_period_or_turns_a_reminder_off(today):
    report_due_in(20, today)
    rule = ReminderRule.objects.get(kind=K.REPORT_DUE)

    rule.days = 21
    rule.save()
    assert kinds(today) == [(K.REPORT_DUE, "progress")]

    rule.enabled = False
    rule.save()
    assert kinds(today) == []


def test_each_reminder_is_sent_once_to_each_member_in_their_language(today):
    report = report_due_in(3, today)
    organisation = report.application.organisation
    MembershipFactory(organisation=organisation, user__language="zh-hans")

    first = reminders_run(today=today)
    second = reminders_run(today=today)
    third = reminders_run(today=today + timedelta(days=1))

    assert first == {"recorded": 1, "sent": 1, "failed": 0}
    assert second == third == {"recorded": 0, "sent": 0, "failed": 0}
    assert Reminder.objects.count() == 1
    subjects = sorted(m.subject for m in mail.outbox)
    assert len(subjects) == 2
    assert "Reminder: a report is due soon" in subjects[0]
    assert "提示：报告即将到期" in subjects[1]
    english = next(m for m in mail.outbox if m.subject == subjects[0])
    assert "progress report" in english.body
    assert (today + timedelta(days=3)).strftime("%Y") in english.body


def test_a_new_due_date_is_a_new_occasion(today):
    report = report_due_in(3, today)
    reminders_run(today=today)

    report.due_on = today + timedelta(days=10)
    report.save()
    reminders_run(today=today)

    assert Reminder.objects.count() == 2


def test_a_reminder_that_fails_to_send_is_sent_on_the_next_run(today, settings):
    report_due_in(3, today)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens

    assert reminders_run(today=today) == {"recorded": 1, "sent": 0, "failed": 1}
    assert Reminder.objects.get().sent_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert reminders_run(today=today) == {"recorded": 0, "sent": 1, "failed": 0}
    assert Reminder.objects.get().sent_at is not None
    assert len(mail.outbox) == 1


def test_the_secretariat_sees_the_reminders_on_the_application_and_edits_the_rules(
    client, today
):
    report = report_due_in(3, today)
    reminders_run(today=today)
    client.force_login(UserFactory(role=SECRETARIAT, is_staff=True))

    page = f"/en/admin/applications/application/{report.application.pk}/change/"
    body = client.get(page).content.decode()
    assert "Report due soon" in body
    rules = client.get("/en/admin/reminders/reminderrule/").content.decode()
    assert "days before the report is due" in rules
