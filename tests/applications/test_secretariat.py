"""The Secretariat's workflow: every move, every refusal, and the money at its edges."""

from datetime import timedelta
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.roles import EPD_VIEWER, SECRETARIAT
from applications import services, workflow
from applications.errors import ApplicationError, TransitionNotAllowed
from applications.models import (
    Actor,
    Application,
    ApplicationStatus,
    AuditEntry,
    ClaimStatus,
    Decision,
    Disbursement,
    ReportKind,
    ReportStatus,
    StatusChange,
)
from tests.factories import UserFactory

from .conftest import DP, OA

S = ApplicationStatus
pytestmark = pytest.mark.django_db

SCORES = {
    "baseline_score": 4,
    "technology_score": 4,
    "cost_score": 3,
    "benefit_score": 5,
    "recommendation": "approve",
    "comments": "Sound baseline; the quotation is in line with the market.",
}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """E-mails are queued with transaction.on_commit: run them as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def staff(db):
    return UserFactory(role=SECRETARIAT, is_staff=True)


@pytest.fixture
def submitted(ready_draft, user):
    application = ready_draft(OA, amount="60000")  # grant 28,000 (the ceiling)
    services.application_submit(application=application, user=user)
    application.refresh_from_db()
    return application


def to_vetting(application, staff):
    services.application_move(
        application=application, user=staff, to_status=S.SCREENING
    )
    services.application_move(
        application=application, user=staff, to_status=S.TECHNICAL_ASSESSMENT
    )
    services.assessment_record(application=application, user=staff, **SCORES)
    services.application_move(application=application, user=staff, to_status=S.VETTING)
    return application


@pytest.fixture
def vetting(submitted, staff):
    return to_vetting(submitted, staff)


@pytest.fixture
def approved(vetting, staff):
    services.application_decide(
        application=vetting,
        user=staff,
        outcome="approved",
        approved_eligible_cost_hkd=Decimal("50000"),
        conditions="Install a sub-meter on the line.",
        meeting_reference="PMC 2026/7",
    )
    return vetting


@pytest.fixture
def in_progress(approved, staff):
    services.application_move(application=approved, user=staff, to_status=S.IN_PROGRESS)
    return approved


FIGURES = {
    "narrative": "Rectifiers replaced",
    "electricity_before_kwh": Decimal("100000"),
    "electricity_after_kwh": Decimal("80000"),
    "water_before_m3": Decimal("5000"),
    "water_after_m3": Decimal("4500"),
}


# --- The state machine --------------------------------------------------------------


def test_every_status_and_move_the_issue_names_is_in_the_table():
    T = workflow.TRANSITIONS
    for a, b in [
        (S.DRAFT, S.SUBMITTED),
        (S.SUBMITTED, S.SCREENING),
        (S.SCREENING, S.INFO_REQUESTED),
        (S.INFO_REQUESTED, S.SCREENING),
        (S.SCREENING, S.TECHNICAL_ASSESSMENT),
        (S.TECHNICAL_ASSESSMENT, S.VETTING),
        (S.VETTING, S.APPROVED),
        (S.VETTING, S.REJECTED),
        (S.APPROVED, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.FINAL_REPORT_SUBMITTED),
        (S.FINAL_REPORT_SUBMITTED, S.COMPLETED),
        (S.COMPLETED, S.CLOSED),
    ]:
        assert b in T[a], (a, b)
    for status in S:
        assert (S.WITHDRAWN in T[status]) == (status in workflow.PRE_DECISION)


@pytest.mark.parametrize(
    "status", [s for s in S if s not in (S.SUBMITTED, S.SCREENING, S.WITHDRAWN)]
)
def test_a_move_the_table_does_not_allow_is_refused_from_every_status(
    submitted, staff, status
):
    """From "submitted" only screening and withdrawal are possible; everything else
    is refused and leaves no trace."""
    changes = StatusChange.objects.count()
    with pytest.raises(ApplicationError):
        if status in workflow.DEDICATED:
            if status in (S.APPROVED, S.REJECTED):
                services.application_decide(
                    application=submitted,
                    user=staff,
                    outcome="approved" if status == S.APPROVED else "rejected",
                    reasons="x",
                )
            else:
                services.application_move(
                    application=submitted, user=staff, to_status=status
                )
        else:
            services.application_move(
                application=submitted, user=staff, to_status=status
            )
    assert Application.objects.get(pk=submitted.pk).status == S.SUBMITTED
    assert StatusChange.objects.count() == changes


def test_the_secretariat_takes_an_application_from_submission_to_closure(
    submitted, staff, user
):
    to_vetting(submitted, staff)
    decision = services.application_decide(
        application=submitted, user=staff, outcome="approved"
    )
    assert decision.approved_amount_hkd == Decimal("28000")  # 50 % of 60,000, capped
    services.application_move(
        application=submitted, user=staff, to_status=S.IN_PROGRESS
    )
    report = services.report_submit(
        application=submitted, user=user, kind=ReportKind.FINAL, values=FIGURES
    )
    assert Application.objects.get(pk=submitted.pk).status == S.FINAL_REPORT_SUBMITTED
    services.report_verify(report=report, user=staff)
    assert Application.objects.get(pk=submitted.pk).status == S.COMPLETED
    claim = services.claim_submit(
        application=submitted,
        user=user,
        expenditure_hkd=Decimal("60000"),
        amount_hkd=Decimal("28000"),
        is_final=True,
    )
    services.claim_accept(claim=claim, user=staff)
    services.disbursement_record(
        claim=claim,
        user=staff,
        amount_hkd=Decimal("28000"),
        paid_on=timezone.localdate(),
        payment_reference="PV-1",
    )

    submitted.refresh_from_db()
    assert submitted.status == S.CLOSED
    assert [c.to_status for c in submitted.status_changes.all()] == [
        S.DRAFT,
        S.SUBMITTED,
        S.SCREENING,
        S.TECHNICAL_ASSESSMENT,
        S.VETTING,
        S.APPROVED,
        S.IN_PROGRESS,
        S.FINAL_REPORT_SUBMITTED,
        S.COMPLETED,
        S.CLOSED,
    ]
    assert all(c.actor is not None for c in submitted.status_changes.all())
    actions = list(submitted.audit_entries.values_list("action", flat=True))
    assert actions == [
        "assessed",
        "decided",
        "report_verified",
        "claim_accepted",
        "disbursed",
    ]


def test_a_step_back_needs_its_reason(vetting, staff):
    with pytest.raises(ApplicationError, match="reason"):
        services.application_move(
            application=vetting, user=staff, to_status=S.TECHNICAL_ASSESSMENT
        )
    services.application_move(
        application=vetting,
        user=staff,
        to_status=S.TECHNICAL_ASSESSMENT,
        note="The committee wants a second quotation checked.",
    )
    change = vetting.status_changes.latest("pk")
    assert change.reason == "The committee wants a second quotation checked."
    assert change.actor == staff


def test_vetting_needs_a_technical_assessment_first(submitted, staff):
    services.application_move(application=submitted, user=staff, to_status=S.SCREENING)
    services.application_move(
        application=submitted, user=staff, to_status=S.TECHNICAL_ASSESSMENT
    )
    with pytest.raises(ApplicationError, match="technical assessment"):
        services.application_move(
            application=submitted, user=staff, to_status=S.VETTING
        )


@pytest.mark.parametrize("score", [0, 6])
def test_scores_outside_one_to_five_are_refused(submitted, staff, score):
    services.application_move(application=submitted, user=staff, to_status=S.SCREENING)
    services.application_move(
        application=submitted, user=staff, to_status=S.TECHNICAL_ASSESSMENT
    )
    with pytest.raises(ApplicationError):
        services.assessment_record(
            application=submitted, user=staff, **(SCORES | {"cost_score": score})
        )


@pytest.mark.parametrize("role", [None, EPD_VIEWER])
def test_only_the_secretariat_moves_assesses_and_decides(submitted, role, user):
    other = user if role is None else UserFactory(role=role)
    with pytest.raises(TransitionNotAllowed):
        services.application_move(
            application=submitted, user=other, to_status=S.SCREENING
        )
    with pytest.raises(TransitionNotAllowed):
        services.application_decide(
            application=submitted, user=other, outcome="rejected", reasons="x"
        )
    assert Application.objects.get(pk=submitted.pk).status == S.SUBMITTED


def test_the_secretariat_records_a_withdrawal_with_its_reason(submitted, staff):
    with pytest.raises(ApplicationError):
        services.application_move(
            application=submitted, user=staff, to_status=S.WITHDRAWN
        )
    services.application_move(
        application=submitted,
        user=staff,
        to_status=S.WITHDRAWN,
        note="Letter of 3 May from the director.",
    )
    assert Application.objects.get(pk=submitted.pk).status == S.WITHDRAWN


def test_no_withdrawal_after_a_decision(approved, staff, user):
    with pytest.raises(TransitionNotAllowed):
        services.application_move(
            application=approved, user=staff, to_status=S.WITHDRAWN, note="x"
        )
    with pytest.raises(TransitionNotAllowed):
        services.application_withdraw(application=approved, user=user)


def test_assigning_staff_is_recorded_and_only_staff_can_be_assigned(
    submitted, staff, user
):
    assessor = UserFactory(role=SECRETARIAT, is_staff=True)
    services.application_assign(
        application=submitted,
        user=staff,
        case_officer=staff,
        technical_assessor=assessor,
    )
    submitted.refresh_from_db()
    assert (submitted.case_officer, submitted.technical_assessor) == (staff, assessor)
    entry = AuditEntry.objects.get(application=submitted, action="assigned")
    assert entry.actor == staff
    with pytest.raises(ApplicationError):
        services.application_assign(
            application=submitted, user=staff, case_officer=user
        )


# --- Requests for information -------------------------------------------------------


def test_a_request_for_information_reaches_the_dashboard_and_the_mailbox(
    submitted, staff, user, client, committed
):
    services.application_move(application=submitted, user=staff, to_status=S.SCREENING)
    mail.outbox.clear()
    with pytest.raises(ApplicationError):
        services.application_request_information(
            application=submitted, user=staff, body="  "
        )

    with committed():
        services.application_request_information(
            application=submitted, user=staff, body="Send the electricity bills."
        )

    assert [m.to for m in mail.outbox] == [[user.email]]
    assert "Send the electricity bills." in mail.outbox[0].body
    client.force_login(user)
    page = client.get(f"/en/apply/applications/{submitted.pk}/").content.decode()
    assert "Send the electricity bills." in page


# --- Decisions and their money ------------------------------------------------------


def test_the_grant_is_computed_by_the_rules_when_no_amount_is_given(vetting, staff):
    decision = services.application_decide(
        application=vetting,
        user=staff,
        outcome="approved",
        approved_eligible_cost_hkd=Decimal("40001"),
    )
    assert decision.approved_amount_hkd == Decimal("20000")  # 50 %, rounded down
    assert decision.funding_share == Decimal("0.5")
    # Due two months after the project ends (FINAL_REPORT_DUE_MONTHS).
    assert decision.final_report_due_on == vetting.planned_end + relativedelta(months=2)
    assert Application.objects.get(pk=vetting.pk).status == S.APPROVED


@pytest.mark.parametrize(
    ("cost", "amount", "ok"),
    [
        ("60000", "28000", True),  # the ceiling exactly
        ("60000", "28000.01", False),  # a cent above the ceiling
        ("50000", "25000", True),  # share x cost exactly
        ("50000", "25000.01", False),  # a cent above the share
        ("60000.01", None, False),  # more cost than applied for
        ("-1", None, False),
    ],
)
def test_the_approved_amount_never_exceeds_the_grant_or_the_ceiling(
    vetting, staff, cost, amount, ok
):
    def decide():
        return services.application_decide(
            application=vetting,
            user=staff,
            outcome="approved",
            approved_eligible_cost_hkd=Decimal(cost),
            approved_amount_hkd=Decimal(amount) if amount else None,
        )

    if ok:
        assert decide().approved_amount_hkd == Decimal(amount)
    else:
        with pytest.raises(ApplicationError):
            decide()
        assert not Decision.objects.filter(application=vetting).exists()
        assert Application.objects.get(pk=vetting.pk).status == S.VETTING


def test_the_database_refuses_an_amount_above_the_ceiling(approved):
    decision = approved.decisions.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(
            approved_amount_hkd=Decimal("28000.01")
        )


def test_a_rejection_needs_reasons_and_notifies_the_applicant(
    vetting, staff, user, committed
):
    mail.outbox.clear()
    with pytest.raises(ApplicationError):
        services.application_decide(application=vetting, user=staff, outcome="rejected")

    with committed():
        decision = services.application_decide(
            application=vetting,
            user=staff,
            outcome="rejected",
            reasons="The baseline is not supported by records.",
        )

    assert decision.approved_amount_hkd is None
    assert Application.objects.get(pk=vetting.pk).status == S.REJECTED
    # The notice at once, and the letter of decision (a PDF attached) after it.
    notice, letter = sorted(mail.outbox, key=lambda m: bool(m.attachments))
    assert notice.to == letter.to == [user.email]
    assert "The baseline is not supported by records." in notice.body
    assert letter.attachments and not notice.attachments
    # Sent once: running the task again sends nothing.
    from applications import tasks

    assert tasks.send_decision_notice(decision.pk) is False
    assert len(mail.outbox) == 2


def test_an_ineligible_application_is_rejected_at_screening(submitted, staff):
    services.application_move(application=submitted, user=staff, to_status=S.SCREENING)
    services.application_decide(
        application=submitted,
        user=staff,
        outcome="rejected",
        reasons="Not a HK business.",
    )
    assert Application.objects.get(pk=submitted.pk).status == S.REJECTED


def test_approval_is_e_mailed_with_the_amount(vetting, staff, user, committed):
    mail.outbox.clear()
    with committed():
        services.application_decide(application=vetting, user=staff, outcome="approved")
    (notice,) = [m for m in mail.outbox if not m.attachments]
    assert "HK$28,000" in notice.body


def test_project_dates_beyond_the_schemes_duration_are_refused(vetting, staff):
    start = timezone.localdate()
    with pytest.raises(ApplicationError, match="months"):
        services.application_decide(
            application=vetting,
            user=staff,
            outcome="approved",
            project_start=start,
            project_end=start + timedelta(days=400),
        )


# --- Reports ------------------------------------------------------------------------


def test_a_verified_report_stores_savings_and_co2(in_progress, staff, user):
    from toolbox.models import EmissionFactor

    grid = EmissionFactor.objects.filter(
        kind="grid", region="HK", is_region_default=True
    ).first() or EmissionFactor.objects.create(
        code="hk-test",
        name="HK",
        kind="grid",
        region="HK",
        is_region_default=True,
        unit="kWh",
        co2_kg_per_unit=Decimal("0.7"),
        source="EPD",
    )
    diesel = EmissionFactor.objects.filter(code="diesel").first() or (
        EmissionFactor.objects.create(
            code="diesel",
            name="Diesel",
            kind="fuel",
            unit="L",
            co2_kg_per_unit=Decimal("2.6765"),
            source="EPD",
        )
    )
    report = services.report_submit(
        application=in_progress,
        user=user,
        kind=ReportKind.PROGRESS,
        values=FIGURES,
        fuels=[
            {
                "fuel": "diesel",
                "unit": "L",
                "before": Decimal("1000"),
                "after": Decimal("400"),
            }
        ],
    )
    services.report_verify(report=report, user=staff)

    report.refresh_from_db()
    assert report.status == ReportStatus.VERIFIED
    assert report.electricity_saved_kwh == Decimal("20000")
    assert report.water_saved_m3 == Decimal("500")
    assert report.fuels.get().saved == Decimal("600")
    # CO2 from the documented factors: the grid's for electricity, diesel's per litre.
    assert report.co2_avoided_tonnes == (
        (
            Decimal("20000") * grid.co2_kg_per_unit
            + Decimal("600") * diesel.co2_kg_per_unit
        )
        / 1000
    ).quantize(Decimal("0.001"))
    assert set(report.factors_used) == {grid.code, "diesel"}
    assert Application.objects.get(pk=in_progress.pk).status == S.IN_PROGRESS


def test_a_returned_final_report_goes_back_and_a_new_one_is_kept_apart(
    in_progress, staff, user
):
    first = services.report_submit(
        application=in_progress, user=user, kind=ReportKind.FINAL, values=FIGURES
    )
    with pytest.raises(ApplicationError):
        services.report_return(report=first, user=staff, note="")
    services.report_return(report=first, user=staff, note="Add the meter readings.")
    assert Application.objects.get(pk=in_progress.pk).status == S.IN_PROGRESS
    assert in_progress.messages.filter(
        body__contains="Add the meter readings."
    ).exists()

    second = services.report_submit(
        application=in_progress, user=user, kind=ReportKind.FINAL, values=FIGURES
    )
    assert (first.number, second.number) == (1, 2)
    first.refresh_from_db()
    assert first.status == ReportStatus.RETURNED


def test_another_organisation_cannot_submit_a_report(in_progress, other_member):
    with pytest.raises(ApplicationError):
        services.report_submit(
            application=in_progress,
            user=other_member.user,
            kind=ReportKind.FINAL,
            values=FIGURES,
        )


def test_completion_needs_a_verified_final_report(in_progress, staff, user):
    services.report_submit(
        application=in_progress, user=user, kind=ReportKind.FINAL, values=FIGURES
    )
    with pytest.raises(ApplicationError):
        services.application_move(
            application=in_progress, user=staff, to_status=S.COMPLETED
        )


# --- Claims and payments ------------------------------------------------------------


@pytest.fixture
def accepted_claim(in_progress, staff, user):
    claim = services.claim_submit(
        application=in_progress,
        user=user,
        expenditure_hkd=Decimal("40000"),
        amount_hkd=Decimal("20000"),
    )
    return services.claim_accept(claim=claim, user=staff)


@pytest.mark.parametrize(
    ("expenditure", "amount", "ok"),
    [
        ("50000", "25000", True),  # all of the approved grant
        ("50000", "25000.01", False),  # above the approved grant
        ("40000", "20000.01", False),  # above the share of what was spent
        ("40000", "0", False),
    ],
)
def test_a_claim_stays_within_the_share_and_the_approved_grant(
    in_progress, user, expenditure, amount, ok
):
    def submit():
        return services.claim_submit(
            application=in_progress,
            user=user,
            expenditure_hkd=Decimal(expenditure),
            amount_hkd=Decimal(amount),
        )

    if ok:
        assert submit().status == ClaimStatus.SUBMITTED
    else:
        with pytest.raises(ApplicationError):
            submit()


def test_payment_up_to_the_approved_grant_and_not_a_cent_more(
    accepted_claim, in_progress, staff, user
):
    services.disbursement_record(
        claim=accepted_claim,
        user=staff,
        amount_hkd=Decimal("20000"),
        paid_on=timezone.localdate(),
        payment_reference="PV-1",
    )
    accepted_claim.refresh_from_db()
    assert accepted_claim.status == ClaimStatus.PAID
    last = services.claim_submit(
        application=in_progress,
        user=user,
        expenditure_hkd=Decimal("10000"),
        amount_hkd=Decimal("5000"),
        is_final=True,
    )
    services.claim_accept(claim=last, user=staff)
    with pytest.raises(ApplicationError, match="above the approved grant"):
        services.disbursement_record(
            claim=last,
            user=staff,
            amount_hkd=Decimal("5000.01"),
            paid_on=timezone.localdate(),
            payment_reference="PV-2",
        )
    services.disbursement_record(
        claim=last,
        user=staff,
        amount_hkd=Decimal("5000"),
        paid_on=timezone.localdate(),
        payment_reference="PV-2",
    )
    assert in_progress.disbursements.count() == 2
    assert in_progress.disbursements.latest("pk").paid_to_date_hkd == Decimal("25000")


def test_the_database_refuses_paying_more_than_approved(
    accepted_claim, in_progress, staff
):
    with pytest.raises(IntegrityError), transaction.atomic():
        Disbursement.objects.create(
            application=in_progress,
            claim=accepted_claim,
            amount_hkd=Decimal("25000.01"),
            approved_amount_hkd=Decimal("25000"),
            paid_to_date_hkd=Decimal("25000.01"),
            paid_on=timezone.localdate(),
            payment_reference="X",
            recorded_by=staff,
        )


def test_only_an_accepted_claim_is_paid(in_progress, staff, user):
    claim = services.claim_submit(
        application=in_progress,
        user=user,
        expenditure_hkd=Decimal("2000"),
        amount_hkd=Decimal("1000"),
    )
    with pytest.raises(ApplicationError):
        services.disbursement_record(
            claim=claim,
            user=staff,
            amount_hkd=Decimal("1000"),
            paid_on=timezone.localdate(),
            payment_reference="PV",
        )
    services.claim_return(claim=claim, user=staff, note="Attach the receipt.")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RETURNED


def test_closing_needs_the_final_report_and_the_last_payment(in_progress, staff, user):
    report = services.report_submit(
        application=in_progress, user=user, kind=ReportKind.FINAL, values=FIGURES
    )
    services.report_verify(report=report, user=staff)
    with pytest.raises(ApplicationError, match="final payment"):
        services.application_move(
            application=in_progress, user=staff, to_status=S.CLOSED
        )
    assert Application.objects.get(pk=in_progress.pk).status == S.COMPLETED


def test_a_demonstration_grant_uses_its_own_share_and_ceiling(ready_draft, user, staff):
    application = ready_draft(DP, amount="700000")
    services.application_submit(application=application, user=user)
    to_vetting(application, staff)
    decision = services.application_decide(
        application=application, user=staff, outcome="approved"
    )
    assert decision.approved_amount_hkd == min(
        Decimal("350000"), application.scheme.ceiling_hkd
    )
    assert decision.ceiling_hkd == application.scheme.ceiling_hkd
    assert decision.decided_by == staff
    assert Actor.SECRETARIAT == application.status_changes.latest("pk").actor_role


# --- What the applicant sees --------------------------------------------------------


def test_the_applicant_sees_each_step_but_never_internal_notes_or_scores(
    in_progress, staff, user, client
):
    services.application_assign(application=in_progress, user=staff, case_officer=staff)
    report = services.report_submit(
        application=in_progress, user=user, kind=ReportKind.FINAL, values=FIGURES
    )
    services.report_return(report=report, user=staff, note="Add the meter photos.")
    client.force_login(user)

    page = client.get(f"/en/apply/applications/{in_progress.pk}/").content.decode()
    dashboard = client.get("/en/apply/").content.decode()

    assert "HK$25,000" in page  # the approved grant
    assert "Install a sub-meter on the line." in page  # the conditions
    assert "Add the meter photos." in page  # why the report came back
    for step in ("Being checked", "Being assessed", "Approved", "Project under way"):
        assert step in page, step
        assert step in dashboard, step
    assert SCORES["comments"] not in page  # the assessor's comments are internal
    assert "Recommend" not in page


def test_another_organisation_sees_nothing_of_it(in_progress, other_member, client):
    client.force_login(other_member.user)
    assert client.get(f"/en/apply/applications/{in_progress.pk}/").status_code == 404


# --- The applicant's reports and claims ---------------------------------------------


def test_the_applicant_sends_a_final_report_with_evidence_and_fuels(
    in_progress, user, client
):
    from .factories import pdf_file

    client.force_login(user)
    url = f"/en/apply/applications/{in_progress.pk}/reports/new/"
    assert client.get(url).status_code == 200
    refused = client.post(
        url,
        {
            "kind": "final",
            "narrative": "Rectifiers replaced",
            "electricity_before_kwh": "-5",
            "files": pdf_file("meter.pdf"),
            "fuels-TOTAL_FORMS": "3",
            "fuels-INITIAL_FORMS": "0",
        },
    )
    assert refused.status_code == 200
    # The file is kept although the figure was refused.
    assert in_progress.attachments.filter(kind="report_evidence").count() == 1

    sent = client.post(
        url,
        {
            "kind": "final",
            "narrative": "Rectifiers replaced",
            "electricity_before_kwh": "100000",
            "electricity_after_kwh": "80000",
            "fuels-TOTAL_FORMS": "3",
            "fuels-INITIAL_FORMS": "0",
            "fuels-0-fuel": "diesel",
            "fuels-0-unit": "L",
            "fuels-0-before": "1000",
            "fuels-0-after": "700",
        },
    )
    assert sent.status_code == 302
    in_progress.refresh_from_db()
    assert in_progress.status == S.FINAL_REPORT_SUBMITTED
    report = in_progress.reports.get()
    assert report.attachments.count() == 1
    assert report.fuels.get().before == Decimal("1000")


def test_the_applicant_claims_with_receipts_and_is_refused_above_the_grant(
    in_progress, user, client
):
    from .factories import pdf_file

    client.force_login(user)
    url = f"/en/apply/applications/{in_progress.pk}/claims/new/"
    too_much = client.post(
        url,
        {
            "expenditure_hkd": "60000",
            "amount_hkd": "25000.01",
            "files": pdf_file("r.pdf"),
        },
    )
    assert "more than what is left" in too_much.content.decode() or (
        "cannot exceed" in too_much.content.decode()
    )
    assert not in_progress.claims.exists()
    client.post(
        url, {"expenditure_hkd": "50000", "amount_hkd": "25000", "is_final": "on"}
    )
    claim = in_progress.claims.get()
    assert claim.attachments.count() == 1
    assert claim.status == ClaimStatus.SUBMITTED


def test_reports_and_claims_are_closed_before_approval(submitted, user, client):
    client.force_login(user)
    for path in ("reports/new/", "claims/new/"):
        response = client.get(f"/en/apply/applications/{submitted.pk}/{path}")
        assert response.status_code == 302, path


# --- The letter of decision (issue 5, through the Secretariat's service) -------------


def test_the_committees_decision_sends_one_letter_to_the_applicant(
    vetting, staff, user, committed
):
    from letters.models import LetterRequest, LetterStatus

    with committed():
        decision = services.application_decide(
            application=vetting,
            user=staff,
            outcome="approved",
            approved_eligible_cost_hkd=Decimal("50000"),
            meeting_reference="PMC 2026/7",
        )

    letter = LetterRequest.objects.get(decision=decision)
    assert letter.status == LetterStatus.DONE
    assert letter.file.read(5) == b"%PDF-"
    to_applicant = [m for m in mail.outbox if user.email in m.to]
    assert any(m.attachments for m in to_applicant)
    assert LetterRequest.objects.count() == 1


def test_a_refused_decision_leaves_no_letter_behind(submitted, staff):
    from letters.models import LetterRequest

    with pytest.raises(ApplicationError):
        services.application_decide(  # not at vetting yet
            application=submitted, user=staff, outcome="approved"
        )
    assert not LetterRequest.objects.exists()
