"""The admin shows the Secretariat what applicants gave, read-only, without a query per row."""

import pytest

from accounts.roles import SECRETARIAT
from applications import services
from tests.factories import UserFactory

from .conftest import OA

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(role=SECRETARIAT, is_staff=True))
    return client


@pytest.fixture
def submitted(ready_draft, user, gd_factory):
    applications = [ready_draft(OA), ready_draft(OA, factory=gd_factory)]
    for application in applications:
        services.application_submit(application=application, user=user)
    return applications


@pytest.mark.parametrize(
    "model", ["organisation", "factory", "application", "attachment"]
)
def test_change_lists_answer_with_few_queries(
    staff_client, submitted, model, django_assert_max_num_queries
):
    # A fixed cost of about 8 (session, user, 2FA, permissions, groups) plus the list.
    with django_assert_max_num_queries(16):
        response = staff_client.get(f"/en/admin/applications/{model}/")
    assert response.status_code == 200


def test_the_application_page_shows_what_was_submitted_read_only(
    staff_client, submitted
):
    application = submitted[0]

    response = staff_client.get(
        f"/en/admin/applications/application/{application.pk}/change/"
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "The plating line" in body
    assert application.reference in body
    assert 'name="title"' not in body  # nothing to edit
    assert (
        staff_client.post(
            f"/en/admin/applications/application/{application.pk}/change/",
            {"title": "X"},
        ).status_code
        == 403
    )


def test_applicants_do_not_reach_the_admin(client, user, submitted):
    client.force_login(user)

    response = client.get("/en/admin/applications/application/")

    assert response.status_code == 302
