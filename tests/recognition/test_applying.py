"""An organisation applies: start per factory or company, describe measures with
evidence and earlier projects, declare, submit; and nobody else sees any of it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from applications.models import ApplicationStatus, OrganisationKind
from recognition.models import Application, Evidence, Status, StatusChange
from tests.applications.factories import (
    FactoryFactory,
    MembershipFactory,
    OrganisationFactory,
    PhaseFactory,
    SchemeFactory,
    pdf_file,
)

from .conftest import html_as_pdf

pytestmark = pytest.mark.django_db

URL = "/en/apply/recognition/"


def measures_post(**extra):
    data = {
        "measures-TOTAL_FORMS": "2",
        "measures-INITIAL_FORMS": "0",
        "measures-MIN_NUM_FORMS": "0",
        "measures-MAX_NUM_FORMS": "20",
        "measures-0-title": "Variable-speed compressor",
        "measures-0-area": "energy",
        "measures-0-description": "75 kW VSD compressor",
        "measures-0-implemented_on": "2025-05-01",
        "measures-0-unit": "kWh a year",
        "measures-0-before": "410000",
        "measures-0-after": "298000",
        "measures-0-investment_hkd": "260000",
        "summary": "A cleaner production committee meets monthly.",
        "declares_no_convictions": "on",
        "declares_information_true": "on",
    }
    data.update(extra)
    return data


def test_an_organisation_starts_one_application_per_factory(
    applicant_client, cycle, categories, plant
):
    response = applicant_client.post(
        URL + "new/", {"category": categories["manufacturing"].pk, "factory": plant.pk}
    )
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{URL}{application.pk}/"
    assert (application.factory, application.status) == (plant, Status.DRAFT)

    again = applicant_client.post(
        URL + "new/",
        {"category": categories["excellent-manufacturing"].pk, "factory": plant.pk},
    )
    assert again.status_code == 400
    assert "already has an application in this cycle" in again.content.decode()
    assert Application.objects.count() == 1


def test_a_company_category_needs_no_factory_and_a_factory_category_does(
    applicant_client, cycle, categories
):
    response = applicant_client.post(
        URL + "new/", {"category": categories["manufacturing"].pk}
    )
    assert response.status_code == 400
    assert "Choose the factory" in response.content.decode()

    applicant_client.post(URL + "new/", {"category": categories["supply-chain"].pk})
    application = Application.objects.get()
    assert application.factory is None
    assert application.category.code == "supply-chain"


def test_another_organisations_factory_cannot_be_chosen(
    applicant_client, cycle, categories, other_member
):
    theirs = FactoryFactory(organisation=other_member.organisation)
    response = applicant_client.post(
        URL + "new/",
        {"category": categories["manufacturing"].pk, "factory": theirs.pk},
    )
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_associations_and_closed_windows_are_refused(client_factory, categories):
    association = MembershipFactory(
        organisation=OrganisationFactory(
            kind=OrganisationKind.ASSOCIATION, br_number=""
        )
    )
    from .factories import CycleFactory

    CycleFactory()
    response = client_factory(association.user).post(
        URL + "new/", {"category": categories["supply-chain"].pk}
    )
    assert "not associations" in response.content.decode()
    assert not Application.objects.exists()


def test_no_open_cycle_means_no_start(applicant_client, categories, plant):
    from .factories import CycleFactory

    today = timezone.localdate()
    CycleFactory(
        opens_on=today + timedelta(days=5), closes_on=today + timedelta(days=9)
    )
    page = applicant_client.get(URL).content.decode()
    assert "opens for applications on" in page
    response = applicant_client.post(
        URL + "new/", {"category": categories["manufacturing"].pk, "factory": plant.pk}
    )
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_the_draft_saves_measures_evidence_and_own_earlier_projects(
    applicant_client, complete_draft, organisation, other_member
):
    application = complete_draft()
    scheme = SchemeFactory(phase=PhaseFactory())
    from applications.models import Application as Funding

    ours = Funding.objects.create(
        organisation=organisation,
        scheme=scheme,
        title="Plating line assessment",
        status=ApplicationStatus.COMPLETED,
        reference="OA-2024-0001",
        submitted_at=timezone.now(),
        requested_grant_hkd=Decimal("28000"),
    )
    theirs = Funding.objects.create(
        organisation=other_member.organisation,
        scheme=scheme,
        title="Their assessment",
        status=ApplicationStatus.COMPLETED,
        reference="OA-2024-0002",
        submitted_at=timezone.now(),
        requested_grant_hkd=Decimal("28000"),
    )
    page = applicant_client.get(f"{URL}{application.pk}/").content.decode()
    assert "OA-2024-0001" in page and "OA-2024-0002" not in page

    data = measures_post(earlier_projects=[ours.pk])
    data["file"] = pdf_file("meter readings.pdf")
    data["kind"] = "data"
    response = applicant_client.post(f"{URL}{application.pk}/", data)
    assert response.status_code == 302
    application.refresh_from_db()
    assert list(application.earlier_projects.all()) == [ours]
    assert [m.title for m in application.measures.all()] == [
        "Variable-speed compressor"
    ]
    assert application.measures.get().change_percent == Decimal("-27.3")
    assert application.evidence.count() == 2

    refused = applicant_client.post(
        f"{URL}{application.pk}/", measures_post(earlier_projects=[theirs.pk])
    )
    assert refused.status_code == 400
    assert list(application.earlier_projects.all()) == [ours]


def test_a_bad_upload_is_refused_and_what_was_typed_is_kept(
    applicant_client, complete_draft
):
    application = complete_draft()
    data = measures_post(summary="Typed with care")
    data["file"] = html_as_pdf()
    data["kind"] = "photo"
    response = applicant_client.post(f"{URL}{application.pk}/", data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "not a PDF file" in body
    assert "Typed with care" in body
    application.refresh_from_db()
    assert application.summary == "A CP committee meets monthly."
    assert application.evidence.count() == 1


def test_submitting_gives_a_reference_and_an_acknowledgement_in_the_users_language(
    client_factory, complete_draft, user, django_capture_on_commit_callbacks
):
    user.language = "zh-hant"
    user.save()
    application = complete_draft()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_factory(user).post(
            f"/zh-hant{URL[3:]}{application.pk}/submit/"
        )
    application.refresh_from_db()
    assert response.status_code == 302
    assert application.status == Status.SUBMITTED
    assert application.reference == f"RS-{application.cycle.year}-0001"
    assert application.language == "zh-hant"
    assert StatusChange.objects.filter(
        application=application, to_status=Status.SUBMITTED, by=user
    ).exists()
    assert len(mail.outbox) == 1
    assert application.reference in mail.outbox[0].subject
    assert "已收到" in mail.outbox[0].subject

    # Submitted: nothing can be changed any more.
    again = client_factory(user).post(
        f"{URL}{application.pk}/", measures_post(summary="Changed later")
    )
    application.refresh_from_db()
    assert again.status_code == 200
    assert application.summary == "A CP committee meets monthly."


def test_an_incomplete_draft_is_not_submitted(
    applicant_client, cycle, categories, plant
):
    applicant_client.post(
        URL + "new/", {"category": categories["manufacturing"].pk, "factory": plant.pk}
    )
    application = Application.objects.get()
    page = applicant_client.get(f"{URL}{application.pk}/").content.decode()
    assert "Add at least one cleaner production measure" in page

    applicant_client.post(f"{URL}{application.pk}/submit/")
    application.refresh_from_db()
    assert application.status == Status.DRAFT
    assert application.reference is None


def test_an_application_can_be_withdrawn_before_the_committee_decides(
    applicant_client, complete_draft
):
    application = complete_draft()
    applicant_client.post(f"{URL}{application.pk}/submit/")
    applicant_client.post(f"{URL}{application.pk}/withdraw/")
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("get", ""),
        ("post", ""),
        ("post", "submit/"),
        ("post", "withdraw/"),
        ("get", "certificate/"),
    ],
)
def test_another_organisation_sees_and_changes_nothing(
    other_client, complete_draft, method, suffix
):
    application = complete_draft()
    before = Application.objects.values().get(pk=application.pk)

    response = getattr(other_client, method)(f"{URL}{application.pk}/{suffix}")

    assert response.status_code == 404
    assert Application.objects.values().get(pk=application.pk) == before
    assert application.evidence.count() == 1


def test_another_organisation_cannot_fetch_or_remove_evidence(
    other_client, applicant_client, complete_draft
):
    evidence = complete_draft().evidence.get()
    assert other_client.get(f"{URL}evidence/{evidence.uuid}/").status_code == 404
    assert (
        other_client.post(f"{URL}evidence/{evidence.uuid}/remove/").status_code == 404
    )
    assert Evidence.objects.filter(pk=evidence.pk).exists()

    download = applicant_client.get(f"{URL}evidence/{evidence.uuid}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")


def test_the_list_shows_only_the_organisations_own_applications(
    applicant_client, other_client, complete_draft
):
    complete_draft()
    assert "Kwun Tong plant" in applicant_client.get(URL).content.decode()
    assert "Kwun Tong plant" not in other_client.get(URL).content.decode()


def test_staff_are_refused_the_applicant_pages(staff_client, complete_draft):
    application = complete_draft()
    assert staff_client.get(URL).status_code == 403
    assert staff_client.get(f"{URL}{application.pk}/").status_code == 403
