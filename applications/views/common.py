"""Helpers shared by the applicant's views."""

from django.contrib import messages
from django.utils.http import url_has_allowed_host_and_scheme

from ..errors import ApplicationError
from ..models import FundingScheme, Organisation


def schemes_for_organisation(
    organisation: Organisation, schemes: list[FundingScheme]
) -> list[FundingScheme]:
    """The schemes this kind of organisation may apply for (a factory decides the rest)."""
    if organisation.is_association:
        return [s for s in schemes if s.admits_association]
    return [s for s in schemes if s.admits_business or s.admits_workshop]


def safe_next(request, default: str) -> str:
    """The ``next`` address if it stays on this site, else ``default``."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def posted(request):
    """The POST data of a POST (even an empty one), else None: binds forms correctly."""
    return request.POST if request.method == "POST" else None


def posted_files(request):
    return request.FILES if request.method == "POST" else None


def act(request, action, success: str) -> bool:
    """Run a service; tell the user what happened, in their language."""
    try:
        action()
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return False
    messages.success(request, success)
    return True
