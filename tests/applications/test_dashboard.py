"""The applicant's dashboard: status and timeline, requests for information, withdrawal."""

import pytest
from django.core import mail

from accounts.roles import SECRETARIAT
from applications import services
from applications.models import (
    Actor,
    Application,
    ApplicationStatus,
    ApplicationVersion,
    Attachment,
    StatusChange,
)
from tests.factories import UserFactory

from .conftest import OA
from .factories import FactoryFactory, pdf_file

pytestmark = pytest.mark.django_db
S = ApplicationStatus


@pytest.fixture
def secretariat():
    return UserFactory(role=SECRETARIAT, is_staff=True)


@pytest.fixture
def in_screening(ready_draft, user, secretariat):
    application = ready_draft(OA)
    services.application_submit(application=application, user=user)
    services.application_transition(
        application=application,
        to_status=S.SCREENING,
        actor=secretariat,
        role=Actor.SECRETARIAT,
    )
    return application


@pytest.fixture
def info_requested(in_screening, secretariat, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.application_request_information(
            application=in_screening,
            user=secretariat,
            body="Please send 12 months of electricity bills.",
        )
    return in_screening


def test_without_an_organisation_the_dashboard_offers_to_set_one_up(client):
    client.force_login(UserFactory(role="Applicant"))

    body = client.get("/en/apply/").content.decode()

    assert "First, set up your organisation" in body
    assert 'href="/en/apply/organisation/new/"' in body


def test_the_dashboard_shows_applicant_status_names_and_every_change(
    client, info_requested, user
):
    client.force_login(user)

    body = client.get("/zh-hant/apply/").content.decode()

    assert info_requested.reference in body
    assert body.count('class="timeline"') == 1
    for name in ("我們需要您提供更多資料", "正在審查", "已收到"):
        assert name in body
    assert "秘書處的 1 則訊息" in body


@pytest.mark.parametrize("seconds", [600, 0])
def test_a_cached_card_shows_every_change_at_once(
    client, in_screening, user, secretariat, hk_factory, settings, seconds
):
    """The cards are cached (make bench) under a key made of what they show: a new
    status, a message, a renamed factory or another language shows on the next view."""
    settings.DASHBOARD_CARD_CACHE_SECONDS = seconds
    client.force_login(user)
    client.get("/en/apply/")  # the cards are cached now (when the cache is on)
    before = client.get("/en/apply/").content.decode()
    assert "messages from the Secretariat" not in before

    services.application_request_information(
        application=in_screening, user=secretariat, body="Bills, please."
    )
    hk_factory.name = "Tsuen Wan plant"
    hk_factory.save()
    after = client.get("/en/apply/").content.decode()

    assert "1 message from the Secretariat" in after
    assert "Tsuen Wan plant" in after and "Kwun Tong plant" not in after
    assert "Answer the Secretariat" in after and after.count("<li>") > before.count(
        "<li>"
    )
    assert "秘書處的 1 則訊息" in client.get("/zh-hant/apply/").content.decode()


def test_the_dashboards_queries_do_not_grow_with_its_rows(
    client, user, organisation, schemes, django_assert_max_num_queries
):
    client.force_login(user)

    def add_drafts(n):
        for _ in range(n):
            factory = FactoryFactory(organisation=organisation)
            application = services.application_create_draft(
                user=user, scheme=schemes[OA]
            )
            services.application_save_step(
                application=application, user=user, values={"factory": factory}
            )

    add_drafts(2)
    # 15: one of them lists the latest letters (issue 5).
    with django_assert_max_num_queries(15) as few:
        client.get("/en/apply/")
    add_drafts(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/en/apply/")


def test_the_request_for_information_is_e_mailed_to_the_applicant(info_requested, user):
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "Please send 12 months of electricity bills." in mail.outbox[0].body


def test_the_applicant_answers_with_text_and_documents(
    client, info_requested, user, django_capture_on_commit_callbacks
):
    client.force_login(user)
    detail = client.get(f"/en/apply/applications/{info_requested.pk}/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/apply/applications/{info_requested.pk}/answer/",
            {
                "action": "send",
                "body": "The bills are attached.",
                "files": [pdf_file("bills-1.pdf"), pdf_file("bills-2.pdf")],
            },
        )

    assert "Please send 12 months of electricity bills." in detail
    assert response.status_code == 302
    info_requested.refresh_from_db()
    assert info_requested.status == S.SCREENING
    answer = info_requested.messages.get(kind="answer")
    assert answer.body == "The bills are attached."
    assert sorted(answer.attachments.values_list("original_name", flat=True)) == [
        "bills-1.pdf",
        "bills-2.pdf",
    ]
    assert answer.version.number == 2
    assert ApplicationVersion.objects.filter(application=info_requested).count() == 2
    change = StatusChange.objects.filter(application=info_requested).latest("pk")
    assert (change.from_status, change.to_status, change.actor_role) == (
        S.INFO_REQUESTED,
        S.SCREENING,
        Actor.APPLICANT,
    )
    assert mail.outbox[-1].to == ["secretariat@example.com"]


def test_documents_for_the_answer_are_kept_while_the_text_is_missing(
    client, info_requested, user
):
    client.force_login(user)

    response = client.post(
        f"/en/apply/applications/{info_requested.pk}/answer/",
        {"action": "send", "body": "", "files": [pdf_file("bills.pdf")]},
    )

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    pending = Attachment.objects.get(kind="answer")
    assert (pending.original_name, pending.message) == ("bills.pdf", None)
    assert "bills.pdf" in response.content.decode()
    info_requested.refresh_from_db()
    assert info_requested.status == S.INFO_REQUESTED


def test_the_applicant_may_correct_the_application_before_answering(
    client, info_requested, user
):
    client.force_login(user)

    client.post(
        f"/en/apply/applications/{info_requested.pk}/steps/details/",
        {
            "action": "save",
            "assessment_scope": "The plating line and the boiler",
            "etsp": info_requested.etsp_id,
            "etsp_quotation_ref": "Q-1",
        },
    )
    client.post(
        f"/en/apply/applications/{info_requested.pk}/answer/",
        {"action": "send", "body": "Scope widened to the boiler."},
    )

    versions = ApplicationVersion.objects.filter(application=info_requested)
    assert [v.content["fields"]["assessment_scope"] for v in versions] == [
        "The plating line",
        "The plating line and the boiler",
    ]


def test_withdrawing_before_a_decision(client, in_screening, user):
    client.force_login(user)

    refused = client.post(f"/en/apply/applications/{in_screening.pk}/withdraw/", {})
    client.post(
        f"/en/apply/applications/{in_screening.pk}/withdraw/",
        {"confirm": "on", "reason": "We postponed the project."},
    )

    assert "Tick the box to confirm." in refused.content.decode()
    in_screening.refresh_from_db()
    assert in_screening.status == S.WITHDRAWN
    change = StatusChange.objects.filter(application=in_screening).latest("pk")
    assert (change.reason, change.actor) == ("We postponed the project.", user)


def test_no_withdrawal_after_a_decision(client, in_screening, user, secretariat):
    for to_status in (S.TECHNICAL_ASSESSMENT, S.VETTING, S.APPROVED):
        services.application_transition(
            application=in_screening,
            to_status=to_status,
            actor=secretariat,
            role=Actor.SECRETARIAT,
        )
    client.force_login(user)

    page = client.get(f"/en/apply/applications/{in_screening.pk}/").content.decode()
    client.post(
        f"/en/apply/applications/{in_screening.pk}/withdraw/",
        {"confirm": "on"},
    )

    assert "Withdraw this application" not in page
    assert Application.objects.get(pk=in_screening.pk).status == S.APPROVED


def test_the_submitted_version_can_be_read_back(client, in_screening, user):
    client.force_login(user)

    body = client.get(
        f"/en/apply/applications/{in_screening.pk}/versions/1/"
    ).content.decode()

    assert "The plating line" in body
    assert "HK$28,000" in body


@pytest.mark.parametrize(
    "language, heading",
    [
        ("en", "Recognition Scheme"),
        ("zh-hant", "伙伴標誌計劃"),
        ("zh-hans", "伙伴标志计划"),
    ],
)
def test_the_dashboard_leads_to_the_recognition_scheme(client, user, language, heading):
    client.force_login(user)

    body = client.get(f"/{language}/apply/").content.decode()

    assert f'id="recognition-heading">{heading}</h2>' in body
    assert f'href="/{language}/apply/recognition/"' in body
