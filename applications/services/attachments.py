"""Writes to uploaded files: store privately under a server-made name, remove safely."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import workflow
from ..errors import ApplicationError, NotEditable
from ..models import Application, ApplicationStatus, Attachment, Factory, Organisation
from ..uploads import CheckedUpload
from .common import require_member

POST_AWARD_KINDS = ("report_evidence", "receipt")
POST_AWARD_STATUSES = (
    ApplicationStatus.IN_PROGRESS,
    ApplicationStatus.FINAL_REPORT_SUBMITTED,
    ApplicationStatus.COMPLETED,
)


def _require_member(user, organisation: Organisation) -> None:
    require_member(user, organisation.pk, _("You cannot add documents here."))


def attachment_add(
    *,
    user,
    organisation: Organisation,
    upload,
    checked: CheckedUpload,
    kind: str,
    factory: Factory | None = None,
    application: Application | None = None,
) -> Attachment:
    """Store one checked upload (see uploads.check_upload) for its owner."""
    _require_member(user, organisation)
    if factory is not None and factory.organisation_id != organisation.pk:
        raise ApplicationError(_("You cannot add documents here."))
    if application is not None:
        if application.organisation_id != organisation.pk:
            raise ApplicationError(_("You cannot add documents here."))
        answering = kind == "answer" and (
            application.status == ApplicationStatus.INFO_REQUESTED
        )
        # Evidence for reports and receipts for claims, while the project runs.
        reporting = (
            kind in POST_AWARD_KINDS and application.status in POST_AWARD_STATUSES
        )
        if application.status not in workflow.EDITABLE and not (answering or reporting):
            raise NotEditable(
                _("This application has been submitted and can no longer be changed.")
            )
    attachment = Attachment(
        organisation=organisation,
        factory=factory,
        application=application,
        kind=kind,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=user,
    )
    attachment.file.save(f"upload{checked.extension}", upload, save=False)
    try:
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)
        raise
    return attachment


def attachment_remove(*, user, attachment: Attachment) -> None:
    """Remove a file: deleted if never submitted; otherwise kept for the record but
    hidden (evidence), or refused (a submitted application's own documents)."""
    _require_member(user, attachment.organisation)
    application = attachment.application
    pending_evidence = attachment.kind in POST_AWARD_KINDS and not attachment.is_locked
    if (
        application is not None
        and application.status not in workflow.EDITABLE
        and not pending_evidence
    ):
        raise NotEditable(
            _("This document is part of a submitted application and is kept with it.")
        )
    if attachment.message_id is not None:
        raise NotEditable(
            _("This document was sent with an answer and is kept with it.")
        )
    with transaction.atomic():
        if attachment.is_locked:
            attachment.removed_at = timezone.now()
            attachment.save(update_fields=["removed_at"])
            return
        name = attachment.file.name
        storage = attachment.file.storage
        attachment.delete()
        transaction.on_commit(lambda: storage.delete(name))
