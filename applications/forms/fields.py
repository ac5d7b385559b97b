"""Form fields shared by the applicant's forms."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ..uploads import ACCEPT, CheckedUpload, check_upload


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files at once; each is checked by content (uploads.check_upload)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def upload_help() -> str:
    return _("PDF, JPEG, PNG, Word (DOCX) or Excel (XLSX), up to %(limit)s each.") % {
        "limit": filesizeformat(settings.UPLOAD_MAX_BYTES)
    }


class UploadsMixin:
    """Checks every file of the form's MultipleFileFields, keeping the good ones.

    ``accepted`` maps a field name to its good files even when other files or fields
    are refused, so the view can save them at once: nothing uploaded is lost.
    """

    upload_fields: tuple[str, ...] = ()

    def clean_uploads(self) -> None:
        self.accepted: dict[str, list[tuple[object, CheckedUpload]]] = {}
        for name in self.upload_fields:
            good, errors = [], []
            for upload in self.cleaned_data.get(name) or []:
                try:
                    good.append((upload, check_upload(upload)))
                except ValidationError as exc:
                    errors.append(
                        ValidationError(
                            "%(name)s: %(error)s",
                            params={"name": upload.name, "error": exc.messages[0]},
                            code=exc.code,
                        )
                    )
            self.accepted[name] = good
            if errors:
                self.add_error(name, errors)
