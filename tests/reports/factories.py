"""A small programme history with figures that can be worked out by hand."""

from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone

from applications.models import (
    Application,
    ApplicationStatus,
    Decision,
    DecisionOutcome,
    Disbursement,
    ProjectReport,
    ReportFuel,
    ReportKind,
    ReportStatus,
)
from tests.applications.factories import FactoryFactory, OrganisationFactory

_counter = {"n": 0}


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def application(
    scheme,
    *,
    status=ApplicationStatus.SUBMITTED,
    submitted: date | None = date(2024, 3, 5),
    factory=None,
    industry="metal",
    location="hk-kwun-tong",
    grant=Decimal("20000"),
    association=False,
) -> Application:
    _counter["n"] += 1
    n = _counter["n"]
    if association:
        organisation = OrganisationFactory(kind="association")
        factory = None
    elif factory is None:
        factory = FactoryFactory(
            industry=industry,
            location=location,
            industry_other="Toys" if industry == "other" else "",
            connection_test="gd_wfoe" if location.startswith("gd-") else "hk_factory",
        )
        organisation = factory.organisation
    else:
        organisation = factory.organisation
    return Application.objects.create(
        organisation=organisation,
        scheme=scheme,
        factory=factory,
        status=status,
        reference=f"T-{n:06d}" if submitted else None,
        submitted_at=at(submitted) if submitted else None,
        requested_grant_hkd=grant if submitted else None,
        eligible_cost_hkd=grant * 2,
        funding_share=scheme.funding_share,
        ceiling_hkd=scheme.ceiling_hkd,
    )


def decide(app, user, *, grant=None, on: date, number=1, rejected=False) -> Decision:
    if rejected:
        return Decision.objects.create(
            application=app,
            number=number,
            outcome=DecisionOutcome.REJECTED,
            decided_by=user,
            decided_at=at(on),
        )
    return Decision.objects.create(
        application=app,
        number=number,
        outcome=DecisionOutcome.APPROVED,
        approved_eligible_cost_hkd=grant * 2,
        funding_share=Decimal("0.5"),
        ceiling_hkd=None,
        approved_amount_hkd=grant,
        decided_by=user,
        decided_at=at(on),
    )


def pay(app, user, amount: Decimal, *, approved: Decimal, to_date: Decimal):
    return Disbursement.objects.create(
        application=app,
        amount_hkd=amount,
        approved_amount_hkd=approved,
        paid_to_date_hkd=to_date,
        paid_on=date(2025, 1, 10),
        payment_reference=f"PV-{app.pk}-{to_date}",
        recorded_by=user,
    )


def final_report(
    app,
    user,
    *,
    status=ReportStatus.VERIFIED,
    kind=ReportKind.FINAL,
    number=1,
    diesel_saved=None,
    **saved,
) -> ProjectReport:
    verified = status == ReportStatus.VERIFIED
    report = ProjectReport.objects.create(
        application=app,
        kind=kind,
        number=number,
        status=status,
        verified_at=at(date(2025, 6, 1)) if verified else None,
        verified_by=user if verified else None,
        **saved,
    )
    if diesel_saved is not None:
        ReportFuel.objects.create(
            report=report,
            fuel="diesel",
            unit="L",
            before=Decimal("10000"),
            after=Decimal("10000") - diesel_saved,
            saved=diesel_saved,
            co2_avoided_tonnes=(diesel_saved * Decimal("0.00268")).quantize(
                Decimal("0.001")
            ),
        )
    return report
