"""Private files: downloaded only through here, after the access check."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import applicant_required
from accounts.roles import is_epd_viewer

from .. import selectors, services
from .common import act, safe_next


@login_required  # the Secretariat reads files too; the selector scopes the rest
def download(request, uuid):
    """Always an attachment, never shown inline, with the type we detected on upload."""
    if is_epd_viewer(request.user):
        raise PermissionDenied  # EPD reads figures, not companies' documents
    attachment = selectors.attachment_get_for_user(user=request.user, uuid=uuid)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@applicant_required
@require_POST
def remove(request, uuid):
    attachment = selectors.attachment_get_for_user(user=request.user, uuid=uuid)
    if attachment.organisation_id != getattr(
        selectors.organisation_for_user(user=request.user), "pk", None
    ):
        # The Secretariat may read any file but removes none.
        return redirect("applications:dashboard")
    act(
        request,
        lambda: services.attachment_remove(user=request.user, attachment=attachment),
        _("“%(name)s” has been removed.") % {"name": attachment.original_name},
    )
    return redirect(safe_next(request, reverse("applications:dashboard")))
