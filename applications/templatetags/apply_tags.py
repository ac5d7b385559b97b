"""Template helpers for the applicant's pages: statuses as applicants read them."""

import hashlib
import logging
from functools import cache

from django import template
from django.conf import settings
from django.core.cache import cache as django_cache
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from .. import workflow

logger = logging.getLogger(__name__)

register = template.Library()

CARD_TEMPLATE = "applications/includes/application_card.html"
_CARD_SOURCES = (
    CARD_TEMPLATE,
    "applications/includes/timeline.html",
    "applications/includes/status_badge.html",
)


def _card_templates_digest() -> str:
    """The card's templates as this process has them: a new release's cards are new keys
    (read again on every call under DEBUG, where templates change as one works)."""
    return (
        _templates_digest() if not settings.DEBUG else _templates_digest.__wrapped__()
    )


@cache
def _templates_digest() -> str:
    digest = hashlib.sha256()
    for name in _CARD_SOURCES:
        digest.update(get_template(name).template.source.encode())
    return digest.hexdigest()[:16]


def _card_key(application) -> str:
    """A key made of everything the card shows, so a cached card is never stale: any
    change to the application, its factory, scheme, messages count or history (or the
    language, time zone or templates) is a new key. Needs the dashboard's selector
    (factory and scheme joined, ``secretariat_messages``, ``status_changes`` prefetched
    with their actors): no query of its own."""
    parts = [
        _card_templates_digest(),
        translation.get_language(),
        timezone.get_current_timezone_name(),
        application.pk,
        application.reference,
        application.display_title,
        application.status,
        str(application.scheme.label),
        application.factory.name if application.factory_id else "",
        str(application.requested_grant_hkd),
        application.secretariat_messages,
    ]
    for change in application.status_changes.all():
        parts += [
            change.pk,
            change.from_status,
            change.to_status,
            change.actor_role,
            change.actor.get_short_name() if change.actor_id else "",
            change.reason,
            change.created_at.isoformat(),
        ]
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"applications:card:{digest}"


@register.simple_tag
def application_cards(applications) -> list[str]:
    """The dashboard's application cards, rendered or from the cache in one round trip
    (``DASHBOARD_CARD_CACHE_SECONDS``, 0 = always rendered). Rendering ten cards with
    their histories was most of the dashboard's CPU time (make bench)."""
    applications = list(applications)
    seconds = settings.DASHBOARD_CARD_CACHE_SECONDS
    template = get_template(CARD_TEMPLATE)
    if not seconds:
        return [mark_safe(template.render({"application": a})) for a in applications]  # noqa: S308
    keys = [_card_key(a) for a in applications]
    try:
        found = django_cache.get_many(keys)
    except Exception:  # noqa: BLE001 - Redis down: the cards are rendered, not cached
        logger.warning("Dashboard card cache unreachable", exc_info=True)
        return [mark_safe(template.render({"application": a})) for a in applications]  # noqa: S308
    missing = {}
    cards = []
    for key, application in zip(keys, applications, strict=True):
        if key not in found:
            found[key] = missing[key] = template.render({"application": application})
        cards.append(mark_safe(found[key]))  # noqa: S308 - our own template's output
    if missing:
        try:
            django_cache.set_many(missing, seconds)
        except Exception:  # noqa: BLE001
            logger.warning("Dashboard card cache unreachable", exc_info=True)
    return cards


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
