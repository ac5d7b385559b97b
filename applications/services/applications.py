"""Writes to applications: drafts, steps, costs, the workflow, submission and answers."""

from decimal import Decimal, InvalidOperation
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import is_secretariat

from .. import checks, rules, tasks, workflow
from ..errors import (
    ApplicationError,
    NotEditable,
    SubmissionRefused,
    TransitionNotAllowed,
)
from ..models import (
    Actor,
    Application,
    ApplicationMessage,
    ApplicationStatus,
    ApplicationVersion,
    Attachment,
    CostLine,
    FundingScheme,
    MessageKind,
    ReferenceCounter,
    SchemeKind,
    StatusChange,
)
from ..selectors import membership_for_user, open_information_request
from ..snapshots import build_snapshot
from ..steps import EDITABLE_FIELDS
from .common import require_member

S = ApplicationStatus


def _require_member(user, application: Application) -> None:
    require_member(
        user, application.organisation_id, _("You cannot change this application.")
    )


def _lock(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("scheme__phase", "factory", "organisation", "etsp")
        .get(pk=application.pk)
    )


def _require_editable(application: Application) -> None:
    if application.status not in workflow.EDITABLE:
        raise NotEditable(
            _("This application has been submitted and can no longer be changed.")
        )


# --- The workflow -------------------------------------------------------------------


def _check_actor(actor, role: str, application: Application) -> None:
    if role == Actor.APPLICANT:
        membership = membership_for_user(user=actor) if actor else None
        allowed = membership is not None and (
            membership.organisation_id == application.organisation_id
        )
    elif role == Actor.SECRETARIAT:
        allowed = actor is not None and is_secretariat(actor)
    else:
        allowed = actor is None
    if not allowed:
        raise TransitionNotAllowed(
            _("You cannot act on this application in this role.")
        )


def application_transition(
    *, application: Application, to_status: str, actor, role: str, reason: str = ""
) -> Application:
    """The one way to change a status: refuses what workflow.TRANSITIONS does not allow
    and writes the StatusChange row (actor, from, to, reason, when) in one transaction."""
    _check_actor(actor, role, application)
    with transaction.atomic():
        locked = _lock(application)
        from_status = locked.status
        if not workflow.can_transition(from_status, to_status, role):
            raise TransitionNotAllowed(
                _("An application that is “%(from)s” cannot be moved to “%(to)s”.")
                % {
                    "from": S(from_status).label,
                    "to": S(to_status).label,
                }
            )
        now = timezone.now()
        locked.status = to_status
        locked.status_changed_at = now
        fields = ["status", "status_changed_at", "updated_at"]
        if to_status == S.COMPLETED and locked.completed_on is None:
            locked.completed_on = timezone.localdate(now)
            fields.append("completed_on")
        locked.save(update_fields=fields)
        StatusChange.objects.create(
            application=locked,
            from_status=from_status,
            to_status=to_status,
            actor=actor,
            actor_role=role,
            reason=reason,
            created_at=now,
        )
    application.status = locked.status
    application.status_changed_at = locked.status_changed_at
    application.completed_on = locked.completed_on
    return application


# --- Drafts -------------------------------------------------------------------------

PREFILL_TARGET = {
    SchemeKind.ASSESSMENT: "assessment_scope",
    SchemeKind.DEMONSTRATION: "technology",
    SchemeKind.ASSOCIATION: "activities",
}


def _text(value, limit: int | None = None) -> str:
    text = value.strip() if isinstance(value, str) else ""
    return text[:limit] if limit else text


def _apply_prefill(application: Application, prefill: dict) -> list[CostLine]:
    """Fill a new draft from the CP Toolbox's session data (see views.new)."""
    application.title = _text(prefill.get("title"), 200)
    target = PREFILL_TARGET[application.scheme.kind]
    parts = [_text(prefill.get("summary"))]
    measures = [
        _text(m.get("name"), 200)
        for m in prefill.get("measures") or []
        if isinstance(m, dict) and _text(m.get("name"))
    ]
    if measures:
        parts.append(
            _("Measures chosen in the CP Toolbox:")
            + "\n"
            + "\n".join(f"- {name}" for name in measures)
        )
    benefits = _text(prefill.get("expected_benefits"))
    if application.scheme.kind == SchemeKind.DEMONSTRATION:
        application.expected_benefits = benefits
    elif benefits:
        parts.append(_("Expected benefits: %(benefits)s") % {"benefits": benefits})
    setattr(application, target, "\n\n".join(p for p in parts if p))
    try:
        cost = Decimal(str(prefill.get("estimated_cost_hkd"))).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError):
        return []
    if not cost.is_finite() or cost <= 0 or cost >= Decimal("1e10"):
        return []
    return [
        CostLine(
            application=application,
            item=_("Estimated cost from the CP Toolbox"),
            amount_hkd=cost,
        )
    ]


def application_create_draft(
    *, user, scheme: FundingScheme, prefill: dict | None = None, key=None
) -> Application:
    """Start a draft for the user's organisation under an open scheme.

    ``key`` (a UUID from the form) makes the call idempotent: a second call with the
    same key, even a concurrent one, returns the draft the first one made.
    """
    membership = membership_for_user(user=user)
    if membership is None:
        raise ApplicationError(_("Set up your organisation before you apply."))
    organisation = membership.organisation
    if key is not None:
        existing = _draft_with_key(organisation, key)
        if existing is not None:
            return existing
    refusal = rules.phase_refusal(
        opens_on=scheme.phase.opens_on,
        closes_on=scheme.phase.closes_on,
        on=timezone.localdate(),
        phase_name=scheme.phase.name,
    )
    if refusal:
        raise ApplicationError(refusal.message)
    if organisation.is_association or not (
        scheme.admits_business or scheme.admits_workshop
    ):
        # A business's factory decides workshop or not; that is checked on the step.
        refusal = rules.admission_refusal(
            kind=rules.applicant_kind(
                organisation_kind=organisation.kind, connection_test=None
            ),
            admits=rules.Admission.of(scheme),
            scheme_label=scheme.label,
        )
        if refusal:
            raise ApplicationError(refusal.message)
    try:
        with transaction.atomic():
            application = Application(
                organisation=organisation,
                scheme=scheme,
                created_by=user,
                funding_share=scheme.funding_share,
                ceiling_hkd=scheme.ceiling_hkd,
                creation_key=key,
            )
            lines = _apply_prefill(application, prefill) if prefill else []
            application.save()
            CostLine.objects.bulk_create(lines)
            _refresh_money(application)
            StatusChange.objects.create(
                application=application,
                from_status="",
                to_status=S.DRAFT,
                actor=user,
                actor_role=Actor.APPLICANT,
                created_at=application.created_at,
            )
    except IntegrityError:
        # A concurrent request with the same key committed first (the unique index
        # made this one wait for it): its draft is the answer.
        if key is None:
            raise
        existing = _draft_with_key(organisation, key)
        if existing is not None:
            return existing
        # Another organisation's key (never by chance: keys are random): start afresh.
        return application_create_draft(user=user, scheme=scheme, prefill=prefill)
    return application


def _draft_with_key(organisation, key) -> Application | None:
    return (
        Application.objects.filter(organisation=organisation, creation_key=key)
        .select_related("scheme__phase")
        .first()
    )


def application_save_step(
    *, application: Application, user, values: dict
) -> Application:
    """Save the given answers of a draft (or of an application returned for information)."""
    _require_member(user, application)
    unknown = set(values) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable by the applicant: {sorted(unknown)}")
    factory = values.get("factory")
    if factory is not None and factory.organisation_id != application.organisation_id:
        raise ApplicationError(_("Choose one of your organisation's factories."))
    try:
        with transaction.atomic():
            locked = _lock(application)
            _require_editable(locked)
            for name, value in values.items():
                setattr(locked, name, value)
            if "factory" in values:
                locked.needs_committee_decision = bool(
                    locked.factory and locked.factory.needs_committee_decision
                )
            locked.save()
    except IntegrityError as exc:
        raise ApplicationError(
            _(
                "This factory already has an open application under this scheme. "
                "Finish or withdraw it before applying again."
            )
        ) from exc
    for name, value in values.items():
        setattr(application, name, value)
    return application


def application_replace_cost_lines(
    *, application: Application, user, lines: list[dict]
) -> Application:
    """Replace the cost lines and recompute the requested grant on the server."""
    _require_member(user, application)
    with transaction.atomic():
        locked = _lock(application)
        _require_editable(locked)
        locked.cost_lines.all().delete()
        CostLine.objects.bulk_create(
            CostLine(
                application=locked,
                item=line["item"],
                supplier=line.get("supplier", ""),
                quotation_ref=line.get("quotation_ref", ""),
                amount_hkd=line["amount_hkd"],
            )
            for line in lines
        )
        _refresh_money(locked)
    application.refresh_from_db()
    return application


def _refresh_money(application: Application) -> None:
    """Eligible cost, share, ceiling and grant from the cost lines (rules.grant_amount)."""
    scheme = application.scheme
    total = application.cost_lines.aggregate(total=Sum("amount_hkd"))["total"]
    total = total or Decimal("0")
    grant = rules.grant_amount(
        eligible_cost=total, share=scheme.funding_share, ceiling=scheme.ceiling_hkd
    )
    refusal = rules.grant_ceiling_refusal(grant=grant, ceiling=scheme.ceiling_hkd)
    if refusal:
        raise ApplicationError(refusal.message)
    application.eligible_cost_hkd = total
    application.funding_share = scheme.funding_share
    application.ceiling_hkd = scheme.ceiling_hkd
    application.requested_grant_hkd = grant.quantize(Decimal("0.01"))
    application.save(
        update_fields=[
            "eligible_cost_hkd",
            "funding_share",
            "ceiling_hkd",
            "requested_grant_hkd",
            "updated_at",
        ]
    )


# --- Submission ---------------------------------------------------------------------


def reference_allocate(*, kind: str, year: int) -> str:
    """The next reference of a scheme kind and year, e.g. OA-2026-0001; race-safe.

    Call inside a transaction: the counter row stays locked until it commits.
    """
    ReferenceCounter.objects.bulk_create(
        [ReferenceCounter(kind=kind, year=year)], ignore_conflicts=True
    )
    counter = ReferenceCounter.objects.select_for_update().get(kind=kind, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{kind}-{year}-{counter.last_number:04d}"


def _record_version(application: Application, user, now) -> ApplicationVersion:
    snapshot = build_snapshot(application)
    number = (application.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = ApplicationVersion.objects.create(
        application=application,
        number=number,
        submitted_at=now,
        submitted_by=user,
        content=snapshot,
        requested_grant_hkd=application.requested_grant_hkd,
    )
    # The files submitted are part of the record from now on.
    Attachment.objects.filter(
        uuid__in=[d["uuid"] for d in snapshot["documents"]], locked_at=None
    ).update(locked_at=now)
    return version


def _freeze(application: Application) -> None:
    """What a submission fixes from the current data: the money, the committee's flag."""
    _refresh_money(application)
    application.needs_committee_decision = bool(
        application.factory and application.factory.needs_committee_decision
    )
    application.save(update_fields=["needs_committee_decision", "updated_at"])


def _refuse_if_problems(application: Application, **options) -> None:
    problems = checks.application_problems(application=application, **options)
    if problems:
        raise SubmissionRefused(
            _("The application cannot be sent yet. Put right what is listed."), problems
        )


def application_submit(*, application: Application, user) -> ApplicationVersion:
    """Check, number, freeze and submit a draft; the acknowledgement goes after commit."""
    _require_member(user, application)
    with transaction.atomic():
        locked = _lock(application)
        if locked.status != S.DRAFT:
            raise NotEditable(_("This application has already been submitted."))
        today = timezone.localdate()
        _refuse_if_problems(locked, on=today)
        _freeze(locked)
        now = timezone.now()
        locked.reference = reference_allocate(kind=locked.scheme.kind, year=today.year)
        locked.submitted_at = now
        locked.save(update_fields=["reference", "submitted_at", "updated_at"])
        version = _record_version(locked, user, now)
        application_transition(
            application=locked, to_status=S.SUBMITTED, actor=user, role=Actor.APPLICANT
        )
        transaction.on_commit(
            partial(tasks.send_submission_acknowledgement.delay, version.pk)
        )
    application.refresh_from_db()
    return version


def application_withdraw(
    *, application: Application, user, reason: str = ""
) -> Application:
    """The applicant withdraws before a decision (the workflow table says when)."""
    return application_transition(
        application=application,
        to_status=S.WITHDRAWN,
        actor=user,
        role=Actor.APPLICANT,
        reason=reason,
    )


# --- Requests for information -------------------------------------------------------


def application_request_information(
    *, application: Application, user, body: str
) -> ApplicationMessage:
    """The Secretariat asks the applicant for more information: the message shows on
    the applicant's dashboard and goes by e-mail to every member after commit."""
    body = (body or "").strip()
    if not body:
        raise ApplicationError(_("Write what the applicant should send or change."))
    with transaction.atomic():
        application_transition(
            application=application,
            to_status=S.INFO_REQUESTED,
            actor=user,
            role=Actor.SECRETARIAT,
            reason=body,
        )
        message = ApplicationMessage.objects.create(
            application=application,
            kind=MessageKind.INFORMATION_REQUEST,
            author=user,
            author_role=Actor.SECRETARIAT,
            body=body,
        )
        transaction.on_commit(partial(tasks.send_information_request.delay, message.pk))
    return message


def application_answer_information_request(
    *, application: Application, user, body: str
) -> ApplicationMessage:
    """Answer the Secretariat's request: re-check, keep a new version, back to screening."""
    _require_member(user, application)
    with transaction.atomic():
        locked = _lock(application)
        if locked.status != S.INFO_REQUESTED:
            raise NotEditable(_("There is no request for information to answer."))
        # The rules apply as on the day of the first submission; the window may close.
        _refuse_if_problems(
            locked,
            on=timezone.localdate(locked.submitted_at),
            check_phase_window=False,
        )
        _freeze(locked)
        now = timezone.now()
        version = _record_version(locked, user, now)
        message = ApplicationMessage.objects.create(
            application=locked,
            kind=MessageKind.ANSWER,
            author=user,
            author_role=Actor.APPLICANT,
            body=body,
            in_reply_to=open_information_request(application=locked),
            version=version,
            created_at=now,
        )
        Attachment.objects.filter(
            application=locked, kind="answer", message=None, removed_at=None
        ).update(message=message, locked_at=now)
        application_transition(
            application=locked, to_status=S.SCREENING, actor=user, role=Actor.APPLICANT
        )
        transaction.on_commit(
            partial(tasks.notify_secretariat_of_answer.delay, message.pk)
        )
    application.refresh_from_db()
    return message
