"""Journey "Secretariat approval": a Secretariat officer signs in with two factors,
finds a submitted application in the admin and takes it through to approved."""

import re
from decimal import Decimal

import pytest

from .conftest import csp_violations


def submitted_application():
    from applications import services
    from applications.models import ConnectionTest
    from tests.applications.conftest import build_ready_draft
    from tests.applications.factories import (
        FactoryFactory,
        MembershipFactory,
        PhaseFactory,
        ProviderFactory,
        SchemeFactory,
    )

    member = MembershipFactory()
    scheme = SchemeFactory(
        phase=PhaseFactory(code="open-intake", name="Current intake")
    )
    factory = FactoryFactory(
        organisation=member.organisation,
        name="Dongguan plant",
        location="gd-dongguan",
        connection_test=ConnectionTest.GD_WFOE,
    )
    application = build_ready_draft(
        user=member.user, scheme=scheme, factory=factory, provider=ProviderFactory()
    )
    services.application_submit(application=application, user=member.user)
    application.refresh_from_db()
    return application


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_secretariat_approval(live_server, page):
    from accounts.roles import SECRETARIAT
    from applications.models import ApplicationStatus, Decision
    from tests.factories import UserFactory, totp_code

    application = submitted_application()
    staff = UserFactory(role=SECRETARIAT, is_staff=True)

    # Sign in with the password, then the authenticator app's code.
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.fill("input[name=login]", staff.email)
    page.fill("input[name=password]", "correct-horse-battery")
    page.click("form.portal-form button[type=submit]")
    page.wait_for_url("**/en/accounts/2fa/authenticate/")
    page.fill("input[name=code]", totp_code())
    page.click("form.portal-form button[type=submit]")
    page.wait_for_url("**/en/admin/")

    # Find the application by its reference.
    page.goto(f"{live_server.url}/en/admin/applications/application/")
    page.fill("#searchbar", application.reference)
    page.press("#searchbar", "Enter")
    page.click(f"#result_list a:text('{application.reference}')")
    page.wait_for_url(re.compile(rf"/application/{application.pk}/change/"))
    assert csp_violations(page) == []

    def step(label: str, fill=None):
        page.locator(".workflow-steps a", has_text=label).click()
        page.wait_for_selector("form input[type=submit].default")
        assert csp_violations(page) == []
        if fill:
            fill()
        page.click("form input[type=submit].default")
        page.wait_for_url(re.compile(rf"/application/{application.pk}/change/"))

    step("Start screening")
    step("Send to technical assessment")

    def assessment():
        for name in (
            "baseline_score",
            "technology_score",
            "cost_score",
            "benefit_score",
        ):
            page.fill(f"input[name={name}]", "4")
        page.select_option("select[name=recommendation]", "approve")
        page.fill("textarea[name=comments]", "Baseline and quotation are reasonable.")

    step("Record the technical assessment", assessment)
    step("Send to the committee (vetting)")

    def decision():
        assert "HK$28,000" in page.inner_text("#content-main")
        page.check("input[name=outcome][value=approved]")
        page.fill("textarea[name=conditions]", "Install a sub-meter.")
        page.fill("input[name=meeting_reference]", "PMC 2026/12")

    step("Record the committee's decision", decision)

    assert "Approved" in page.inner_text("fieldset")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert Decision.objects.get(application=application).approved_amount_hkd == Decimal(
        "28000"
    )
    assert list(application.status_changes.values_list("to_status", flat=True))[2:] == [
        "screening",
        "technical_assessment",
        "vetting",
        "approved",
    ]
