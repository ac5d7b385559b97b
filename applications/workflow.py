"""The application workflow as a table: status -> allowed next statuses -> who may move.

``services.application_transition`` is the only code that changes a status, and it
asks this table first. The Secretariat's side (issue 4) adds its screens and e-mails
around the transitions listed here; a new status or transition is a change to this
table and to ``models.ApplicationStatus`` only.
"""

from collections.abc import Mapping

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Actor
from .models import ApplicationStatus as S

APPLICANT, SECRETARIAT = Actor.APPLICANT, Actor.SECRETARIAT

# Before a decision the applicant may withdraw; after it, the Secretariat closes.
PRE_DECISION = frozenset(
    {
        S.DRAFT,
        S.SUBMITTED,
        S.SCREENING,
        S.INFO_REQUESTED,
        S.TECHNICAL_ASSESSMENT,
        S.VETTING,
    }
)
# The applicant may change the application's content only in these.
EDITABLE = frozenset({S.DRAFT, S.INFO_REQUESTED})

# The Secretariat records a withdrawal the applicant asked for in writing.
_withdraw = {S.WITHDRAWN: frozenset({APPLICANT, SECRETARIAT})}

TRANSITIONS: Mapping[str, Mapping[str, frozenset[str]]] = {
    S.DRAFT: {S.SUBMITTED: frozenset({APPLICANT}), **_withdraw},
    S.SUBMITTED: {S.SCREENING: frozenset({SECRETARIAT}), **_withdraw},
    S.SCREENING: {
        S.INFO_REQUESTED: frozenset({SECRETARIAT}),
        S.TECHNICAL_ASSESSMENT: frozenset({SECRETARIAT}),
        S.REJECTED: frozenset({SECRETARIAT}),
        **_withdraw,
    },
    S.INFO_REQUESTED: {
        # The applicant's answer sends the application back to screening.
        S.SCREENING: frozenset({APPLICANT}),
        S.REJECTED: frozenset({SECRETARIAT}),
        **_withdraw,
    },
    S.TECHNICAL_ASSESSMENT: {
        S.INFO_REQUESTED: frozenset({SECRETARIAT}),
        S.VETTING: frozenset({SECRETARIAT}),
        S.REJECTED: frozenset({SECRETARIAT}),
        **_withdraw,
    },
    S.VETTING: {
        S.APPROVED: frozenset({SECRETARIAT}),
        S.REJECTED: frozenset({SECRETARIAT}),
        S.TECHNICAL_ASSESSMENT: frozenset({SECRETARIAT}),
        **_withdraw,
    },
    S.APPROVED: {S.IN_PROGRESS: frozenset({SECRETARIAT})},
    S.IN_PROGRESS: {S.FINAL_REPORT_SUBMITTED: frozenset({APPLICANT, SECRETARIAT})},
    S.FINAL_REPORT_SUBMITTED: {
        S.COMPLETED: frozenset({SECRETARIAT}),
        S.IN_PROGRESS: frozenset({SECRETARIAT}),  # report returned for changes
    },
    S.COMPLETED: {S.CLOSED: frozenset({SECRETARIAT})},
    S.REJECTED: {},
    S.CLOSED: {},
    S.WITHDRAWN: {},
}

# --- The Secretariat's side (issue 4) ----------------------------------------------

# Moves that need more than a status: each has its own service (and admin screen),
# which checks the transition against TRANSITIONS like every other move.
DEDICATED: Mapping[str, str] = {
    S.INFO_REQUESTED: "application_request_information",  # the message
    S.APPROVED: "application_decide",  # the decision: amount, conditions
    S.REJECTED: "application_decide",  # the decision: reasons
    S.FINAL_REPORT_SUBMITTED: "report_submit",  # the final report
}

# (from, to) moves whose note the Secretariat must give (why it goes back or stops).
NOTE_REQUIRED = frozenset(
    {
        (S.VETTING, S.TECHNICAL_ASSESSMENT),
        (S.FINAL_REPORT_SUBMITTED, S.IN_PROGRESS),
        *((status, S.WITHDRAWN) for status in PRE_DECISION),
    }
)


def note_required(from_status: str, to_status: str) -> bool:
    return (from_status, to_status) in NOTE_REQUIRED


# What the applicant reads: plain names in their language (staff see the labels of
# ApplicationStatus).
APPLICANT_NAMES: Mapping[str, Promise] = {
    S.DRAFT: _("Draft, not sent yet"),
    S.SUBMITTED: _("Received"),
    S.SCREENING: _("Being checked"),
    S.INFO_REQUESTED: _("We need more information from you"),
    S.TECHNICAL_ASSESSMENT: _("Being assessed"),
    S.VETTING: _("Waiting for the committee's decision"),
    S.APPROVED: _("Approved"),
    S.REJECTED: _("Not approved"),
    S.IN_PROGRESS: _("Project under way"),
    S.FINAL_REPORT_SUBMITTED: _("Final report received"),
    S.COMPLETED: _("Project completed"),
    S.CLOSED: _("Closed"),
    S.WITHDRAWN: _("Withdrawn"),
}

APPLICANT_HINTS: Mapping[str, Promise] = {
    S.DRAFT: _("Complete each section, check your answers and submit."),
    S.SUBMITTED: _("The Secretariat will check your application and may contact you."),
    S.SCREENING: _(
        "The Secretariat is checking that the application is complete and eligible."
    ),
    S.INFO_REQUESTED: _(
        "Read the Secretariat's message, change your application if needed and send "
        "your answer."
    ),
    S.TECHNICAL_ASSESSMENT: _("Technical staff are assessing the project."),
    S.VETTING: _("The Project Management Committee will decide on the application."),
    S.APPROVED: _("The letter of decision sets out the grant and its conditions."),
    S.REJECTED: _("The letter of decision sets out the reasons."),
    S.IN_PROGRESS: _("Carry out the project and report when it is complete."),
    S.FINAL_REPORT_SUBMITTED: _("The Secretariat is checking your final report."),
    S.COMPLETED: _("The project is complete."),
    S.CLOSED: _("Nothing more is needed."),
    S.WITHDRAWN: _("You withdrew this application."),
}

# Bootstrap badge classes, so every page shows a status the same way.
TONES: Mapping[str, str] = {
    S.DRAFT: "text-bg-secondary",
    S.INFO_REQUESTED: "text-bg-warning",
    S.APPROVED: "text-bg-success",
    S.COMPLETED: "text-bg-success",
    S.REJECTED: "text-bg-danger",
    S.WITHDRAWN: "text-bg-light border",
    S.CLOSED: "text-bg-light border",
}


def allowed_next(status: str, actor: str) -> list[str]:
    """The statuses ``actor`` may move an application in ``status`` to."""
    return [to for to, actors in TRANSITIONS[status].items() if actor in actors]


def can_transition(from_status: str, to_status: str, actor: str) -> bool:
    return actor in TRANSITIONS.get(from_status, {}).get(to_status, frozenset())


def applicant_name(status: str) -> Promise:
    return APPLICANT_NAMES[status]


def tone(status: str) -> str:
    return TONES.get(status, "text-bg-primary")
