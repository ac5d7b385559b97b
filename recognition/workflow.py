"""The recognition workflow as a table: status -> allowed next statuses -> who moves.

``services.application_transition`` is the only code that changes a status and it
asks this table first.
"""

from collections.abc import Mapping

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Status as S

APPLICANT, SECRETARIAT, SYSTEM = "applicant", "secretariat", "system"

_withdraw = {S.WITHDRAWN: frozenset({APPLICANT})}
_refuse = {S.NOT_AWARDED: frozenset({SECRETARIAT})}

TRANSITIONS: Mapping[str, Mapping[str, frozenset[str]]] = {
    S.DRAFT: {S.SUBMITTED: frozenset({APPLICANT}), **_withdraw},
    S.SUBMITTED: {
        S.DOCUMENTS_CHECKED: frozenset({SECRETARIAT}),
        **_refuse,
        **_withdraw,
    },
    S.DOCUMENTS_CHECKED: {
        S.SITE_VISITED: frozenset({SECRETARIAT}),
        **_refuse,
        **_withdraw,
    },
    # The joint committee decides after the site visit.
    S.SITE_VISITED: {
        S.RECOMMENDED: frozenset({SECRETARIAT}),
        **_refuse,
        **_withdraw,
    },
    # Publishing the cycle's notice moves every recommended entry onto it.
    S.RECOMMENDED: {S.ON_NOTICE: frozenset({SECRETARIAT}), **_refuse},
    # After the notice: the final award, unless an upheld objection refuses it.
    S.ON_NOTICE: {S.AWARDED: frozenset({SECRETARIAT}), **_refuse},
    S.AWARDED: {},
    S.NOT_AWARDED: {},
    S.WITHDRAWN: {},
}

EDITABLE = frozenset({S.DRAFT})

# What the applicant reads.
APPLICANT_NAMES: Mapping[str, Promise] = {
    S.DRAFT: _("Draft, not sent yet"),
    S.SUBMITTED: _("Received"),
    S.DOCUMENTS_CHECKED: _("Documents checked; site visit to come"),
    S.SITE_VISITED: _("Site visit done; with the joint committee"),
    S.RECOMMENDED: _("Recommended; public notice to come"),
    S.ON_NOTICE: _("On the public notice of the proposed list"),
    S.AWARDED: _("Recognised"),
    S.NOT_AWARDED: _("Not recognised this year"),
    S.WITHDRAWN: _("Withdrawn"),
}


def allowed(from_status: str, to_status: str, role: str) -> bool:
    return role in TRANSITIONS.get(from_status, {}).get(to_status, frozenset())


def next_statuses(from_status: str, role: str) -> list[str]:
    return [
        to for to, roles in TRANSITIONS.get(from_status, {}).items() if role in roles
    ]
