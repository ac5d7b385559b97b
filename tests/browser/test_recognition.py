"""The Recognition Scheme's pages in a browser, in the three languages: an applicant
saves and submits a draft by keyboard; axe-core finds nothing serious; no CSP
violation."""

import pytest
from django.core.management import call_command

from recognition.models import Application, Status

from .conftest import csp_violations, serious_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/en/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", "cpportal-demo")
    page.press("#id_password", "Enter")
    page.wait_for_url("**/apply/**")


def test_recognition_pages_are_accessible_and_a_draft_is_submitted_by_keyboard(
    live_server, page
):
    """One demo load for all of it: loading the demo takes most of the time."""
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    entry = Application.objects.filter(status=Status.ON_NOTICE).first()
    draft = Application.objects.get(status=Status.DRAFT)
    awarded = Application.objects.filter(status=Status.AWARDED).first()
    public = [
        "recognition/?q=pearl",
        "recognition/notice/",
        f"recognition/notice/{entry.pk}/object/",
        f"recognition/verify/?serial={awarded.award.serial}",
    ]
    private = [
        "apply/recognition/",
        f"apply/recognition/{draft.pk}/",
        f"apply/recognition/{awarded.pk}/",
    ]
    problems = []
    languages = ["en", "zh-hant", "zh-hans"]
    for language, path in [(lang, path) for lang in languages for path in public]:
        response = page.goto(f"{live_server.url}/{language}/{path}")
        assert response.status == 200, path
        problems += [f"{path}: {v}" for v in serious_axe_violations(page)]
        problems += [f"{path}: CSP {v}" for v in csp_violations(page)]
    sign_in(page, live_server.url, "applicant@example.com")
    for language, path in [(lang, path) for lang in languages for path in private]:
        response = page.goto(f"{live_server.url}/{language}/{path}")
        assert response.status == 200, path
        problems += [f"{path}: {v}" for v in serious_axe_violations(page)]
        problems += [f"{path}: CSP {v}" for v in csp_violations(page)]
    assert problems == [], "\n".join(problems)

    page.goto(f"{live_server.url}/en/apply/recognition/{draft.pk}/")

    page.focus("#id_declares_no_convictions")
    page.keyboard.press("Space")
    page.focus("#id_declares_information_true")
    page.keyboard.press("Space")
    page.get_by_role("button", name="Save").press("Enter")
    page.wait_for_selector("text=Your answers have been saved.")
    page.get_by_role("button", name="Submit the application").press("Enter")
    page.wait_for_selector("text=has been submitted")

    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    assert draft.reference.startswith(f"RS-{draft.cycle.year}-")
