"""Reminders: the rules the Secretariat sets, and one record per occasion sent.

A reminder's ``occasion`` names what it is about and its date (a report and its due
date, a request for information, a draft and its phase's closing date). The unique
key (kind, occasion) is what makes each reminder go out once, however often the
schedule runs; a changed due date is a new occasion.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.models import Application


class ReminderKind(models.TextChoices):
    DRAFT_CLOSING = "draft_closing", _("Draft not submitted as the phase closes")
    INFO_UNANSWERED = "info_unanswered", _("Request for information unanswered")
    REPORT_DUE = "report_due", _("Report due soon")
    REPORT_OVERDUE = "report_overdue", _("Report overdue")
    CLAIM_DUE = "claim_due", _("Payment claim due soon")
    CLAIM_OVERDUE = "claim_overdue", _("Payment claim overdue")


# kind -> (default days, what the days mean)
RULE_DEFAULTS = {
    ReminderKind.DRAFT_CLOSING: (14, _("days before the phase closes")),
    ReminderKind.INFO_UNANSWERED: (7, _("days after the request was sent")),
    ReminderKind.REPORT_DUE: (14, _("days before the report is due")),
    ReminderKind.REPORT_OVERDUE: (1, _("days after the report was due")),
    ReminderKind.CLAIM_DUE: (14, _("days before the claim is due")),
    ReminderKind.CLAIM_OVERDUE: (1, _("days after the claim was due")),
}


class ReminderRule(models.Model):
    """When one kind of reminder goes out; the Secretariat changes it in the admin."""

    kind = models.CharField(
        _("reminder"), max_length=20, choices=ReminderKind.choices, unique=True
    )
    days = models.PositiveSmallIntegerField(
        _("days"), validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    enabled = models.BooleanField(_("send"), default=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("reminder rule")
        verbose_name_plural = _("reminder rules")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(days__gte=1) & models.Q(days__lte=365),
                name="reminder_rule_days_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.days} {self.meaning}"

    @property
    def meaning(self) -> str:
        return str(RULE_DEFAULTS[self.kind][1])


class Reminder(models.Model):
    kind = models.CharField(_("reminder"), max_length=20, choices=ReminderKind.choices)
    occasion = models.CharField(_("occasion"), max_length=100)
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("application"),
    )
    due_on = models.DateField(_("date it is about"), null=True, blank=True)
    detail = models.CharField(_("detail"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    recipients = models.TextField(_("sent to"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "occasion"], name="reminder_once_per_occasion"
            )
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(sent_at=None),
                name="reminder_unsent_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.application}"
