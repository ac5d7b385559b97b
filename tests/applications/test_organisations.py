"""Organisations: set-up, Business Registration numbers, members and invitations,
factories with their connection test."""

import re

import pytest
from django.core import mail, signing

from applications import services
from applications.errors import ApplicationError
from applications.models import (
    ContactPerson,
    Factory,
    Invitation,
    Membership,
    MembershipRole,
    Organisation,
)
from tests.factories import UserFactory

from .factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ORGANISATION = {
    "kind": "business",
    "name_en": "Kowloon Dyeing Limited",
    "name_zh": "九龍染廠有限公司",
    "br_number": "12345678-000-01-25-1",
    "address": "3 Cheung Yee Street, Cheung Sha Wan",
    "phone": "+852 2111 2222",
    "email": "",
    "website": "",
    "contacts-TOTAL_FORMS": "1",
    "contacts-INITIAL_FORMS": "0",
    "contacts-MIN_NUM_FORMS": "1",
    "contacts-MAX_NUM_FORMS": "10",
    "contacts-0-name": "Wong Mei Ling",
    "contacts-0-position": "Director",
    "contacts-0-phone": "+852 9000 0000",
    "contacts-0-email": "mei@example.com",
}


@pytest.fixture
def newcomer(client):
    user = UserFactory(role="Applicant")
    client.force_login(user)
    return user


def test_the_first_user_sets_up_the_organisation_and_is_its_administrator(
    client, newcomer
):
    response = client.post("/en/apply/organisation/new/", ORGANISATION)

    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert organisation.br_number == "12345678"
    assert organisation.name_zh == "九龍染廠有限公司"
    membership = Membership.objects.get(user=newcomer)
    assert (membership.organisation, membership.role) == (
        organisation,
        MembershipRole.ADMINISTRATOR,
    )
    assert ContactPerson.objects.get().name == "Wong Mei Ling"


@pytest.mark.parametrize(
    ("br_number", "message"),
    [
        ("1234-5678", "8 digits"),
        ("", "A Hong Kong business must give its Business Registration number."),
    ],
)
def test_the_br_number_is_checked(client, newcomer, br_number, message):
    response = client.post(
        "/en/apply/organisation/new/", {**ORGANISATION, "br_number": br_number}
    )

    assert message in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_registered_br_number_points_to_the_administrator(client, newcomer):
    OrganisationFactory(br_number="12345678")

    response = client.post("/en/apply/organisation/new/", ORGANISATION)

    assert "Ask its administrator to invite you" in response.content.decode()
    assert not Membership.objects.filter(user=newcomer).exists()


def test_an_association_may_have_no_br_number(client, newcomer):
    client.post(
        "/en/apply/organisation/new/",
        {**ORGANISATION, "kind": "association", "br_number": ""},
    )

    assert Organisation.objects.get().kind == "association"


def test_a_contact_person_is_required(client, newcomer):
    response = client.post(
        "/en/apply/organisation/new/", {**ORGANISATION, "contacts-0-name": ""}
    )

    assert response.status_code == 200
    assert not Organisation.objects.exists()


def invite(client, member, email="colleague@example.com", language="en"):
    client.force_login(member.user)
    return client.post(f"/{language}/apply/organisation/invite/", {"email": email})


def link_in(message) -> str:
    return re.search(r"https?://[^/]+(/\S+/apply/join/\S+/)", message.body).group(1)


def test_an_invited_colleague_signs_in_and_joins(
    client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, member, email="Colleague@Example.com", language="zh-hant")
    colleague = UserFactory(email="colleague@example.com", role="Applicant")
    client.logout()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["colleague@example.com"]
    link = link_in(mail.outbox[0])
    assert link.startswith("/zh-hant/apply/join/")
    anonymous = client.get(link)
    assert "colleague@example.com" in anonymous.content.decode()
    client.force_login(colleague)
    response = client.post(link)

    assert response.status_code == 302
    membership = Membership.objects.get(user=colleague)
    assert (membership.organisation, membership.role) == (
        member.organisation,
        MembershipRole.MEMBER,
    )
    assert Invitation.objects.get().accepted_by == colleague
    assert client.post(link).status_code == 404  # used


def test_the_invitation_is_for_the_address_it_was_sent_to(
    client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, member)
    link = link_in(mail.outbox[0])
    stranger = UserFactory(email="stranger@example.com", role="Applicant")
    client.force_login(stranger)

    response = client.post(link, follow=True)

    assert (
        "This invitation was sent to another e-mail address."
        in response.content.decode()
    )
    assert not Membership.objects.filter(user=stranger).exists()


def test_a_tampered_or_expired_link_is_refused(
    client, member, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, member)
    link = link_in(mail.outbox[0])
    client.logout()

    assert client.get(link[:-3] + "xx/").status_code == 404
    token = link.rstrip("/").rsplit("/", 1)[1]
    data = signing.loads(token, salt="applications.invitation")
    monkeypatch.setattr(signing.time, "time", lambda: 0)
    old = signing.dumps(data, salt="applications.invitation")
    monkeypatch.undo()
    assert client.get(f"/en/apply/join/{old}/").status_code == 404


def test_a_pending_invitation_shows_on_the_invitees_dashboard(client, member):
    Invitation.objects.create(
        organisation=member.organisation,
        email="joiner@example.com",
        invited_by=member.user,
    )
    joiner = UserFactory(email="joiner@example.com", role="Applicant")
    client.force_login(joiner)

    page = client.get("/en/apply/").content.decode()
    invitation = Invitation.objects.get()
    client.post(f"/en/apply/invitations/{invitation.pk}/accept/")

    assert member.organisation.name_en in page
    assert Membership.objects.get(user=joiner).organisation == member.organisation


def test_the_administrator_removes_a_colleague_but_not_themselves(client, member):
    colleague = MembershipFactory(organisation=member.organisation, role="member")
    client.force_login(member.user)

    client.post(f"/en/apply/organisation/members/{colleague.pk}/remove/")
    client.post(f"/en/apply/organisation/members/{member.pk}/remove/")

    assert list(Membership.objects.values_list("pk", flat=True)) == [member.pk]


def test_the_administrator_withdraws_an_invitation(client, member):
    invitation = Invitation.objects.create(
        organisation=member.organisation,
        email="late@example.com",
        invited_by=member.user,
    )
    client.force_login(member.user)

    client.post(f"/en/apply/organisation/invitations/{invitation.pk}/revoke/")

    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_a_user_of_one_organisation_cannot_join_another(client, member, other_member):
    invitation = Invitation.objects.create(
        organisation=member.organisation,
        email=other_member.user.email,
        invited_by=member.user,
    )

    with pytest.raises(ApplicationError, match="already belong to an organisation"):
        services.invitation_accept(user=other_member.user, invitation=invitation)
    assert Membership.objects.get(user=other_member.user).organisation == (
        other_member.organisation
    )


# --- Factories --------------------------------------------------------------------

FACTORY = {
    "form": "factory",
    "name": "Sha Tin plant",
    "address": "5 On Kwan Street, Sha Tin",
    "location": "hk-sha-tin",
    "connection_test": "hk_factory",
    "industry": "food",
    "industry_other": "",
    "employees": "25",
    "main_processes": "Cooking and bottling",
    "baseline_year": "2025",
    "baseline_electricity_kwh": "380000",
    "baseline_water_m3": "9000",
    "fuels-TOTAL_FORMS": "1",
    "fuels-INITIAL_FORMS": "0",
    "fuels-MIN_NUM_FORMS": "0",
    "fuels-MAX_NUM_FORMS": "10",
    "fuels-0-fuel": "towngas",
    "fuels-0-description": "",
    "fuels-0-annual_quantity": "40000",
    "fuels-0-unit": "unit",
}


def test_a_factory_is_added_with_its_baseline(client, member):
    client.force_login(member.user)

    response = client.post("/en/apply/factories/new/", FACTORY)

    factory = Factory.objects.get()
    assert response["Location"] == f"/en/apply/factories/{factory.pk}/"
    assert (factory.organisation, factory.location, factory.employees) == (
        member.organisation,
        "hk-sha-tin",
        25,
    )
    assert factory.fuels.get().annual_quantity == 40000


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"connection_test": "gd_wfoe"},
            "The factory is in Hong Kong, but its connection with your business is "
            "for a factory in Guangdong.",
        ),
        ({"industry": "other"}, "Describe the industry"),
    ],
)
def test_factory_answers_are_checked(client, member, changes, message):
    client.force_login(member.user)

    response = client.post("/en/apply/factories/new/", {**FACTORY, **changes})

    assert message in response.content.decode()
    assert not Factory.objects.exists()


def test_an_other_industry_flags_the_application_for_the_committee(
    ready_draft, hk_factory
):
    hk_factory.industry = "other"
    hk_factory.industry_other = "Toy assembly"
    hk_factory.save()

    application = ready_draft()

    assert application.needs_committee_decision is True


def test_associations_apply_without_factories(client, association_member):
    client.force_login(association_member.user)

    response = client.post("/en/apply/factories/new/", FACTORY)

    assert response.status_code == 302
    assert not Factory.objects.exists()
