"""Journey "EPD dashboard": an EPD viewer signs in with two factors, opens the
dashboard, filters it and downloads an export."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from accounts.roles import EPD_VIEWER
from applications.models import ApplicationStatus as S
from tests.applications.factories import PhaseFactory, SchemeFactory
from tests.factories import UserFactory, totp_code
from tests.reports.factories import application, decide, pay

from .conftest import csp_violations, serious_axe_violations


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_epd_dashboard(live_server, page, secretariat_user):
    phase = PhaseFactory(name="Phase P", budget_hkd=Decimal("1000000"))
    oa = SchemeFactory(phase=phase)
    dp = SchemeFactory(phase=phase, demonstration=True)
    metal = application(oa, status=S.COMPLETED, submitted=date(2025, 3, 1))
    decide(metal, secretariat_user, grant=Decimal("20000.50"), on=date(2025, 4, 1))
    pay(
        metal,
        secretariat_user,
        Decimal("20000.50"),
        approved=Decimal("20000.50"),
        to_date=Decimal("20000.50"),
    )
    textiles = application(
        dp,
        status=S.IN_PROGRESS,
        submitted=date(2025, 5, 1),
        industry="textiles",
        location="gd-dongguan",
    )
    decide(textiles, secretariat_user, grant=Decimal("150000"), on=date(2025, 6, 1))
    epd = UserFactory(role=EPD_VIEWER)

    # Sign in with the password, then the authenticator's code.
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.fill("input[name=login]", epd.email)
    page.fill("input[name=password]", "correct-horse-battery")
    page.click("form.portal-form button[type=submit]")
    page.wait_for_url("**/en/accounts/2fa/authenticate/")
    page.fill("input[name=code]", totp_code())
    page.click("form.portal-form button[type=submit]")
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/en/reports/")
    assert page.locator("h1").inner_text() == "Programme reports"
    assert page.locator("#table-summary").get_by_text("170,000.50").count() == 1
    assert page.locator("svg.report-chart[role=img]").count() == 3
    assert serious_axe_violations(page) + csp_violations(page) == []

    # Filter to Guangdong: the URL keeps the filter, every figure follows it.
    page.select_option("#id_location", "GD")
    page.get_by_role("button", name="Apply the filter").click()
    page.wait_for_url("**/en/reports/?*location=GD*")
    summary = page.locator("#table-summary")
    assert (
        summary.get_by_role("row", name="Applications received")
        .inner_text()
        .split()[-1]
        == "1"
    )
    assert summary.get_by_text("150,000.00").count() == 1
    assert serious_axe_violations(page) + csp_violations(page) == []

    # Download the grants-by-industry table as CSV: the filtered, exact figures.
    with page.expect_download() as download_info:
        page.locator("#table-money-by-industry").locator("..").locator(
            "xpath=following-sibling::p[1]"
        ).get_by_role("link", name="CSV").click()
    download = download_info.value
    text = open(download.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        ["Industry", "Committed (HK$)", "Paid (HK$)", "Committed, not yet paid (HK$)"],
        ["Textiles", "150000.00", "0.00", "150000.00"],
        ["Total", "150000.00", "0.00", "150000.00"],
    ]
    assert download.suggested_filename.startswith("cpportal-money-by-industry-")
