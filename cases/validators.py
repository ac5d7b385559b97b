"""Photo upload checks: Pillow decides the format from the content."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# Pillow format -> (file extensions it may carry, content type served)
PHOTO_FORMATS = {
    "JPEG": ({"jpg", "jpeg"}, "image/jpeg"),
    "PNG": ({"png"}, "image/png"),
    "WEBP": ({"webp"}, "image/webp"),
}
MAX_PIXELS = 40_000_000


def validate_photo(upload) -> None:
    if not upload or getattr(upload, "_committed", False):
        return  # nothing new: a stored photo was checked when it was uploaded
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s."),
            code="too_large",
            params={"limit": filesizeformat(settings.UPLOAD_MAX_BYTES)},
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        OSError,
        SyntaxError,
    ) as exc:
        raise ValidationError(
            _("Upload a JPEG, PNG or WebP photo."), code="type"
        ) from exc
    finally:
        upload.seek(0)
    if image_format not in PHOTO_FORMATS:
        raise ValidationError(_("Upload a JPEG, PNG or WebP photo."), code="type")
    if width * height > MAX_PIXELS:
        raise ValidationError(_("The photo has too many pixels."), code="too_big")
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in PHOTO_FORMATS[image_format][0]:
        raise ValidationError(
            _("The file's name does not match its content (%(kind)s)."),
            code="mismatch",
            params={"kind": image_format},
        )


def photo_content_type(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower()
    for extensions, content_type in PHOTO_FORMATS.values():
        if extension in extensions:
            return content_type
    return "application/octet-stream"
