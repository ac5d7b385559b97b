"""Sessions end after 30 idle minutes or 8 hours in all; passwords follow the
validators on every form allauth shows."""

import time

import pytest
from django.conf import settings

from accounts.middleware import LAST_SEEN_KEY, SIGNED_IN_KEY
from accounts.models import User
from tests.factories import UserFactory


def age_session(client, **seconds_ago) -> None:
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


@pytest.mark.django_db
def test_an_active_session_stays_signed_in(client, applicant_user):
    client.force_login(applicant_user)
    client.get("/en/apply/")
    age_session(client, **{LAST_SEEN_KEY: settings.SESSION_IDLE_TIMEOUT - 60})

    assert client.get("/en/apply/").status_code == 200


@pytest.mark.django_db
def test_an_idle_session_is_signed_out(client, applicant_user):
    client.force_login(applicant_user)
    client.get("/en/apply/")
    age_session(client, **{LAST_SEEN_KEY: settings.SESSION_IDLE_TIMEOUT + 1})

    response = client.get("/zh-hant/apply/", follow=True)

    assert response.redirect_chain[0][0].startswith("/zh-hant/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert "30" in response.content.decode()  # the message names the idle minutes


@pytest.mark.django_db
def test_a_session_ends_after_its_absolute_lifetime(client, applicant_user):
    client.force_login(applicant_user)
    client.get("/en/apply/")
    age_session(
        client, **{SIGNED_IN_KEY: settings.SESSION_COOKIE_AGE + 1, LAST_SEEN_KEY: 10}
    )

    response = client.get("/en/apply/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_session_key_changes_at_login(client, applicant_user):
    client.get("/en/accounts/login/")
    client.session.save()
    before = client.session.session_key

    client.post(
        "/en/accounts/login/",
        {"login": applicant_user.email, "password": "correct-horse-battery"},
    )

    assert client.session.session_key != before


@pytest.mark.django_db
def test_changing_the_password_signs_out_other_sessions(client, applicant_user):
    from django.test import Client

    elsewhere = Client()
    elsewhere.force_login(applicant_user)
    client.force_login(applicant_user)

    response = client.post(
        "/en/accounts/password/change/",
        {
            "oldpassword": "correct-horse-battery",
            "password1": "a-new-long-factory-password",
            "password2": "a-new-long-factory-password",
        },
    )

    assert response.status_code == 302
    assert client.get("/en/apply/").status_code == 200
    assert elsewhere.get("/en/apply/").status_code == 302


def signup(client, password: str, email: str = "new.owner@example.com"):
    return client.post(
        "/en/accounts/signup/",
        {
            "full_name": "Chan Tai Man",
            "email": email,
            "language": "en",
            "password1": password,
            "password2": password,
        },
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short-pw", "too short"),
        ("1234567890", "too common"),
        ("password123", "too common"),
        ("new.owner@example", "too similar"),
        ("4829105736", "entirely numeric"),
    ],
)
def test_sign_up_refuses_weak_passwords(client, password, reason):
    response = signup(client, password)

    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not User.objects.filter(email="new.owner@example.com").exists()


@pytest.mark.django_db
def test_long_passphrases_are_accepted(client):
    response = signup(client, "a factory owner's passphrase " * 4)

    assert response.status_code == 302
    assert User.objects.filter(email="new.owner@example.com").exists()


@pytest.mark.django_db
def test_password_change_uses_the_same_validators(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/en/accounts/password/change/",
        {
            "oldpassword": "correct-horse-battery",
            "password1": "12345",
            "password2": "12345",
        },
    )

    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password("correct-horse-battery")


@pytest.mark.django_db
def test_adding_an_email_address_asks_for_the_password_again(client, applicant_user):
    client.force_login(applicant_user)

    response = client.post(
        "/en/accounts/email/", {"action_add": "", "email": "second@example.com"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/reauthenticate/")
    assert not applicant_user.emailaddress_set.filter(
        email="second@example.com"
    ).exists()
