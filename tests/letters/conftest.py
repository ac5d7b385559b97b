import subprocess

import pytest
from django.db import transaction

from letters.services import letter_request_for_decision


def pdf_text(letter) -> str:
    """The letter's text as a reader's PDF tool extracts it (poppler's pdftotext)."""
    return subprocess.run(
        ["pdftotext", "-layout", letter.file.path, "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


@pytest.fixture
def decide(django_capture_on_commit_callbacks):
    """decide(decision) -> the letter, requested in the decision's transaction and
    rendered after commit (Celery eager, as in the rest of the suite)."""

    def run(decision):
        with django_capture_on_commit_callbacks(execute=True):
            with transaction.atomic():
                letter = letter_request_for_decision(decision_id=decision.pk)
        letter.refresh_from_db()
        return letter

    return run
