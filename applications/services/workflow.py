"""The Secretariat's writes: moves, assignments, assessments, decisions, post-award.

Every function here is what both the admin's single-object screens and its batch
actions call, so a batch does exactly what the same number of single moves would:
one transaction per application, its e-mails queued with ``transaction.on_commit``.
"""

from datetime import date
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import is_secretariat
from letters.services import letter_request_for_decision

from .. import rules, tasks, workflow
from ..errors import ApplicationError, TransitionNotAllowed
from ..models import (
    Actor,
    Application,
    ApplicationMessage,
    ApplicationStatus,
    Attachment,
    AuditAction,
    AuditEntry,
    ClaimStatus,
    Decision,
    DecisionOutcome,
    Disbursement,
    MessageKind,
    PaymentClaim,
    ProjectReport,
    Recommendation,
    ReportFuel,
    ReportKind,
    ReportStatus,
    TechnicalAssessment,
)
from .applications import _lock, application_transition

S = ApplicationStatus
CENT = Decimal("0.01")


def _require_secretariat(user) -> None:
    if user is None or not is_secretariat(user):
        raise TransitionNotAllowed(_("Only the Secretariat can do this."))


def _audit(application, action: str, user, note: str = "", **data) -> AuditEntry:
    return AuditEntry.objects.create(
        application=application,
        action=action,
        actor=user,
        note=note,
        data={k: str(v) if v is not None else None for k, v in data.items()},
    )


def _notice(application, user, body: str) -> ApplicationMessage:
    """A message the applicant reads on the application's page."""
    return ApplicationMessage.objects.create(
        application=application,
        kind=MessageKind.NOTICE,
        author=user,
        author_role=Actor.SECRETARIAT,
        body=body,
        notified_at=timezone.now(),  # shown on the dashboard, not e-mailed
    )


def _refuse_move(from_status: str, to_status: str) -> TransitionNotAllowed:
    return TransitionNotAllowed(
        _("An application that is “%(from)s” cannot be moved to “%(to)s”.")
        % {"from": S(from_status).label, "to": S(to_status).label}
    )


# --- Moves --------------------------------------------------------------------------


def _guard(application: Application, to_status: str) -> str | None:
    """What must be on record before a move, or None."""
    if to_status == S.VETTING and not application.assessments.exists():
        return _("Record the technical assessment before sending it to the committee.")
    if (
        to_status == S.COMPLETED
        and not application.reports.filter(
            kind=ReportKind.FINAL, status=ReportStatus.VERIFIED
        ).exists()
    ):
        return _("Verify the final report before completing the project.")
    if to_status == S.CLOSED:
        return closure_refusal(application)
    return None


def closure_refusal(application: Application) -> str | None:
    """A project closes when the final report is verified and the last payment made."""
    if not application.reports.filter(
        kind=ReportKind.FINAL, status=ReportStatus.VERIFIED
    ).exists():
        return _("The final report has not been verified.")
    if not application.claims.filter(is_final=True, status=ClaimStatus.PAID).exists():
        return _("The final payment claim has not been paid.")
    if application.claims.filter(
        status__in=[ClaimStatus.SUBMITTED, ClaimStatus.ACCEPTED]
    ).exists():
        return _("A payment claim is still open.")
    return None


def application_move(
    *, application: Application, user, to_status: str, note: str = ""
) -> Application:
    """The Secretariat moves an application one step, with the note the step needs.

    Moves that need a message, a decision or a report have their own services
    (``workflow.DEDICATED``) and are refused here.
    """
    _require_secretariat(user)
    note = (note or "").strip()
    if to_status in workflow.DEDICATED:
        raise TransitionNotAllowed(
            _("Use “%(action)s” for this step.")
            % {"action": DEDICATED_LABELS[to_status]}
        )
    with transaction.atomic():
        locked = _lock(application)
        if not workflow.can_transition(locked.status, to_status, Actor.SECRETARIAT):
            raise _refuse_move(locked.status, to_status)
        if workflow.note_required(locked.status, to_status) and not note:
            raise ApplicationError(_("Give the reason for this step."))
        refusal = _guard(locked, to_status)
        if refusal:
            raise ApplicationError(refusal)
        application_transition(
            application=locked,
            to_status=to_status,
            actor=user,
            role=Actor.SECRETARIAT,
            reason=note,
        )
    application.refresh_from_db()
    return application


DEDICATED_LABELS = {
    S.INFO_REQUESTED: _("Request information"),
    S.APPROVED: _("Record the decision"),
    S.REJECTED: _("Record the decision"),
    S.FINAL_REPORT_SUBMITTED: _("Record the final report"),
}


def application_assign(
    *, application: Application, user, case_officer=None, technical_assessor=None
) -> Application:
    """Name the case officer and/or the technical assessor (Secretariat users only)."""
    _require_secretariat(user)
    for person in (case_officer, technical_assessor):
        if person is not None and not is_secretariat(person):
            raise ApplicationError(_("Only Secretariat staff can be assigned."))
    with transaction.atomic():
        locked = _lock(application)
        changed = {}
        if case_officer is not None and locked.case_officer_id != case_officer.pk:
            locked.case_officer = case_officer
            changed["case_officer"] = case_officer.email
        if (
            technical_assessor is not None
            and locked.technical_assessor_id != technical_assessor.pk
        ):
            locked.technical_assessor = technical_assessor
            changed["technical_assessor"] = technical_assessor.email
        if changed:
            locked.save(
                update_fields=["case_officer", "technical_assessor", "updated_at"]
            )
            _audit(locked, AuditAction.ASSIGNED, user, **changed)
    application.refresh_from_db()
    return application


def assessment_record(
    *,
    application: Application,
    user,
    baseline_score: int,
    technology_score: int,
    cost_score: int,
    benefit_score: int,
    recommendation: str,
    comments: str,
    recommended_eligible_cost_hkd: Decimal | None = None,
) -> TechnicalAssessment:
    """The technical assessment of an application under technical assessment."""
    _require_secretariat(user)
    scores = [baseline_score, technology_score, cost_score, benefit_score]
    if any(not (1 <= int(s) <= 5) for s in scores):
        raise ApplicationError(_("Each score is from 1 to 5."))
    if recommendation not in Recommendation.values:
        raise ApplicationError(_("Choose a recommendation."))
    if not (comments or "").strip():
        raise ApplicationError(_("Give the assessor's comments."))
    with transaction.atomic():
        locked = _lock(application)
        if locked.status != S.TECHNICAL_ASSESSMENT:
            raise ApplicationError(
                _("Only an application under technical assessment can be assessed.")
            )
        if (
            recommended_eligible_cost_hkd is not None
            and recommended_eligible_cost_hkd > locked.eligible_cost_hkd
        ):
            raise ApplicationError(
                _("The recommended cost cannot exceed the eligible cost applied for.")
            )
        assessment = TechnicalAssessment.objects.create(
            application=locked,
            assessor=user,
            baseline_score=baseline_score,
            technology_score=technology_score,
            cost_score=cost_score,
            benefit_score=benefit_score,
            recommendation=recommendation,
            recommended_eligible_cost_hkd=recommended_eligible_cost_hkd,
            comments=comments.strip(),
        )
        _audit(
            locked,
            AuditAction.ASSESSED,
            user,
            recommendation=recommendation,
            total_score=assessment.total_score,
        )
    return assessment


# --- The decision -------------------------------------------------------------------


def application_decide(
    *,
    application: Application,
    user,
    outcome: str,
    approved_eligible_cost_hkd: Decimal | None = None,
    approved_amount_hkd: Decimal | None = None,
    conditions: str = "",
    reasons: str = "",
    project_start: date | None = None,
    project_end: date | None = None,
    final_report_due_on: date | None = None,
    claim_due_on: date | None = None,
    meeting_reference: str = "",
) -> Decision:
    """Record the committee's decision and move the application to approved/rejected.

    One transaction with the application row locked; the grant comes from
    ``rules.grant_amount`` when no amount is given, and an amount above it, or above
    the ceiling, is refused (and checked again by the database).
    """
    _require_secretariat(user)
    if outcome not in DecisionOutcome.values:
        raise ApplicationError(_("Choose approve or reject."))
    approve = outcome == DecisionOutcome.APPROVED
    to_status = S.APPROVED if approve else S.REJECTED
    conditions, reasons = (conditions or "").strip(), (reasons or "").strip()
    with transaction.atomic():
        locked = _lock(application)
        if not workflow.can_transition(locked.status, to_status, Actor.SECRETARIAT):
            raise _refuse_move(locked.status, to_status)
        values = {
            "conditions": conditions,
            "reasons": reasons,
            "meeting_reference": (meeting_reference or "").strip(),
        }
        if approve:
            values |= _approval_values(
                locked,
                approved_eligible_cost_hkd=approved_eligible_cost_hkd,
                approved_amount_hkd=approved_amount_hkd,
                project_start=project_start,
                project_end=project_end,
                final_report_due_on=final_report_due_on,
                claim_due_on=claim_due_on,
            )
        elif not reasons:
            raise ApplicationError(_("Give the reasons for not approving."))
        number = (locked.decisions.aggregate(n=Max("number"))["n"] or 0) + 1
        decision = Decision.objects.create(
            application=locked,
            number=number,
            outcome=outcome,
            decided_by=user,
            **values,
        )
        # The letter of decision: a durable request in this same transaction, rendered
        # by Celery after commit (and by the letters sweep if Redis is down then).
        letter_request_for_decision(decision_id=decision.pk)
        application_transition(
            application=locked,
            to_status=to_status,
            actor=user,
            role=Actor.SECRETARIAT,
            reason=reasons if not approve else conditions,
        )
        _audit(
            locked,
            AuditAction.DECIDED,
            user,
            outcome=outcome,
            approved_amount_hkd=decision.approved_amount_hkd,
            meeting=decision.meeting_reference,
        )
        transaction.on_commit(partial(tasks.send_decision_notice.delay, decision.pk))
    application.refresh_from_db()
    return decision


def _approval_values(
    application: Application,
    *,
    approved_eligible_cost_hkd,
    approved_amount_hkd,
    project_start,
    project_end,
    final_report_due_on,
    claim_due_on,
) -> dict:
    scheme = application.scheme
    cost = (
        application.eligible_cost_hkd
        if approved_eligible_cost_hkd is None
        else Decimal(approved_eligible_cost_hkd)
    ).quantize(CENT)
    share = application.funding_share or scheme.funding_share
    ceiling = (
        application.ceiling_hkd if application.funding_share else scheme.ceiling_hkd
    )
    if cost < 0:
        raise ApplicationError(_("Amounts cannot be negative."))
    grant = rules.grant_amount(eligible_cost=cost, share=share, ceiling=ceiling)
    amount = grant if approved_amount_hkd is None else Decimal(approved_amount_hkd)
    refusals = rules.decision_amount_refusals(
        approved_cost=cost,
        requested_cost=application.eligible_cost_hkd,
        amount=amount,
        grant=grant,
    )
    if refusals:
        raise ApplicationError(refusals[0].message, refusals)
    start = project_start or application.planned_start
    end = project_end or application.planned_end
    if start and end:
        if end < start:
            raise ApplicationError(_("The project cannot end before it starts."))
        latest = rules.latest_completion(
            start=start, max_months=scheme.max_duration_months
        )
        if end > latest:
            raise ApplicationError(
                _("This scheme funds projects of up to %(months)s months.")
                % {"months": scheme.max_duration_months}
            )
    if end and final_report_due_on is None:
        final_report_due_on = rules.final_report_due(
            project_end=end, months=settings.FINAL_REPORT_DUE_MONTHS
        )
    if claim_due_on is None:
        claim_due_on = final_report_due_on
    return {
        "approved_eligible_cost_hkd": cost,
        "funding_share": share,
        "ceiling_hkd": ceiling,
        "approved_amount_hkd": amount.quantize(CENT),
        "project_start": start,
        "project_end": end,
        "final_report_due_on": final_report_due_on,
        "claim_due_on": claim_due_on,
    }


def decision_in_force(application: Application) -> Decision | None:
    return application.decisions.order_by("-number").first()


# --- Reports ------------------------------------------------------------------------


def _attach_pending(application, kind: str, **owner) -> None:
    """Files uploaded for the report or claim being sent become part of it, fixed."""
    Attachment.objects.filter(
        application=application,
        kind=kind,
        report=None,
        claim=None,
        removed_at=None,
    ).update(locked_at=timezone.now(), **owner)


REPORT_FIGURES = (
    "electricity",
    "water",
    "effluent",
    "nox",
    "so2",
    "pm",
    "voc",
)
REPORT_UNITS = {
    "electricity": "kwh",
    "water": "m3",
    "effluent": "m3",
    "nox": "kg",
    "so2": "kg",
    "pm": "kg",
    "voc": "kg",
}
REPORT_VALUE_FIELDS = frozenset(
    {"period_start", "period_end", "narrative"}
    | {
        f"{name}_{when}_{REPORT_UNITS[name]}"
        for name in REPORT_FIGURES
        for when in ("before", "after")
    }
)
POST_AWARD = (S.APPROVED, S.IN_PROGRESS, S.FINAL_REPORT_SUBMITTED, S.COMPLETED)


def _require_party(user, role: str, application: Application) -> None:
    if role == Actor.SECRETARIAT:
        _require_secretariat(user)
    else:
        from .common import require_member

        require_member(
            user, application.organisation_id, _("You cannot change this application.")
        )


def report_submit(
    *,
    application: Application,
    user,
    kind: str,
    values: dict,
    fuels: list[dict] = (),
    role: str = Actor.APPLICANT,
) -> ProjectReport:
    """A progress or final report with figures before and after.

    The applicant submits it, or the Secretariat records one received on paper. Every
    report submitted is kept: a returned report is answered by a new one. A final
    report moves the project to "final report submitted".
    """
    _require_party(user, role, application)
    unknown = set(values) - REPORT_VALUE_FIELDS
    if unknown:
        raise ValueError(f"not report fields: {sorted(unknown)}")
    if kind not in ReportKind.values:
        raise ApplicationError(_("Choose the kind of report."))
    with transaction.atomic():
        locked = _lock(application)
        if locked.status != S.IN_PROGRESS:
            raise ApplicationError(
                _("Reports can be submitted while the project is in progress.")
            )
        if any(
            value is not None and not isinstance(value, (str, date)) and value < 0
            for value in values.values()
        ):
            raise ApplicationError(_("Figures cannot be negative."))
        number = (
            locked.reports.filter(kind=kind).aggregate(n=Max("number"))["n"] or 0
        ) + 1
        decision = decision_in_force(locked)
        report = ProjectReport.objects.create(
            application=locked,
            kind=kind,
            number=number,
            status=ReportStatus.SUBMITTED,
            submitted_at=timezone.now(),
            due_on=decision.final_report_due_on
            if decision and kind == ReportKind.FINAL
            else None,
            **values,
        )
        ReportFuel.objects.bulk_create(
            ReportFuel(
                report=report,
                fuel=f["fuel"],
                unit=f["unit"],
                before=f["before"],
                after=f["after"],
            )
            for f in fuels
        )
        _attach_pending(locked, "report_evidence", report=report)
        if role == Actor.SECRETARIAT:
            _audit(locked, AuditAction.REPORT_RECORDED, user, report=str(report))
        if kind == ReportKind.FINAL:
            application_transition(
                application=locked,
                to_status=S.FINAL_REPORT_SUBMITTED,
                actor=user,
                role=role,
            )
    application.refresh_from_db()
    return report


def _lock_report(report: ProjectReport) -> ProjectReport:
    return ProjectReport.objects.select_for_update().get(pk=report.pk)


FUEL_FACTOR_CODES = {
    "diesel": ("diesel", "L"),
    "lpg": ("lpg", "kg"),
    "towngas": ("towngas", "unit"),
    "natural_gas": ("natural-gas", "m3"),
    "heavy_fuel_oil": ("heavy-fuel-oil", "kg"),
    "coal": ("coal", "kg"),
}


def _compute_savings(report: ProjectReport, application: Application) -> None:
    """Savings, reductions and CO2 from the measured figures and the Toolbox's
    documented emission factors (electricity: the factory's region's grid)."""
    from toolbox.models import EmissionFactor
    from toolbox.selectors import grid_factor_for

    def saved(before, after):
        return None if before is None or after is None else before - after

    report.electricity_saved_kwh = saved(
        report.electricity_before_kwh, report.electricity_after_kwh
    )
    report.water_saved_m3 = saved(report.water_before_m3, report.water_after_m3)
    report.effluent_reduced_m3 = saved(
        report.effluent_before_m3, report.effluent_after_m3
    )
    for name in ("nox", "so2", "pm", "voc"):
        setattr(
            report,
            f"{name}_reduced_kg",
            saved(
                getattr(report, f"{name}_before_kg"),
                getattr(report, f"{name}_after_kg"),
            ),
        )
    co2_kg = Decimal("0")
    used = {}
    factory = application.factory
    if report.electricity_saved_kwh is not None and factory is not None:
        region = "GD" if factory.location.startswith("gd-") else "HK"
        try:
            grid = grid_factor_for(region=region)
        except EmissionFactor.DoesNotExist:
            grid = None
        if grid is not None and grid.co2_kg_per_unit is not None:
            co2_kg += report.electricity_saved_kwh * grid.co2_kg_per_unit
            used[grid.code] = {
                "co2_kg_per_unit": str(grid.co2_kg_per_unit),
                "source": grid.source,
                "year": grid.year,
            }
    factors = {
        f.code: f
        for f in EmissionFactor.objects.filter(
            code__in=[c for c, _unit in FUEL_FACTOR_CODES.values()]
        )
    }
    fuels = list(report.fuels.all())
    for fuel in fuels:
        fuel.saved = fuel.before - fuel.after
        code, unit = FUEL_FACTOR_CODES.get(fuel.fuel, (None, None))
        factor = factors.get(code)
        if factor is not None and fuel.unit == unit and factor.co2_kg_per_unit:
            fuel_co2 = fuel.saved * factor.co2_kg_per_unit
            fuel.co2_avoided_tonnes = (fuel_co2 / 1000).quantize(Decimal("0.001"))
            co2_kg += fuel_co2
            used[code] = {
                "co2_kg_per_unit": str(factor.co2_kg_per_unit),
                "source": factor.source,
                "year": factor.year,
            }
        else:
            fuel.co2_avoided_tonnes = None
    ReportFuel.objects.bulk_update(fuels, ["saved", "co2_avoided_tonnes"])
    # None, not zero, when no figure had a documented factor to compute it from.
    report.co2_avoided_tonnes = (
        (co2_kg / 1000).quantize(Decimal("0.001")) if used else None
    )
    report.factors_used = used


def report_verify(*, report: ProjectReport, user, note: str = "") -> ProjectReport:
    """The Secretariat verifies a report; a verified final report completes the project."""
    _require_secretariat(user)
    with transaction.atomic():
        locked_app = _lock(report.application)
        locked = _lock_report(report)
        if locked.status != ReportStatus.SUBMITTED:
            raise ApplicationError(_("Only a submitted report can be verified."))
        _compute_savings(locked, locked_app)
        locked.status = ReportStatus.VERIFIED
        locked.verified_at = timezone.now()
        locked.verified_by = user
        locked.secretariat_comment = (note or "").strip()
        locked.save()
        _audit(locked_app, AuditAction.REPORT_VERIFIED, user, note, report=str(locked))
        if (
            locked.kind == ReportKind.FINAL
            and locked_app.status == S.FINAL_REPORT_SUBMITTED
        ):
            application_transition(
                application=locked_app,
                to_status=S.COMPLETED,
                actor=user,
                role=Actor.SECRETARIAT,
                reason=note,
            )
    report.refresh_from_db()
    return report


def report_return(*, report: ProjectReport, user, note: str) -> ProjectReport:
    """Return a report with what to change; the applicant sends a new one."""
    _require_secretariat(user)
    note = (note or "").strip()
    if not note:
        raise ApplicationError(_("Say what the applicant should change."))
    with transaction.atomic():
        locked_app = _lock(report.application)
        locked = _lock_report(report)
        if locked.status != ReportStatus.SUBMITTED:
            raise ApplicationError(_("Only a submitted report can be returned."))
        locked.status = ReportStatus.RETURNED
        locked.secretariat_comment = note
        locked.save(update_fields=["status", "secretariat_comment"])
        _audit(locked_app, AuditAction.REPORT_RETURNED, user, note, report=str(locked))
        _notice(
            locked_app,
            user,
            _("%(report)s returned: %(note)s")
            % {"report": locked.get_kind_display(), "note": note},
        )
        if (
            locked.kind == ReportKind.FINAL
            and locked_app.status == S.FINAL_REPORT_SUBMITTED
        ):
            application_transition(
                application=locked_app,
                to_status=S.IN_PROGRESS,
                actor=user,
                role=Actor.SECRETARIAT,
                reason=note,
            )
    report.refresh_from_db()
    return report


# --- Claims and payments ------------------------------------------------------------


def _paid_to_date(application: Application) -> Decimal:
    return application.disbursements.aggregate(t=Sum("amount_hkd"))["t"] or Decimal("0")


def claim_submit(
    *,
    application: Application,
    user,
    expenditure_hkd: Decimal,
    amount_hkd: Decimal,
    is_final: bool = False,
    role: str = Actor.APPLICANT,
) -> PaymentClaim:
    """A claim for part or the rest of the grant; never above what is left of it."""
    _require_party(user, role, application)
    with transaction.atomic():
        locked = _lock(application)
        if locked.status not in (S.IN_PROGRESS, S.FINAL_REPORT_SUBMITTED, S.COMPLETED):
            raise ApplicationError(
                _("Payment can be claimed once the project is under way.")
            )
        decision = decision_in_force(locked)
        claimed = locked.claims.filter(
            status__in=[ClaimStatus.SUBMITTED, ClaimStatus.ACCEPTED]
        ).aggregate(t=Sum("amount_hkd"))["t"] or Decimal("0")
        available = decision.approved_amount_hkd - _paid_to_date(locked) - claimed
        refusal = rules.claim_amount_refusal(
            amount=Decimal(amount_hkd),
            expenditure=Decimal(expenditure_hkd),
            share=decision.funding_share,
            available=available,
        )
        if refusal:
            raise ApplicationError(refusal.message)
        number = (locked.claims.aggregate(n=Max("number"))["n"] or 0) + 1
        claim = PaymentClaim.objects.create(
            application=locked,
            number=number,
            status=ClaimStatus.SUBMITTED,
            is_final=is_final,
            expenditure_hkd=expenditure_hkd,
            amount_hkd=amount_hkd,
            due_on=decision.claim_due_on,
            submitted_at=timezone.now(),
        )
        _attach_pending(locked, "receipt", claim=claim)
        if role == Actor.SECRETARIAT:
            _audit(locked, AuditAction.CLAIM_RECORDED, user, claim=str(claim))
    return claim


def _review_claim(claim, user, note, *, status, action, refusal) -> PaymentClaim:
    with transaction.atomic():
        locked_app = _lock(claim.application)
        locked = PaymentClaim.objects.select_for_update().get(pk=claim.pk)
        if locked.status != ClaimStatus.SUBMITTED:
            raise ApplicationError(refusal)
        locked.status = status
        locked.secretariat_comment = note
        locked.save(update_fields=["status", "secretariat_comment"])
        _audit(locked_app, action, user, note, claim=str(locked))
        if status == ClaimStatus.RETURNED:
            _notice(
                locked_app,
                user,
                _("Payment claim %(number)s returned: %(note)s")
                % {"number": locked.number, "note": note},
            )
    claim.refresh_from_db()
    return claim


def claim_accept(*, claim: PaymentClaim, user, note: str = "") -> PaymentClaim:
    _require_secretariat(user)
    return _review_claim(
        claim,
        user,
        (note or "").strip(),
        status=ClaimStatus.ACCEPTED,
        action=AuditAction.CLAIM_ACCEPTED,
        refusal=_("Only a submitted claim can be accepted."),
    )


def claim_return(*, claim: PaymentClaim, user, note: str) -> PaymentClaim:
    """Return a claim with what to change; the applicant sends a new one."""
    _require_secretariat(user)
    note = (note or "").strip()
    if not note:
        raise ApplicationError(_("Say what the applicant should change."))
    return _review_claim(
        claim,
        user,
        note,
        status=ClaimStatus.RETURNED,
        action=AuditAction.CLAIM_RETURNED,
        refusal=_("Only a submitted claim can be returned."),
    )


def disbursement_record(
    *,
    claim: PaymentClaim,
    user,
    amount_hkd: Decimal,
    paid_on: date,
    payment_reference: str,
) -> Disbursement:
    """Record a payment on an accepted claim. Paid never exceeds approved: refused
    here with a message, and by the database's check if anything slips past."""
    _require_secretariat(user)
    amount = Decimal(amount_hkd).quantize(CENT)
    if not (payment_reference or "").strip():
        raise ApplicationError(_("Give the payment reference."))
    with transaction.atomic():
        locked_app = _lock(claim.application)
        locked = PaymentClaim.objects.select_for_update().get(pk=claim.pk)
        if locked.status != ClaimStatus.ACCEPTED:
            raise ApplicationError(_("Only an accepted claim can be paid."))
        decision = decision_in_force(locked_app)
        paid = _paid_to_date(locked_app)
        paid_on_claim = locked.disbursements.aggregate(t=Sum("amount_hkd"))[
            "t"
        ] or Decimal("0")
        refusal = rules.payment_refusal(
            amount=amount,
            paid_to_date=paid,
            approved=decision.approved_amount_hkd,
            claim_outstanding=locked.amount_hkd - paid_on_claim,
        )
        if refusal:
            raise ApplicationError(refusal.message)
        disbursement = Disbursement.objects.create(
            application=locked_app,
            claim=locked,
            amount_hkd=amount,
            approved_amount_hkd=decision.approved_amount_hkd,
            paid_to_date_hkd=paid + amount,
            paid_on=paid_on,
            payment_reference=payment_reference.strip(),
            recorded_by=user,
        )
        if paid_on_claim + amount == locked.amount_hkd:
            locked.status = ClaimStatus.PAID
            locked.save(update_fields=["status"])
        _audit(
            locked_app,
            AuditAction.DISBURSED,
            user,
            amount_hkd=amount,
            paid_to_date_hkd=paid + amount,
            reference=disbursement.payment_reference,
        )
        # The last payment of a completed project closes it.
        if locked_app.status == S.COMPLETED and closure_refusal(locked_app) is None:
            application_transition(
                application=locked_app,
                to_status=S.CLOSED,
                actor=user,
                role=Actor.SECRETARIAT,
                reason=_("Final report verified and final payment made."),
            )
    return disbursement
