"""Beat's reminder job: thin caller; running it twice sends nothing twice."""

from celery import shared_task

from . import services


@shared_task(acks_late=True)
def send_due_reminders() -> dict[str, int]:
    return services.reminders_run()
