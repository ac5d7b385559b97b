from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import SECRETARIAT
from recognition import services
from recognition.models import Unit
from tests.applications.factories import (
    FactoryFactory,
    MembershipFactory,
    OrganisationFactory,
    pdf_file,
)
from tests.factories import UserFactory

from .factories import CategoryFactory, CycleFactory, RuleFactory


@pytest.fixture
def cycle(db):
    return CycleFactory()


@pytest.fixture
def categories(db):
    """The four categories with their rules, as the demo has them."""
    made = {}
    for code, unit, serial in (
        ("excellent-manufacturing", Unit.FACTORY, "EM"),
        ("manufacturing", Unit.FACTORY, "PM"),
        ("supply-chain", Unit.ORGANISATION, "SC"),
        ("technology-service", Unit.ORGANISATION, "TS"),
    ):
        category = CategoryFactory(
            code=code, name_en=f"Partner {code}", name_zh_hant=f"伙伴 {code}"
        )
        RuleFactory(category=category, unit=unit, code=serial)
        made[code] = category
    return made


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
def plant(organisation):
    return FactoryFactory(organisation=organisation, name="Kwun Tong plant")


@pytest.fixture
def other_member(db):
    return MembershipFactory(organisation=OrganisationFactory(name_en="Rival Limited"))


@pytest.fixture
def other_client(client_factory, other_member):
    return client_factory(other_member.user)


@pytest.fixture
def client_factory():
    from django.test import Client

    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def applicant_client(client_factory, user):
    return client_factory(user)


@pytest.fixture
def secretariat(db):
    return UserFactory(role=SECRETARIAT, is_staff=True)


@pytest.fixture
def staff_client(client_factory, secretariat):
    return client_factory(secretariat)


@pytest.fixture
def complete_draft(cycle, categories, user, plant):
    """A draft with everything it needs to be submitted."""

    def make(factory=None, category="manufacturing", owner=None):
        owner = owner or user
        application = services.application_create_draft(
            user=owner,
            cycle=cycle,
            category=categories[category],
            factory=factory if factory is not None else plant,
        )
        services.application_save(
            application=application,
            summary="A CP committee meets monthly.",
            earlier_project_ids=[],
            declares_no_convictions=True,
            declares_information_true=True,
            measures=[
                services.MeasureData(
                    title="Counter-flow rinsing",
                    area="water",
                    description="Three-stage rinse",
                    implemented_on=date(2025, 3, 1),
                    unit="m³ a year",
                    before=Decimal("36000"),
                    after=Decimal("24500"),
                )
            ],
        )
        services.evidence_add(
            application=application,
            user=owner,
            upload=pdf_file("water bills.pdf"),
            kind="data",
        )
        return application

    return make


def html_as_pdf(name: str = "evil.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"<html><script>alert(1)</script></html>")
