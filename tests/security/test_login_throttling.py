"""Brute force against the login: django-axes locks a username from one address after
five failures; allauth's looser limits catch spraying; neither locks out a bystander."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.utils import timezone

from accounts.roles import APPLICANT, SECRETARIAT
from tests.factories import UserFactory, totp_code

PASSWORD = "correct-horse-battery"
LOGIN = "/en/accounts/login/"
# The production limits (the test settings switch allauth's rate limits off).
ALLAUTH_LIMITS = {
    "login_failed": "20/m/ip,10/15m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}


def attempt(client, email, password, ip="10.0.0.1", path=LOGIN, **extra):
    return client.post(
        path, {"login": email, "password": password}, REMOTE_ADDR=ip, **extra
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def owner(db):
    return UserFactory(role=APPLICANT, email="owner@example.com")


@pytest.mark.django_db
def test_the_fifth_failure_locks_the_account_and_the_right_password_is_refused(
    client, owner
):
    statuses = [
        attempt(client, owner.email, "wrong-guess").status_code for _ in range(5)
    ]
    sixth = attempt(client, owner.email, PASSWORD)

    assert statuses == [200, 200, 200, 200, 429]
    assert sixth.status_code == 429
    assert "Signing in is paused" in sixth.content.decode()
    assert not signed_in(client)
    assert AccessFailureLog.objects.filter(username=owner.email).count() == 5


@pytest.mark.django_db
def test_a_lockout_does_not_affect_another_user_or_the_owner_elsewhere(client, owner):
    other = UserFactory(role=APPLICANT)
    for _ in range(5):
        attempt(client, owner.email, "wrong-guess", ip="10.0.0.1")

    response = attempt(client, other.email, PASSWORD, ip="10.0.0.1")
    assert response.status_code == 302
    assert signed_in(client)

    client.logout()
    response = attempt(client, owner.email, PASSWORD, ip="10.0.0.2")
    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.django_db
def test_changing_the_case_of_the_address_does_not_reset_the_count(client, owner):
    for variant in ["OWNER@example.com", "Owner@Example.com", "owner@EXAMPLE.com"]:
        attempt(client, variant, "wrong-guess")
    attempt(client, " owner@example.com", "wrong-guess")

    response = attempt(client, "OWNER@EXAMPLE.COM", "wrong-guess")

    assert response.status_code == 429


@pytest.mark.django_db
def test_the_lockout_ends_after_fifteen_minutes(client, owner):
    for _ in range(5):
        attempt(client, owner.email, "wrong-guess")
    assert attempt(client, owner.email, PASSWORD).status_code == 429

    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )
    response = attempt(client, owner.email, PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.django_db
def test_a_spoofed_forwarded_for_header_does_not_escape_the_lockout(client, owner):
    for _ in range(5):
        attempt(client, owner.email, "wrong-guess", ip="10.0.0.1")

    response = attempt(
        client, owner.email, PASSWORD, ip="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9"
    )

    assert response.status_code == 429
    assert not signed_in(client)


@pytest.mark.django_db
def test_behind_one_trusted_proxy_the_last_forwarded_hop_is_the_client(
    client, owner, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = "10.9.9.9"
    for _ in range(5):
        attempt(
            client,
            owner.email,
            "x",
            ip=proxy,
            HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.7",
        )

    # The attacker's forged first hop changes nothing; the proxy-added hop counts.
    locked = attempt(
        client,
        owner.email,
        PASSWORD,
        ip=proxy,
        HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.7",
    )
    assert locked.status_code == 429
    # Someone else behind the same proxy is not locked out.
    other = attempt(
        client, owner.email, PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.8"
    )
    assert other.status_code == 302


@pytest.mark.django_db
def test_allauth_limits_leave_the_lockout_to_axes(client, owner, settings):
    settings.ACCOUNT_RATE_LIMITS = ALLAUTH_LIMITS

    statuses = [attempt(client, owner.email, "wrong").status_code for _ in range(5)]

    assert statuses == [200, 200, 200, 200, 429]
    assert (
        "Too many failed login attempts"
        not in attempt(client, owner.email, PASSWORD).content.decode()
    )


@pytest.mark.django_db
def test_one_account_tried_from_many_addresses_is_stopped_by_allauth(
    client, owner, settings
):
    settings.ACCOUNT_RATE_LIMITS = ALLAUTH_LIMITS
    for n in range(10):
        assert (
            attempt(client, owner.email, "wrong", ip=f"10.1.0.{n}").status_code == 200
        )

    response = attempt(client, owner.email, PASSWORD, ip="10.1.1.1")

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert not signed_in(client)


@pytest.mark.django_db
def test_the_lockout_page_is_translated(client, owner):
    for _ in range(4):
        attempt(client, owner.email, "wrong-guess")

    response = attempt(
        client, owner.email, "wrong-guess", path="/zh-hant/accounts/login/"
    )

    assert response.status_code == 429
    assert '<html lang="zh-hant">' in response.content.decode()
    assert "暫停" in response.content.decode()


@pytest.mark.django_db
def test_the_admin_login_form_is_not_a_way_around(client):
    staff = UserFactory(role=SECRETARIAT, is_staff=True)

    response = client.post(
        "/en/admin/login/?next=/en/admin/",
        {"username": staff.email, "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert not signed_in(client)


@pytest.mark.django_db
def test_staff_are_throttled_the_same_way_before_the_second_factor(client):
    staff = UserFactory(role=SECRETARIAT, is_staff=True)
    for _ in range(5):
        attempt(client, staff.email, "wrong-guess")

    response = attempt(client, staff.email, PASSWORD)
    code = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code()})

    assert response.status_code == 429
    assert code.status_code == 302
    assert not signed_in(client)


@pytest.mark.django_db
def test_the_secretariat_can_lift_a_lockout_in_the_admin(client, owner):
    for _ in range(5):
        attempt(client, owner.email, "wrong-guess")
    (lockout,) = AccessAttempt.objects.all()
    staff = UserFactory(role=SECRETARIAT, is_staff=True)
    client.force_login(staff)

    response = client.post(
        f"/en/admin/axes/accessattempt/{lockout.pk}/delete/", {"post": "yes"}
    )
    client.logout()

    assert response.status_code == 302
    assert attempt(client, owner.email, PASSWORD).status_code == 302
    assert signed_in(client)
