from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from accounts.roles import can_read_reports


@login_required
def index(request):
    """EPD's dashboard; EPD viewers and the Secretariat only."""
    if not can_read_reports(request.user):
        raise PermissionDenied
    return render(request, "reports/index.html")
