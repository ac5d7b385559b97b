"""End-to-end journeys in Chromium, by keyboard where a keyboard user would be."""

import re

import pytest
from django.core import mail

from accounts.models import User

from .conftest import csp_violations, serious_axe_violations

PASSWORD = "a-long-factory-password"


def focused(page, selector: str) -> bool:
    return page.evaluate("(s) => document.activeElement.matches(s)", selector)


def tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def page_problems(page) -> list[str]:
    return serious_axe_violations(page) + csp_violations(page)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_sign_up_confirm_and_land_on_the_dashboard_by_keyboard(live_server, page):
    page.goto(f"{live_server.url}/en/")

    # The first Tab shows the skip link; Enter moves the focus to the main content.
    page.keyboard.press("Tab")
    assert focused(page, "a.skip-link")
    assert page.locator("a.skip-link").bounding_box()["height"] > 10
    page.keyboard.press("Enter")
    assert focused(page, "main#main")

    # The language switcher works from the keyboard and keeps the page.
    page.goto(f"{live_server.url}/en/")
    tab_to(page, ".language-switcher button[value='zh-hant']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/zh-hant/")
    assert page.get_attribute("html", "lang") == "zh-hant"

    # Register, filling the form field by field with the keyboard.
    tab_to(page, "a[href$='/accounts/signup/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zh-hant/accounts/signup/")
    assert page_problems(page) == []
    for selector, text in [
        ("input[name=full_name]", "陳大文"),
        ("input[name=email]", "chan.tai.man@example.com"),
        ("input[name=password1]", PASSWORD),
        ("input[name=password2]", PASSWORD),
    ]:
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, "form.portal-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zh-hant/accounts/confirm-email/")
    assert page_problems(page) == []

    # Open the link in the e-mail and confirm by keyboard.
    (message,) = mail.outbox
    assert message.to == ["chan.tai.man@example.com"]
    link = re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", message.body).group(
        1
    )
    page.goto(live_server.url + link)
    tab_to(page, "form.portal-form button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url("**/zh-hant/apply/")
    assert page.locator("h1").count() == 1
    assert page_problems(page) == []
    user = User.objects.get(email="chan.tai.man@example.com")
    assert (user.full_name, user.language) == ("陳大文", "zh-hant")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_new_secretariat_member_sets_up_two_factors_then_signs_in_with_them(
    live_server, page
):
    from accounts.roles import SECRETARIAT
    from tests.factories import UserFactory, totp_code

    staff = UserFactory(role=SECRETARIAT, role__totp=False, is_staff=True)

    def log_in():
        page.goto(f"{live_server.url}/en/accounts/login/")
        page.fill("input[name=login]", staff.email)
        page.fill("input[name=password]", "correct-horse-battery")
        page.click("form.portal-form button[type=submit]")

    log_in()
    page.wait_for_url("**/en/accounts/2fa/totp/activate/")
    assert page_problems(page) == []
    secret = page.input_value("#authenticator_secret")
    page.fill("input[name=code]", totp_code(secret))
    page.click("form.portal-form button[type=submit]")
    page.wait_for_url("**/en/accounts/2fa/recovery-codes/")
    assert page_problems(page) == []
    # The admin works under the same CSP, the periodic task form included.
    for path in ["/en/admin/", "/en/admin/django_celery_beat/periodictask/add/"]:
        response = page.goto(live_server.url + path)
        assert (response.status, csp_violations(page)) == (200, []), path

    page.goto(f"{live_server.url}/en/accounts/logout/")
    page.click("form.portal-form button[type=submit]")
    log_in()
    page.wait_for_url("**/en/accounts/2fa/authenticate/")
    assert page_problems(page) == []
    page.fill("input[name=code]", totp_code(secret))
    page.click("form.portal-form button[type=submit]")
    page.wait_for_url("**/en/admin/")
