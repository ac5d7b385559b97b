"""Reads of the public content; each list is a fixed number of queries."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    Event,
    EventRegistration,
    FaqEntry,
    FaqTopic,
    NewsItem,
    RecognitionCategory,
    Resource,
    ResourceKind,
    Section,
)

if TYPE_CHECKING:
    from applications.models import FundingScheme, Phase

Status = EventRegistration.Status


def section_list(*, page: str) -> QuerySet[Section]:
    return Section.objects.filter(page=page, is_published=True)


def faq_topic_list(*, programme_page_only: bool = False) -> QuerySet[FaqTopic]:
    """Topics that have published entries, with those entries prefetched."""
    topics = FaqTopic.objects.filter(entries__is_published=True).distinct()
    if programme_page_only:
        topics = topics.filter(show_on_programme_page=True)
    return topics.prefetch_related(
        Prefetch(
            "entries",
            queryset=FaqEntry.objects.filter(is_published=True).order_by(
                "ordering", "pk"
            ),
        )
    )


def recognition_category_list() -> QuerySet[RecognitionCategory]:
    return RecognitionCategory.objects.all()


@dataclass
class RecognitionPage:
    """What the Recognition Scheme page shows; the recognition app may add to it."""

    sections: list[Section]
    categories: list[RecognitionCategory]
    extra: dict = field(default_factory=dict)


def recognition_page() -> RecognitionPage:
    return RecognitionPage(
        sections=list(section_list(page=Section.Page.RECOGNITION)),
        categories=list(recognition_category_list()),
    )


def news_list_published() -> QuerySet[NewsItem]:
    return NewsItem.objects.published()


def news_get_published(*, slug: str) -> NewsItem:
    return get_object_or_404(
        news_list_published().prefetch_related(
            Prefetch("resources", queryset=Resource.objects.published())
        ),
        slug=slug,
    )


def resource_kind_list_with_resources() -> list[ResourceKind]:
    """Kinds that have published resources, each with its resources, in two queries."""
    return list(
        ResourceKind.objects.filter(resources__is_published=True)
        .distinct()
        .prefetch_related(
            Prefetch(
                "resources",
                queryset=Resource.objects.published().order_by(
                    "ordering", "-published_on", "pk"
                ),
            )
        )
    )


def resource_get_for_download(*, slug: str, user) -> Resource:
    """A published resource for anyone; an unpublished one for the Secretariat only."""
    resource = get_object_or_404(Resource, slug=slug)
    if not resource.is_published and not (
        user.is_authenticated and user.has_perm("pages.view_resource")
    ):
        raise Http404
    return resource


def _with_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.annotate(
        confirmed_count=Count(
            "registrations", filter=Q(registrations__status=Status.CONFIRMED)
        ),
        waiting_count=Count(
            "registrations", filter=Q(registrations__status=Status.WAITING)
        ),
    )


def event_list_upcoming(*, now=None) -> QuerySet[Event]:
    now = now or timezone.now()
    return _with_counts(
        Event.objects.published().filter(ends_at__gte=now).order_by("starts_at")
    )


def event_list_past(*, now=None) -> QuerySet[Event]:
    now = now or timezone.now()
    return _with_counts(
        Event.objects.published().filter(ends_at__lt=now).order_by("-starts_at")
    )


def event_get_published(*, slug: str) -> Event:
    return get_object_or_404(_with_counts(Event.objects.published()), slug=slug)


def registration_get_by_token(*, token: str) -> EventRegistration:
    """The registration whose private link this is; 404 for any other key."""
    return get_object_or_404(
        EventRegistration.objects.select_related("event"), token=token
    )


def waiting_position(registration: EventRegistration) -> int | None:
    """1 for the first on the waiting list; None when not waiting."""
    if registration.status != Status.WAITING:
        return None
    ahead = (
        EventRegistration.objects.filter(
            event_id=registration.event_id, status=Status.WAITING
        )
        .filter(
            Q(created_at__lt=registration.created_at)
            | Q(created_at=registration.created_at, pk__lt=registration.pk)
        )
        .count()
    )
    return ahead + 1


@dataclass(frozen=True)
class SchemeRow:
    scheme: "FundingScheme"
    purpose: str
    who_may_apply: list[str]


@dataclass(frozen=True)
class FundingOverview:
    phase: "Phase | None"
    rows: list[SchemeRow]


def funding_overview() -> FundingOverview:
    """The open phase's schemes: share, ceiling, duration and who may apply."""
    from applications.models import SchemeKind
    from applications.selectors import phase_get_current, scheme_list_for_phase

    phase = phase_get_current()
    if phase is None:
        return FundingOverview(phase=None, rows=[])
    purposes = {
        SchemeKind.ASSESSMENT: _(
            "An assessment of the factory's room for improvement in energy "
            "efficiency and emission reduction, with practical recommendations."
        ),
        SchemeKind.DEMONSTRATION: _(
            "Installing equipment or changing a production process to demonstrate "
            "the effectiveness of a cleaner production technology."
        ),
        SchemeKind.ASSOCIATION: _(
            "Trade-specific promotion and publicity by trade and industry "
            "associations for wider adoption of cleaner production technologies."
        ),
    }
    rows = []
    for scheme in scheme_list_for_phase(phase=phase):
        who = []
        if scheme.admits_business:
            who.append(
                _("Hong Kong businesses with a factory in Hong Kong or Guangdong")
            )
        if scheme.admits_workshop:
            who.append(_("Hong Kong workshops with polluting processes"))
        if scheme.admits_association:
            who.append(_("Trade and industry associations in Hong Kong"))
        rows.append(
            SchemeRow(
                scheme=scheme,
                purpose=scheme.description or purposes.get(scheme.kind, ""),
                who_may_apply=who,
            )
        )
    return FundingOverview(phase=phase, rows=rows)
