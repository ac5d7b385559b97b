"""Anonymous visitors' public pages come from the cache, each with the visitor's own
CSRF token; signed-in users and changed content never see a stale page."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.cases.factories import SuccessCaseFactory


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    from django.core.cache import cache

    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@pytest.mark.django_db
def test_a_second_visitor_gets_the_page_from_the_cache_without_queries(client):
    SuccessCaseFactory(title_en="Heat pump dryer")
    client.get("/en/cases/")

    with CaptureQueriesContext(connection) as queries:
        response = Client().get("/en/cases/")

    assert response.status_code == 200
    assert "Heat pump dryer" in response.content.decode()
    assert len(queries) == 0


@pytest.mark.django_db
def test_each_visitor_gets_a_csrf_token_of_their_own_that_works():
    SuccessCaseFactory()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    page_one = first.get("/en/cases/").content.decode()
    page_two = second.get("/en/cases/").content.decode()  # from the cache

    assert "\x00" not in page_two
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    # The cached page's token goes with the second visitor's cookie: switching the
    # language works, and it would not with the first visitor's token.
    ok = second.post(
        "/i18n/setlang/",
        {
            "language": "zh-hant",
            "next": "/zh-hant/cases/",
            "csrfmiddlewaretoken": token(page_two),
        },
    )
    assert ok.status_code == 302
    assert token(page_one) != token(page_two)


@pytest.mark.django_db
def test_a_changed_case_shows_at_once(client):
    case = SuccessCaseFactory(title_en="Old title")
    assert "Old title" in Client().get("/en/cases/").content.decode()

    case.title_en = "New title"
    case.save()

    page = Client().get("/en/cases/").content.decode()
    assert "New title" in page and "Old title" not in page


@pytest.mark.django_db
def test_each_language_and_address_is_cached_apart():
    SuccessCaseFactory(title_en="Dryer", title_zh_hant="乾燥機", title_zh_hans="干燥机")
    Client().get("/en/cases/")

    assert "乾燥機" in Client().get("/zh-hant/cases/").content.decode()
    assert "干燥机" in Client().get("/zh-hans/cases/").content.decode()
    assert "Dryer" in Client().get("/en/cases/?industry=textiles").content.decode()


@pytest.mark.django_db
def test_signed_in_users_are_never_served_from_the_cache(client, applicant_user):
    SuccessCaseFactory()
    Client().get("/en/")  # cached for anonymous visitors
    client.force_login(applicant_user)

    page = client.get("/en/").content.decode()

    assert "/accounts/logout/" in page  # their own page, with their menu


@pytest.mark.django_db
def test_without_redis_public_pages_answer_and_content_still_saves(settings):
    working = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }

    case = SuccessCaseFactory(title_en="Saved without Redis")  # moves no version
    page = Client().get("/en/cases/")

    assert page.status_code == 200
    assert case.title_en in page.content.decode()
    settings.CACHES = working
