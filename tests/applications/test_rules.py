"""The programme's rules at their edges (pure functions, and the database's guard)."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from applications import rules, services
from applications.models import Application, ApplicationStatus, ConnectionTest
from applications.rules import Admission, EarlierAssessment, Refusal

from .conftest import DP, OA, OS

D = Decimal
BUSINESS_ONLY = Admission(business=True, workshop=False, association=False)
DEMONSTRATION = Admission(business=True, workshop=True, association=False)
ASSOCIATION_ONLY = Admission(business=False, workshop=False, association=True)


def code(refusal: Refusal | None) -> str | None:
    return refusal.code if refusal else None


# --- Grant and ceiling ----------------------------------------------------------


@pytest.mark.parametrize(
    ("ceiling", "cost_at", "cost_one_dollar_above"),
    [
        (D("28000"), D("56000"), D("56002")),  # on-site assessment
        (D("330000"), D("660000"), D("660002")),  # demonstration project
    ],
)
def test_grant_is_capped_exactly_at_the_ceiling(
    ceiling, cost_at, cost_one_dollar_above
):
    at = rules.grant_amount(eligible_cost=cost_at, share=D("0.5"), ceiling=ceiling)
    above = rules.grant_amount(
        eligible_cost=cost_one_dollar_above, share=D("0.5"), ceiling=ceiling
    )

    assert at == ceiling
    assert above == ceiling
    assert (
        rules.is_capped(eligible_cost=cost_at, share=D("0.5"), ceiling=ceiling) is False
    )
    assert rules.is_capped(
        eligible_cost=cost_one_dollar_above, share=D("0.5"), ceiling=ceiling
    )


@pytest.mark.parametrize("ceiling", [D("28000"), D("330000")])
def test_a_grant_one_dollar_above_the_ceiling_is_refused(ceiling):
    assert rules.grant_ceiling_refusal(grant=ceiling, ceiling=ceiling) is None
    refusal = rules.grant_ceiling_refusal(grant=ceiling + 1, ceiling=ceiling)
    assert refusal.code == "grant_above_ceiling"


def test_association_support_has_no_ceiling():
    assert rules.grant_amount(
        eligible_cost=D("1000000"), share=D("0.9"), ceiling=None
    ) == D("900000")
    assert rules.grant_ceiling_refusal(grant=D("900000"), ceiling=None) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "cost", "grant"),
    [
        (OA, "56000", "28000"),  # exactly at the ceiling
        (OA, "56002", "28000"),  # one dollar of grant above it: capped
        (DP, "660000", "330000"),
        (DP, "660002", "330000"),
        (OS, "100000", "90000"),
    ],
)
def test_the_server_computes_and_stores_the_grant_from_the_cost_lines(
    ready_draft, kind, cost, grant
):
    application = ready_draft(kind, amount=cost)

    assert application.eligible_cost_hkd == D(cost)
    assert application.requested_grant_hkd == D(grant)


@pytest.mark.django_db
def test_the_database_refuses_a_grant_one_dollar_above_the_ceiling(ready_draft):
    application = ready_draft(OA)

    Application.objects.filter(pk=application.pk).update(requested_grant_hkd=D("28000"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(
            requested_grant_hkd=D("28001")
        )

    application.refresh_from_db()
    assert application.requested_grant_hkd == D("28000")


@pytest.mark.django_db
def test_one_open_application_per_factory_and_scheme_is_a_database_rule(
    ready_draft, schemes, hk_factory, user
):
    ready_draft(OA)

    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(
            organisation=hk_factory.organisation,
            scheme=schemes[OA],
            factory=hk_factory,
            status=ApplicationStatus.DRAFT,
        )
    # A finished application does not count.
    Application.objects.create(
        organisation=hk_factory.organisation,
        scheme=schemes[OA],
        factory=hk_factory,
        status=ApplicationStatus.WITHDRAWN,
    )


# --- Business Registration number -----------------------------------------------


@pytest.mark.parametrize(
    "raw",
    ["12345678", "12345678-000", "12345678-000-01-25-1", " 12345678 000 01 25 1 "],
)
def test_br_numbers_are_reduced_to_their_8_digit_core(raw):
    assert rules.normalise_br_number(raw) == "12345678"


@pytest.mark.parametrize(
    "raw", ["", "1234567", "123456789", "ABCDEFGH", "12345678-00", "12345678-000-1"]
)
def test_malformed_br_numbers_are_refused_in_plain_words(raw):
    with pytest.raises(ValueError, match="8 digits"):
        rules.normalise_br_number(raw)


# --- Repeat on-site assessment: five years, by date --------------------------------


def repeat(on, completed_on, measure=True, reason="process_change"):
    return rules.repeat_assessment_refusal(
        earlier=[EarlierAssessment("OA-2021-0007", completed_on)],
        on=on,
        measure_implemented=measure,
        reason=reason,
    )


def test_a_repeat_assessment_is_refused_one_day_before_five_years():
    assert code(repeat(date(2026, 3, 9), date(2021, 3, 10))) == "repeat_too_soon"


def test_a_repeat_assessment_is_possible_on_the_day_five_years_after():
    assert repeat(date(2026, 3, 10), date(2021, 3, 10)) is None


def test_five_years_after_29_february_is_28_february():
    assert code(repeat(date(2025, 2, 27), date(2020, 2, 29))) == "repeat_too_soon"
    assert repeat(date(2025, 2, 28), date(2020, 2, 29)) is None


@pytest.mark.parametrize(
    ("measure", "reason", "expected"),
    [
        (False, "process_change", "repeat_no_measure"),
        (True, "", "repeat_no_reason"),
        (True, "material_change", None),
        (True, "recognition", None),
    ],
)
def test_a_repeat_needs_a_measure_implemented_and_a_change_or_recognition(
    measure, reason, expected
):
    assert (
        code(repeat(date(2030, 1, 1), date(2021, 3, 10), measure, reason)) == expected
    )


def test_an_unfinished_funded_assessment_blocks_another():
    refusal = rules.repeat_assessment_refusal(
        earlier=[EarlierAssessment("OA-2026-0001", None)],
        on=date(2040, 1, 1),
        measure_implemented=True,
        reason="recognition",
    )
    assert code(refusal) == "assessment_not_complete"
    assert "OA-2026-0001" in refusal.message


def test_a_first_assessment_needs_nothing_of_the_repeat_rule():
    assert (
        rules.repeat_assessment_refusal(
            earlier=[], on=date(2026, 1, 1), measure_implemented=False, reason=""
        )
        is None
    )


# --- The phase's window ---------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2026, 3, 31), "phase_not_open"),
        (date(2026, 4, 1), None),
        (date(2026, 9, 30), None),
        (date(2026, 10, 1), "phase_closed"),
    ],
)
def test_applications_are_accepted_only_while_the_phase_is_open(on, expected):
    refusal = rules.phase_refusal(
        opens_on=date(2026, 4, 1), closes_on=date(2026, 9, 30), on=on, phase_name="P"
    )
    assert code(refusal) == expected


# --- Who may apply for what -----------------------------------------------------


@pytest.mark.parametrize(
    ("organisation_kind", "connection", "admits", "expected"),
    [
        (
            "business",
            ConnectionTest.HK_WORKSHOP,
            BUSINESS_ONLY,
            "workshop_not_admitted",
        ),
        ("business", ConnectionTest.HK_WORKSHOP, DEMONSTRATION, None),
        ("business", ConnectionTest.GD_WFOE, BUSINESS_ONLY, None),
        ("association", None, DEMONSTRATION, "association_not_admitted"),
        ("association", None, ASSOCIATION_ONLY, None),
        (
            "business",
            ConnectionTest.HK_FACTORY,
            ASSOCIATION_ONLY,
            "business_not_admitted",
        ),
    ],
)
def test_applicant_kind_against_the_scheme(
    organisation_kind, connection, admits, expected
):
    kind = rules.applicant_kind(
        organisation_kind=organisation_kind, connection_test=connection
    )
    assert code(
        rules.admission_refusal(kind=kind, admits=admits, scheme_label="X")
    ) == (expected)


def test_a_workshop_applying_for_an_assessment_is_told_what_it_may_apply_for():
    with translation.override("en"):
        refusal = rules.admission_refusal(
            kind=rules.ApplicantKind.WORKSHOP,
            admits=BUSINESS_ONLY,
            scheme_label="On-site Improvement Assessment",
        )
    assert refusal.message == (
        "Workshops in Hong Kong with polluting processes can apply for Demonstration "
        "Projects only, not for the On-site Improvement Assessment."
    )


def test_refusals_are_in_the_users_language():
    with translation.override("zh-hant"):
        refusal = rules.admission_refusal(
            kind=rules.ApplicantKind.ASSOCIATION,
            admits=DEMONSTRATION,
            scheme_label="示範項目",
        )
    assert "工商業協會" in refusal.message


@pytest.mark.parametrize(
    ("location", "connection", "expected"),
    [
        ("gd-dongguan", ConnectionTest.GD_JOINT_VENTURE, None),
        ("hk-kwun-tong", ConnectionTest.HK_WORKSHOP, None),
        ("gd-dongguan", ConnectionTest.HK_FACTORY, "connection_region_mismatch"),
        ("hk-tuen-mun", ConnectionTest.GD_PROCESSING, "connection_region_mismatch"),
        ("mo-macau", ConnectionTest.HK_FACTORY, "factory_outside_region"),
    ],
)
def test_the_factory_is_in_hong_kong_or_guangdong_as_its_connection_says(
    location, connection, expected
):
    assert (
        code(
            rules.factory_location_refusal(
                location=location, connection_test=connection
            )
        )
        == expected
    )


def test_another_open_application_for_the_factory_and_scheme_is_named():
    refusal = rules.open_application_refusal(other_open=["OA-2026-0003"])
    assert refusal.code == "open_application_exists"
    assert "OA-2026-0003" in refusal.message
    assert rules.open_application_refusal(other_open=[]) is None


# --- Project dates --------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "codes"),
    [
        (date(2026, 1, 31), date(2026, 4, 30), []),  # exactly three months
        (date(2026, 1, 31), date(2026, 5, 1), ["project_too_long"]),
        (date(2026, 1, 30), date(2026, 3, 1), ["start_before_submission"]),
        (date(2026, 2, 10), date(2026, 2, 9), ["end_before_start"]),
    ],
)
def test_no_start_before_submission_and_within_the_schemes_duration(start, end, codes):
    refusals = rules.project_dates_refusals(
        start=start, end=end, on=date(2026, 1, 31), max_months=3
    )
    assert [r.code for r in refusals] == codes


def test_all_the_eligibility_rules_together():
    facts = rules.EligibilityFacts(
        on=date(2026, 10, 1),
        organisation_kind="business",
        scheme_kind=OA,
        scheme_label="OA",
        admits=BUSINESS_ONLY,
        phase_name="Phase",
        opens_on=date(2026, 4, 1),
        closes_on=date(2026, 9, 30),
        factory_location="hk-kwun-tong",
        connection_test=ConnectionTest.HK_WORKSHOP,
        other_open_applications=["OA-2026-0001"],
    )

    assert [r.code for r in rules.eligibility_refusals(facts)] == [
        "phase_closed",
        "workshop_not_admitted",
        "open_application_exists",
    ]


def test_the_documents_each_connection_needs():
    assert rules.CONNECTION_EVIDENCE[ConnectionTest.GD_HK_RESIDENT] == (
        "mainland_licence",
        "shareholding_proof",
        "company_extract",
        "resident_id",
    )
    repeat_documents = rules.application_documents(kind=OA, repeat_assessment=True)
    assert "repeat_evidence" in repeat_documents.required


@pytest.mark.django_db
def test_a_service_refuses_to_store_a_grant_above_the_ceiling(ready_draft, schemes):
    application = ready_draft(OA)
    # The Secretariat lowers the ceiling; the service recomputes within it.
    schemes[OA].ceiling_hkd = D("20000")
    schemes[OA].save()

    services.application_replace_cost_lines(
        application=application,
        user=application.created_by,
        lines=[{"item": "Work", "amount_hkd": D("60000")}],
    )

    application.refresh_from_db()
    assert application.requested_grant_hkd == D("20000")
    assert application.ceiling_hkd == D("20000")
