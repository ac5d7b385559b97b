"""Two factors for Secretariat and EPD accounts (allauth.mfa): set-up is forced, the
login asks for the code, the admin login cannot skip it, applicants are never asked."""

import re
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET
from accounts.management.commands.demo_totp import current_code
from accounts.roles import APPLICANT, EPD_VIEWER, SECRETARIAT
from tests.factories import UserFactory, totp_code

PASSWORD = "correct-horse-battery"
SETUP = "/en/accounts/2fa/totp/activate/"
CODE_PAGE = "/en/accounts/2fa/authenticate/"


def log_in(client, user, password=PASSWORD):
    return client.post(
        "/en/accounts/login/", {"login": user.email, "password": password}, follow=True
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "is_staff"), [(SECRETARIAT, True), (EPD_VIEWER, False)]
)
def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, role, is_staff):
    user = UserFactory(role=role, role__totp=False, is_staff=is_staff)

    response = log_in(client, user)

    assert response.redirect_chain[-1][0] == SETUP
    assert "must use two-factor authentication" in response.content.decode()
    for path in ["/en/admin/", "/en/reports/", "/en/apply/", "/en/accounts/profile/"]:
        blocked = client.get(path)
        assert (blocked.status_code, blocked["Location"]) == (302, SETUP), path
    # Changing data is refused too, and signing out still works.
    assert client.post("/en/accounts/profile/", {"full_name": "X"}).status_code == 302
    user.refresh_from_db()
    assert user.full_name != "X"
    client.post("/en/accounts/logout/")
    assert not signed_in(client)


@pytest.mark.django_db
def test_setting_up_the_authenticator_opens_the_portal(client):
    user = UserFactory(role=SECRETARIAT, role__totp=False, is_staff=True)
    log_in(client, user)

    page = client.get(SETUP)
    secret = client.session["mfa.totp.secret"]
    response = client.post(SETUP, {"code": totp_code(secret)})

    assert page.status_code == 200
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    assert client.get("/en/admin/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", [SECRETARIAT, EPD_VIEWER])
def test_staff_with_an_authenticator_must_enter_its_code(client, role):
    user = UserFactory(role=role, is_staff=role == SECRETARIAT)

    response = log_in(client, user)
    assert response.redirect_chain[-1][0] == CODE_PAGE
    assert not signed_in(client)

    wrong = client.post(CODE_PAGE, {"code": "000000"})
    assert wrong.status_code == 200
    assert not signed_in(client)

    right = client.post(CODE_PAGE, {"code": totp_code()}, follow=True)
    assert signed_in(client)
    assert right.redirect_chain[-1][0] in ("/en/admin/", "/en/reports/")


@pytest.mark.django_db
def test_a_code_cannot_be_used_twice(client):
    user = UserFactory(role=SECRETARIAT, is_staff=True)
    log_in(client, user)
    code = totp_code()
    client.post(CODE_PAGE, {"code": code})
    client.post("/en/accounts/logout/")

    log_in(client, user)
    replay = client.post(CODE_PAGE, {"code": code})

    assert replay.status_code == 200
    assert not signed_in(client)


@pytest.mark.django_db
def test_applicants_are_never_asked_for_a_code(client):
    user = UserFactory(role=APPLICANT)

    response = log_in(client, user)

    assert response.redirect_chain[-1][0] == "/en/apply/"
    assert client.get("/en/accounts/profile/").status_code == 200


@pytest.mark.django_db
def test_applicants_may_choose_two_factors(client):
    user = UserFactory(role=APPLICANT)
    log_in(client, user)

    page = client.get(SETUP)

    assert page.status_code == 200
    assert "QR code" in page.content.decode()


@pytest.mark.django_db
def test_staff_cannot_switch_their_authenticator_off(client):
    user = UserFactory(role=SECRETARIAT, is_staff=True)
    log_in(client, user)
    client.post(CODE_PAGE, {"code": totp_code()})
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})

    response = client.post("/en/accounts/2fa/totp/deactivate/")

    assert response.status_code == 200
    assert "cannot deactivate" in response.content.decode()
    assert Authenticator.objects.filter(user=user, type="totp").exists()


@pytest.mark.django_db
def test_the_requirement_can_be_switched_off(client, settings):
    settings.STAFF_2FA_REQUIRED = False
    user = UserFactory(role=SECRETARIAT, role__totp=False, is_staff=True)

    response = log_in(client, user)

    assert response.redirect_chain[-1][0] == "/en/admin/"


@pytest.mark.django_db
def test_the_demo_staff_sign_in_with_the_published_secret(client):
    call_command("seed_demo", stdout=StringIO())
    output = StringIO()
    call_command("demo_totp", stdout=output)
    code = re.search(r"code: (\d{6})", output.getvalue()).group(1)

    client.post(
        "/en/accounts/login/",
        {"login": "secretariat@example.com", "password": DEMO_PASSWORD},
    )
    response = client.post(CODE_PAGE, {"code": code}, follow=True)

    assert code == current_code(DEMO_TOTP_SECRET)
    assert DEMO_TOTP_SECRET in output.getvalue()
    assert response.redirect_chain[-1][0] == "/en/admin/"
