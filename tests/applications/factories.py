"""Factories for the applications app's models."""

import io
import zipfile
from datetime import timedelta
from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from applications.demo import sample_pdf
from applications.models import (
    ConnectionTest,
    Factory,
    FundingScheme,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    Phase,
    SchemeKind,
)
from providers.models import ServiceProvider


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    code = factory.Sequence(lambda n: f"phase-{n}")
    name = factory.Sequence(lambda n: f"Phase {n}")
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=60))
    budget_hkd = Decimal("150000000")


class SchemeFactory(factory.django.DjangoModelFactory):
    """The open phase's rules as programme.md gives them; OA by default."""

    class Meta:
        model = FundingScheme

    class Params:
        demonstration = factory.Trait(
            kind=SchemeKind.DEMONSTRATION,
            code="DP",
            label="Demonstration Project",
            ceiling_hkd=Decimal("330000"),
            max_duration_months=12,
            admits_workshop=True,
        )
        association = factory.Trait(
            kind=SchemeKind.ASSOCIATION,
            code="OS",
            label="Organization Support Initiative",
            funding_share=Decimal("0.9"),
            ceiling_hkd=None,
            max_duration_months=12,
            admits_business=False,
            admits_association=True,
        )

    phase = factory.SubFactory(PhaseFactory)
    kind = SchemeKind.ASSESSMENT
    code = "OA"
    label = "On-site Improvement Assessment"
    funding_share = Decimal("0.5")
    ceiling_hkd = Decimal("28000")
    max_duration_months = 3
    admits_business = True
    admits_workshop = False
    admits_association = False


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = OrganisationKind.BUSINESS
    name_en = factory.Sequence(lambda n: f"Factory Owner {n} Limited")
    name_zh = "廠東有限公司"
    br_number = factory.Sequence(lambda n: f"{30000000 + n:08d}")
    address = "1 Industrial Road, Kwun Tong"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory("tests.factories.UserFactory", role="Applicant")
    role = MembershipRole.ADMINISTRATOR


class FactoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Factory

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Plant {n}")
    address = "8 Industrial Road"
    location = "hk-kwun-tong"
    connection_test = ConnectionTest.HK_FACTORY
    industry = "metal"
    employees = 40
    main_processes = "Stamping and plating"


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceProvider

    name = factory.Sequence(lambda n: f"Provider {n} Ltd")


# --- Files ------------------------------------------------------------------------


def pdf_file(name: str = "quotation.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, sample_pdf("Test document"))


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "JPEG")
    return buffer.getvalue()


def office_bytes(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    return office_bytes({"word/document.xml": b"<w:document/>"})


def xlsx_bytes() -> bytes:
    return office_bytes({"xl/workbook.xml": b"<workbook/>"})
