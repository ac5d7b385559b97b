import io

import pytest
from openpyxl import load_workbook

from pages.models import EventRegistration

from .factories import EventFactory, RegistrationFactory

Status = EventRegistration.Status
CHANGELIST = "/en/admin/pages/eventregistration/"


def export(client, file_format: int):
    # django-import-export: format 0 is CSV, 1 is XLSX (the order of export_formats).
    return client.post(
        f"{CHANGELIST}export/",
        {
            "format": file_format,
            "resource": 0,
            **{
                f"registrationresource_{name}": "on"
                for name in (
                    "event",
                    "event_date",
                    "name",
                    "company",
                    "email",
                    "phone",
                    "status",
                    "registered_at",
                )
            },
        },
    )


@pytest.mark.django_db
def test_the_secretariat_exports_registrations_as_csv_and_xlsx(
    client, secretariat_user
):
    event = EventFactory(title_en="Chiller seminar")
    RegistrationFactory(event=event, name="Chan Tai Man", email="tm@example.com")
    RegistrationFactory(event=event, name="Lee Siu Ming", status=Status.WAITING)
    client.force_login(secretariat_user)

    csv_response = export(client, 0)
    xlsx_response = export(client, 1)

    assert csv_response.status_code == 200
    text = csv_response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Event,Event date,Full name,Company,E-mail")
    assert "Chiller seminar" in text and "tm@example.com" in text
    assert "On the waiting list" in text
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Event", "Event date", "Full name")
    assert {row[2] for row in rows[1:]} == {"Chan Tai Man", "Lee Siu Ming"}


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "applicant_user", "epd_user"])
def test_no_one_else_sees_or_exports_registrations(client, request, who):
    RegistrationFactory(email="private@example.com")
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))

    listing = client.get(CHANGELIST)
    exported = export(client, 0)

    assert listing.status_code == 302 and "/admin/login/" in listing["Location"]
    assert exported.status_code == 302
    assert b"private@example.com" not in exported.content


@pytest.mark.django_db
def test_the_admin_action_cancels_and_moves_up_the_waiting_list(
    client, secretariat_user, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    confirmed = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Status.WAITING)
    client.force_login(secretariat_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            CHANGELIST,
            {"action": "cancel_registrations", "_selected_action": [confirmed.pk]},
            follow=True,
        )

    assert "1 cancelled; 1 moved up from the waiting list." in response.content.decode()
    confirmed.refresh_from_db()
    waiting.refresh_from_db()
    assert (confirmed.status, waiting.status) == (Status.CANCELLED, Status.CONFIRMED)


@pytest.mark.django_db
def test_the_secretariat_edits_content_in_three_languages(client, secretariat_user):
    client.force_login(secretariat_user)

    body = client.get("/en/admin/pages/section/add/").content.decode()

    for suffix in ("en", "zh_hant", "zh_hans"):
        assert f'name="title_{suffix}"' in body
        assert f'name="body_{suffix}"' in body


@pytest.mark.django_db
def test_the_secretariat_uploads_a_guide_and_a_disguised_file_is_refused(
    client, secretariat_user
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pages.models import Resource

    from .factories import ResourceKindFactory
    from .test_content import PDF

    kind = ResourceKindFactory()
    client.force_login(secretariat_user)
    form = {
        "kind": kind.pk,
        "slug": "funding-guide",
        "title_en": "Funding guide",
        "title_zh_hant": "資助指引",
        "title_zh_hans": "资助指引",
        "ordering": 0,
        "published_on": "2026-01-05",
        "is_published": "on",
    }

    refused = client.post(
        "/en/admin/pages/resource/add/",
        {**form, "file_en": SimpleUploadedFile("guide.pdf", b"MZ\x90\x00binary")},
    )
    accepted = client.post(
        "/en/admin/pages/resource/add/",
        {**form, "file_en": SimpleUploadedFile("guide.pdf", PDF)},
    )

    assert "Upload a PDF, Word, Excel or PowerPoint file." in refused.content.decode()
    assert accepted.status_code == 302
    resource = Resource.objects.get()
    assert resource.file_size_en == len(PDF)
    assert not resource.file_en.name.endswith("guide.pdf")  # server-chosen name
