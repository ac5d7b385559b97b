import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from accounts.roles import APPLICANT

from .conftest import LANGUAGES
from .factories import totp_code

PUBLIC_PAGES = [
    "core:home",
    "pages:programme",
    "pages:recognition",
    "pages:resources",
    "pages:news",
    "pages:events",
    "pages:faq",
    "cases:list",
    "toolbox:index",
    "providers:list",
    "account_login",
    "account_signup",
    "account_reset_password",
]
PROTECTED_PAGES = [
    "applications:dashboard",
    "reports:index",
    "accounts:profile",
    "account_change_password",
]


def url_in(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(name)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_every_public_page_answers_in_each_language(client, name, language):
    response = client.get(url_in(name, language))

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_are_translated(client, language):
    expected = {"en": "Success Cases", "zh-hant": "成功個案", "zh-hans": "成功个案"}

    response = client.get(url_in("core:home", language))

    assert expected[language] in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", PROTECTED_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, name):
    url = url_in(name, "zh-hant")

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/zh-hant/accounts/login/")
    assert f"next={url}" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("user_fixture", "start"),
    [
        ("applicant_user", "/en/apply/"),
        ("secretariat_user", "/en/admin/"),
        ("epd_user", "/en/reports/"),
    ],
)
def test_each_role_lands_on_its_start_page_after_login(
    client, request, user_fixture, start
):
    user = request.getfixturevalue(user_fixture)

    response = client.post(
        "/en/accounts/login/",
        {"login": user.email, "password": "correct-horse-battery"},
        follow=True,
    )
    if user_fixture != "applicant_user":  # staff confirm with their authenticator app
        assert response.redirect_chain[-1][0] == "/en/accounts/2fa/authenticate/"
        response = client.post(
            "/en/accounts/2fa/authenticate/", {"code": totp_code()}, follow=True
        )

    assert response.redirect_chain[-1][0] == start
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("user_fixture", ["applicant_user", "epd_user"])
def test_only_the_secretariat_reaches_the_admin(client, request, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get("/en/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")


@pytest.mark.django_db
def test_applicants_cannot_read_reports(client, applicant_user):
    client.force_login(applicant_user)

    assert client.get("/en/reports/").status_code == 403


@pytest.mark.django_db
def test_sign_up_verifies_the_email_then_lands_on_the_dashboard(client):
    response = client.post(
        "/zh-hant/accounts/signup/",
        {
            "full_name": "陳大文",
            "email": "New.Owner@Example.com",
            "language": "zh-hant",
            "password1": "a-long-factory-password",
            "password2": "a-long-factory-password",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.owner@example.com")
    assert user.language == "zh-hant"
    assert list(user.groups.values_list("name", flat=True)) == [APPLICANT]
    assert len(mail.outbox) == 1
    # Not signed in until the address is confirmed.
    assert client.get("/zh-hant/apply/").status_code == 302

    confirm_url = re.search(
        r"https?://[^/]+(/\S+/confirm-email/\S+/)", mail.outbox[0].body
    )
    response = client.post(confirm_url.group(1), follow=True)

    assert response.redirect_chain[-1][0] == "/zh-hant/apply/"


@pytest.mark.django_db
def test_sign_up_errors_are_shown_in_the_users_language(client):
    response = client.post(
        "/zh-hans/accounts/signup/",
        {"full_name": "", "email": "not-an-email", "password1": "x", "password2": "y"},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "这个字段是必填项。" in body
    assert 'value="not-an-email"' in body


@pytest.mark.django_db
def test_language_switcher_keeps_the_visitor_on_the_same_page(client):
    response = client.post(
        "/i18n/setlang/", {"language": "zh-hans", "next": "/en/cases/?page=1"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/cases/?page=1"
    assert response.cookies["django_language"].value == "zh-hans"


@pytest.mark.django_db
def test_profile_saves_the_preferred_language(client, applicant_user):
    client.force_login(applicant_user)

    client.post(
        "/en/accounts/profile/",
        {"full_name": "Chan Tai Man", "phone": "+852 2788 5588", "language": "zh-hans"},
    )

    applicant_user.refresh_from_db()
    assert applicant_user.language == "zh-hans"


@pytest.mark.django_db
def test_health_check_reports_database_cache_and_broker(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "database": "up",
        "cache": "up",
        "broker": "up",
        "cache_backend": "RedisCache",
        "status": "ok",
    }


@pytest.mark.django_db
def test_health_check_names_a_broker_that_is_down(client):
    from cpportal.celery import app

    original = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = original

    assert response.status_code == 503
    assert response.json()["broker"].startswith("down")
    assert response.json()["status"] == "down: broker"


@pytest.mark.django_db
def test_sitemap_lists_pages_in_every_language(client):
    body = client.get("/sitemap.xml").content.decode()

    for language in LANGUAGES:
        assert f"/{language}/cases/" in body
        assert f"/{language}/toolbox/measures/" in body
        assert f"/{language}/recognition/notice/" in body
        assert f"/{language}/recognition/verify/" in body


@pytest.mark.django_db
def test_seed_demo_twice_changes_nothing():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = {model: model.objects.count() for model in (User,)}

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert {model: model.objects.count() for model in (User,)} == counts
    assert User.objects.filter(email="applicant@example.com").exists()
