"""Upload checks: size, and type by content (magic bytes), never by the file's name.

Accepted: PDF, JPEG, PNG, DOCX and XLSX, up to settings.UPLOAD_MAX_BYTES. DOCX and XLSX
are ZIP containers: the archive must hold the Word or Excel parts, stay within an
entry count and an unpacked size (zip bombs), and carry no macros.
"""

import hashlib
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# detected type -> (content type we serve it as, names it may have)
TYPES = {
    "pdf": ("application/pdf", {".pdf"}),
    "jpg": ("image/jpeg", {".jpg", ".jpeg"}),
    "png": ("image/png", {".png"}),
    "docx": (DOCX, {".docx"}),
    "xlsx": (XLSX, {".xlsx"}),
}
TYPE_NAMES = {
    "pdf": "PDF",
    "jpg": "JPEG",
    "png": "PNG",
    "docx": "Word (DOCX)",
    "xlsx": "Excel (XLSX)",
}
ACCEPT = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
MAX_ZIP_ENTRIES = 5000
MAX_UNZIPPED_BYTES = 250 * 1024 * 1024


@dataclass(frozen=True)
class CheckedUpload:
    extension: str
    content_type: str
    size: int
    sha256: str
    original_name: str


def _refuse(message, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def clean_file_name(name: str) -> str:
    """The user's file name, kept only to name the download: no path, no control chars."""
    base = PurePath(name.replace("\\", "/")).name
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip()
    if len(base) > 200:
        stem, suffix = PurePath(base).stem, PurePath(base).suffix[:10]
        base = stem[: 200 - len(suffix)] + suffix
    return base or "document"


def _office_type(upload: UploadedFile) -> str:
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES or (
                sum(e.file_size for e in entries) > MAX_UNZIPPED_BYTES
            ):
                raise _refuse(
                    _("This document unpacks to too much data to be accepted."),
                    "zip_too_large",
                )
            names = {e.filename for e in entries}
    except zipfile.BadZipFile as exc:
        raise _refuse(
            _("This file is damaged or is not a Word or Excel document."), "bad_zip"
        ) from exc
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise _refuse(_("Documents with macros are not accepted."), "macros")
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    raise _refuse(
        _("This ZIP file is not a Word (DOCX) or Excel (XLSX) document."), "not_office"
    )


def _image_is_whole(upload: UploadedFile) -> bool:
    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    return True


def _detect(upload: UploadedFile) -> str:
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if head.startswith(b"PK\x03\x04"):
        return _office_type(upload)
    guess = filetype.guess(head)
    detected = guess.extension if guess else None
    if detected in {"jpg", "png"} and not _image_is_whole(upload):
        raise _refuse(_("This image is damaged and cannot be opened."), "bad_image")
    if detected not in {"pdf", "jpg", "png"}:
        raise _refuse(
            _(
                "This file is not a PDF, JPEG, PNG, Word (DOCX) or Excel (XLSX) "
                "document. Files are checked by their content, not their name."
            ),
            "type",
        )
    return detected


def check_upload(upload: UploadedFile) -> CheckedUpload:
    """Accept an upload or raise ValidationError saying plainly what is wrong with it."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise _refuse(
            _("The file is %(size)s; files can be up to %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            "size",
        )
    if upload.size == 0:
        raise _refuse(_("The file is empty."), "empty")
    detected = _detect(upload)
    content_type, suffixes = TYPES[detected]
    name = clean_file_name(upload.name or "")
    suffix = PurePath(name).suffix.lower()
    if suffix not in suffixes:
        raise _refuse(
            _(
                "The file's name ends in “%(suffix)s” but its content is a %(type)s "
                "document. Choose the right file or correct its name."
            )
            % {"suffix": suffix or "…", "type": TYPE_NAMES[detected]},
            "extension",
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(
        extension=f".{'jpg' if detected == 'jpg' else detected}",
        content_type=content_type,
        size=upload.size,
        sha256=digest.hexdigest(),
        original_name=name,
    )
