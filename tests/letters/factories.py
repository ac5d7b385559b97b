"""Applications at the committee's decision, and their decisions, for the letters'
and reminders' tests (the workflow's own services arrive with issue 4)."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from applications.models import (
    Application,
    ApplicationStatus,
    Decision,
    DecisionOutcome,
)
from tests.applications.factories import (
    FactoryFactory,
    MembershipFactory,
    SchemeFactory,
)
from tests.factories import UserFactory


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A submitted OA application waiting for the committee's decision."""

    class Meta:
        model = Application

    organisation = factory.LazyAttribute(
        lambda o: MembershipFactory(user__language=o.language).organisation
    )
    scheme = factory.SubFactory(SchemeFactory)
    created_by = factory.LazyAttribute(
        lambda o: o.organisation.memberships.first().user
    )
    status = ApplicationStatus.VETTING
    reference = factory.Sequence(lambda n: f"OA-2026-{n + 1:04d}")
    submitted_at = factory.LazyFunction(timezone.now)
    title = "Energy and chemical use assessment of the plating line"
    eligible_cost_hkd = Decimal("60000")
    funding_share = Decimal("0.5")
    ceiling_hkd = Decimal("28000")
    requested_grant_hkd = Decimal("28000")

    class Params:
        language = "en"

    # Last: the name "factory" hides the module for the rest of the class body.
    factory = factory.LazyAttribute(
        lambda o: FactoryFactory(organisation=o.organisation)
    )


class DecisionFactory(factory.django.DjangoModelFactory):
    """An approval within the share and ceiling; ``rejected=True`` for a refusal."""

    class Meta:
        model = Decision

    class Params:
        rejected = factory.Trait(
            outcome=DecisionOutcome.REJECTED,
            approved_eligible_cost_hkd=None,
            funding_share=None,
            ceiling_hkd=None,
            approved_amount_hkd=None,
            conditions="",
            reasons="The expected savings are not supported by the utility bills.",
        )

    application = factory.SubFactory(ApplicationFactory)
    number = 1
    outcome = DecisionOutcome.APPROVED
    approved_eligible_cost_hkd = Decimal("60000")
    funding_share = Decimal("0.5")
    ceiling_hkd = Decimal("28000")
    approved_amount_hkd = Decimal("28000")
    conditions = "Submit the assessment report of the service provider."
    project_start = factory.LazyFunction(lambda: timezone.localdate())
    project_end = factory.LazyFunction(
        lambda: timezone.localdate() + timedelta(days=90)
    )
    final_report_due_on = factory.LazyFunction(
        lambda: timezone.localdate() + timedelta(days=150)
    )
    claim_due_on = factory.LazyFunction(
        lambda: timezone.localdate() + timedelta(days=180)
    )
    meeting_reference = "PMC 2026/11"
    decided_by = factory.LazyFunction(lambda: UserFactory(role="Secretariat"))


def issued_letter_for(user):
    """An issued letter of the user's organisation (made one if they have none)."""
    from django.core.files.base import ContentFile

    from applications.demo import sample_pdf
    from applications.models import Membership
    from letters.models import LetterRequest, LetterStatus

    membership = Membership.objects.filter(user=user).first() or MembershipFactory(
        user=user
    )
    decision = DecisionFactory(application__organisation=membership.organisation)
    letter = LetterRequest(
        decision=decision,
        application=decision.application,
        version=1,
        language="en",
        addressee=user,
        status=LetterStatus.DONE,
        rendered_at=timezone.now(),
    )
    letter.file.save("letter.pdf", ContentFile(sample_pdf("Letter")), save=False)
    letter.save()
    return letter
