"""The applicant's start page."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from accounts.roles import user_role
from core.pagecache import private_page

from .. import selectors, workflow
from ..models import SchemeKind
from .common import schemes_for_organisation


@login_required
@private_page
def dashboard(request):
    """The organisation's applications with status and timeline, or the setup prompt."""
    user = request.user
    membership = selectors.membership_for_user(user=user)
    if membership is None:
        return render(
            request,
            "applications/setup.html",
            {
                "invitations": selectors.invitation_list_for_user(user=user),
                "is_staff_role": user_role(user) in {"secretariat", "epd"},
            },
        )
    organisation = membership.organisation
    page = Paginator(selectors.application_list_for_user(user=user), 10).get_page(
        request.GET.get("page")
    )
    phase = selectors.phase_get_current()  # once: the open schemes are this phase's
    open_schemes = schemes_for_organisation(
        organisation,
        list(selectors.scheme_list_for_phase(phase=phase)) if phase else [],
    )
    kinds = [kind for kind in SchemeKind if any(s.kind == kind for s in open_schemes)]
    return render(
        request,
        "applications/dashboard.html",
        {
            "organisation": organisation,
            "membership": membership,
            "page_obj": page,
            "open_kinds": kinds,
            "phase": phase,
            "has_factories": organisation.factories.exists(),
            "workflow": workflow,
        },
    )
