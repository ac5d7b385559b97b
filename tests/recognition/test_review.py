"""The Secretariat takes applications through review in the admin, the proposed list
goes on public notice and takes objections, the final award gives serial numbers and
certificates (once), and the public list shows the partners."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from recognition import services, tasks
from recognition.models import (
    Application,
    Award,
    Objection,
    ObjectionOutcome,
    SiteVisit,
    Status,
)
from tests.applications.factories import FactoryFactory

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/recognition/"


def act(client, model, action, *objects):
    return client.post(
        f"{ADMIN}{model}/",
        {"action": action, "_selected_action": [o.pk for o in objects]},
    )


@pytest.fixture
def submitted(complete_draft, user, organisation):
    """Two submitted applications of one organisation, for two factories."""
    second = FactoryFactory(organisation=organisation, name="Dongguan plant")
    applications = [complete_draft(), complete_draft(factory=second)]
    for application in applications:
        services.application_submit(application=application, user=user, language="en")
    return applications


def _through_committee(staff_client, secretariat, applications):
    act(staff_client, "application", "documents_ok", *applications)
    for application in applications:
        services.site_visit_record(
            application=application,
            by=secretariat,
            visited_on=timezone.localdate(),
            assessors="HKPC",
            findings="As described",
            recommendation="recommend",
        )
    act(staff_client, "application", "recommend", *applications)


def _notice_now(cycle):
    cycle.refresh_from_db()
    cycle.notice_starts_on = timezone.localdate() - timedelta(days=1)
    cycle.committee_meets_on = cycle.notice_starts_on
    cycle.review_ends_on = cycle.review_starts_on = cycle.opens_on
    cycle.save()


def _after_notice(cycle):
    cycle.refresh_from_db()
    cycle.notice_starts_on = timezone.localdate() - timedelta(days=cycle.notice_days)
    cycle.committee_meets_on = cycle.notice_starts_on
    cycle.save()


def test_the_whole_cycle_from_review_to_certificate(
    staff_client,
    secretariat,
    submitted,
    cycle,
    client,
    applicant_client,
    other_client,
    django_capture_on_commit_callbacks,
):
    kept, objected = submitted
    _through_committee(staff_client, secretariat, submitted)
    assert {a.status for a in Application.objects.all()} == {Status.RECOMMENDED}
    assert SiteVisit.objects.count() == 2

    _notice_now(cycle)
    act(staff_client, "cycle", "publish_notice", cycle)
    assert {a.status for a in Application.objects.all()} == {Status.ON_NOTICE}

    notice = client.get("/en/recognition/notice/").content.decode()
    assert "Kwun Tong plant" in notice and "Dongguan plant" in notice
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/recognition/notice/{objected.pk}/object/",
            {
                "name": "Wong Ka Ming",
                "email": "wong@example.com",
                "grounds": "Fined for effluent discharge in March.",
            },
        )
    assert response.status_code == 302
    objection = Objection.objects.get()
    assert (objection.application, objection.outcome) == (objected, "pending")
    assert {m.to[0] for m in mail.outbox} >= {"wong@example.com"}

    # Not before the notice ends, and not with an objection undecided.
    act(staff_client, "cycle", "award", cycle)
    assert not Award.objects.exists()
    _after_notice(cycle)
    refused = act(staff_client, "cycle", "award", cycle)
    assert "Decide every objection" in str(list(refused.wsgi_request._messages))
    assert not Award.objects.exists()

    staff_client.post(
        f"{ADMIN}objection/{objection.pk}/change/",
        {"outcome": ObjectionOutcome.UPHELD, "outcome_notes": "Conviction confirmed."},
    )
    objection.refresh_from_db()
    assert (objection.outcome, objection.decided_by) == ("upheld", secretariat)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(staff_client, "cycle", "award", cycle)
    kept.refresh_from_db()
    objected.refresh_from_db()
    assert (kept.status, objected.status) == (Status.AWARDED, Status.NOT_AWARDED)
    award = Award.objects.get()
    assert award.serial == f"HKGDCP-{cycle.year}-PM-0001"
    assert award.certificate_generated_at is not None
    assert len(mail.outbox) == 1
    assert award.serial in mail.outbox[0].subject

    # The certificate: produced once, downloadable by its organisation only.
    name = award.certificate.name
    assert services.award_produce_certificate(award_id=award.pk) is False
    assert tasks.produce_certificate(award.pk) is False
    award.refresh_from_db()
    assert award.certificate.name == name
    assert len(mail.outbox) == 1
    download = applicant_client.get(f"/en/apply/recognition/{kept.pk}/certificate/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    refused = other_client.get(f"/en/apply/recognition/{kept.pk}/certificate/")
    assert refused.status_code == 404
    assert (
        applicant_client.get(
            f"/en/apply/recognition/{objected.pk}/certificate/"
        ).status_code
        == 404
    )

    # The public list and the certificate check show the partner.
    page = client.get("/en/recognition/").content.decode()
    assert award.serial in page and "Kwun Tong plant" in page
    assert "Dongguan plant" not in page
    check = client.get(f"/en/recognition/verify/?serial={award.serial.lower()}")
    assert "is a valid certificate" in check.content.decode()


def test_the_notice_needs_a_recommendation_and_objections_need_the_notice(
    staff_client, submitted, cycle, client
):
    act(staff_client, "cycle", "publish_notice", cycle)
    cycle.refresh_from_db()
    assert cycle.notice_published_at is None
    assert client.get("/en/recognition/notice/").status_code == 200
    response = client.post(
        f"/en/recognition/notice/{submitted[0].pk}/object/",
        {"name": "X", "email": "x@example.com", "grounds": "Y"},
    )
    assert response.status_code == 404
    assert not Objection.objects.exists()


def test_an_objection_after_the_notice_is_refused(
    staff_client, secretariat, submitted, cycle, client
):
    _through_committee(staff_client, secretariat, submitted[:1])
    _notice_now(cycle)
    act(staff_client, "cycle", "publish_notice", cycle)
    _after_notice(cycle)
    response = client.post(
        f"/en/recognition/notice/{submitted[0].pk}/object/",
        {"name": "X", "email": "x@example.com", "grounds": "Y"},
    )
    assert response.status_code == 404
    assert not Objection.objects.exists()


def test_a_bad_objection_form_keeps_what_was_typed(
    staff_client, secretariat, submitted, cycle, client
):
    _through_committee(staff_client, secretariat, submitted[:1])
    _notice_now(cycle)
    act(staff_client, "cycle", "publish_notice", cycle)
    response = client.post(
        f"/zh-hant/recognition/notice/{submitted[0].pk}/object/",
        {"name": "陳大文", "email": "not-an-address", "grounds": "理由"},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "陳大文" in body and "理由" in body
    assert not Objection.objects.exists()


def test_a_step_out_of_order_is_refused_and_changes_nothing(staff_client, submitted):
    application = submitted[0]
    response = act(staff_client, "application", "recommend", application)
    application.refresh_from_db()
    assert response.status_code == 302
    assert application.status == Status.SUBMITTED
    assert application.status_changes.count() == 1


def test_drafts_are_not_in_the_secretariats_list(staff_client, complete_draft):
    draft = complete_draft()
    page = staff_client.get(f"{ADMIN}application/").content.decode()
    assert "Kwun Tong plant" not in page
    assert staff_client.get(f"{ADMIN}application/{draft.pk}/change/").status_code == 302


def test_reminders_go_once_to_unfinished_drafts_in_the_last_days(
    complete_draft, submitted, cycle, user
):
    draft = complete_draft(
        factory=FactoryFactory(organisation=user.membership.organisation)
    )
    assert services.drafts_due_for_reminder() == []
    cycle.closes_on = timezone.localdate() + timedelta(days=3)
    cycle.save()

    mail.outbox.clear()
    assert tasks.remind_unfinished_drafts() == 1
    tasks.remind_unfinished_drafts()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert draft.reference is None
    assert services.drafts_due_for_reminder() == []


def test_the_admin_lists_answer_with_few_queries(
    staff_client, secretariat, submitted, cycle, django_assert_max_num_queries
):
    for model in ("cycle", "application", "award", "objection", "categoryrule"):
        with django_assert_max_num_queries(16):
            assert staff_client.get(f"{ADMIN}{model}/").status_code == 200
    page = staff_client.get(f"{ADMIN}application/{submitted[0].pk}/change/")
    assert page.status_code == 200
    assert "Counter-flow rinsing" in page.content.decode()


def _change_form_data(response) -> dict:
    """The admin change form's current data, with every inline's management form."""
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is not None:
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value
        for i, item in enumerate(formset.forms):
            data[f"{formset.prefix}-{i}-id"] = item.instance.pk or ""
            data[f"{formset.prefix}-{i}-application"] = item.instance.application_id
    return data


def test_a_site_visit_recorded_in_the_admin_moves_the_application_on(
    staff_client, secretariat, submitted
):
    application = submitted[0]
    act(staff_client, "application", "documents_ok", application)
    url = f"{ADMIN}application/{application.pk}/change/"
    data = _change_form_data(staff_client.get(url))
    data.update(
        {
            "site_visits-TOTAL_FORMS": "1",
            "site_visits-0-visited_on": "2026-07-02",
            "site_visits-0-assessors": "HKPC: Chan Siu Ming",
            "site_visits-0-findings": "Rinse tanks in place; meters read as stated.",
            "site_visits-0-recommendation": "recommend",
        }
    )
    response = staff_client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    application.refresh_from_db()
    visit = application.site_visits.get()
    assert (visit.recorded_by, visit.assessors) == (secretariat, "HKPC: Chan Siu Ming")
    assert application.status == Status.SITE_VISITED
    assert application.status_changes.last().by == secretariat
