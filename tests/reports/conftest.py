from datetime import date
from decimal import Decimal

import pytest

from applications.models import ApplicationStatus as S
from applications.models import ReportKind, ReportStatus
from tests.applications.factories import PhaseFactory, SchemeFactory

from .factories import application, decide, final_report, pay


@pytest.fixture
def history(secretariat_user):
    """Seven submitted applications and a draft; the figures in test_figures.py are
    worked out by hand from what is written here."""
    user = secretariat_user
    p = PhaseFactory(code="p", name="Phase P", budget_hkd=Decimal("1000000.00"))
    q = PhaseFactory(code="q", name="Phase Q", budget_hkd=Decimal("500000.00"))
    oa = SchemeFactory(phase=p)
    dp = SchemeFactory(phase=p, demonstration=True)
    os_ = SchemeFactory(phase=q, association=True)

    a1 = application(oa, status=S.COMPLETED, submitted=date(2024, 3, 5))
    decide(a1, user, grant=Decimal("20000"), on=date(2024, 3, 15))
    pay(a1, user, Decimal("20000"), approved=Decimal("20000"), to_date=Decimal("20000"))
    final_report(
        a1,
        user,
        electricity_saved_kwh=Decimal("100000"),
        co2_avoided_tonnes=Decimal("70"),
        nox_reduced_kg=Decimal("10"),
        water_saved_m3=Decimal("500"),
        diesel_saved=Decimal("1000"),
    )

    a2 = application(
        dp,
        status=S.IN_PROGRESS,
        submitted=date(2024, 4, 1),
        industry="textiles",
        location="gd-dongguan",
    )
    decide(a2, user, grant=Decimal("200000"), on=date(2024, 4, 21))
    decide(a2, user, grant=Decimal("150000"), on=date(2024, 6, 1), number=2)
    pay(
        a2, user, Decimal("45000"), approved=Decimal("150000"), to_date=Decimal("45000")
    )
    # Neither a progress report nor an unverified final report counts.
    final_report(
        a2,
        user,
        kind=ReportKind.PROGRESS,
        electricity_saved_kwh=Decimal("999999"),
        co2_avoided_tonnes=Decimal("999"),
    )
    final_report(
        a2,
        user,
        status=ReportStatus.SUBMITTED,
        electricity_saved_kwh=Decimal("777"),
        co2_avoided_tonnes=Decimal("7"),
    )

    a3 = application(
        oa,
        status=S.REJECTED,
        submitted=date(2024, 5, 10),
        industry="textiles",
        location="gd-dongguan",
    )
    decide(a3, user, on=date(2024, 6, 9), rejected=True)

    a4 = application(dp, status=S.COMPLETED, submitted=date(2025, 1, 2))
    decide(a4, user, grant=Decimal("100000"), on=date(2025, 2, 11))
    pay(
        a4, user, Decimal("30000"), approved=Decimal("100000"), to_date=Decimal("30000")
    )
    pay(
        a4,
        user,
        Decimal("70000"),
        approved=Decimal("100000"),
        to_date=Decimal("100000"),
    )
    # A revised final report replaces the first: only the latest verified counts.
    final_report(
        a4,
        user,
        electricity_saved_kwh=Decimal("50000"),
        co2_avoided_tonnes=Decimal("35"),
    )
    final_report(
        a4,
        user,
        number=2,
        electricity_saved_kwh=Decimal("60000"),
        co2_avoided_tonnes=Decimal("42"),
    )

    application(oa, status=S.WITHDRAWN, submitted=date(2024, 7, 1))
    application(
        oa,
        status=S.VETTING,
        submitted=date(2025, 3, 1),
        industry="food",
        location="hk-tuen-mun",
    )
    a7 = application(
        os_, status=S.APPROVED, submitted=date(2025, 2, 1), association=True
    )
    decide(a7, user, grant=Decimal("90000"), on=date(2025, 3, 3))
    application(oa, status=S.DRAFT, submitted=None)
    return {"p": p, "q": q, "oa": oa, "dp": dp, "os": os_}
