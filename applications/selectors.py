"""Scoped reads. Every object named in an applicant's URL is fetched here, through the
user's organisation: "not yours" and "does not exist" both answer 404."""

from datetime import date
from uuid import UUID

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.roles import is_secretariat
from providers.models import ServiceProvider

from .models import (
    OPEN_STATUSES,
    Application,
    ApplicationMessage,
    ApplicationStatus,
    ApplicationVersion,
    Attachment,
    Factory,
    FundingScheme,
    Invitation,
    Membership,
    Organisation,
    Phase,
    SchemeKind,
    StatusChange,
)
from .rules import EarlierAssessment

# --- Phases and schemes -------------------------------------------------------------


def phase_list_open(*, on: date | None = None) -> QuerySet[Phase]:
    """Phases whose application window includes the given day (today by default)."""
    today = on or timezone.localdate()
    return Phase.objects.filter(opens_on__lte=today, closes_on__gte=today)


def phase_get_current(*, on: date | None = None) -> Phase | None:
    """The open phase that opened last, or None between phases."""
    return phase_list_open(on=on).order_by("-opens_on").first()


def scheme_list_for_phase(*, phase: Phase) -> QuerySet[FundingScheme]:
    return phase.schemes.all()


def scheme_list_open(
    *, kind: str | None = None, on: date | None = None
) -> list[FundingScheme]:
    """The current open phase's schemes (of one kind, if given)."""
    phase = phase_get_current(on=on)
    if phase is None:
        return []
    schemes = phase.schemes.select_related("phase")
    if kind:
        schemes = schemes.filter(kind=kind)
    return list(schemes)


def provider_list_for_applications() -> QuerySet[ServiceProvider]:
    return ServiceProvider.objects.filter(status=ServiceProvider.Status.ACTIVE)


# --- Organisations ------------------------------------------------------------------


def membership_for_user(*, user) -> Membership | None:
    """The user's membership (with its organisation), cached on the user object."""
    if not user.is_authenticated:
        return None
    cached = getattr(user, "_cp_membership", False)
    if cached is not False:
        return cached
    membership = (
        Membership.objects.select_related("organisation").filter(user=user).first()
    )
    user._cp_membership = membership
    return membership


def organisation_for_user(*, user) -> Organisation | None:
    membership = membership_for_user(user=user)
    return membership.organisation if membership else None


def _organisation_or_404(user) -> Organisation:
    organisation = organisation_for_user(user=user)
    if organisation is None:
        raise Http404
    return organisation


def member_list(*, organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("created_at")


def member_get_for_admin(*, user, pk: int) -> Membership:
    """A membership of the user's own organisation, for its administrator to manage."""
    organisation = _organisation_or_404(user)
    try:
        return organisation.memberships.select_related("user").get(pk=pk)
    except Membership.DoesNotExist as exc:
        raise Http404 from exc


def invitation_list_pending(*, organisation: Organisation) -> QuerySet[Invitation]:
    return organisation.invitations.filter(
        accepted_at__isnull=True, revoked_at__isnull=True
    )


def invitation_list_for_user(*, user) -> QuerySet[Invitation]:
    """Pending invitations addressed to the user's e-mail address."""
    return Invitation.objects.filter(
        email__iexact=user.email, accepted_at__isnull=True, revoked_at__isnull=True
    ).select_related("organisation", "invited_by")


def invitation_get_for_organisation(*, user, pk: int) -> Invitation:
    organisation = _organisation_or_404(user)
    try:
        return invitation_list_pending(organisation=organisation).get(pk=pk)
    except Invitation.DoesNotExist as exc:
        raise Http404 from exc


# --- Factories ----------------------------------------------------------------------


def factory_list_for_user(*, user) -> QuerySet[Factory]:
    organisation = organisation_for_user(user=user)
    if organisation is None:
        return Factory.objects.none()
    return organisation.factories.all()


def factory_get_for_user(*, user, pk: int) -> Factory:
    try:
        return factory_list_for_user(user=user).get(pk=pk)
    except Factory.DoesNotExist as exc:
        raise Http404 from exc


# --- Applications -------------------------------------------------------------------


def application_list_for_user(*, user) -> QuerySet[Application]:
    """The user's organisation's applications, with what the dashboard shows per row."""
    organisation = organisation_for_user(user=user)
    if organisation is None:
        return Application.objects.none()
    return (
        organisation.applications.select_related("scheme__phase", "factory")
        .prefetch_related(
            Prefetch(
                "status_changes",
                queryset=StatusChange.objects.select_related("actor").order_by(
                    "created_at", "pk"
                ),
            )
        )
        .annotate(
            secretariat_messages=Count(
                "messages", filter=~Q(messages__author_role="applicant")
            )
        )
        .order_by("-status_changed_at", "-pk")
    )


def application_get_for_user(*, user, pk: int) -> Application:
    try:
        return (
            Application.objects.select_related(
                "scheme__phase", "factory", "organisation", "etsp"
            )
            .filter(organisation__memberships__user=user)
            .get(pk=pk)
        )
    except Application.DoesNotExist as exc:
        raise Http404 from exc


def application_timeline(*, application: Application) -> QuerySet[StatusChange]:
    return application.status_changes.select_related("actor").order_by(
        "created_at", "pk"
    )


def application_messages(*, application: Application) -> QuerySet[ApplicationMessage]:
    return application.messages.select_related("author").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.filter(removed_at=None))
    )


def open_information_request(*, application: Application) -> ApplicationMessage | None:
    """The Secretariat's latest request, while the application waits for the answer."""
    if application.status != ApplicationStatus.INFO_REQUESTED:
        return None
    return (
        application.messages.filter(kind="information_request")
        .order_by("-created_at", "-pk")
        .first()
    )


def version_list(*, application: Application) -> QuerySet[ApplicationVersion]:
    return application.versions.select_related("submitted_by").order_by("number")


def version_get_for_user(*, user, pk: int, number: int) -> ApplicationVersion:
    application = application_get_for_user(user=user, pk=pk)
    try:
        return application.versions.select_related("submitted_by").get(number=number)
    except ApplicationVersion.DoesNotExist as exc:
        raise Http404 from exc


def other_open_applications(
    *, factory: Factory, scheme: FundingScheme, exclude_pk: int | None
) -> list[str]:
    """References (or "draft") of the factory's other open applications for the scheme."""
    others = Application.objects.filter(
        factory=factory, scheme=scheme, status__in=OPEN_STATUSES
    ).exclude(pk=exclude_pk)
    return [a.reference or str(a.get_status_display()) for a in others]


def earlier_assessments(
    *, factory: Factory, exclude_pk: int | None
) -> list[EarlierAssessment]:
    """The factory's funded on-site assessments in the portal (approved or later)."""
    funded = (
        ApplicationStatus.APPROVED,
        ApplicationStatus.IN_PROGRESS,
        ApplicationStatus.FINAL_REPORT_SUBMITTED,
        ApplicationStatus.COMPLETED,
        ApplicationStatus.CLOSED,
    )
    rows = (
        Application.objects.filter(
            factory=factory, scheme__kind=SchemeKind.ASSESSMENT, status__in=funded
        )
        .exclude(pk=exclude_pk)
        .values_list("reference", "status", "completed_on")
    )
    finished = {ApplicationStatus.COMPLETED, ApplicationStatus.CLOSED}
    return [
        EarlierAssessment(
            reference=reference or "",
            completed_on=completed_on if status in finished else None,
        )
        for reference, status, completed_on in rows
    ]


# --- Attachments --------------------------------------------------------------------


def attachment_get_for_user(*, user, uuid: UUID) -> Attachment:
    """A file its organisation's members (or the Secretariat) may download."""
    attachments = Attachment.objects.select_related("application")
    if not is_secretariat(user):
        attachments = attachments.filter(organisation__memberships__user=user)
    try:
        return attachments.get(uuid=uuid)
    except Attachment.DoesNotExist as exc:
        raise Http404 from exc


def attachment_list_current(**owner) -> QuerySet[Attachment]:
    """Files not removed, of one owner: organisation=, factory=, application= or message=."""
    return Attachment.objects.filter(removed_at=None, **owner)


def organisation_evidence(*, organisation: Organisation) -> QuerySet[Attachment]:
    return attachment_list_current(
        organisation=organisation,
        factory=None,
        application=None,
        message=None,
    )


def factory_evidence(*, factory: Factory) -> QuerySet[Attachment]:
    return attachment_list_current(factory=factory, application=None, message=None)


def application_documents(*, application: Application) -> QuerySet[Attachment]:
    """The application's own documents (not those sent with an answer)."""
    return attachment_list_current(application=application, message=None).exclude(
        kind__in=["answer", "report_evidence", "receipt"]
    )


def pending_post_award_files(
    *, application: Application, kind: str
) -> QuerySet[Attachment]:
    """Evidence or receipts uploaded for a report or claim not sent yet."""
    return attachment_list_current(
        application=application, kind=kind, report=None, claim=None
    )


def pending_answer_files(*, application: Application) -> QuerySet[Attachment]:
    """Files uploaded for an answer that has not been sent yet."""
    return attachment_list_current(application=application, message=None, kind="answer")


# --- After the decision (what the applicant may see) ------------------------------


def post_award_for_applicant(*, application: Application) -> dict:
    """The decision in force, reports, claims and payments: never the assessment,
    the audit trail or the Secretariat's internal notes."""
    from django.db.models import Sum

    decision = application.decisions.order_by("-number").first()
    if decision is None:
        return {"decision": None}
    paid = application.disbursements.aggregate(total=Sum("amount_hkd"))["total"]
    return {
        "decision": decision,
        "reports": list(application.reports.order_by("kind", "number")),
        "claims": list(application.claims.order_by("number")),
        "payments": list(application.disbursements.order_by("paid_on", "pk")),
        "paid_total": paid or 0,
    }
