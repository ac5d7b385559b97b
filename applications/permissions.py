"""What an applicant may do with an application they can see: (allowed, reason)."""

from django.utils.translation import gettext as _

from . import workflow
from .models import Actor, Application, ApplicationStatus, Membership


def can_edit(application: Application) -> tuple[bool, str]:
    if application.status in workflow.EDITABLE:
        return True, ""
    return False, _("This application has been submitted and can no longer be changed.")


def can_submit(application: Application) -> tuple[bool, str]:
    if application.status == ApplicationStatus.DRAFT:
        return True, ""
    return False, _("This application has already been submitted.")


def can_withdraw(application: Application) -> tuple[bool, str]:
    if workflow.can_transition(
        application.status, ApplicationStatus.WITHDRAWN, Actor.APPLICANT
    ):
        return True, ""
    return False, _("An application can be withdrawn only before a decision.")


def can_answer(application: Application) -> tuple[bool, str]:
    if application.status == ApplicationStatus.INFO_REQUESTED:
        return True, ""
    return False, _("There is no request for information to answer.")


def can_manage_members(membership: Membership | None) -> tuple[bool, str]:
    if membership is not None and membership.is_administrator:
        return True, ""
    return False, _("Only your organisation's administrator can do this.")


def can_report(application: Application) -> tuple[bool, str]:
    if application.status == ApplicationStatus.IN_PROGRESS:
        return True, ""
    return False, _("Reports can be sent while the project is in progress.")


def can_claim(application: Application) -> tuple[bool, str]:
    if application.status in (
        ApplicationStatus.IN_PROGRESS,
        ApplicationStatus.FINAL_REPORT_SUBMITTED,
        ApplicationStatus.COMPLETED,
    ):
        return True, ""
    return False, _("Payment can be claimed once the project is under way.")
