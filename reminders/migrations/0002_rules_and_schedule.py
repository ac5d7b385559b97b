"""The reminder rules with their default periods, and beat's hourly reminder job
(08:05 to 20:05 Hong Kong time); both editable in the admin."""

from django.db import migrations

NAME = "Reminders: send due reminders"
DEFAULTS = {
    "draft_closing": 14,
    "info_unanswered": 7,
    "report_due": 14,
    "report_overdue": 1,
    "claim_due": 14,
    "claim_overdue": 1,
}


def seed(apps, schema_editor):
    ReminderRule = apps.get_model("reminders", "ReminderRule")
    for kind, days in DEFAULTS.items():
        ReminderRule.objects.get_or_create(kind=kind, defaults={"days": days})
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    hourly, _ = CrontabSchedule.objects.get_or_create(
        minute="5",
        hour="8-20",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Asia/Hong_Kong",
    )
    PeriodicTask.objects.get_or_create(
        name=NAME,
        defaults={"task": "reminders.tasks.send_due_reminders", "crontab": hourly},
    )


def unseed(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(
        name=NAME
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(seed, unseed)]
