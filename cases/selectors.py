"""Reads of published success cases: filters, full-text search, detail."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from .models import CasePhoto, SuccessCase

SEARCH_FIELDS = ("title", "summary", "problem", "technology")
# Field -> full-text weight: a word in the title counts most.
SEARCH_WEIGHTS = {"title": "A", "summary": "B", "problem": "C", "technology": "C"}
BENEFITS = ("energy", "air", "water", "waste")


def search_config(language: str) -> str:
    """PostgreSQL text-search configuration: English stems words; Chinese has none."""
    return "english" if language == "en" else "simple"


def search_vector(language: str):
    """The weighted document of one language; the GIN index of migration 0003 matches it."""
    from django.contrib.postgres.search import SearchVector

    config = search_config(language)
    vector = None
    for field in SEARCH_FIELDS:
        part = SearchVector(
            build_localized_fieldname(field, language),
            config=config,
            weight=SEARCH_WEIGHTS[field],
        )
        vector = part if vector is None else vector + part
    return vector


def _substring_match(text: str, language: str) -> Q:
    query = Q()
    for field in SEARCH_FIELDS:
        query |= Q(**{f"{build_localized_fieldname(field, language)}__icontains": text})
    return query


def _apply_search(cases: QuerySet[SuccessCase], text: str) -> QuerySet[SuccessCase]:
    language = (get_language() or "en").replace("-", "_")
    if language not in ("en", "zh_hant", "zh_hans"):
        language = "en"
    if not settings.USING_POSTGRES:
        return cases.filter(_substring_match(text, language))
    from django.contrib.postgres.search import SearchQuery, SearchRank

    query = SearchQuery(text, config=search_config(language), search_type="websearch")
    vector = search_vector(language)
    matches = Q(document=query)
    if language != "en":
        # PostgreSQL cannot split Chinese into words: a Chinese phrase also matches
        # as a substring. English uses the index alone, with stemming.
        matches |= _substring_match(text, language)
    return (
        cases.annotate(document=vector, rank=SearchRank(vector, query))
        .filter(matches)
        .order_by("-rank", "-published_on", "pk")
    )


@dataclass(frozen=True)
class CaseFilters:
    industry: str = ""
    technology_category: str = ""
    benefit: str = ""
    text: str = ""


def _cards(cases: QuerySet[SuccessCase]) -> QuerySet[SuccessCase]:
    """What a list card shows: the case and its first photo, in two queries."""
    return cases.prefetch_related(
        Prefetch("photos", queryset=CasePhoto.objects.order_by("ordering", "pk"))
    )


def case_list_published() -> QuerySet[SuccessCase]:
    return SuccessCase.objects.filter(is_published=True)


def case_search(*, filters: CaseFilters) -> QuerySet[SuccessCase]:
    """Published cases matching every filter given; by relevance when searching."""
    cases = case_list_published()
    if filters.industry:
        cases = cases.filter(industry=filters.industry)
    if filters.technology_category:
        cases = cases.filter(technology_category=filters.technology_category)
    if filters.benefit in BENEFITS:
        cases = cases.filter(**{f"benefit_{filters.benefit}": True})
    if filters.text:
        cases = _apply_search(cases, filters.text)
    return _cards(cases)


def case_list_featured(*, limit: int = 3) -> QuerySet[SuccessCase]:
    return _cards(case_list_published().filter(is_featured=True))[:limit]


def case_get_published(*, slug: str) -> SuccessCase:
    return get_object_or_404(
        case_list_published().prefetch_related(
            Prefetch("photos", queryset=CasePhoto.objects.order_by("ordering", "pk"))
        ),
        slug=slug,
    )


def case_list_related(*, case: SuccessCase, limit: int = 3) -> QuerySet[SuccessCase]:
    """Other published cases of the same technology category or industry."""
    return _cards(
        case_list_published()
        .exclude(pk=case.pk)
        .filter(
            Q(technology_category=case.technology_category) | Q(industry=case.industry)
        )
    )[:limit]


def photo_get_published(*, slug: str, photo_id: int) -> CasePhoto:
    return get_object_or_404(
        CasePhoto.objects.select_related("case"),
        pk=photo_id,
        case__slug=slug,
        case__is_published=True,
    )
