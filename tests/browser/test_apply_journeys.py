"""Journeys to a funding application in Chromium: a trade association signs up and
applies through to a submitted application; a factory owner goes from a CP Toolbox
result to a prefilled draft. Each page on the way has no serious axe-core finding and
no CSP violation."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from applications.models import Application, ApplicationStatus
from tests.applications.factories import (
    FactoryFactory,
    MembershipFactory,
    PhaseFactory,
    SchemeFactory,
    pdf_file,
)

from .conftest import csp_violations, serious_axe_violations

PASSWORD = "a-long-association-password"


def check_page(page) -> None:
    problems = serious_axe_violations(page) + csp_violations(page)
    assert problems == [], f"{page.url}: {problems}"


def pdf(tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(pdf_file(name).read())
    return str(path)


def continue_(page) -> None:
    page.click("button[name=action][value=continue]")
    page.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_association_signs_up_and_submits_an_application(
    live_server, page, tmp_path
):
    SchemeFactory(phase=PhaseFactory(name="Current intake"), association=True)
    base = live_server.url

    # Sign up and confirm the address from the e-mail.
    page.goto(f"{base}/en/accounts/signup/")
    page.fill("input[name=full_name]", "Wong Siu Ming")
    page.fill("input[name=email]", "wong@printers.example")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("form.portal-form button[type=submit]")
    page.wait_for_url("**/en/accounts/confirm-email/")
    link = re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", mail.outbox[0].body)
    page.goto(base + link.group(1))
    page.click("form.portal-form button[type=submit]")
    page.wait_for_url("**/en/apply/")
    check_page(page)

    # Set up the organisation.
    page.goto(f"{base}/en/apply/organisation/new/?next=/en/apply/new/%3Fkind%3DOS")
    check_page(page)
    page.check("input[name=kind][value=association]")
    page.fill("input[name=name_en]", "Hong Kong Printers Association")
    page.fill("input[name=address]", "1 Printing House Road, Kwun Tong")
    page.fill("input[name=contacts-0-name]", "Wong Siu Ming")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/organisation/new/" not in page.url, page.inner_text("main")
    check_page(page)

    # Start the application (the only open scheme for associations).
    if "/apply/new/" not in page.url:
        page.goto(f"{base}/en/apply/new/?kind=OS")
    check_page(page)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/en/apply/applications/\d+/$"))
    check_page(page)
    application = Application.objects.get(organisation__name_en__startswith="Hong Kong")

    # Step by step, "Save and continue".
    steps = f"{base}/en/apply/applications/{application.pk}/steps"
    page.goto(f"{steps}/project/")
    check_page(page)
    start = timezone.localdate() + timedelta(days=14)
    page.fill("input[name=title]", "Cleaner printing seminars")
    page.fill("input[name=planned_start]", start.isoformat())
    page.fill("input[name=planned_end]", (start + timedelta(days=90)).isoformat())
    continue_(page)
    check_page(page)
    if "/steps/earlier/" in page.url:
        continue_(page)
    assert "/steps/details/" in page.url, page.url
    page.fill("textarea[name=activities]", "Two seminars on low-VOC inks")
    page.fill("textarea[name=target_audience], input[name=target_audience]", "Printers")
    continue_(page)
    assert "/steps/costs/" in page.url, page.url
    check_page(page)
    page.fill("input[name$='-0-item']", "Venue and speakers")
    page.fill("input[name$='-0-amount_hkd']", "80000")
    continue_(page)
    assert "/steps/documents/" in page.url, page.url
    check_page(page)
    for index, field in enumerate(page.locator("input[type=file]").all()):
        field.set_input_files(pdf(tmp_path, f"document-{index}.pdf"))
    continue_(page)
    assert "/steps/declarations/" in page.url, page.url
    check_page(page)
    for box in page.locator("input[type=checkbox][name^=declares_]").all():
        box.check()
    continue_(page)

    # Check your answers, then submit.
    page.wait_for_url(f"**/applications/{application.pk}/check/")
    check_page(page)
    page.click("text=Submit the application")
    page.wait_for_url(f"**/applications/{application.pk}/submitted/")
    check_page(page)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.reference in page.inner_text("main")
    assert application.requested_grant_hkd == 72000  # 90% of HK$80,000


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_from_a_toolbox_result_to_a_prefilled_draft(live_server, page):
    from django.core.management import call_command

    call_command("toolbox_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    SchemeFactory(phase=PhaseFactory(name="Current intake"), demonstration=True)
    member = MembershipFactory()
    FactoryFactory(organisation=member.organisation)
    base = live_server.url

    # The toolbox, anonymously: industry and region, a process, a measure, the result.
    page.goto(f"{base}/en/toolbox/")
    check_page(page)
    page.check("input[name=industry][value=textiles]")
    page.check("input[name=region][value=HK]")
    page.click("text=Next: your processes")
    page.wait_for_url("**/en/toolbox/processes/**")
    check_page(page)
    page.check("input[name=process][value=u-chillers]")
    page.click("text=Show the measures")
    page.wait_for_url("**/en/toolbox/measures/**")
    check_page(page)
    page.locator("input[name=measure][value=maglev-chiller]").first.check()
    page.locator("text=Calculate with the ticked measures").first.click()
    page.wait_for_url("**/en/toolbox/calculator/**")
    check_page(page)
    # The factory's own figures make the estimate (the address keeps them).
    page.fill("input[name=electricity_kwh]", "1,200,000")
    page.fill("input[name=electricity_price]", "1.40")
    page.fill("input[name=share_chillers]", "40")
    page.locator("main form[method=get] button[type=submit]").first.click()
    page.wait_for_url("**electricity_kwh=1%2C200%2C000**")
    check_page(page)
    page.click("text=Apply for a Demonstration Project")

    # Asked to sign in, then brought to the new draft's page with the results.
    page.wait_for_url("**/en/accounts/login/**")
    page.fill("input[name=login]", member.user.email)
    page.fill("input[name=password]", "correct-horse-battery")
    page.click("form.portal-form button[type=submit]")
    page.wait_for_url("**/en/apply/new/?kind=DP")
    check_page(page)
    assert "CP Toolbox" in page.inner_text("main")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/en/apply/applications/\d+/$"))
    check_page(page)

    application = Application.objects.get(organisation=member.organisation)
    assert application.title.startswith("Cleaner production measures:")
    assert "maglev" in application.title
    assert application.title in page.inner_text("main")
    assert application.cost_lines.get().amount_hkd > 0
