"""The demo shows an approved application of the demo applicant with its letter."""

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

    assert (LetterRequest.objects.count(), Reminder.objects.count()) == first == (1, 1)
    letter = LetterRequest.objects.get()
    assert letter.status == LetterStatus.DONE
    assert letter.decision.outcome == "approved"
    client.force_login(User.objects.get(email="applicant@example.com"))
    body = client.get(f"/en/apply/applications/{letter.application_id}/").content
    assert f"/en/letters/{letter.uuid}/".encode() in body
