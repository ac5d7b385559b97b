"""Signed-in pages (the applicant's dashboard, the Secretariat's list, EPD's reports)
come from each user's own cache, and never once anything they show has changed.

These tests commit for real (transaction=True): the cache moves on after each committed
write, which a test rolled back at its end would never make.
"""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from accounts.roles import EPD_VIEWER, SECRETARIAT
from applications import services
from applications.models import Application
from core import pagecache
from tests.factories import UserFactory

from .conftest import OA

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _private_cache_on(settings):
    settings.PRIVATE_PAGE_CACHE_SECONDS = 120
    cache.clear()
    yield
    cache.clear()


def signed_in(user, **options) -> Client:
    client = Client(**options)
    client.force_login(user)
    return client


def page(client: Client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


def without_tokens(html: str) -> str:
    """The page without its CSRF tokens, which differ on every request."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_the_dashboard_comes_from_the_cache_until_the_application_changes(
    ready_draft, user
):
    application = ready_draft(OA)
    client = signed_in(user)
    first = page(client, "/en/apply/")
    assert application.title in first

    with CaptureQueriesContext(connection) as queries:
        again = page(client, "/en/apply/")
    assert without_tokens(again) == without_tokens(first)
    assert len(queries) <= 3  # the session, the user and their role: no page queries

    # A queryset update sends no signal: the cache still sees the committed write.
    Application.objects.filter(pk=application.pk).update(title="Heat recovery study")
    changed = page(client, "/en/apply/")
    assert "Heat recovery study" in changed
    assert application.title not in changed


def test_a_status_change_by_the_secretariat_shows_on_the_dashboard_at_once(
    ready_draft, user
):
    application = ready_draft(OA)
    client = signed_in(user)
    assert "Received" not in page(client, "/en/apply/")
    services.application_submit(application=application, user=user)

    assert "Received" in page(client, "/en/apply/")


def test_another_organisation_never_gets_our_cached_dashboard(
    ready_draft, user, other_member
):
    application = ready_draft(OA)
    assert application.title in page(signed_in(user), "/en/apply/")

    theirs = page(signed_in(other_member.user), "/en/apply/")

    assert application.title not in theirs
    assert other_member.organisation.name_en in theirs


def test_each_language_is_cached_apart(ready_draft, user):
    ready_draft(OA)
    client = signed_in(user)
    page(client, "/en/apply/")

    assert 'lang="zh-hant"' in page(client, "/zh-hant/apply/")
    assert 'lang="zh-hans"' in page(client, "/zh-hans/apply/")


def test_a_cached_page_carries_the_users_own_working_csrf_token(ready_draft, user):
    ready_draft(OA)
    page(signed_in(user), "/en/apply/")  # cached, from another browser of the same user
    client = signed_in(user, enforce_csrf_checks=True)

    cached = page(client, "/en/apply/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', cached).group(1)

    assert "\x00" not in cached
    switched = client.post(
        "/i18n/setlang/",
        {
            "language": "zh-hant",
            "next": "/zh-hant/apply/",
            "csrfmiddlewaretoken": token,
        },
    )
    assert switched.status_code == 302


def test_a_flash_message_is_shown_once_and_never_cached(ready_draft, user):
    ready_draft(OA)
    client = signed_in(user)
    page(client, "/en/apply/")  # cached without a message
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(constants.SUCCESS, "Your organisation has been saved.")
    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies["messages"] = carrier.cookies["messages"].value

    assert "Your organisation has been saved." in page(client, "/en/apply/")
    assert "Your organisation has been saved." not in page(client, "/en/apply/")


def test_the_secretariats_list_shows_a_new_submission_at_once(ready_draft, user):
    secretariat = signed_in(UserFactory(role=SECRETARIAT, is_staff=True))
    address = "/en/admin/applications/application/"
    application = ready_draft(OA)
    page(secretariat, address)
    page(secretariat, address)
    services.application_submit(application=application, user=user)
    application.refresh_from_db()

    listed = page(secretariat, address)

    assert application.reference and application.reference in listed


def test_the_secretariats_list_is_not_served_to_a_user_without_the_permission(
    ready_draft,
):
    ready_draft(OA)
    address = "/en/admin/applications/application/"
    page(signed_in(UserFactory(role=SECRETARIAT, is_staff=True)), address)
    # Staff (so the admin lets them in) but an EPD viewer: no view permission there.
    stranger = signed_in(UserFactory(role=EPD_VIEWER, is_staff=True))

    assert stranger.get(address).status_code == 403


def test_epd_reports_follow_a_new_decision(ready_draft, user, settings):
    settings.REPORTS_CACHE_SECONDS = 0  # the figures themselves are computed afresh
    epd = signed_in(UserFactory(role=EPD_VIEWER))
    before = without_tokens(page(epd, "/en/reports/"))
    assert without_tokens(page(epd, "/en/reports/")) == before
    application = ready_draft(OA)
    services.application_submit(application=application, user=user)

    assert without_tokens(page(epd, "/en/reports/")) != before


def test_only_committed_writes_outside_the_session_table_move_the_generation(
    ready_draft, user
):
    application = ready_draft(OA)
    client = signed_in(user)
    start = pagecache.generation()

    page(client, "/en/apply/")  # writes the session's first-seen time only
    assert pagecache.generation() == start

    with pytest.raises(RuntimeError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(title="Rolled back")
        raise RuntimeError
    assert pagecache.generation() == start

    with transaction.atomic():
        Application.objects.filter(pk=application.pk).update(title="Committed")
        Application.objects.filter(pk=application.pk).update(title="Committed twice")
        assert pagecache.generation() == start  # not before the commit
    assert pagecache.generation() == start + 1  # once per transaction


def test_without_redis_the_pages_still_answer(ready_draft, user, settings):
    ready_draft(OA)
    client = signed_in(user)
    working = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    settings.DASHBOARD_CARD_CACHE_SECONDS = 600  # that cache is unreachable too

    assert "Draft" in page(client, "/en/apply/")
    # A write still commits: moving the generation fails quietly.
    Application.objects.update(title="Saved without Redis")
    assert "Saved without Redis" in page(client, "/en/apply/")
    settings.CACHES = working
