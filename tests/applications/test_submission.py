"""Submitting: checks, reference numbers, the frozen version, the acknowledgement."""

import threading
from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone

from applications import services, tasks
from applications.errors import ApplicationError, SubmissionRefused
from applications.models import (
    Application,
    ApplicationStatus,
    ApplicationVersion,
    Attachment,
    ConnectionTest,
    ReferenceCounter,
    StatusChange,
)

from .conftest import DP, OA, OS, upload
from .factories import FactoryFactory

YEAR = timezone.localdate().year


def submit_via_page(client, application, language="en"):
    client.force_login(application.created_by)
    return client.post(f"/{language}/apply/applications/{application.pk}/check/")


@pytest.mark.django_db
def test_submitting_gives_a_reference_per_scheme_kind_and_year(
    client, ready_draft, gd_factory, user
):
    first = ready_draft(OA)
    second = ready_draft(OA, factory=gd_factory)
    demonstration = ready_draft(DP)
    association = ready_draft(OS)

    for application in (first, second, demonstration, association):
        response = submit_via_page(client, application)
        assert response.status_code == 302
        assert response["Location"] == (
            f"/en/apply/applications/{application.pk}/submitted/"
        )

    references = [
        Application.objects.get(pk=a.pk).reference
        for a in (first, second, demonstration, association)
    ]
    assert references == [
        f"OA-{YEAR}-0001",
        f"OA-{YEAR}-0002",
        f"DP-{YEAR}-0001",
        f"OS-{YEAR}-0001",
    ]


@pytest.mark.django_db
def test_the_numbering_starts_again_each_year():
    with transaction.atomic():
        assert services.reference_allocate(kind="OA", year=2026) == "OA-2026-0001"
        assert services.reference_allocate(kind="OA", year=2027) == "OA-2027-0001"
        assert services.reference_allocate(kind="OA", year=2026) == "OA-2026-0002"


@pytest.mark.django_db(transaction=True)
def test_references_are_allocated_race_free():
    numbers, errors = [], []

    def allocate():
        try:
            for _ in range(5):
                with transaction.atomic():
                    numbers.append(services.reference_allocate(kind="DP", year=2031))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=allocate) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(numbers) == [f"DP-2031-{n:04d}" for n in range(1, 31)]
    assert ReferenceCounter.objects.get(kind="DP", year=2031).last_number == 30


@pytest.mark.django_db
def test_submission_freezes_what_was_submitted(client, ready_draft):
    application = ready_draft(DP)

    submit_via_page(client, application)

    version = ApplicationVersion.objects.get(application=application)
    assert version.number == 1
    assert version.content["fields"]["technology"] == "Heat pump drying"
    assert version.content["cost_lines"] == [
        {"item": "Work", "supplier": "", "quotation_ref": "", "amount_hkd": "60000.00"}
    ]
    assert version.content["requested_grant_hkd"] == "30000.00"
    submitted_files = {d["uuid"] for d in version.content["documents"]}
    assert len(submitted_files) == 4  # BR certificate, premises, 2 DP documents
    assert Attachment.objects.filter(locked_at__isnull=False).count() == 4
    change = StatusChange.objects.filter(application=application).latest("pk")
    assert (change.from_status, change.to_status, change.actor) == (
        ApplicationStatus.DRAFT,
        ApplicationStatus.SUBMITTED,
        application.created_by,
    )


@pytest.mark.django_db
def test_the_acknowledgement_is_on_screen_and_by_email_in_the_users_language(
    client, ready_draft, user, django_capture_on_commit_callbacks
):
    user.language = "zh-hant"
    user.save()
    application = ready_draft(OA)

    with django_capture_on_commit_callbacks(execute=True):
        submit_via_page(client, application, language="zh-hant")
    page = client.get(f"/zh-hant/apply/applications/{application.pk}/submitted/")

    reference = f"OA-{YEAR}-0001"
    assert reference in page.content.decode()
    assert "已提交申請" in page.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert reference in mail.outbox[0].subject
    assert "已收到" in mail.outbox[0].subject
    assert "HK$28,000" in mail.outbox[0].body


@pytest.mark.django_db
def test_the_acknowledgement_is_sent_once_even_if_the_task_runs_twice(
    ready_draft, user, django_capture_on_commit_callbacks
):
    application = ready_draft(OA)
    with django_capture_on_commit_callbacks(execute=True):
        version = services.application_submit(application=application, user=user)

    assert tasks.send_submission_acknowledgement(version.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_an_incomplete_draft_is_not_submitted_and_says_what_is_missing(
    client, user, schemes, django_capture_on_commit_callbacks
):
    application = services.application_create_draft(user=user, scheme=schemes[OA])
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/apply/applications/{application.pk}/check/")

    body = response.content.decode()
    assert response.status_code == 200
    assert "Before you can submit" in body
    assert "Add at least one cost item." in body
    assert (
        "Upload this document: Service provider&#x27;s quotation and proposal." in body
    )
    application.refresh_from_db()
    assert (application.status, application.reference) == (
        ApplicationStatus.DRAFT,
        None,
    )
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_closed_phase_refuses_submission(client, ready_draft, phase):
    application = ready_draft(OA)
    phase.opens_on = timezone.localdate() - timedelta(days=90)
    phase.closes_on = timezone.localdate() - timedelta(days=1)
    phase.save()

    response = submit_via_page(client, application)

    assert "This application can no longer be submitted." in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


@pytest.mark.django_db
def test_a_new_draft_cannot_be_started_in_a_closed_phase(client, user, phase, schemes):
    phase.closes_on = timezone.localdate() - timedelta(days=1)
    phase.opens_on = timezone.localdate() - timedelta(days=30)
    phase.save()
    client.force_login(user)

    response = client.post("/en/apply/new/", {"kind": "OA", "scheme": schemes[OA].pk})

    assert response.status_code == 200
    assert "No application window is open" in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_workshop_applying_for_an_assessment_is_refused(
    client, ready_draft, organisation, user
):
    workshop = FactoryFactory(
        organisation=organisation, connection_test=ConnectionTest.HK_WORKSHOP
    )
    application = ready_draft(DP)  # any draft; now point an OA at the workshop
    oa = ready_draft(OA)
    Application.objects.filter(pk=oa.pk).update(factory=workshop)

    with pytest.raises(SubmissionRefused) as refused:
        services.application_submit(application=oa, user=user)

    messages = [p.message for p in refused.value.problems]
    assert any(
        m.startswith("Workshops in Hong Kong with polluting processes")
        for m in messages
    )
    assert Application.objects.get(pk=oa.pk).status == ApplicationStatus.DRAFT
    # The same workshop may apply for a demonstration project.
    Application.objects.filter(pk=application.pk).update(factory=workshop)
    upload(user, organisation, "hk_premises", factory=workshop)
    services.application_submit(application=application, user=user)


@pytest.mark.django_db
def test_the_workshop_is_told_at_once_on_the_project_step(
    client, user, schemes, organisation
):
    workshop = FactoryFactory(
        organisation=organisation, connection_test=ConnectionTest.HK_WORKSHOP
    )
    application = services.application_create_draft(user=user, scheme=schemes[OA])
    client.force_login(user)

    response = client.post(
        f"/en/apply/applications/{application.pk}/steps/project/",
        {"action": "save", "title": "Paint booth", "factory": workshop.pk},
    )

    assert "can apply for Demonstration Projects only" in response.content.decode()
    application.refresh_from_db()
    assert (application.title, application.factory) == ("Paint booth", None)


@pytest.mark.django_db
def test_an_association_applying_for_a_demonstration_is_refused(
    client, association_member, schemes
):
    client.force_login(association_member.user)

    page = client.get("/en/apply/new/?kind=DP")
    response = client.post("/en/apply/new/", {"kind": "DP", "scheme": schemes[DP].pk})

    assert (
        "Trade and industry associations can apply for the Organization Support "
        "Initiative only" in page.content.decode()
    )
    assert response.status_code == 200
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_business_cannot_start_association_support(user, schemes):
    with pytest.raises(ApplicationError, match="for trade and industry associations"):
        services.application_create_draft(user=user, scheme=schemes[OS])
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_one_open_application_per_factory_and_scheme(
    client, ready_draft, user, hk_factory
):
    first = ready_draft(OA)
    services.application_submit(application=first, user=user)
    second = services.application_create_draft(user=user, scheme=first.scheme)
    client.force_login(user)

    response = client.post(
        f"/en/apply/applications/{second.pk}/steps/project/",
        {"action": "save", "factory": hk_factory.pk},
    )

    assert f"OA-{YEAR}-0001" in response.content.decode()
    second.refresh_from_db()
    assert second.factory is None
    # Once the first is withdrawn, the factory is free again.
    services.application_withdraw(application=first, user=user)
    client.post(
        f"/en/apply/applications/{second.pk}/steps/project/",
        {"action": "save", "factory": hk_factory.pk},
    )
    second.refresh_from_db()
    assert second.factory == hk_factory


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("years_ago_days", "refused"),
    [(0, False), (-1, True)],
    ids=["on-the-day", "day-before"],
)
def test_a_repeat_assessment_five_years_after_a_completed_one(
    ready_draft, user, schemes, hk_factory, years_ago_days, refused
):
    today = timezone.localdate()
    completed = today - relativedelta(years=5) - timedelta(days=years_ago_days)
    Application.objects.create(
        organisation=hk_factory.organisation,
        scheme=schemes[OA],
        factory=hk_factory,
        status=ApplicationStatus.COMPLETED,
        reference="OA-2020-0042",
        submitted_at=timezone.now(),
        requested_grant_hkd=0,
        completed_on=completed,
    )
    application = ready_draft(OA)
    services.application_save_step(
        application=application,
        user=user,
        values={
            "repeat_measure_implemented": True,
            "repeat_measure_details": "Heat recovery on the oven, HK$400,000",
            "repeat_reason": "process_change",
        },
    )
    upload(user, hk_factory.organisation, "repeat_evidence", application=application)

    if refused:
        with pytest.raises(SubmissionRefused) as error:
            services.application_submit(application=application, user=user)
        assert "A repeat assessment is possible from" in str(error.value.problems)
    else:
        services.application_submit(application=application, user=user)
        assert Application.objects.get(pk=application.pk).reference
