"""Demo data of the Recognition Scheme: the four categories' rules, three cycles (last
year's with published results and certificates, this year's on public notice with an
objection, next year's open for applications) and the demo organisations' applications
in them. Idempotent: rows are found by natural keys before they are made."""

import io
from datetime import timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import User
from applications.demo import sample_pdf
from applications.models import Factory
from pages.models import RecognitionCategory

from . import rules, services
from .models import (
    Application,
    Award,
    CategoryRule,
    Cycle,
    EvidenceKind,
    ImprovementArea,
    Measure,
    Objection,
    Recommendation,
    SiteVisit,
    Status,
    StatusChange,
    Unit,
)

RULES = {
    "excellent-manufacturing": (Unit.FACTORY, "EM"),
    "manufacturing": (Unit.FACTORY, "PM"),
    "supply-chain": (Unit.ORGANISATION, "SC"),
    "technology-service": (Unit.ORGANISATION, "TS"),
}
PATH = {
    Status.SUBMITTED: [Status.SUBMITTED],
    Status.ON_NOTICE: [
        Status.SUBMITTED,
        Status.DOCUMENTS_CHECKED,
        Status.SITE_VISITED,
        Status.RECOMMENDED,
        Status.ON_NOTICE,
    ],
}
PATH[Status.AWARDED] = [*PATH[Status.ON_NOTICE], Status.AWARDED]

MEASURES = {
    "Dongguan metal finishing plant": [
        (
            "Counter-flow rinsing on the plating line",
            ImprovementArea.WATER,
            "Three-stage counter-flow rinse tanks with conductivity control replaced "
            "single overflow rinses.",
            "m³ of water a year",
            Decimal("36000"),
            Decimal("24500"),
            Decimal("180000"),
        ),
        (
            "Variable-speed air compressor and leak repairs",
            ImprovementArea.ENERGY,
            "A 75 kW variable-speed compressor replaced two fixed-speed units; a leak "
            "survey fixed 46 leaks.",
            "kWh a year",
            Decimal("410000"),
            Decimal("298000"),
            Decimal("260000"),
        ),
    ],
    "Kwun Tong printing workshop": [
        (
            "Low-VOC vegetable-based inks",
            ImprovementArea.AIR,
            "Mineral-oil inks replaced by vegetable-based low-VOC inks on both presses.",
            "kg VOC a year",
            Decimal("2100"),
            Decimal("900"),
            None,
        ),
    ],
    "Tuen Mun sauce factory": [
        (
            "Condensate recovery and boiler economiser",
            ImprovementArea.ENERGY,
            "Steam condensate returned to the boiler feed tank; an economiser heats "
            "feed water from the flue gas.",
            "Towngas units a year",
            Decimal("90000"),
            Decimal("74000"),
            Decimal("150000"),
        ),
    ],
}


def seed(*, stdout=None) -> None:
    for code, (unit, serial_code) in RULES.items():
        category = RecognitionCategory.objects.filter(code=code).first()
        if category is not None:
            CategoryRule.objects.get_or_create(
                category=category, defaults={"unit": unit, "code": serial_code}
            )
    if CategoryRule.objects.count() < len(RULES):
        return
    cycles = _cycles()
    secretariat = User.objects.filter(email="secretariat@example.com").first()
    plants = {f.name: f for f in Factory.objects.select_related("organisation")}
    needed = (
        "Dongguan metal finishing plant",
        "Kwun Tong printing workshop",
        "Tuen Mun sauce factory",
    )
    if not all(name in plants for name in needed):
        return  # the applications demo has not made its organisations
    dongguan, kwun_tong, tuen_mun = (plants[name] for name in needed)
    past, notice, open_ = cycles

    # Last year: three recognised partners with certificates.
    for factory, code, language in (
        (dongguan, "manufacturing", "en"),
        (tuen_mun, "excellent-manufacturing", "zh-hant"),
        (kwun_tong, "manufacturing", "zh-hans"),
    ):
        _application(past, factory, code, Status.AWARDED, language, secretariat)
    for award in Award.objects.filter(application__cycle=past):
        if award.certificate_generated_at is None:
            services.award_produce_certificate(award_id=award.pk)
            Award.objects.filter(pk=award.pk).update(notified_at=timezone.now())

    # This year: the proposed list on public notice, with one objection to decide.
    _application(
        notice, dongguan, "excellent-manufacturing", Status.ON_NOTICE, "en", secretariat
    )
    harbour = _application(
        notice,
        tuen_mun,
        "excellent-manufacturing",
        Status.ON_NOTICE,
        "zh-hant",
        secretariat,
    )
    if not harbour.objections.exists():
        Objection.objects.create(
            application=harbour,
            name="Wong Ka Ming",
            organisation="Tuen Mun residents' concern group",
            email="wong.km@example.com",
            grounds="Steam and cooking smells from the factory's exhaust were reported "
            "to the Environmental Protection Department this summer.",
            language="zh-hant",
            acknowledged_at=timezone.now(),
        )

    # Next year: a draft at the Kwun Tong workshop, with a measure and evidence.
    _draft(open_, kwun_tong)


def _cycles() -> list[Cycle]:
    today = timezone.localdate()
    now = timezone.now()

    def days(n):
        return today + timedelta(days=n)

    plans = [
        (today.year - 1, -240, -180, -170, -120, -110, -100, -60, now, now),
        (today.year, -150, -90, -80, -40, -20, -2, 30, now, None),
        (today.year + 1, -10, 45, 55, 100, 110, 120, 160, None, None),
    ]
    cycles = []
    for year, opens, closes, rev1, rev2, committee, notice, ceremony, pub, res in plans:
        cycle, _created = Cycle.objects.get_or_create(
            year=year,
            defaults={
                "opens_on": days(opens),
                "closes_on": days(closes),
                "review_starts_on": days(rev1),
                "review_ends_on": days(rev2),
                "committee_meets_on": days(committee),
                "notice_starts_on": days(notice),
                "notice_days": 7,
                "ceremony_on": days(ceremony),
                "notice_published_at": pub,
                "results_published_at": res,
            },
        )
        cycles.append(cycle)
    return cycles


def _application(cycle, factory, code, status, language, secretariat) -> Application:
    existing = cycle.applications.filter(factory=factory).first()
    if existing is not None:
        return existing
    category = RecognitionCategory.objects.get(code=code)
    organisation = factory.organisation
    member = organisation.memberships.select_related("user").first()
    number = services._next_number(year=cycle.year, code=rules.REFERENCE_CODE)
    application = Application.objects.create(
        cycle=cycle,
        category=category,
        organisation=organisation,
        factory=factory,
        created_by=member.user if member else None,
        status=status,
        reference=rules.format_reference(year=cycle.year, number=number),
        submitted_at=timezone.now() - timedelta(days=30),
        language=language,
        acknowledged_at=timezone.now(),
        summary=(
            "A cleaner production committee led by the plant manager meets monthly. "
            "Energy, water and chemicals are metered per line and reviewed against "
            "targets; all operators receive cleaner production training each year."
        ),
        declares_no_convictions=True,
        declares_information_true=True,
        documents_checked_on=cycle.review_starts_on,
        document_check_notes="Business registration, licences and bills complete.",
        committee_decided_on=cycle.committee_meets_on,
        committee_notes="Measured results verified on site.",
    )
    _measures(application)
    SiteVisit.objects.create(
        application=application,
        visited_on=cycle.review_starts_on + timedelta(days=10),
        assessors="HKPC: Leung Wai Kit; Guangdong Cleaner Production Association: Li Na",
        findings="Measures in place and working; meter records match the figures given.",
        recommendation=Recommendation.RECOMMEND,
        recorded_by=secretariat,
    )
    previous = Status.DRAFT
    for step in PATH[status]:
        StatusChange.objects.create(
            application=application,
            from_status=previous,
            to_status=step,
            by=secretariat if step != Status.SUBMITTED else application.created_by,
        )
        previous = step
    if status == Status.AWARDED:
        rule = category.rule
        serial = services._next_number(year=cycle.year, code=rule.code)
        Award.objects.create(
            application=application,
            serial=rules.format_serial(year=cycle.year, code=rule.code, number=serial),
            awarded_on=cycle.notice_ends_on + timedelta(days=1),
            valid_until=rules.valid_until(
                awarded_on=cycle.notice_ends_on + timedelta(days=1),
                years=cycle.label_valid_years,
            ),
        )
    return application


def _measures(application) -> None:
    for title, area, description, unit, before, after, investment in MEASURES[
        application.factory.name
    ]:
        Measure.objects.create(
            application=application,
            title=title,
            area=area,
            description=description,
            implemented_on=application.cycle.opens_on - timedelta(days=200),
            unit=unit,
            before=before,
            after=after,
            investment_hkd=investment,
        )


def _draft(cycle, factory) -> None:
    if cycle.applications.filter(factory=factory).exists():
        return
    member = factory.organisation.memberships.select_related("user").first()
    if member is None or not cycle.is_open():
        return
    application = services.application_create_draft(
        user=member.user,
        cycle=cycle,
        category=RecognitionCategory.objects.get(code="manufacturing"),
        factory=factory,
    )
    application.summary = (
        "Since 2024 the workshop has tracked ink, solvent and electricity use per job."
    )
    application.save(update_fields=["summary"])
    _measures(application)
    services.evidence_add(
        application=application,
        user=member.user,
        upload=SimpleUploadedFile(
            "Ink purchase records 2024-2025.pdf",
            sample_pdf("Ink purchase records 2024-2025"),
        ),
        kind=EvidenceKind.DATA,
        description="Ink purchases before and after the change",
    )
    services.evidence_add(
        application=application,
        user=member.user,
        upload=SimpleUploadedFile("press-room.png", _photo()),
        kind=EvidenceKind.PHOTO,
        description="The press room after the change",
    )


def _photo() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (11, 107, 58)).save(buffer, format="PNG")
    return buffer.getvalue()
