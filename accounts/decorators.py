from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from .roles import user_role

STAFF_ROLES = {"secretariat", "epd"}


def applicant_required(view):
    """Signed-in users who act for an organisation; staff roles work elsewhere (403)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if user_role(request.user) in STAFF_ROLES:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
