"""All writes of the applications app: views, admin, commands and tasks call these."""

from .applications import (
    application_answer_information_request,
    application_create_draft,
    application_replace_cost_lines,
    application_request_information,
    application_save_step,
    application_submit,
    application_transition,
    application_withdraw,
    reference_allocate,
)
from .attachments import attachment_add, attachment_remove
from .organisations import (
    factory_save,
    invitation_accept,
    invitation_from_token,
    invitation_revoke,
    invitation_token,
    member_invite,
    member_remove,
    organisation_create,
    organisation_update,
)

__all__ = [
    "application_answer_information_request",
    "application_create_draft",
    "application_replace_cost_lines",
    "application_request_information",
    "application_save_step",
    "application_submit",
    "application_transition",
    "application_withdraw",
    "attachment_add",
    "attachment_remove",
    "factory_save",
    "invitation_accept",
    "invitation_from_token",
    "invitation_revoke",
    "invitation_token",
    "member_invite",
    "member_remove",
    "organisation_create",
    "organisation_update",
    "reference_allocate",
]
