"""Every applicant URL, tried as another organisation's user and as an anonymous visitor:
refused, nothing disclosed, nothing changed."""

import re

import pytest

from accounts.roles import EPD_VIEWER
from applications import services
from applications.models import (
    Application,
    Attachment,
    Factory,
    Invitation,
    Membership,
    MembershipRole,
    StatusChange,
)
from tests.factories import UserFactory

from .conftest import OA
from .factories import MembershipFactory, pdf_file

pytestmark = pytest.mark.django_db

STEPS = ["project", "earlier", "details", "costs", "documents", "declarations"]


@pytest.fixture
def world(ready_draft, user, organisation, hk_factory, gd_factory):
    """Organisation A's objects, each named in some applicant URL."""
    submitted = ready_draft(OA)
    services.application_submit(application=submitted, user=user)
    draft = ready_draft(OA, factory=gd_factory)
    colleague = MembershipFactory(organisation=organisation, role=MembershipRole.MEMBER)
    invitation = Invitation.objects.create(
        organisation=organisation, email="new@example.com", invited_by=user
    )
    return {
        "draft": draft,
        "submitted": submitted,
        "factory": hk_factory,
        "file": draft.attachments.first(),
        "colleague": colleague,
        "invitation": invitation,
    }


OWN_ORGANISATION_URLS = [
    "/en/apply/",
    "/en/apply/new/?kind=OA",
    "/en/apply/organisation/",
    "/en/apply/organisation/new/",
    "/en/apply/organisation/edit/",
    "/en/apply/factories/new/",
]


def get_urls(w) -> list[str]:
    d, s = w["draft"].pk, w["submitted"].pk
    return [
        f"/en/apply/applications/{d}/",
        *[f"/en/apply/applications/{d}/steps/{step}/" for step in STEPS],
        f"/en/apply/applications/{d}/check/",
        f"/en/apply/applications/{s}/submitted/",
        f"/en/apply/applications/{s}/withdraw/",
        f"/en/apply/applications/{s}/answer/",
        f"/en/apply/applications/{s}/versions/1/",
        f"/en/apply/factories/{w['factory'].pk}/",
        f"/en/apply/files/{w['file'].uuid}/",
    ]


def post_requests(w) -> list[tuple[str, dict]]:
    d, s = w["draft"].pk, w["submitted"].pk
    return [
        (
            f"/en/apply/applications/{d}/steps/project/",
            {"action": "save", "title": "Taken"},
        ),
        (
            f"/en/apply/applications/{d}/steps/documents/",
            {"application-other": pdf_file("planted.pdf")},
        ),
        (f"/en/apply/applications/{d}/check/", {}),
        (f"/en/apply/applications/{s}/withdraw/", {"confirm": "on", "reason": "x"}),
        (f"/en/apply/applications/{s}/answer/", {"body": "x", "action": "send"}),
        (f"/en/apply/files/{w['file'].uuid}/remove/", {}),
        (
            f"/en/apply/factories/{w['factory'].pk}/",
            {"form": "factory", "name": "Taken"},
        ),
        (f"/en/apply/organisation/members/{w['colleague'].pk}/remove/", {}),
        (f"/en/apply/organisation/invitations/{w['invitation'].pk}/revoke/", {}),
        (f"/en/apply/invitations/{w['invitation'].pk}/accept/", {}),
    ]


def state() -> tuple:
    """Everything a refused request might have changed."""
    return (
        list(
            Application.objects.order_by("pk").values_list(
                "status", "title", "reference"
            )
        ),
        StatusChange.objects.count(),
        list(Attachment.objects.order_by("pk").values_list("pk", "removed_at")),
        list(Membership.objects.order_by("pk").values_list("pk", "organisation")),
        list(Invitation.objects.values_list("pk", "revoked_at", "accepted_at")),
        list(Factory.objects.order_by("pk").values_list("name", flat=True)),
    )


def test_the_owner_reaches_every_url(client, world, user):
    client.force_login(user)
    for url in get_urls(world) + OWN_ORGANISATION_URLS:
        assert client.get(url).status_code in (200, 302), url


@pytest.mark.parametrize("who", ["other organisation", "no organisation", "EPD viewer"])
def test_other_users_are_refused_every_url_and_learn_nothing(
    client, world, other_member, who
):
    visitor = {
        "other organisation": other_member.user,
        "no organisation": UserFactory(role="Applicant"),
        "EPD viewer": UserFactory(role=EPD_VIEWER),
    }[who]
    # Staff roles are refused every applicant page outright (403); applicants of
    # another organisation cannot tell "not yours" from "does not exist" (404).
    refusal = {"other organisation": 404, "no organisation": 404, "EPD viewer": 403}[
        who
    ]
    client.force_login(visitor)
    before = state()

    for url in get_urls(world):
        response = client.get(url)
        assert response.status_code == refusal, url
        body = response.content.decode()
        assert "Cut energy use" not in body
        assert world["factory"].name not in body
    for url, data in post_requests(world):
        assert client.post(url, data).status_code == refusal, url

    assert state() == before


def test_anonymous_visitors_are_sent_to_log_in_and_nothing_changes(client, world):
    before = state()

    for url in get_urls(world) + OWN_ORGANISATION_URLS:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/en/accounts/login/?next="), url
    for url, data in post_requests(world) + [
        ("/en/apply/organisation/invite/", {"email": "x@example.com"}),
        ("/en/apply/organisation/", {"br_certificate": pdf_file()}),
    ]:
        response = client.post(url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/en/accounts/login/"), url

    assert state() == before


def test_a_not_existing_object_answers_like_someone_elses(client, world, other_member):
    client.force_login(other_member.user)
    pk = world["draft"].pk
    missing = client.get("/en/apply/applications/999999/")
    someone_elses = client.get(f"/en/apply/applications/{pk}/")

    assert missing.status_code == someone_elses.status_code == 404

    # The same page, but for the address itself and the (masked) CSRF token.
    def page(response):
        body = response.content.decode().replace(f"/applications/{pk}/", "/X/")
        return re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", body).replace(
            "/applications/999999/", "/X/"
        )

    assert page(missing) == page(someone_elses)


def test_a_member_who_is_not_administrator_cannot_manage_members(client, world):
    colleague = world["colleague"]
    client.force_login(colleague.user)
    before = state()

    client.post("/en/apply/organisation/invite/", {"email": "x@example.com"})
    client.post(f"/en/apply/organisation/invitations/{world['invitation'].pk}/revoke/")
    client.get("/en/apply/organisation/edit/")

    assert state() == before
    assert not Invitation.objects.filter(email="x@example.com").exists()
