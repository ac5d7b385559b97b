"""The multi-step form: drafts saved at every step, nothing typed or uploaded lost."""

from datetime import timedelta
from decimal import Decimal
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from applications import services
from applications.models import Application, Attachment

from .conftest import DP, OA
from .factories import SchemeFactory, pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(user, schemes):
    return services.application_create_draft(user=user, scheme=schemes[OA])


def step_url(application, step, language="en"):
    return f"/{language}/apply/applications/{application.pk}/steps/{step}/"


def test_a_step_saves_what_is_valid_and_shows_errors_in_the_users_language(
    client, user, draft
):
    client.force_login(user)

    response = client.post(
        step_url(draft, "project", "zh-hans"),
        {
            "action": "continue",
            "title": "减少电镀线能耗",
            "planned_start": "31/31/2026",
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in body
    assert "输入一个有效的日期。" in body  # next to the field and in the summary
    assert 'value="减少电镀线能耗"' in body  # what was typed is shown again
    draft.refresh_from_db()
    assert draft.title == "减少电镀线能耗"  # and the valid answer is saved
    assert draft.planned_start is None


def test_save_and_come_back_later_keeps_an_incomplete_step(client, user, draft):
    client.force_login(user)

    response = client.post(
        step_url(draft, "project"), {"action": "save", "title": "Oven"}
    )

    assert response.status_code == 302
    assert response["Location"] == f"/en/apply/applications/{draft.pk}/"
    draft.refresh_from_db()
    assert draft.title == "Oven"


def test_save_and_continue_requires_the_steps_answers(client, user, draft):
    client.force_login(user)

    response = client.post(
        step_url(draft, "project"), {"action": "continue", "title": "Oven"}
    )

    assert response.status_code == 200
    assert "Planned start: This field is required." in response.content.decode()


def test_save_and_continue_goes_to_the_next_step(client, user, draft, hk_factory):
    client.force_login(user)
    start = timezone.localdate() + timedelta(days=5)

    response = client.post(
        step_url(draft, "project"),
        {
            "action": "continue",
            "title": "Oven",
            "factory": hk_factory.pk,
            "planned_start": start.isoformat(),
            "planned_end": (start + timedelta(days=60)).isoformat(),
        },
    )

    assert response["Location"] == step_url(draft, "earlier")


def test_a_project_may_not_start_before_submission_or_last_too_long(
    client, user, draft
):
    client.force_login(user)
    today = timezone.localdate()

    response = client.post(
        step_url(draft, "project"),
        {
            "action": "save",
            "planned_start": (today - timedelta(days=1)).isoformat(),
            "planned_end": (today + timedelta(days=200)).isoformat(),
        },
    )

    body = response.content.decode()
    assert "The project must not start before the application is submitted" in body


def test_the_applicant_cannot_set_fields_outside_the_step(client, user, draft):
    client.force_login(user)

    client.post(
        step_url(draft, "project"),
        {
            "action": "save",
            "title": "Oven",
            "requested_grant_hkd": "999999",
            "status": "approved",
            "reference": "OA-1999-0001",
        },
    )

    draft.refresh_from_db()
    assert (draft.status, draft.reference, draft.requested_grant_hkd) == (
        "draft",
        None,
        Decimal("0.00"),
    )


def test_costs_compute_the_grant_on_the_server(client, user, draft):
    client.force_login(user)
    data = {
        "action": "save",
        "costs-TOTAL_FORMS": "2",
        "costs-INITIAL_FORMS": "0",
        "costs-MIN_NUM_FORMS": "0",
        "costs-MAX_NUM_FORMS": "40",
        "costs-0-item": "Assessment",
        "costs-0-amount_hkd": "50000",
        "costs-1-item": "Metering",
        "costs-1-supplier": "Meters Ltd",
        "costs-1-quotation_ref": "M-9",
        "costs-1-amount_hkd": "10000.50",
    }

    response = client.post(step_url(draft, "costs"), data)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.eligible_cost_hkd == Decimal("60000.50")
    assert draft.requested_grant_hkd == Decimal("28000")  # capped at the ceiling
    assert draft.cost_lines.count() == 2


def test_an_invalid_cost_line_keeps_what_was_typed(client, user, draft):
    client.force_login(user)

    response = client.post(
        step_url(draft, "costs"),
        {
            "action": "save",
            "costs-TOTAL_FORMS": "1",
            "costs-INITIAL_FORMS": "0",
            "costs-MIN_NUM_FORMS": "0",
            "costs-MAX_NUM_FORMS": "40",
            "costs-0-item": "Assessment",
            "costs-0-amount_hkd": "-5",
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="Assessment"' in body
    assert "Ensure this value is greater than or equal to 0" in body
    assert draft.cost_lines.count() == 0


def test_uploads_are_saved_even_when_another_file_is_refused(client, user, draft):
    client.force_login(user)

    response = client.post(
        step_url(draft, "documents"),
        {
            "action": "continue",
            "application-etsp_quotation": pdf_file("quotation.pdf"),
            "organisation-br_certificate": SimpleUploadedFile(
                "br.pdf", b"MZ\x90\x00 this is a program"
            ),
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "br.pdf: This file is not a PDF, JPEG, PNG" in body
    saved = Attachment.objects.get()
    assert (saved.kind, saved.original_name, saved.application) == (
        "etsp_quotation",
        "quotation.pdf",
        draft,
    )


def test_check_your_answers_links_each_problem_to_its_step(client, user, draft):
    client.force_login(user)

    body = client.get(f"/en/apply/applications/{draft.pk}/check/").content.decode()
    step_page = client.get(step_url(draft, "details") + "?check=1").content.decode()

    assert f'href="/en/apply/applications/{draft.pk}/steps/details/?check=1"' in body
    assert "Scope of the assessment: This field is required." in body
    assert "This field is required." in step_page


def test_the_task_list_shows_what_is_complete(client, ready_draft, user):
    application = ready_draft(OA)
    client.force_login(user)

    body = client.get(f"/en/apply/applications/{application.pk}/").content.decode()

    assert body.count(">Complete<") == 6
    assert "Not complete" not in body


def test_a_submitted_application_cannot_be_changed(client, ready_draft, user):
    application = ready_draft(OA)
    services.application_submit(application=application, user=user)
    client.force_login(user)

    response = client.post(
        step_url(application, "project"), {"action": "save", "title": "X"}
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.title == "Cut energy use"


# --- Starting a draft, and the CP Toolbox's prefill ----------------------------------

PREFILL = {
    "kind": "DP",
    "title": "Heat recovery on the dryer",
    "summary": "Recover heat from the dryer exhaust.",
    "measures": [
        {"name": "Exhaust heat recovery", "saving_kwh": 1000},
        {"name": "VSD fans"},
    ],
    "estimated_cost_hkd": "123456.00",
    "expected_benefits": "About 15 % less energy.",
}


def set_session(client, **values):
    session = client.session
    session.update(values)
    session.save()


def test_anonymous_visitors_are_sent_to_log_in_and_come_back(client):
    response = client.get("/en/apply/new/?kind=DP")

    assert response.status_code == 302
    assert response["Location"] == (
        "/en/accounts/login/?next=" + quote("/en/apply/new/?kind=DP", safe="/")
    )


def test_the_toolbox_prefills_a_new_demonstration_draft(client, user, schemes):
    client.force_login(user)
    set_session(client, toolbox_prefill=PREFILL)

    page = client.get("/en/apply/new/?kind=DP")
    response = client.post("/en/apply/new/", {"kind": "DP", "scheme": schemes[DP].pk})

    assert "Your results from the CP Toolbox will be filled in" in page.content.decode()
    application = Application.objects.get()
    assert response["Location"] == f"/en/apply/applications/{application.pk}/"
    assert application.scheme == schemes[DP]
    assert application.title == "Heat recovery on the dryer"
    assert application.technology.startswith("Recover heat from the dryer exhaust.")
    assert "- Exhaust heat recovery\n- VSD fans" in application.technology
    assert application.expected_benefits == "About 15 % less energy."
    line = application.cost_lines.get()
    assert line.amount_hkd == Decimal("123456.00")
    assert application.requested_grant_hkd == Decimal("61728")
    assert "toolbox_prefill" not in client.session


def test_a_prefill_for_another_kind_is_left_for_later(client, user, schemes):
    client.force_login(user)
    set_session(client, toolbox_prefill=PREFILL)

    client.post("/en/apply/new/", {"kind": "OA", "scheme": schemes[OA].pk})

    application = Application.objects.get()
    assert application.title == ""
    assert client.session["toolbox_prefill"] == PREFILL


def test_a_malformed_prefill_starts_a_plain_draft(client, user, schemes):
    client.force_login(user)
    set_session(
        client,
        toolbox_prefill={
            "kind": "DP",
            "title": 42,
            "estimated_cost_hkd": "lots",
            "measures": "x",
        },
    )

    client.post("/en/apply/new/", {"kind": "DP", "scheme": schemes[DP].pk})

    application = Application.objects.get()
    assert (application.title, application.cost_lines.count()) == ("", 0)


def test_with_several_schemes_of_a_kind_the_user_picks_one(
    client, user, schemes, phase
):
    second = SchemeFactory(
        phase=phase,
        demonstration=True,
        code="DP(ii)",
        label="Demonstration Project (ii)",
    )
    client.force_login(user)

    page = client.get("/en/apply/new/?kind=DP").content.decode()
    refused = client.post("/en/apply/new/", {"kind": "DP"})
    client.post("/en/apply/new/", {"kind": "DP", "scheme": second.pk})

    assert "Demonstration Project (ii)" in page
    assert 'type="radio" name="scheme"' in page
    assert "Choose the scheme you are applying for." in refused.content.decode()
    assert Application.objects.get().scheme == second


def test_a_user_without_an_organisation_sets_it_up_first(client, schemes):
    from tests.factories import UserFactory

    client.force_login(UserFactory(role="Applicant"))

    response = client.get("/en/apply/new/?kind=OA")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/apply/organisation/new/?next=")
