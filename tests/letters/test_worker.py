"""End to end: a real Celery worker on the real Redis makes the letter of a decision."""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import connection, transaction

from cpportal.celery import app as celery_app
from letters.models import LetterRequest, LetterStatus
from letters.services import letter_request_for_decision

from .conftest import pdf_text
from .factories import DecisionFactory


@contextmanager
def real_worker():
    """A solo worker of this test database on the test Redis (its own db number)."""
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cpportal.settings.test",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}"
            f"/{database['NAME']}"
        ),
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "cpportal",
            "worker",
            "--pool",
            "solo",
            "-l",
            "warning",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],  # fmt: skip
        cwd=settings.BASE_DIR,
        env=env,
    )
    celery_app.conf.task_always_eager = False
    try:
        yield worker
    finally:
        celery_app.conf.task_always_eager = True
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()


def wait_for(condition, timeout: float = 90) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_renders_the_letter_after_the_decision_commits():
    decision = DecisionFactory(application__language="zh-hant")

    celery_app.control.purge()  # messages of earlier runs name rows long gone
    with real_worker():
        with transaction.atomic():
            letter = letter_request_for_decision(decision_id=decision.pk)

        done = wait_for(
            lambda: LetterRequest.objects.filter(
                pk=letter.pk, status=LetterStatus.DONE, emailed_at__isnull=False
            ).exists()
        )

    assert done
    letter.refresh_from_db()
    assert LetterRequest.objects.filter(decision=decision).count() == 1
    assert "資助批准" in pdf_text(letter)
    assert letter.dispatched_at is not None and letter.attempts == 1
