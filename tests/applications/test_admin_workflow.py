"""The Secretariat's workflow in the admin: batch and single steps through the same
services, the forms that ask for each step's note, filters, exports, query counts."""

import io
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import SECRETARIAT
from applications import services
from applications.models import (
    Application,
    ApplicationMessage,
    ApplicationStatus,
    ClaimStatus,
    Decision,
    ReportKind,
    StatusChange,
)
from tests.factories import UserFactory

from .conftest import OA
from .test_secretariat import FIGURES, SCORES

S = ApplicationStatus
pytestmark = pytest.mark.django_db
CHANGELIST = "/en/admin/applications/application/"


@pytest.fixture
def staff(db):
    return UserFactory(role=SECRETARIAT, is_staff=True, full_name="Lee Ka Yan")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def make_submitted(ready_draft, user, organisation):
    from .factories import FactoryFactory

    def make(n):
        made = []
        for i in range(n):
            factory = FactoryFactory(organisation=organisation, name=f"Plant {i}")
            application = ready_draft(OA, factory=factory)
            services.application_submit(application=application, user=user)
            made.append(application)
        return made

    return make


def screening(applications, staff):
    for application in applications:
        services.application_move(
            application=application, user=staff, to_status=S.SCREENING
        )


def batch(client, action, applications, **data):
    return client.post(
        CHANGELIST,
        {
            "action": action,
            "_selected_action": [a.pk for a in applications],
            **data,
        },
    )


def test_a_batch_request_for_information_asks_for_the_message_then_sends_each(
    staff_client, make_submitted, staff, user, committed
):
    applications = make_submitted(3)
    screening(applications, staff)
    mail.outbox.clear()

    asking = batch(staff_client, "op_request_information", applications)
    assert asking.status_code == 200
    assert "Message to the applicant" in asking.content.decode()
    empty = batch(staff_client, "op_request_information", applications, confirm="yes")
    assert empty.status_code == 200  # the form again, with its error
    assert not ApplicationMessage.objects.exists()

    with committed():
        done = batch(
            staff_client,
            "op_request_information",
            applications,
            confirm="yes",
            note="Send the last 12 months' electricity bills.",
        )

    assert done.status_code == 302
    for application in applications:
        application.refresh_from_db()
        assert application.status == S.INFO_REQUESTED
        change = application.status_changes.latest("pk")
        assert (change.actor, change.reason) == (
            staff,
            "Send the last 12 months' electricity bills.",
        )
    assert ApplicationMessage.objects.filter(kind="information_request").count() == 3
    assert len(mail.outbox) == 3  # one per application, none lost


def test_the_single_step_uses_the_same_form_and_service(
    staff_client, make_submitted, staff, committed
):
    (application,) = make_submitted(1)
    screening([application], staff)
    mail.outbox.clear()
    url = f"{CHANGELIST}{application.pk}/step/request-information/"

    page = staff_client.get(url)
    assert "Message to the applicant" in page.content.decode()
    assert staff_client.post(url, {"note": ""}).status_code == 200
    with committed():
        response = staff_client.post(url, {"note": "Which rectifiers?"})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.INFO_REQUESTED
    assert len(mail.outbox) == 1


def test_a_batch_refuses_what_the_workflow_does_not_allow_and_does_the_rest(
    staff_client, make_submitted, staff
):
    first, second = make_submitted(2)
    screening([first], staff)

    response = batch(staff_client, "op_screen", [first, second], confirm="yes", note="")

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (S.SCREENING, S.SCREENING)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("cannot be moved" in m for m in messages)
    assert StatusChange.objects.filter(to_status=S.SCREENING).count() == 2


def test_a_batch_rejection_records_a_decision_for_each(
    staff_client, make_submitted, staff, committed
):
    applications = make_submitted(2)
    screening(applications, staff)
    mail.outbox.clear()
    with committed():
        batch(
            staff_client,
            "op_reject",
            applications,
            confirm="yes",
            reasons="The factory is not in Guangdong or Hong Kong.",
        )
    assert Decision.objects.filter(outcome="rejected").count() == 2
    # Each applicant: the notice, then the letter of decision with its PDF.
    assert sorted(bool(m.attachments) for m in mail.outbox) == [
        False,
        False,
        True,
        True,
    ]


def test_assigning_in_batch(staff_client, make_submitted, staff):
    applications = make_submitted(2)
    assessor = UserFactory(role=SECRETARIAT, is_staff=True)
    batch(
        staff_client,
        "op_assign",
        applications,
        confirm="yes",
        case_officer=staff.pk,
        technical_assessor=assessor.pk,
    )
    assert set(
        Application.objects.values_list("case_officer", "technical_assessor")
    ) == {(staff.pk, assessor.pk)}
    mine = staff_client.get(f"{CHANGELIST}?officer=mine").content.decode()
    assert applications[0].reference in mine


def test_assessment_decision_and_payment_screens(
    staff_client, make_submitted, staff, user
):
    (application,) = make_submitted(1)
    services.application_move(
        application=application, user=staff, to_status=S.SCREENING
    )
    services.application_move(
        application=application, user=staff, to_status=S.TECHNICAL_ASSESSMENT
    )
    page = staff_client.get(f"{CHANGELIST}{application.pk}/change/").content.decode()
    assert "Record the technical assessment" in page

    staff_client.post(f"{CHANGELIST}{application.pk}/assess/", SCORES)
    staff_client.post(f"{CHANGELIST}{application.pk}/step/to-vetting/", {"note": ""})
    application.refresh_from_db()
    assert application.status == S.VETTING

    decide = f"{CHANGELIST}{application.pk}/decide/"
    assert "HK$28,000" in staff_client.get(decide).content.decode()
    too_much = staff_client.post(
        decide, {"outcome": "approved", "approved_amount_hkd": "28000.01"}
    )
    assert too_much.status_code == 200
    assert "cannot exceed" in too_much.content.decode()
    assert not Decision.objects.exists()
    staff_client.post(decide, {"outcome": "approved", "conditions": "Sub-meter"})
    application.refresh_from_db()
    assert application.status == S.APPROVED

    staff_client.post(f"{CHANGELIST}{application.pk}/step/start/", {"note": ""})
    staff_client.post(
        f"{CHANGELIST}{application.pk}/report/",
        {
            "kind": ReportKind.FINAL,
            "narrative": "Done",
            "electricity_before_kwh": "10",
            "electricity_after_kwh": "5",
        },
    )
    application.refresh_from_db()
    assert application.status == S.FINAL_REPORT_SUBMITTED
    report = application.reports.get()
    services.report_verify(report=report, user=staff)
    staff_client.post(
        f"{CHANGELIST}{application.pk}/claim/",
        {"expenditure_hkd": "60000", "amount_hkd": "28000", "is_final": "on"},
    )
    claim = application.claims.get()
    services.claim_accept(claim=claim, user=staff)
    pay = f"/en/admin/applications/paymentclaim/{claim.pk}/pay/"
    over = staff_client.post(
        pay,
        {"amount_hkd": "28000.01", "paid_on": "2026-12-01", "payment_reference": "PV"},
    )
    assert "above the approved grant" in over.content.decode()
    staff_client.post(
        pay,
        {"amount_hkd": "28000", "paid_on": "2026-12-01", "payment_reference": "PV"},
    )
    application.refresh_from_db()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID
    assert application.status == S.CLOSED


def test_report_and_claim_actions_in_batch(staff_client, make_submitted, staff, user):
    applications = make_submitted(2)
    reports = []
    for application in applications:
        services.application_move(
            application=application, user=staff, to_status=S.SCREENING
        )
        services.application_move(
            application=application, user=staff, to_status=S.TECHNICAL_ASSESSMENT
        )
        services.assessment_record(application=application, user=staff, **SCORES)
        services.application_move(
            application=application, user=staff, to_status=S.VETTING
        )
        services.application_decide(
            application=application, user=staff, outcome="approved"
        )
        services.application_move(
            application=application, user=staff, to_status=S.IN_PROGRESS
        )
        reports.append(
            services.report_submit(
                application=application,
                user=user,
                kind=ReportKind.FINAL,
                values=FIGURES,
            )
        )
    actions = staff_client.get("/en/admin/applications/projectreport/").content.decode()
    index = {"verify": None}
    for name in ("Verify the report",):
        assert name in actions
    import re

    verify = re.search(r'value="([^"]+)">Verify the report', actions).group(1)
    staff_client.post(
        "/en/admin/applications/projectreport/",
        {
            "action": verify,
            "_selected_action": [r.pk for r in reports],
            "confirm": "yes",
        },
    )
    assert index
    assert set(Application.objects.values_list("status", flat=True)) == {S.COMPLETED}


@pytest.mark.parametrize("rows", [2, 8])
def test_the_change_list_does_not_query_per_row(
    staff_client, make_submitted, staff, rows, django_assert_max_num_queries
):
    applications = make_submitted(rows)
    for application in applications:
        services.application_assign(
            application=application, user=staff, case_officer=staff
        )
    with django_assert_max_num_queries(18):
        response = staff_client.get(CHANGELIST)
    assert response.status_code == 200
    assert response.content.decode().count("Lee Ka Yan") >= rows


def test_filters_and_search(staff_client, make_submitted, staff, organisation):
    first, second = make_submitted(2)
    screening([first], staff)
    by_status = staff_client.get(
        f"{CHANGELIST}?status__exact=screening"
    ).content.decode()
    assert first.reference in by_status and second.reference not in by_status
    for query in (first.reference, organisation.br_number, organisation.name_en):
        found = staff_client.get(f"{CHANGELIST}?q={query}").content.decode()
        assert first.reference in found, query
    for params in (
        "scheme__kind__exact=OA",
        f"factory__industry__exact={first.factory.industry}",
        f"factory__location__exact={first.factory.location}",
        f"scheme__phase__id__exact={first.scheme.phase_id}",
        "officer=none",
        f"submitted_at__year={timezone.localdate().year}",
    ):
        response = staff_client.get(f"{CHANGELIST}?{params}")
        assert response.status_code == 200, params
        assert first.reference in response.content.decode(), params


def test_the_filtered_list_exports_as_csv_and_xlsx(staff_client, make_submitted, staff):
    first, second = make_submitted(2)
    screening([first], staff)
    fields = {
        f"applicationresource_{name}": "on"
        for name in ("reference", "organisation", "status", "requested_grant_hkd")
    }
    csv = staff_client.post(
        f"{CHANGELIST}export/?status__exact=screening",
        {"format": 0, "resource": 0, **fields},
    )
    assert csv.status_code == 200
    text = csv.content.decode()
    assert first.reference in text and second.reference not in text
    assert "Screening" in text
    xlsx = staff_client.post(
        f"{CHANGELIST}export/", {"format": 1, "resource": 0, **fields}
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    references = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert references == {first.reference, second.reference}


def test_applicants_reach_neither_the_steps_nor_the_export(
    client, user, make_submitted
):
    (application,) = make_submitted(1)
    client.force_login(user)
    for url in (
        f"{CHANGELIST}{application.pk}/step/screen/",
        f"{CHANGELIST}{application.pk}/decide/",
        f"{CHANGELIST}export/",
    ):
        assert client.post(url, {"note": "x", "outcome": "approved"}).status_code == 302
    application.refresh_from_db()
    assert application.status == S.SUBMITTED


def test_staff_without_the_secretariat_role_cannot_run_steps(client, make_submitted):
    (application,) = make_submitted(1)
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Permission

    from tests.factories import TEST_TOTP_SECRET

    viewer = UserFactory(is_staff=True)
    Authenticator.objects.create(
        user=viewer, type=Authenticator.Type.TOTP, data={"secret": TEST_TOTP_SECRET}
    )

    viewer.user_permissions.add(
        Permission.objects.get(
            codename="view_application", content_type__app_label="applications"
        )
    )
    client.force_login(viewer)
    assert client.get(CHANGELIST).status_code == 200
    response = client.post(f"{CHANGELIST}{application.pk}/step/screen/", {"note": ""})
    assert response.status_code == 403
    assert "op_screen" not in client.get(CHANGELIST).content.decode()
    application.refresh_from_db()
    assert application.status == S.SUBMITTED
    assert Decimal(application.requested_grant_hkd) > 0
