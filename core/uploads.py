"""Uploaded files: what we accept, how we name and store them, and how we hand them back.

Accepted: PDF, JPEG, PNG, DOCX and XLSX, recognised by their content (the extension
must agree), up to ``settings.UPLOAD_MAX_BYTES``. Anything else is refused, whatever
its name: HTML, SVG, scripts, executables, macro-enabled Office files, encrypted or
oversized zips. Files are stored under random names in private storage and only ever
served as attachments that the browser may neither sniff nor render.

    validate_upload(upload, kinds=("pdf",))          -> FileKind, or ValidationError
    UploadValidator(kinds=..., max_bytes=...)        for a model or form field
    UploadTo("attachments")                          upload_to= for a FileField
    store_upload(upload, folder="letters")           -> storage name (no model)
    safe_filename(name)                              display / download name
    private_file_response(file, filename=...)        FileResponse, attachment only
    accept_attribute(kinds)                          ".pdf,.jpg,..." for <input accept>
"""

from __future__ import annotations

import re
import unicodedata
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileKind:
    code: str
    label: str
    mime: str
    extensions: tuple[str, ...]


KINDS: dict[str, FileKind] = {
    kind.code: kind
    for kind in (
        FileKind("pdf", "PDF", "application/pdf", (".pdf",)),
        FileKind("jpeg", "JPEG", "image/jpeg", (".jpg", ".jpeg")),
        FileKind("png", "PNG", "image/png", (".png",)),
        FileKind(
            "docx",
            "Word (DOCX)",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (".docx",),
        ),
        FileKind(
            "xlsx",
            "Excel (XLSX)",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (".xlsx",),
        ),
    )
}
DEFAULT_KINDS: tuple[str, ...] = tuple(KINDS)

# Office files are zips; these are checked from the zip's directory, without unpacking.
MAX_ZIP_ENTRIES = 2000
# The main part each Office kind must declare in [Content_Types].xml.
OFFICE_MAIN_PARTS = {
    "docx": (
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml."
        "document.main+xml",
    ),
    "xlsx": (
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ),
}
MAX_IMAGE_PIXELS = 40_000_000
# PDF names that run code or carry other files; refused outright.
PDF_ACTIVE_CONTENT = re.compile(
    rb"/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)(?=[\s/<>\[\]()])"
)
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{name}{n}" for name in ("COM", "LPT") for n in range(1, 10)
}


def max_upload_bytes() -> int:
    return settings.UPLOAD_MAX_BYTES


def max_uncompressed_bytes() -> int:
    return getattr(settings, "UPLOAD_MAX_UNCOMPRESSED_BYTES", 20 * max_upload_bytes())


def kind_for_name(name: str) -> FileKind | None:
    """The accepted kind a file name's extension claims, if any."""
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    for kind in KINDS.values():
        if extension in kind.extensions:
            return kind
    return None


def accept_attribute(kinds: Iterable[str] = DEFAULT_KINDS) -> str:
    """The value for an <input type=file accept=...> attribute."""
    return ",".join(ext for code in kinds for ext in KINDS[code].extensions)


def _refuse(message, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params)


def _allowed_labels(kinds: Iterable[str]) -> str:
    return ", ".join(KINDS[code].label for code in kinds)


def validate_upload(
    upload, *, kinds: Iterable[str] = DEFAULT_KINDS, max_bytes: int | None = None
) -> FileKind:
    """Check an uploaded file's size, name and content; return its kind or refuse it."""
    kinds = tuple(kinds)
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"Unknown upload kinds: {sorted(unknown)}")
    limit = max_bytes if max_bytes is not None else max_upload_bytes()
    size = upload.size
    if not size:
        raise _refuse(_("The file is empty."), "empty")
    if size > limit:
        raise _refuse(
            _("The file is too large (%(size)s). The largest accepted is %(limit)s."),
            "too_large",
            size=filesizeformat(size),
            limit=filesizeformat(limit),
        )
    claimed = kind_for_name(getattr(upload, "name", "") or "")
    if claimed is None or claimed.code not in kinds:
        raise _refuse(
            _("This type of file is not accepted. Accepted types: %(types)s."),
            "type_not_allowed",
            types=_allowed_labels(kinds),
        )
    actual = _sniff(upload)
    if actual is None or actual.code != claimed.code:
        raise _refuse(
            _(
                "The file's content is not a %(type)s file. Please upload the "
                "document itself, saved as %(type)s."
            ),
            "content_mismatch",
            type=claimed.label,
        )
    _check_content(upload, actual)
    return actual


def _read_head(upload, length: int = 8192) -> bytes:
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


def _sniff(upload) -> FileKind | None:
    """The accepted kind the file's bytes show it to be, or None."""
    head = _read_head(upload)
    if head.startswith(b"%PDF-"):
        return KINDS["pdf"]
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(upload)
    guessed = filetype.guess(head)
    if guessed is None:
        return None
    if guessed.mime == "image/jpeg":
        return KINDS["jpeg"]
    if guessed.mime in ("image/png", "image/apng"):
        return KINDS["png"]
    return None


def _office_kind(upload) -> FileKind | None:
    """DOCX or XLSX, judged by the zip's member names, or None."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    for code, (main_part, _content_type) in OFFICE_MAIN_PARTS.items():
        if main_part in names:
            return KINDS[code]
    return None


def _check_content(upload, kind: FileKind) -> None:
    if kind.code == "pdf":
        _check_pdf(upload)
    elif kind.code in ("jpeg", "png"):
        _check_image(upload, kind)
    else:
        _check_office(upload, kind)


def _check_pdf(upload) -> None:
    upload.seek(0)
    previous = b""
    while chunk := upload.read(1024 * 1024):
        if PDF_ACTIVE_CONTENT.search(previous[-32:] + chunk):
            upload.seek(0)
            raise _refuse(
                _(
                    "This PDF contains scripts, attachments or other active content, "
                    "which we do not accept. Please print it to a plain PDF."
                ),
                "active_content",
            )
        previous = chunk
    upload.seek(0)


def _check_image(upload, kind: FileKind) -> None:
    from PIL import Image

    damaged = _refuse(_("The image is damaged or incomplete."), "damaged")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise _refuse(
                    _("The image is too large (%(width)d × %(height)d pixels)."),
                    "too_many_pixels",
                    width=width,
                    height=height,
                )
            image.verify()
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for bad data
        raise damaged from exc
    finally:
        upload.seek(0)


def _check_office(upload, kind: FileKind) -> None:
    main_part, main_content_type = OFFICE_MAIN_PARTS[kind.code]
    unsafe = _refuse(
        _(
            "This %(type)s file cannot be accepted: it contains macros, is encrypted "
            "or is not a plain document. Please save it again as %(type)s."
        ),
        "unsafe_office_file",
        type=kind.label,
    )
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES or (
                sum(entry.file_size for entry in entries) > max_uncompressed_bytes()
            ):
                raise _refuse(
                    _("This %(type)s file unpacks to more than we accept."),
                    "too_large_unpacked",
                    type=kind.label,
                )
            for entry in entries:
                name = entry.filename
                if (
                    entry.flag_bits & 0x1  # encrypted
                    or name.startswith(("/", "\\"))
                    or ".." in name.split("/")
                    or name.lower().endswith("vbaproject.bin")
                ):
                    raise unsafe
            with archive.open("[Content_Types].xml") as types_file:
                content_types = types_file.read(1024 * 1024).decode("utf-8", "replace")
    except ValidationError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, KeyError) as exc:
        raise unsafe from exc
    finally:
        upload.seek(0)
    if main_content_type not in content_types or "macroEnabled" in content_types:
        raise unsafe


@deconstructible
class UploadValidator:
    """Field validator: ``FileField(validators=[UploadValidator(kinds=("pdf",))])``."""

    def __init__(self, kinds: Iterable[str] = DEFAULT_KINDS, max_bytes=None):
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def __call__(self, upload) -> None:
        validate_upload(upload, kinds=self.kinds, max_bytes=self.max_bytes)

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, UploadValidator)
            and self.kinds == other.kinds
            and self.max_bytes == other.max_bytes
        )


def safe_filename(name: str, *, max_length: int = 100, default: str = "file") -> str:
    """A file name fit to show and to offer as a download name: no folders, control
    or direction-changing characters, reserved device names or excessive length."""
    name = unicodedata.normalize("NFC", str(name))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        " " if unicodedata.category(ch) == "Zs" else ch
        for ch in name
        if unicodedata.category(ch)[0] != "C"
        and unicodedata.category(ch) not in ("Zl", "Zp")
    )
    name = re.sub(r'[<>:"|?*]', "_", name)
    name = re.sub(r" +", " ", name).strip(" .")
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) > 10:
        stem, extension = name, ""
    extension = extension.lower()
    if stem.split(".")[0].upper() in WINDOWS_RESERVED:
        stem = "_" + stem
    suffix = f".{extension}" if extension else ""
    stem = stem[: max(1, max_length - len(suffix))].rstrip(" .") or default
    return stem + suffix


def storage_name(folder: str, original_name: str) -> str:
    """A new random name in ``folder``; only an accepted extension survives."""
    kind = kind_for_name(original_name or "")
    extension = kind.extensions[0] if kind else ""
    month = timezone.now().strftime("%Y/%m")
    return f"{folder.strip('/')}/{month}/{uuid.uuid4().hex}{extension}"


@deconstructible
class UploadTo:
    """``FileField(upload_to=UploadTo("attachments"))``: random names, never the user's."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        return storage_name(self.folder, filename)

    def __eq__(self, other) -> bool:
        return isinstance(other, UploadTo) and self.folder == other.folder


def store_upload(upload, *, folder: str, storage=None) -> str:
    """Save a validated upload in private storage under a random name; return the name."""
    storage = storage or default_storage
    upload.seek(0)
    return storage.save(storage_name(folder, upload.name), upload)


def private_file_response(
    file, *, filename: str, content_type: str | None = None
) -> FileResponse:
    """Hand a stored file to its owner as a download the browser will not render.

    Call it only after fetching the object through a selector scoped to the user.
    """
    display_name = safe_filename(filename)
    kind = kind_for_name(display_name) or kind_for_name(getattr(file, "name", "") or "")
    if hasattr(file, "open"):
        file.open("rb")
    response = FileResponse(
        file,
        as_attachment=True,
        filename=display_name,
        content_type=content_type
        or (kind.mime if kind else "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response
