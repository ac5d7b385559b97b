"""The demo shows an approved application of the demo applicant with its letter,
and every decision of the demo data has its letter."""

import pytest
from django.core.management import call_command

from accounts.models import User
from letters.models import LetterRequest, LetterStatus
from reminders.models import Reminder

pytestmark = pytest.mark.django_db


def test_the_demo_applicant_has_an_approval_letter_and_a_reminder_at_once(client):
    with open("/dev/null", "w") as quiet:
        call_command("seed_demo", stdout=quiet)
        first = (LetterRequest.objects.count(), Reminder.objects.count())
        call_command("seed_demo", stdout=quiet)

    assert (LetterRequest.objects.count(), Reminder.objects.count()) == first
    assert set(LetterRequest.objects.values_list("status", flat=True)) == {
        LetterStatus.DONE
    }
    assert not LetterRequest.objects.filter(emailed_at=None).exists()
    letter = LetterRequest.objects.get(
        application__organisation__memberships__user__email="applicant@example.com"
    )
    assert letter.decision.outcome == "approved"
    assert Reminder.objects.filter(application=letter.application).count() == 1
    client.force_login(User.objects.get(email="applicant@example.com"))
    body = client.get(f"/en/apply/applications/{letter.application_id}/").content
    assert f"/en/letters/{letter.uuid}/".encode() in body


def test_the_demo_sends_no_e_mail(mailoutbox, django_capture_on_commit_callbacks):
    with open("/dev/null", "w") as quiet:
        with django_capture_on_commit_callbacks(execute=True):
            call_command("seed_demo", stdout=quiet)
    assert mailoutbox == []
