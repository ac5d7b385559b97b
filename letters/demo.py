"""Demo: an approved application of the demo applicant, with its letter, at once.

Until the workflow's decision service is wired in, the demo decision is recorded the
way that service will: status moves by ``application_transition`` and the Decision
and its letter request in the same transaction. The letter is rendered here, in
process, so that a newcomer sees it without a worker running.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from applications import rules
from applications import services as applications
from applications.demo import DECLARED, _draft, _file, _providers, _submit
from applications.models import (
    ApplicationStatus,
    Decision,
    DecisionOutcome,
    FundingScheme,
    Phase,
    SchemeKind,
)

from . import services
from .models import LetterRequest, LetterStatus

TITLE = "Compressed-air and lighting assessment of the printing workshop"
PATH = [
    ApplicationStatus.SCREENING,
    ApplicationStatus.TECHNICAL_ASSESSMENT,
    ApplicationStatus.VETTING,
    ApplicationStatus.APPROVED,
]


def seed(*, stdout=None) -> None:
    user = User.objects.filter(email="applicant@example.com").first()
    secretariat = User.objects.filter(email="secretariat@example.com").first()
    phase = Phase.objects.filter(code="open-intake").first()
    membership = getattr(user, "membership", None)
    if not (user and secretariat and phase and membership and phase.is_open()):
        return
    organisation = membership.organisation
    factory = organisation.factories.filter(name__startswith="Kwun Tong").first()
    scheme = FundingScheme.objects.filter(
        phase=phase, kind=SchemeKind.ASSESSMENT
    ).first()
    if factory is None or scheme is None:
        return
    application, created = _draft(
        user,
        organisation,
        scheme,
        TITLE,
        _answers(factory),
        [
            {
                "item": "Compressed-air leak survey and lighting audit",
                "supplier": _providers()[0].name_en,
                "quotation_ref": "GP-Q-2026-131",
                "amount_hkd": Decimal("48000"),
            }
        ],
    )
    if created:
        _file(
            user,
            organisation,
            "etsp_quotation",
            "GreenPath quotation GP-Q-2026-131.pdf",
            application=application,
        )
        _submit(user, application)
        _approve(application, secretariat)
    for letter in LetterRequest.objects.filter(
        application=application, status=LetterStatus.PENDING
    ):
        services.letter_render(request_id=letter.pk)


def _answers(factory) -> dict:
    start = timezone.localdate() + timedelta(days=14)
    return {
        "factory": factory,
        "planned_start": start,
        "planned_end": start + timedelta(days=80),
        "assessment_scope": "Compressed-air system (two 37 kW compressors, leaks, "
        "pressure setting) and the lighting of the press hall.",
        "etsp": _providers()[0],
        "etsp_quotation_ref": "GP-Q-2026-131",
        **DECLARED,
    }


def _approve(application, secretariat) -> None:
    for status in PATH:
        applications.application_transition(
            application=application,
            to_status=status,
            actor=secretariat,
            role="secretariat",
        )
    application.refresh_from_db()
    cost = application.eligible_cost_hkd
    share = application.scheme.funding_share
    ceiling = application.scheme.ceiling_hkd
    start = timezone.localdate() + timedelta(days=14)
    decision = Decision.objects.create(
        application=application,
        outcome=DecisionOutcome.APPROVED,
        approved_eligible_cost_hkd=cost,
        funding_share=share,
        ceiling_hkd=ceiling,
        approved_amount_hkd=rules.grant_amount(
            eligible_cost=cost, share=share, ceiling=ceiling
        ),
        conditions="The assessment report must give the measured leak rate and the "
        "payback of each recommended measure.",
        project_start=start,
        project_end=start + timedelta(days=80),
        final_report_due_on=start + timedelta(days=80 + 60),
        claim_due_on=start + timedelta(days=80 + 90),
        meeting_reference="PMC 2026/12",
        decided_by=secretariat,
    )
    letter = services.letter_request_for_decision(decision_id=decision.pk)
    # Demo data sends no e-mail.
    LetterRequest.objects.filter(pk=letter.pk).update(emailed_at=timezone.now())
