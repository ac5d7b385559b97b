from django import template
from django.utils.http import urlencode

from .. import workflow
from ..models import Status

register = template.Library()

TONES = {
    Status.DRAFT: "text-bg-secondary",
    Status.AWARDED: "text-bg-success",
    Status.NOT_AWARDED: "text-bg-dark",
    Status.WITHDRAWN: "text-bg-light border",
    Status.ON_NOTICE: "text-bg-info",
}


@register.inclusion_tag("recognition/includes/status_badge.html")
def recognition_status(status: str, staff: bool = False):
    name = Status(status).label if staff else workflow.APPLICANT_NAMES[status]
    return {"name": name, "tone": TONES.get(status, "text-bg-primary")}


@register.simple_tag
def partner_query(year=None, category="", query="") -> str:
    """The list's filters as a query string, for its pagination links."""
    params = {
        k: v for k, v in (("year", year), ("category", category), ("q", query)) if v
    }
    return urlencode(params)
