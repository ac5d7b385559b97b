"""The letter's download: for its organisation's members and the Secretariat only."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from accounts.roles import is_epd_viewer
from core.uploads import private_file_response

from . import selectors


@login_required
def download(request, uuid):
    if is_epd_viewer(request.user):
        raise PermissionDenied  # EPD reads figures, not companies' letters
    letter = selectors.letter_get_for_user(user=request.user, uuid=uuid)
    return private_file_response(
        letter.file, filename=letter.download_name, content_type="application/pdf"
    )
