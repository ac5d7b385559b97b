"""Template helpers for the applicant's pages: statuses as applicants read them."""

from django import template

from .. import workflow

register = template.Library()


@register.filter
def applicant_status(status: str) -> str:
    return workflow.applicant_name(status)


@register.filter
def status_hint(status: str) -> str:
    return workflow.APPLICANT_HINTS.get(status, "")


@register.filter
def status_tone(status: str) -> str:
    return workflow.tone(status)


@register.inclusion_tag("applications/includes/status_badge.html")
def status_badge(status: str):
    return {"name": workflow.applicant_name(status), "tone": workflow.tone(status)}


@register.filter
def field(form, name: str):
    """A form's bound field by a name computed in the template."""
    return form[name]
