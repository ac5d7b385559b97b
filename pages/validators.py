"""Upload checks for public documents: the content decides the type, not the name."""

import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# Detected extension -> content type served on download.
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
OFFICE_ZIP_TYPES = {"docx", "xlsx", "pptx"}
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000


def _head(upload, length: int = 8192) -> bytes:
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


def detect_document_type(upload) -> str | None:
    """The document's real extension from its first bytes, if it is one we accept."""
    kind = filetype.guess(_head(upload))
    if kind is None or kind.extension not in DOCUMENT_TYPES:
        return None
    return kind.extension


def _check_office_zip(upload) -> None:
    # Office files are zip archives: refuse archive bombs before anyone opens one.
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise ValidationError(_("The file is damaged."), code="damaged") from exc
    finally:
        upload.seek(0)
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > MAX_ZIP_ENTRIES or unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(_("The file is too complex to accept."), code="bomb")


def validate_document(upload) -> None:
    if not upload:
        return
    if getattr(upload, "_committed", False):
        return  # already stored, and checked when it was uploaded
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s."),
            code="too_large",
            params={"limit": filesizeformat(settings.UPLOAD_MAX_BYTES)},
        )
    detected = detect_document_type(upload)
    if detected is None:
        raise ValidationError(
            _("Upload a PDF, Word, Excel or PowerPoint file."), code="type"
        )
    name_extension = (
        upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    )
    if name_extension != detected:
        raise ValidationError(
            _("The file's name does not match its content (%(kind)s)."),
            code="mismatch",
            params={"kind": detected.upper()},
        )
    if detected in OFFICE_ZIP_TYPES:
        _check_office_zip(upload)
