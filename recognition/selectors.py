"""Scoped reads. An applicant reaches an application, its evidence or its certificate
only through their own organisation: "not yours" and "does not exist" both answer 404."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from applications.models import Application as FundingApplication
from applications.models import Factory, Organisation
from applications.selectors import organisation_for_user
from pages.models import RecognitionCategory

from . import rules
from .models import Application, Award, Cycle, Evidence, Status

# --- Cycles and categories ----------------------------------------------------------


def cycle_get_open(*, on: date | None = None) -> Cycle | None:
    """The cycle whose application window includes the day (today by default)."""
    today = on or timezone.localdate()
    return (
        Cycle.objects.filter(opens_on__lte=today, closes_on__gte=today)
        .order_by("-year")
        .first()
    )


def cycle_get_next(*, on: date | None = None) -> Cycle | None:
    today = on or timezone.localdate()
    return Cycle.objects.filter(opens_on__gt=today).order_by("opens_on").first()


def cycle_get_on_notice(*, on: date | None = None) -> Cycle | None:
    """The cycle whose proposed list is on public notice today, if any."""
    for cycle in Cycle.objects.filter(
        notice_published_at__isnull=False, results_published_at__isnull=True
    ).order_by("-year"):
        if cycle.notice_is_running(on=on):
            return cycle
    return None


def category_list_open() -> QuerySet[RecognitionCategory]:
    """Categories open for applications, with their rule."""
    return RecognitionCategory.objects.filter(rule__is_open=True).select_related("rule")


# --- An organisation's applications ---------------------------------------------


def _organisation_or_404(user) -> Organisation:
    organisation = organisation_for_user(user=user)
    if organisation is None:
        raise Http404
    return organisation


def application_list_for_user(*, user) -> QuerySet[Application]:
    organisation = organisation_for_user(user=user)
    if organisation is None:
        return Application.objects.none()
    return (
        Application.objects.filter(organisation=organisation)
        .select_related("cycle", "category", "factory", "organisation", "award")
        .order_by("-cycle__year", "-created_at", "-pk")
    )


def application_get_for_user(*, user, pk: int) -> Application:
    try:
        return application_list_for_user(user=user).get(pk=pk)
    except Application.DoesNotExist as exc:
        raise Http404 from exc


def evidence_get_for_user(*, user, uuid: UUID) -> Evidence:
    organisation = _organisation_or_404(user)
    try:
        return Evidence.objects.select_related("application").get(
            uuid=uuid, application__organisation=organisation
        )
    except Evidence.DoesNotExist as exc:
        raise Http404 from exc


def award_get_for_user(*, user, pk: int) -> Award:
    """An award of the user's organisation whose certificate has been produced."""
    organisation = _organisation_or_404(user)
    try:
        return Award.objects.select_related("application").get(
            application__pk=pk,
            application__organisation=organisation,
            certificate_generated_at__isnull=False,
        )
    except Award.DoesNotExist as exc:
        raise Http404 from exc


def factory_list_for_organisation(*, organisation: Organisation) -> QuerySet[Factory]:
    return organisation.factories.all()


def funded_project_list(*, organisation: Organisation) -> QuerySet[FundingApplication]:
    """The organisation's own funded projects, to cite as earlier projects."""
    return (
        FundingApplication.objects.filter(
            organisation=organisation, status__in=rules.FUNDED_STATUSES
        )
        .select_related("scheme", "factory")
        .order_by("-submitted_at", "-pk")
    )


# --- Public -------------------------------------------------------------------------


@dataclass
class CycleCalendar:
    """Where the scheme stands today, from one query over the (few) cycles."""

    open: Cycle | None
    next: Cycle | None
    on_notice: Cycle | None
    published_years: list[int]


def cycle_calendar(*, on: date | None = None) -> CycleCalendar:
    today = on or timezone.localdate()
    cycles = list(Cycle.objects.order_by("-year"))
    upcoming = sorted(
        (c for c in cycles if c.opens_on > today), key=lambda c: c.opens_on
    )
    return CycleCalendar(
        open=next((c for c in cycles if c.is_open(on=today)), None),
        next=upcoming[0] if upcoming else None,
        on_notice=next((c for c in cycles if c.notice_is_running(on=today)), None),
        published_years=[c.year for c in cycles if c.results_published_at],
    )


def partner_list(
    *, year: int | None = None, category: str = "", query: str = ""
) -> QuerySet[Award]:
    """Recognised partners of published cycles, newest first; searchable by name."""
    awards = Award.objects.filter(
        application__cycle__results_published_at__isnull=False
    ).select_related(
        "application__cycle",
        "application__category",
        "application__organisation",
        "application__factory",
    )
    if year:
        awards = awards.filter(application__cycle__year=year)
    if category:
        awards = awards.filter(application__category__code=category)
    query = query.strip()
    if query:
        awards = awards.filter(
            Q(application__organisation__name_en__icontains=query)
            | Q(application__organisation__name_zh__icontains=query)
            | Q(application__factory__name__icontains=query)
            | Q(serial__iexact=query)
        )
    return awards.order_by(
        "-application__cycle__year",
        "application__category__ordering",
        "application__organisation__name_en",
        "pk",
    )


def notice_entry_list(*, cycle: Cycle) -> QuerySet[Application]:
    return (
        cycle.applications.filter(status=Status.ON_NOTICE)
        .select_related("category", "organisation", "factory")
        .order_by("category__ordering", "organisation__name_en", "pk")
    )


def notice_entry_get(*, pk: int) -> Application:
    """An entry of the proposed list on notice today (404 otherwise)."""
    cycle = cycle_get_on_notice()
    if cycle is None:
        raise Http404
    try:
        return notice_entry_list(cycle=cycle).get(pk=pk)
    except Application.DoesNotExist as exc:
        raise Http404 from exc


def award_get_by_serial(*, serial: str) -> Award | None:
    """A published award, for checking a certificate's serial number."""
    return (
        partner_list().filter(serial__iexact=serial.strip()).first()
        if serial.strip()
        else None
    )
