from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from applications import rules, services
from applications.models import ConnectionTest, OrganisationKind, SchemeKind
from applications.uploads import check_upload

from .factories import (
    FactoryFactory,
    MembershipFactory,
    PhaseFactory,
    ProviderFactory,
    SchemeFactory,
    pdf_file,
)

OA, DP, OS = SchemeKind.ASSESSMENT, SchemeKind.DEMONSTRATION, SchemeKind.ASSOCIATION
DECLARED = {
    "declares_no_double_funding": True,
    "declares_no_early_start": True,
    "declares_information_true": True,
    "declares_etsp_not_related": True,
}
DETAILS = {
    OA: {"assessment_scope": "The plating line", "etsp_quotation_ref": "Q-1"},
    DP: {
        "technology": "Heat pump drying",
        "equipment": "80 kW heat pump",
        "baseline_description": "LPG oven",
        "expected_benefits": "Less LPG",
        "etsp_quotation_ref": "Q-2",
    },
    OS: {"activities": "Two seminars", "target_audience": "Printers"},
}


@pytest.fixture
def phase(db):
    return PhaseFactory(code="open-intake", name="Current intake")


@pytest.fixture
def schemes(phase):
    return {
        OA: SchemeFactory(phase=phase),
        DP: SchemeFactory(phase=phase, demonstration=True),
        OS: SchemeFactory(phase=phase, association=True),
    }


@pytest.fixture
def member(db):
    return MembershipFactory()


@pytest.fixture
def user(member):
    return member.user


@pytest.fixture
def organisation(member):
    return member.organisation


@pytest.fixture
def hk_factory(organisation):
    return FactoryFactory(organisation=organisation, name="Kwun Tong plant")


@pytest.fixture
def gd_factory(organisation):
    return FactoryFactory(
        organisation=organisation,
        name="Dongguan plant",
        location="gd-dongguan",
        connection_test=ConnectionTest.GD_WFOE,
    )


@pytest.fixture
def provider(db):
    return ProviderFactory()


@pytest.fixture
def other_member(db):
    """A user of another organisation."""
    return MembershipFactory()


@pytest.fixture
def association_member(db):
    return MembershipFactory(
        organisation__kind=OrganisationKind.ASSOCIATION, organisation__br_number=""
    )


def upload(user, organisation, kind, **owner):
    file = pdf_file(f"{kind}.pdf")
    return services.attachment_add(
        user=user,
        organisation=organisation,
        upload=file,
        checked=check_upload(file),
        kind=kind,
        **owner,
    )


def build_ready_draft(*, user, scheme, factory=None, provider=None, amount="60000"):
    """A draft with every answer and document its scheme needs: ready to submit."""
    organisation = user.membership.organisation
    application = services.application_create_draft(user=user, scheme=scheme)
    start = timezone.localdate() + timedelta(days=7)
    values = {
        "title": "Cut energy use",
        "planned_start": start,
        "planned_end": start + timedelta(days=30),
        **DECLARED,
        **DETAILS[scheme.kind],
    }
    if scheme.kind != OS:
        values |= {"factory": factory, "etsp": provider}
    services.application_save_step(application=application, user=user, values=values)
    services.application_replace_cost_lines(
        application=application,
        user=user,
        lines=[{"item": "Work", "amount_hkd": Decimal(amount)}],
    )
    for kind in rules.ORGANISATION_EVIDENCE[organisation.kind]:
        if not organisation.attachments.filter(kind=kind).exists():
            upload(user, organisation, kind)
    if factory is not None:
        for kind in rules.CONNECTION_EVIDENCE[factory.connection_test]:
            if not factory.attachments.filter(kind=kind).exists():
                upload(user, organisation, kind, factory=factory)
    for kind in rules.SCHEME_DOCUMENTS[scheme.kind].required:
        upload(user, organisation, kind, application=application)
    application.refresh_from_db()
    return application


@pytest.fixture
def ready_draft(user, schemes, hk_factory, provider):
    """make(kind=OA, factory=hk_factory) -> a complete draft (OS: an association's)."""

    def make(kind=OA, factory=hk_factory, applicant=None, **options):
        if applicant is None:
            applicant = (
                user
                if kind != OS
                else MembershipFactory(
                    organisation__kind=OrganisationKind.ASSOCIATION,
                    organisation__br_number="",
                ).user
            )
        return build_ready_draft(
            user=applicant,
            scheme=schemes[kind],
            factory=factory if kind != OS else None,
            provider=provider,
            **options,
        )

    return make
