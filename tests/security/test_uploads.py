"""core.uploads: only PDF, JPEG, PNG, DOCX and XLSX, recognised by content; random
storage names; downloads that a browser can neither sniff nor render."""

import io
import re
import zipfile

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.utils import translation
from PIL import Image

from core.uploads import (
    KINDS,
    UploadTo,
    UploadValidator,
    accept_attribute,
    private_file_response,
    safe_filename,
    storage_name,
    store_upload,
    validate_upload,
)

DOCX_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
    '2006/content-types"><Override PartName="/word/document.xml" ContentType="'
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    '"/></Types>'
)
DOCM_TYPES = DOCX_TYPES.replace(
    "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml"
)


def pdf(body: bytes = b"") -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + body + b"\n%%EOF\n"


def image(fmt: str, size=(8, 8), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, fmt)
    return buffer.getvalue()


def zipped(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def marked_encrypted(archive: bytes) -> bytes:
    """Set the "encrypted" flag on every entry, as a password-protected zip has."""
    data = bytearray(archive)
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + flag_offset] |= 0x1
            start += 4
    return bytes(data)


def docx(**extra) -> bytes:
    return zipped(
        {
            "[Content_Types].xml": DOCX_TYPES,
            "word/document.xml": "<w:document/>",
            **extra,
        }
    )


def xlsx() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


ACCEPTED = [
    ("report.pdf", pdf(), "pdf"),
    ("REPORT.PDF", pdf(), "pdf"),
    ("photo.jpg", image("JPEG"), "jpeg"),
    ("photo.JPEG", image("JPEG"), "jpeg"),
    ("plan.png", image("PNG"), "png"),
    ("proposal.docx", docx(), "docx"),
    ("budget.xlsx", xlsx(), "xlsx"),
    ("報告 2026.pdf", pdf(), "pdf"),
]

REFUSED = [
    (
        "form.pdf",
        b"<!doctype html><html><script>alert(1)</script></html>",
        "content_mismatch",
    ),
    (
        "logo.png",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "content_mismatch",
    ),
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "type_not_allowed"),
    ("page.html", b"<html></html>", "type_not_allowed"),
    ("setup.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "content_mismatch"),
    ("tool.docx", b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "content_mismatch"),
    ("report.pdf.exe", pdf(), "type_not_allowed"),
    ("report", pdf(), "type_not_allowed"),
    ("empty.pdf", b"", "empty"),
    ("photo.pdf", image("PNG"), "content_mismatch"),
    ("photo.png", image("JPEG"), "content_mismatch"),
    ("animation.png", image("GIF"), "content_mismatch"),
    ("notes.docx", zipped({"notes.txt": "hello"}), "content_mismatch"),
    ("budget.xlsx", docx(), "content_mismatch"),
    ("proposal.docx", xlsx(), "content_mismatch"),
    (
        "macro.docx",
        zipped(
            {
                "[Content_Types].xml": DOCM_TYPES,
                "word/document.xml": "x",
                "word/vbaProject.bin": "x",
            }
        ),
        "unsafe_office_file",
    ),
    (
        "macro2.docx",
        zipped({"[Content_Types].xml": DOCM_TYPES, "word/document.xml": "x"}),
        "unsafe_office_file",
    ),
    ("slip.docx", docx(**{"../../evil.sh": "x"}), "unsafe_office_file"),
    ("locked.docx", marked_encrypted(docx()), "unsafe_office_file"),
    (
        "many.docx",
        docx(**{f"word/media/{n}.xml": "" for n in range(2001)}),
        "too_large_unpacked",
    ),
    (
        "script.pdf",
        pdf(b"2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj"),
        "active_content",
    ),
    (
        "launch.pdf",
        pdf(b"2 0 obj << /S /Launch /F (cmd.exe) >> endobj"),
        "active_content",
    ),
    ("attach.pdf", pdf(b"<< /Type /EmbeddedFile >>"), "active_content"),
    ("truncated.png", image("PNG")[:40], "damaged"),
    ("huge.png", image("PNG", size=(8000, 6000), mode="1"), "too_many_pixels"),
]


@pytest.mark.parametrize(("name", "content", "kind"), ACCEPTED)
def test_accepted_files(name, content, kind):
    assert validate_upload(upload(name, content)) == KINDS[kind]


@pytest.mark.parametrize(
    ("name", "content", "code"), REFUSED, ids=[r[0] for r in REFUSED]
)
def test_refused_files(name, content, code):
    with pytest.raises(ValidationError) as refused:
        validate_upload(upload(name, content))

    assert refused.value.code == code


def test_refusals_are_reported_in_the_users_language():
    with pytest.raises(ValidationError) as refused:
        validate_upload(upload("page.html", b"<html></html>"))

    with translation.override("zh-hant"):
        assert "不接受" in refused.value.messages[0]


def test_the_size_limit_is_inclusive(settings):
    content = pdf()
    settings.UPLOAD_MAX_BYTES = len(content)
    assert validate_upload(upload("a.pdf", content)) == KINDS["pdf"]

    settings.UPLOAD_MAX_BYTES = len(content) - 1
    with pytest.raises(ValidationError) as refused:
        validate_upload(upload("a.pdf", content))
    assert refused.value.code == "too_large"


def test_a_zip_that_unpacks_too_large_is_refused_without_unpacking(settings):
    settings.UPLOAD_MAX_UNCOMPRESSED_BYTES = 1024 * 1024
    bomb = docx(**{"word/media/zeros.bin": b"\0" * (2 * 1024 * 1024)})

    with pytest.raises(ValidationError) as refused:
        validate_upload(upload("bomb.docx", bomb))

    assert len(bomb) < 10_000
    assert refused.value.code == "too_large_unpacked"


def test_only_the_kinds_asked_for_are_accepted():
    with pytest.raises(ValidationError) as refused:
        validate_upload(upload("plan.png", image("PNG")), kinds=("pdf",))

    assert refused.value.code == "type_not_allowed"
    assert "PDF" in refused.value.messages[0]


def test_files_spooled_to_disk_are_checked_alike():
    content = docx()
    spooled = TemporaryUploadedFile(
        "proposal.docx", "application/zip", len(content), None
    )
    spooled.write(content)

    assert validate_upload(spooled) == KINDS["docx"]
    assert spooled.tell() == 0


def test_the_validator_works_on_a_form_field():
    class Form(forms.Form):
        document = forms.FileField(validators=[UploadValidator(kinds=("pdf", "docx"))])

    good = Form(files={"document": upload("a.pdf", pdf())})
    bad = Form(files={"document": upload("a.png", image("PNG"))})

    assert good.is_valid()
    assert not bad.is_valid()
    assert (
        UploadValidator(kinds=("pdf", "docx")).deconstruct()[0]
        == "core.uploads.UploadValidator"
    )
    assert accept_attribute(("pdf", "jpeg")) == ".pdf,.jpg,.jpeg"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\chan\\Budget 2026.XLSX", "Budget 2026.xlsx"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("na\x00me\r\n.pdf", "name.pdf"),
        ("zero\u200bwidth.pdf", "zerowidth.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ("lpt1", "_lpt1"),
        ('a<b>c:"d|e?f*.png', "a_b_c__d_e_f_.png"),
        ("  ..hidden.pdf  ", "hidden.pdf"),
        ("...", "file"),
        ("", "file"),
        ("清潔生產　報告.pdf", "清潔生產 報告.pdf"),
        ("x" * 300 + ".pdf", "x" * 96 + ".pdf"),
    ],
)
def test_safe_filename(name, shown):
    assert safe_filename(name) == shown


def test_storage_names_are_random_and_keep_only_an_accepted_extension():
    first = storage_name("attachments", "../../evil.php")
    second = storage_name("attachments", "Report.PDF")
    third = storage_name("attachments", "Report.PDF")

    assert re.fullmatch(r"attachments/\d{4}/\d{2}/[0-9a-f]{32}", first)
    assert re.fullmatch(r"attachments/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", second)
    assert second != third
    assert UploadTo("attachments")(None, "x.docx").endswith(".docx")
    assert UploadTo("attachments") == UploadTo("attachments")


def test_store_upload_saves_privately_under_a_random_name():
    name = store_upload(upload("My Report.pdf", pdf()), folder="test-uploads")
    try:
        assert re.fullmatch(r"test-uploads/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", name)
        with default_storage.open(name) as stored:
            assert stored.read() == pdf()
    finally:
        default_storage.delete(name)


def test_downloads_are_attachments_that_are_not_sniffed_or_rendered():
    response = private_file_response(
        SimpleUploadedFile("x", pdf()), filename="../Annual report.pdf"
    )

    assert response["Content-Disposition"] == 'attachment; filename="Annual report.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == pdf()


def test_non_ascii_download_names_are_encoded():
    response = private_file_response(
        SimpleUploadedFile("x", pdf()), filename="報告.pdf"
    )

    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%E5%A0%B1%E5%91%8A.pdf"
    )


def test_unknown_extensions_download_as_octet_stream():
    response = private_file_response(SimpleUploadedFile("x", b"data"), filename="x.bin")

    assert response["Content-Type"] == "application/octet-stream"


@pytest.mark.django_db
@pytest.mark.urls("tests.security.download_urls")
def test_the_sandbox_policy_survives_the_middleware(client):
    response = client.get("/download/page.pdf")

    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Frame-Options"] == "DENY"
