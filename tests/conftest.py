import os

import pytest
from django.contrib.auth.models import Group

from accounts.roles import APPLICANT, EPD_VIEWER, SECRETARIAT

from .factories import UserFactory

# Playwright's sync API runs an event loop in the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

LANGUAGES = ["en", "zh-hant", "zh-hans"]


@pytest.fixture(autouse=True)
def _english_to_start():
    """A request leaves its language active in the thread: start each test in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _celery_eager():
    """Celery reads settings at import; tests set eager mode on the app itself."""
    from cpportal.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield


@pytest.fixture
def applicant_user(db):
    return UserFactory(role=APPLICANT)


@pytest.fixture
def secretariat_user(db):
    return UserFactory(role=SECRETARIAT, is_staff=True)


@pytest.fixture
def epd_user(db):
    return UserFactory(role=EPD_VIEWER)


@pytest.fixture
def role_groups(db):
    return {
        name: Group.objects.get(name=name)
        for name in (APPLICANT, SECRETARIAT, EPD_VIEWER)
    }
