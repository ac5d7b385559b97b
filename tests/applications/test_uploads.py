"""Uploads: type by content, size, safe names, private storage, guarded downloads."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import SECRETARIAT
from applications import services
from applications.models import Attachment
from applications.uploads import DOCX, XLSX, check_upload
from tests.factories import UserFactory

from .conftest import OA, upload
from .factories import (
    docx_bytes,
    jpeg_bytes,
    office_bytes,
    pdf_file,
    png_bytes,
    xlsx_bytes,
)


@pytest.mark.parametrize(
    ("name", "content", "content_type", "extension"),
    [
        ("Quotation.PDF", pdf_file().read(), "application/pdf", ".pdf"),
        ("photo.jpeg", jpeg_bytes(), "image/jpeg", ".jpg"),
        ("plan.png", png_bytes(), "image/png", ".png"),
        ("proposal.docx", docx_bytes(), DOCX, ".docx"),
        ("budget.xlsx", xlsx_bytes(), XLSX, ".xlsx"),
    ],
)
def test_the_five_accepted_types_are_recognised_by_content(
    name, content, content_type, extension
):
    checked = check_upload(SimpleUploadedFile(name, content))

    assert (checked.content_type, checked.extension, checked.original_name) == (
        content_type,
        extension,
        name,
    )
    assert len(checked.sha256) == 64


def bad_zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"0" * (300 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("setup.pdf", b"MZ\x90\x00\x03\x00\x00\x00 a Windows program", "type"),
        ("notes.pdf", b"just some text, not a PDF at all", "type"),
        ("page.html", b"<html><script>alert(1)</script></html>", "type"),
        ("archive.docx", office_bytes({"data/readme.txt": b"hello"}), "not_office"),
        (
            "macro.docx",
            office_bytes({"word/document.xml": b"<d/>", "word/vbaProject.bin": b"x"}),
            "macros",
        ),
        ("broken.docx", b"PK\x03\x04 not really a zip", "bad_zip"),
        ("picture.png", pdf_file().read(), "extension"),  # a PDF named .png
        ("report.exe", pdf_file().read(), "extension"),
        ("empty.pdf", b"", "empty"),
        ("broken.png", png_bytes()[:40], "bad_image"),
    ],
)
def test_other_content_is_refused_whatever_its_name(name, content, code):
    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile(name, content))
    assert refused.value.code == code


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile("big.docx", bad_zip_bomb()))
    assert refused.value.code == "zip_too_large"


def test_files_above_the_configured_size_are_refused(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    content = pdf_file().read() + b"%" + b"0" * 1024

    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile("big.pdf", content))

    assert refused.value.code == "size"
    assert "1.0\xa0KB" in refused.value.messages[0]


def test_path_and_control_characters_are_stripped_from_the_name():
    checked = check_upload(
        SimpleUploadedFile("..\\..\\etc/pass\x00wd.pdf", pdf_file().read())
    )
    assert checked.original_name == "passwd.pdf"


@pytest.mark.django_db
def test_files_are_stored_privately_under_a_name_the_server_makes(user, organisation):
    attachment = upload(user, organisation, "br_certificate")

    assert attachment.file.name.startswith(f"uploads/{organisation.pk}/")
    assert attachment.file.name.endswith(f"{attachment.uuid.hex}.pdf")
    assert "br_certificate" not in attachment.file.name
    assert default_storage.exists(attachment.file.name)
    assert default_storage.base_url is None


@pytest.mark.django_db
def test_downloads_are_attachments_with_the_detected_type(client, user, organisation):
    attachment = upload(user, organisation, "br_certificate")
    client.force_login(user)

    response = client.get(f"/en/apply/files/{attachment.uuid}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"] == 'attachment; filename="br_certificate.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.django_db
def test_a_non_ascii_name_is_encoded_for_the_download(client, user, organisation):
    file = SimpleUploadedFile("商業登記證.pdf", pdf_file().read())
    attachment = services.attachment_add(
        user=user,
        organisation=organisation,
        upload=file,
        checked=check_upload(file),
        kind="br_certificate",
    )
    client.force_login(user)

    response = client.get(f"/en/apply/files/{attachment.uuid}/")

    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")


@pytest.mark.django_db
def test_the_secretariat_may_download_an_applicants_file(client, user, organisation):
    attachment = upload(user, organisation, "br_certificate")
    client.force_login(UserFactory(role=SECRETARIAT, is_staff=True))

    assert client.get(f"/en/apply/files/{attachment.uuid}/").status_code == 200


@pytest.mark.django_db
def test_removing_a_file_not_yet_submitted_deletes_it(
    client, user, organisation, django_capture_on_commit_callbacks
):
    attachment = upload(user, organisation, "br_certificate")
    name = attachment.file.name
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/apply/files/{attachment.uuid}/remove/")

    assert not Attachment.objects.exists()
    assert not default_storage.exists(name)


@pytest.mark.django_db
def test_a_submitted_applications_documents_are_kept(client, ready_draft, user):
    application = ready_draft(OA)
    services.application_submit(application=application, user=user)
    document = application.attachments.get(kind="etsp_quotation")
    evidence = Attachment.objects.get(kind="br_certificate")
    client.force_login(user)

    client.post(f"/en/apply/files/{document.uuid}/remove/")
    client.post(f"/en/apply/files/{evidence.uuid}/remove/")

    document.refresh_from_db()
    evidence.refresh_from_db()
    assert document.removed_at is None  # part of the submitted application
    assert evidence.removed_at is not None  # hidden, but kept for the record
    assert default_storage.exists(evidence.file.name)
