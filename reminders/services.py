"""Which reminders are due today, recorded once per occasion, then e-mailed.

reminders_run(today=None)   beat's job: record the due reminders, send the unsent
occasions_due(today=...)    the rules, as data: what is due on a given day
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from applications.emails import send_once
from applications.models import (
    Application,
    ApplicationMessage,
    ApplicationStatus,
    ClaimStatus,
    Decision,
    DecisionOutcome,
    MessageKind,
    PaymentClaim,
    ProjectReport,
    ReportKind,
    ReportStatus,
)

from . import emails
from .models import RULE_DEFAULTS, Reminder, ReminderKind, ReminderRule

logger = logging.getLogger(__name__)
K = ReminderKind
OPEN_REPORT = (ReportStatus.DRAFT, ReportStatus.RETURNED)
OPEN_CLAIM = (ClaimStatus.DRAFT, ClaimStatus.RETURNED)
UNDER_WAY = (ApplicationStatus.APPROVED, ApplicationStatus.IN_PROGRESS)
CLAIMABLE = (*UNDER_WAY, ApplicationStatus.FINAL_REPORT_SUBMITTED)


@dataclass(frozen=True)
class Occasion:
    kind: str
    occasion: str
    application_id: int
    due_on: date | None = None
    detail: str = ""


def rule_days() -> dict[str, int]:
    """The enabled rules' days; a kind without a row uses its default."""
    days = {kind: default for kind, (default, _m) in RULE_DEFAULTS.items()}
    for rule in ReminderRule.objects.all():
        days[rule.kind] = rule.days if rule.enabled else None
    return {kind: d for kind, d in days.items() if d is not None}


def _in_force():
    """Approved decisions that are the latest of their application."""
    later = Decision.objects.filter(
        application=OuterRef("application"), number__gt=OuterRef("number")
    )
    return Decision.objects.filter(outcome=DecisionOutcome.APPROVED).filter(
        ~Exists(later)
    )


def _window(today: date, days: int, *, soon: bool) -> dict[str, date]:
    """Lookups on ``due_on``: due within ``days`` (soon), or ``days`` or more overdue."""
    if soon:
        return {"due_on__gte": today, "due_on__lte": today + timedelta(days=days)}
    return {"due_on__lte": today - timedelta(days=days)}


def _drafts(today: date, days: int):
    drafts = Application.objects.filter(
        status=ApplicationStatus.DRAFT,
        scheme__phase__opens_on__lte=today,
        scheme__phase__closes_on__gte=today,
        scheme__phase__closes_on__lte=today + timedelta(days=days),
    ).values_list("pk", "scheme__phase__closes_on")
    for pk, closes_on in drafts:
        yield Occasion(K.DRAFT_CLOSING, f"draft:{pk}:{closes_on}", pk, closes_on)


def _unanswered(today: date, days: int):
    cutoff = timezone.make_aware(
        datetime.combine(today - timedelta(days=days), time.max)
    )
    answered = ApplicationMessage.objects.filter(
        application=OuterRef("application"),
        kind=MessageKind.ANSWER,
        created_at__gt=OuterRef("created_at"),
    )
    requests = (
        ApplicationMessage.objects.filter(
            kind=MessageKind.INFORMATION_REQUEST,
            application__status=ApplicationStatus.INFO_REQUESTED,
            created_at__lte=cutoff,
        )
        .filter(~Exists(answered))
        .values_list("pk", "application_id", "created_at")
    )
    for pk, application_id, created_at in requests:
        yield Occasion(
            K.INFO_UNANSWERED,
            f"request:{pk}",
            application_id,
            timezone.localdate(created_at),
        )


def _reports(today: date, kind: str, days: int):
    window = _window(today, days, soon=kind == K.REPORT_DUE)
    reports = ProjectReport.objects.filter(
        status__in=OPEN_REPORT, application__status__in=CLAIMABLE, **window
    ).values_list("application_id", "kind", "number", "due_on")
    for application_id, report_kind, number, due_on in reports:
        yield Occasion(
            kind,
            f"report:{application_id}:{report_kind}:{number}:{due_on}",
            application_id,
            due_on,
            report_kind,
        )
    # The final report the decision asks for, before the applicant has started one.
    finals = (
        _in_force()
        .filter(application__status__in=UNDER_WAY)
        .exclude(application__reports__kind=ReportKind.FINAL)
        .filter(
            **{k.replace("due_on", "final_report_due_on"): v for k, v in window.items()}
        )
        .values_list("application_id", "final_report_due_on")
    )
    for application_id, due_on in finals:
        yield Occasion(
            kind,
            f"report:{application_id}:final:1:{due_on}",
            application_id,
            due_on,
            ReportKind.FINAL,
        )


def _claims(today: date, kind: str, days: int):
    window = _window(today, days, soon=kind == K.CLAIM_DUE)
    claims = PaymentClaim.objects.filter(
        status__in=OPEN_CLAIM, application__status__in=CLAIMABLE, **window
    ).values_list("pk", "application_id", "due_on")
    for pk, application_id, due_on in claims:
        yield Occasion(kind, f"claim:{pk}:{due_on}", application_id, due_on)
    # The claim the decision asks for, before the applicant has started one.
    decided = (
        _in_force()
        .filter(application__status__in=CLAIMABLE)
        .filter(
            ~Exists(PaymentClaim.objects.filter(application=OuterRef("application")))
        )
        .filter(**{k.replace("due_on", "claim_due_on"): v for k, v in window.items()})
        .values_list("application_id", "claim_due_on")
    )
    for application_id, due_on in decided:
        yield Occasion(
            kind, f"claim:app{application_id}:{due_on}", application_id, due_on
        )


def occasions_due(*, today: date) -> list[Occasion]:
    """Every reminder the rules call for on ``today`` (sent or not)."""
    days = rule_days()
    found: list[Occasion] = []
    if K.DRAFT_CLOSING in days:
        found += _drafts(today, days[K.DRAFT_CLOSING])
    if K.INFO_UNANSWERED in days:
        found += _unanswered(today, days[K.INFO_UNANSWERED])
    for kind in (K.REPORT_DUE, K.REPORT_OVERDUE):
        if kind in days:
            found += _reports(today, kind, days[kind])
    for kind in (K.CLAIM_DUE, K.CLAIM_OVERDUE):
        if kind in days:
            found += _claims(today, kind, days[kind])
    return found


def reminders_record(*, today: date) -> int:
    """Record the due reminders not recorded before; the number of new ones."""
    new = 0
    for occasion in occasions_due(today=today):
        try:
            with transaction.atomic():
                _reminder, created = Reminder.objects.get_or_create(
                    kind=occasion.kind,
                    occasion=occasion.occasion,
                    defaults={
                        "application_id": occasion.application_id,
                        "due_on": occasion.due_on,
                        "detail": occasion.detail,
                    },
                )
        except IntegrityError:
            created = False  # recorded at the same moment by another run
        new += created
    return new


def reminders_send_pending() -> tuple[int, int]:
    """Send every recorded reminder not sent yet: (sent, failed). A failure is kept
    for the next run."""
    sent = failed = 0
    for pk in Reminder.objects.filter(sent_at=None).values_list("pk", flat=True):
        try:
            sent += send_once(Reminder, pk, "sent_at", emails.reminder_messages)
        except Exception:  # noqa: BLE001 - one bad address must not stop the rest
            logger.exception("reminder %s not sent", pk)
            failed += 1
    return sent, failed


def reminders_run(*, today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    recorded = reminders_record(today=today)
    sent, failed = reminders_send_pending()
    return {"recorded": recorded, "sent": sent, "failed": failed}
