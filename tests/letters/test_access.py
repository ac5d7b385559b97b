"""Who may download a letter: its organisation's members and the Secretariat only."""

import pytest

from accounts.roles import EPD_VIEWER, SECRETARIAT
from letters.models import LetterStatus
from tests.applications.factories import MembershipFactory
from tests.factories import UserFactory

from .factories import DecisionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(decide):
    return decide(DecisionFactory())


def url(letter) -> str:
    return f"/en/letters/{letter.uuid}/"


def test_a_member_of_the_organisation_downloads_it_as_a_private_attachment(
    client, letter
):
    colleague = MembershipFactory(organisation=letter.application.organisation).user
    client.force_login(colleague)

    response = client.get(url(letter))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert letter.download_name in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content)[:5] == b"%PDF-"


def test_the_secretariat_downloads_it(client, letter):
    client.force_login(UserFactory(role=SECRETARIAT, is_staff=True))

    assert client.get(url(letter)).status_code == 200


@pytest.mark.parametrize("who", ["other applicant", "EPD", "anonymous"])
def test_everyone_else_is_refused(client, letter, who):
    if who == "other applicant":
        client.force_login(MembershipFactory().user)
    elif who == "EPD":
        client.force_login(UserFactory(role=EPD_VIEWER))

    response = client.get(url(letter))

    expected = {"other applicant": 404, "EPD": 403, "anonymous": 302}[who]
    assert response.status_code == expected


def test_a_letter_still_being_prepared_is_not_served(client, letter):
    letter.status = LetterStatus.PENDING
    letter.save(update_fields=["status"])
    client.force_login(letter.application.created_by)

    assert client.get(url(letter)).status_code == 404


def test_the_applicant_sees_the_letter_on_the_application_and_the_dashboard(
    client, letter
):
    client.force_login(letter.application.created_by)

    for page in (f"/en/apply/applications/{letter.application.pk}/", "/en/apply/"):
        body = client.get(page).content.decode()
        assert url(letter) in body
        assert letter.reference in body


def test_the_secretariat_sees_the_letter_on_the_application_in_the_admin(
    client, letter
):
    client.force_login(UserFactory(role=SECRETARIAT, is_staff=True))
    admin_client = client
    page = f"/en/admin/applications/application/{letter.application.pk}/change/"
    body = admin_client.get(page).content.decode()

    assert url(letter) in body
    assert admin_client.get("/en/admin/letters/letterrequest/").status_code == 200
