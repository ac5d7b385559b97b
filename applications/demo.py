"""Demo data: the programme's phases (published history and an open phase around
today), two applicant organisations, their factories and applications in several
states. Idempotent: every row is found by a natural key before it is made."""

from datetime import date, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from accounts.roles import APPLICANT
from providers.models import ServiceProvider

from . import services
from .models import (
    Application,
    ApplicationMessage,
    ApplicationStatus,
    ApplicationVersion,
    Attachment,
    ConnectionTest,
    Factory,
    FuelType,
    FuelUnit,
    FundingScheme,
    Organisation,
    OrganisationKind,
    Phase,
    SchemeKind,
)
from .uploads import check_upload

OA, DP, OS = SchemeKind.ASSESSMENT, SchemeKind.DEMONSTRATION, SchemeKind.ASSOCIATION

# (code, names, opens, closes, budget, schemes); schemes are
# (kind, code, labels en/zh-hant/zh-hans, share, ceiling, months, business, workshop, association)
LABELS = {
    OA: ("On-site Improvement Assessment", "實地評估", "实地评估"),
    DP: ("Demonstration Project", "示範項目", "示范项目"),
    OS: ("Organization Support Initiative", "機構支援計劃", "机构支援计划"),
}
HISTORY = [
    (
        "phase-2",
        ("Phase 2 (2013–2015)", "第二期（2013–2015）", "第二期（2013–2015）"),
        date(2013, 4, 1),
        date(2015, 3, 31),
        "50000000",
        [
            (OA, "OA", None, "0.5", "25000", 3, True, False, False),
            (DP, "DP", None, "0.5", "300000", 12, True, True, False),
        ],
    ),
    (
        "phase-3",
        ("Phase 3 (2015–2020)", "第三期（2015–2020）", "第三期（2015–2020）"),
        date(2015, 6, 15),
        date(2020, 3, 31),
        "150000000",
        [
            (OA, "OA", None, "0.5", "28000", 3, True, False, False),
            (DP, "DP", None, "0.5", "330000", 12, True, True, False),
            (OS, "OS", None, "0.9", None, 12, False, False, True),
        ],
    ),
    (
        "phase-4",
        ("Phase 4 (2020–2025)", "第四期（2020–2025）", "第四期（2020–2025）"),
        date(2020, 4, 1),
        date(2025, 3, 31),
        "311000000",
        [
            (OA, "OA", None, "0.5", "45000", 3, True, False, False),
            (
                DP,
                "DP(i)",
                (
                    "Demonstration Project (i): wider adoption of proven technologies",
                    "示範項目（一）：推廣應用成熟技術",
                    "示范项目（一）：推广应用成熟技术",
                ),
                "0.5",
                "450000",
                12,
                True,
                True,
                False,
            ),
            (
                DP,
                "DP(ii)",
                (
                    "Demonstration Project (ii): research and innovation",
                    "示範項目（二）：研發及創新技術",
                    "示范项目（二）：研发及创新技术",
                ),
                "0.5",
                "650000",
                12,
                True,
                True,
                False,
            ),
            (OS, "OS", None, "0.9", None, 12, False, False, True),
        ],
    ),
    (
        "phase-5",
        (
            "Phase 5 (2025–2026): new CP technologies",
            "第五期（2025–2026）：清潔生產新技術",
            "第五期（2025–2026）：清洁生产新技术",
        ),
        date(2025, 4, 1),
        date(2026, 3, 31),
        "100000000",
        [(DP, "DP", None, "0.5", "650000", 12, True, True, False)],
    ),
]
OPEN_PHASE_SCHEMES = [
    (OA, "OA", None, "0.5", "28000", 3, True, False, False),
    (DP, "DP", None, "0.5", "330000", 12, True, True, False),
    (OS, "OS", None, "0.9", None, 12, False, False, True),
]


def _save_phase(code, names, opens, closes, budget, schemes) -> None:
    phase, _ = Phase.objects.update_or_create(
        code=code,
        defaults={
            "name_en": names[0],
            "name_zh_hant": names[1],
            "name_zh_hans": names[2],
            "opens_on": opens,
            "closes_on": closes,
            "budget_hkd": Decimal(budget),
        },
    )
    for order, (
        kind,
        scheme_code,
        labels,
        share,
        ceiling,
        months,
        biz,
        shop,
        assoc,
    ) in enumerate(schemes):
        labels = labels or LABELS[kind]
        FundingScheme.objects.update_or_create(
            phase=phase,
            code=scheme_code,
            defaults={
                "kind": kind,
                "label_en": labels[0],
                "label_zh_hant": labels[1],
                "label_zh_hans": labels[2],
                "funding_share": Decimal(share),
                "ceiling_hkd": Decimal(ceiling) if ceiling else None,
                "max_duration_months": months,
                "admits_business": biz,
                "admits_workshop": shop,
                "admits_association": assoc,
                "ordering": order,
            },
        )


def seed(*, stdout=None) -> None:
    for row in HISTORY:
        _save_phase(*row)
    _seed_open_phase()
    _seed_applicants()


def _seed_open_phase() -> None:
    # The demo's open phase keeps its window around the day the demo is loaded.
    today = timezone.localdate()
    if not Phase.objects.filter(code="open-intake").exists():
        _save_phase(
            "open-intake",
            ("Current intake", "本期申請", "本期申请"),
            today - timedelta(days=60),
            today + timedelta(days=120),
            "150000000",
            OPEN_PHASE_SCHEMES,
        )


# --- Applicants ---------------------------------------------------------------------


def sample_pdf(title: str) -> bytes:
    """A small, valid one-page PDF saying ``title`` (ASCII), for demo and test files."""
    text = title.replace("\\", "").replace("(", "").replace(")", "")
    stream = f"BT /F1 18 Tf 72 760 Td ({text}) Tj ET".encode("ascii", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


PROVIDERS = [
    (
        (
            "GreenPath Environmental Engineering Ltd",
            "綠徑環保工程有限公司",
            "绿径环保工程有限公司",
        ),
        "Energy audits, VOC treatment and heat recovery for factories in the Pearl River Delta.",
    ),
    (
        ("Delta Energy Services Co.", "三角洲能源服務公司", "三角洲能源服务公司"),
        "Compressed air, motors and boiler efficiency; metering and verification.",
    ),
]


def _providers() -> list[ServiceProvider]:
    providers = []
    for names, description in PROVIDERS:
        provider = ServiceProvider.objects.filter(name_en=names[0]).first()
        if provider is None:
            provider = ServiceProvider.objects.create(
                name_en=names[0],
                name_zh_hant=names[1],
                name_zh_hans=names[2],
                description_en=description,
                email="info@example.com",
            )
        providers.append(provider)
    return providers


def _user(email: str, name: str, language: str) -> User:
    user, created = User.objects.get_or_create(
        email=email, defaults={"full_name": name, "language": language}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(Group.objects.get(name=APPLICANT))
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _organisation(user: User, values: dict, contacts: list[dict]) -> Organisation:
    existing = Organisation.objects.filter(br_number=values["br_number"]).first()
    if existing is not None:
        return existing
    return services.organisation_create(user=user, values=values, contacts=contacts)


def _factory(user: User, organisation: Organisation, values: dict, fuels) -> Factory:
    existing = organisation.factories.filter(name=values["name"]).first()
    if existing is not None:
        return existing
    return services.factory_save(user=user, values=values, fuels=fuels)


def _file(user, organisation, kind, name, *, factory=None, application=None) -> None:
    owner = {"factory": factory, "application": application}
    if Attachment.objects.filter(
        organisation=organisation, kind=kind, original_name=name, **owner
    ).exists():
        return
    upload = SimpleUploadedFile(name, sample_pdf(name.rsplit(".", 1)[0]))
    services.attachment_add(
        user=user,
        organisation=organisation,
        upload=upload,
        checked=check_upload(upload),
        kind=kind,
        **owner,
    )


def _draft(
    user, organisation, scheme, title, values, lines
) -> tuple[Application, bool]:
    existing = organisation.applications.filter(title=title).first()
    if existing is not None:
        return existing, False
    application = services.application_create_draft(user=user, scheme=scheme)
    services.application_save_step(
        application=application, user=user, values={"title": title, **values}
    )
    services.application_replace_cost_lines(
        application=application, user=user, lines=lines
    )
    return application, True


def _submit(user, application) -> None:
    services.application_submit(application=application, user=user)
    # Demo data sends no e-mail: mark the acknowledgement as done.
    ApplicationVersion.objects.filter(application=application).update(
        acknowledgement_sent_at=timezone.now()
    )


DECLARED = {
    "declares_no_double_funding": True,
    "declares_no_early_start": True,
    "declares_information_true": True,
    "declares_etsp_not_related": True,
}


def _seed_applicants() -> None:
    phase = Phase.objects.get(code="open-intake")
    schemes = {s.kind: s for s in FundingScheme.objects.filter(phase=phase)}
    if not phase.is_open() or len(schemes) < 3:
        return  # the demo's intake has closed; keep what exists
    etsp, etsp2 = _providers()
    user = User.objects.get(email="applicant@example.com")
    secretariat = User.objects.get(email="secretariat@example.com")
    organisation = _organisation(
        user,
        {
            "kind": OrganisationKind.BUSINESS,
            "name_en": "Pearl River Metalworks Limited",
            "name_zh": "珠江五金製品有限公司",
            "br_number": "12345678",
            "address": "Unit 1203, 12/F, Kwun Tong Industrial Centre, 472 Kwun Tong Road, Kowloon",
            "phone": "+852 2345 6789",
            "email": "office@pearlriver-metal.example",
            "website": "",
        },
        [
            {
                "name": "Chan Tai Man",
                "position": "Director",
                "phone": "+852 9123 4567",
                "email": "applicant@example.com",
            },
            {
                "name": "Ho Wing Sze",
                "position": "Plant engineer",
                "phone": "+86 769 8888 1234",
                "email": "engineer@pearlriver-metal.example",
            },
        ],
    )
    dongguan = _factory(
        user,
        organisation,
        {
            "name": "Dongguan metal finishing plant",
            "address": "8 Industrial Road, Chang'an Town, Dongguan, Guangdong",
            "location": "gd-dongguan",
            "connection_test": ConnectionTest.GD_WFOE,
            "industry": "metal",
            "industry_other": "",
            "employees": 180,
            "main_processes": "Stamping, degreasing, electroplating and powder coating of metal parts.",
            "baseline_year": 2025,
            "baseline_electricity_kwh": Decimal("2400000"),
            "baseline_water_m3": Decimal("36000"),
        },
        [
            {
                "fuel": FuelType.DIESEL,
                "description": "",
                "annual_quantity": Decimal("12000"),
                "unit": FuelUnit.LITRE,
            },
            {
                "fuel": FuelType.LPG,
                "description": "",
                "annual_quantity": Decimal("8000"),
                "unit": FuelUnit.KG,
            },
        ],
    )
    kwun_tong = _factory(
        user,
        organisation,
        {
            "name": "Kwun Tong printing workshop",
            "address": "Flat B, 5/F, Kwun Tong Industrial Centre, 472 Kwun Tong Road, Kowloon",
            "location": "hk-kwun-tong",
            "connection_test": ConnectionTest.HK_FACTORY,
            "industry": "printing",
            "industry_other": "",
            "employees": 35,
            "main_processes": "Offset printing of packaging, ink drying, solvent cleaning of rollers.",
            "baseline_year": 2025,
            "baseline_electricity_kwh": Decimal("420000"),
            "baseline_water_m3": Decimal("2400"),
        },
        [],
    )
    _file(user, organisation, "br_certificate", "BR certificate 2026.pdf")
    _file(
        user,
        organisation,
        "mainland_licence",
        "Dongguan business licence.pdf",
        factory=dongguan,
    )
    _file(user, organisation, "wfoe_approval", "WFOE approval.pdf", factory=dongguan)
    _file(
        user,
        organisation,
        "hk_premises",
        "Tenancy agreement Kwun Tong.pdf",
        factory=kwun_tong,
    )

    start = timezone.localdate() + timedelta(days=21)

    # A submitted on-site assessment of the Dongguan plant.
    oa, created = _draft(
        user,
        organisation,
        schemes[SchemeKind.ASSESSMENT],
        "Energy and chemical use assessment of the plating line",
        {
            "factory": dongguan,
            "planned_start": start,
            "planned_end": start + timedelta(days=75),
            "assessment_scope": "Plating line rectifiers, rinse water use, compressed air and the powder-coating oven.",
            "etsp": etsp,
            "etsp_quotation_ref": "GP-Q-2026-118",
            **DECLARED,
        },
        [
            {
                "item": "On-site assessment and report",
                "supplier": etsp.name_en,
                "quotation_ref": "GP-Q-2026-118",
                "amount_hkd": Decimal("58000"),
            }
        ],
    )
    if created:
        _file(
            user,
            organisation,
            "etsp_quotation",
            "GreenPath quotation GP-Q-2026-118.pdf",
            application=oa,
        )
        _submit(user, oa)

    # A demonstration project at the Dongguan plant, returned with a question.
    dp, created = _draft(
        user,
        organisation,
        schemes[SchemeKind.DEMONSTRATION],
        "Heat-pump drying for the powder-coating line",
        {
            "factory": dongguan,
            "planned_start": start,
            "planned_end": start + timedelta(days=240),
            "technology": "Replace the LPG-fired drying oven with a high-temperature heat pump and heat recovery.",
            "equipment": "80 kW heat pump, heat exchanger, controls and ducting.",
            "baseline_description": "The oven burns about 8,000 kg of LPG a year and runs 16 hours a day.",
            "expected_benefits": "No LPG for drying, about 40 % less energy, lower NOx and CO2.",
            "expected_electricity_saving_kwh": None,
            "expected_cost_saving_hkd": Decimal("95000"),
            "etsp": etsp2,
            "etsp_quotation_ref": "DES-2026-044",
            **DECLARED,
        },
        [
            {
                "item": "Heat pump and heat exchanger",
                "supplier": "Delta Energy Services Co.",
                "quotation_ref": "DES-2026-044",
                "amount_hkd": Decimal("520000"),
            },
            {
                "item": "Installation and commissioning",
                "supplier": "Delta Energy Services Co.",
                "quotation_ref": "DES-2026-044",
                "amount_hkd": Decimal("110000"),
            },
        ],
    )
    if created:
        _file(
            user,
            organisation,
            "equipment_quotation",
            "Delta quotation DES-2026-044.pdf",
            application=dp,
        )
        _file(
            user,
            organisation,
            "technical_proposal",
            "Heat pump proposal.pdf",
            application=dp,
        )
        _submit(user, dp)
        services.application_transition(
            application=dp,
            to_status=ApplicationStatus.SCREENING,
            actor=secretariat,
            role="secretariat",
        )
        services.application_request_information(
            application=dp,
            user=secretariat,
            body="Please send the LPG purchase records for the last 12 months, which "
            "show the baseline you give.",
        )
        ApplicationMessage.objects.filter(application=dp).update(
            notified_at=timezone.now()
        )

    # A draft at the Hong Kong workshop.
    _draft(
        user,
        organisation,
        schemes[SchemeKind.DEMONSTRATION],
        "Low-VOC inks and roller cleaning",
        {
            "factory": kwun_tong,
            "technology": "Switch to low-VOC inks and an enclosed roller washer.",
        },
        [],
    )

    # A second organisation, to try access by hand.
    other = _user("other@example.com", "Lam Siu Fong", "zh-hant")
    harbour = _organisation(
        other,
        {
            "kind": OrganisationKind.BUSINESS,
            "name_en": "Harbour Food Products Limited",
            "name_zh": "海港食品有限公司",
            "br_number": "87654321",
            "address": "18 Tsing Yi Road, Tsing Yi, New Territories",
            "phone": "+852 2456 7890",
            "email": "",
            "website": "",
        },
        [
            {
                "name": "Lam Siu Fong",
                "position": "Operations manager",
                "phone": "+852 9876 5432",
                "email": "other@example.com",
            }
        ],
    )
    tuen_mun = _factory(
        other,
        harbour,
        {
            "name": "Tuen Mun sauce factory",
            "address": "3 San On Street, Tuen Mun, New Territories",
            "location": "hk-tuen-mun",
            "connection_test": ConnectionTest.HK_FACTORY,
            "industry": "food",
            "industry_other": "",
            "employees": 60,
            "main_processes": "Cooking, bottling, steam cleaning.",
            "baseline_year": 2025,
            "baseline_electricity_kwh": Decimal("650000"),
            "baseline_water_m3": Decimal("18000"),
        },
        [
            {
                "fuel": FuelType.TOWNGAS,
                "description": "",
                "annual_quantity": Decimal("90000"),
                "unit": FuelUnit.TOWNGAS_UNIT,
            }
        ],
    )
    _draft(
        other,
        harbour,
        schemes[SchemeKind.ASSESSMENT],
        "Steam and water use assessment",
        {"factory": tuen_mun},
        [],
    )
    _seed_workflow(
        secretariat=secretariat,
        user=user,
        organisation=organisation,
        kwun_tong=kwun_tong,
        other=other,
        harbour=harbour,
        tuen_mun=tuen_mun,
        schemes=schemes,
        etsp=etsp,
        etsp2=etsp2,
        start=start,
    )


# --- The Secretariat's work in progress (issue 4) ------------------------------------

SCORES = {
    "baseline_score": 4,
    "technology_score": 4,
    "cost_score": 3,
    "benefit_score": 4,
    "recommendation": "conditions",
    "comments": "Baseline supported by 12 months of bills; quotation in line with "
    "two others for similar heat pumps. Recommend a sub-meter as a condition.",
}


def _to_assessment(application, secretariat) -> None:
    services.application_assign(
        application=application,
        user=secretariat,
        case_officer=secretariat,
        technical_assessor=secretariat,
    )
    services.application_move(
        application=application,
        user=secretariat,
        to_status=ApplicationStatus.SCREENING,
        note="Documents complete; eligible.",
    )
    services.application_move(
        application=application,
        user=secretariat,
        to_status=ApplicationStatus.TECHNICAL_ASSESSMENT,
    )


def _to_approved(application, secretariat, **decision) -> None:
    """From technical assessment: the assessment, vetting, and the committee's approval."""
    services.assessment_record(application=application, user=secretariat, **SCORES)
    services.application_move(
        application=application, user=secretariat, to_status=ApplicationStatus.VETTING
    )
    services.application_decide(
        application=application,
        user=secretariat,
        outcome="approved",
        **{"meeting_reference": "PMC meeting 2026/11", **decision},
    )


def _to_in_progress(application, secretariat, **decision) -> None:
    _to_assessment(application, secretariat)
    _to_approved(application, secretariat, **decision)
    services.application_move(
        application=application,
        user=secretariat,
        to_status=ApplicationStatus.IN_PROGRESS,
        note="Acceptance of the terms received.",
    )


def _seed_workflow(
    *,
    secretariat,
    user,
    organisation,
    kwun_tong,
    other,
    harbour,
    tuen_mun,
    schemes,
    etsp,
    etsp2,
    start,
) -> None:
    """Applications at the Secretariat's later stages: under assessment, in
    progress with a report, closed with its payment, and rejected. Demo data
    sends no e-mail (every notification is marked as sent)."""
    from .models import Decision, ReportKind

    _file(other, harbour, "br_certificate", "BR certificate Harbour Food.pdf")
    _file(
        other,
        harbour,
        "hk_premises",
        "Tenancy agreement Tuen Mun.pdf",
        factory=tuen_mun,
    )
    yuen_long = _factory(
        other,
        harbour,
        {
            "name": "Yuen Long noodle factory",
            "address": "22 Wang Lok Street, Yuen Long Industrial Estate, New Territories",
            "location": "hk-yuen-long",
            "connection_test": ConnectionTest.HK_FACTORY,
            "industry": "food",
            "industry_other": "",
            "employees": 45,
            "main_processes": "Dough mixing, steaming, drying and packing of noodles.",
            "baseline_year": 2025,
            "baseline_electricity_kwh": Decimal("380000"),
            "baseline_water_m3": Decimal("9000"),
        },
        [],
    )
    _file(
        other,
        harbour,
        "hk_premises",
        "Tenancy agreement Yuen Long.pdf",
        factory=yuen_long,
    )

    # Under technical assessment: an assessment of the Kwun Tong workshop.
    oa, created = _draft(
        user,
        organisation,
        schemes[SchemeKind.ASSESSMENT],
        "Solvent and energy assessment of the printing workshop",
        {
            "factory": kwun_tong,
            "planned_start": start,
            "planned_end": start + timedelta(days=80),
            "assessment_scope": "Roller cleaning solvents, ink drying and air compressors.",
            "etsp": etsp,
            "etsp_quotation_ref": "GP-Q-2026-131",
            **DECLARED,
        },
        [
            {
                "item": "On-site assessment and report",
                "supplier": etsp.name_en,
                "quotation_ref": "GP-Q-2026-131",
                "amount_hkd": Decimal("42000"),
            }
        ],
    )
    if created:
        _file(user, organisation, "etsp_quotation", "GP-Q-2026-131.pdf", application=oa)
        _submit(user, oa)
        _to_assessment(oa, secretariat)

    # In progress, with a verified progress report: a demonstration at Tuen Mun.
    dp, created = _draft(
        other,
        harbour,
        schemes[SchemeKind.DEMONSTRATION],
        "Condensate recovery for the steam boiler",
        {
            "factory": tuen_mun,
            "planned_start": start,
            "planned_end": start + timedelta(days=200),
            "technology": "Recover condensate and flash steam back to the boiler feed tank.",
            "equipment": "Condensate pumps, flash vessel, insulated return piping.",
            "baseline_description": "Condensate goes to drain; the boiler burns towngas.",
            "expected_benefits": "About 12 % less towngas and 3,000 m³ less water a year.",
            "expected_water_saving_m3": Decimal("3000"),
            "etsp": etsp2,
            "etsp_quotation_ref": "DES-2026-077",
            **DECLARED,
        },
        [
            {
                "item": "Condensate recovery system, installed",
                "supplier": "Delta Energy Services Co.",
                "quotation_ref": "DES-2026-077",
                "amount_hkd": Decimal("360000"),
            }
        ],
    )
    if created:
        _file(other, harbour, "equipment_quotation", "DES-2026-077.pdf", application=dp)
        _file(
            other,
            harbour,
            "technical_proposal",
            "Condensate proposal.pdf",
            application=dp,
        )
        _submit(other, dp)
        _to_in_progress(
            dp,
            secretariat,
            approved_eligible_cost_hkd=Decimal("340000"),
            conditions="Install a towngas sub-meter on the boiler before the project "
            "starts and report its readings monthly.",
        )
        report = services.report_submit(
            application=dp,
            user=other,
            kind=ReportKind.PROGRESS,
            values={
                "narrative": "Flash vessel and pumps installed; return piping half done.",
                "electricity_before_kwh": Decimal("650000"),
                "electricity_after_kwh": Decimal("641000"),
                "water_before_m3": Decimal("18000"),
                "water_after_m3": Decimal("16800"),
            },
            fuels=[
                {
                    "fuel": "towngas",
                    "unit": "unit",
                    "before": Decimal("90000"),
                    "after": Decimal("84000"),
                }
            ],
        )
        services.report_verify(
            report=report, user=secretariat, note="Readings checked."
        )

    # Closed: an assessment at Yuen Long, reported, paid and closed.
    done, created = _draft(
        other,
        harbour,
        schemes[SchemeKind.ASSESSMENT],
        "Energy assessment of the noodle drying line",
        {
            "factory": yuen_long,
            "planned_start": start,
            "planned_end": start + timedelta(days=60),
            "assessment_scope": "Steamers, dryers and compressed air.",
            "etsp": etsp,
            "etsp_quotation_ref": "GP-Q-2026-140",
            **DECLARED,
        },
        [
            {
                "item": "On-site assessment and report",
                "supplier": etsp.name_en,
                "quotation_ref": "GP-Q-2026-140",
                "amount_hkd": Decimal("50000"),
            }
        ],
    )
    if created:
        _file(other, harbour, "etsp_quotation", "GP-Q-2026-140.pdf", application=done)
        _submit(other, done)
        _to_in_progress(done, secretariat)
        report = services.report_submit(
            application=done,
            user=other,
            kind=ReportKind.FINAL,
            values={
                "narrative": "Assessment report delivered; dryer heat recovery "
                "recommended and fitted.",
                "electricity_before_kwh": Decimal("380000"),
                "electricity_after_kwh": Decimal("342000"),
            },
        )
        services.report_verify(report=report, user=secretariat)
        claim = services.claim_submit(
            application=done,
            user=other,
            expenditure_hkd=Decimal("50000"),
            amount_hkd=Decimal("25000"),
            is_final=True,
        )
        services.claim_accept(claim=claim, user=secretariat)
        services.disbursement_record(
            claim=claim,
            user=secretariat,
            amount_hkd=Decimal("25000"),
            paid_on=timezone.localdate(),
            payment_reference="HKPC-PV-2026-0412",
        )

    # Rejected at screening.
    rejected, created = _draft(
        other,
        harbour,
        schemes[SchemeKind.DEMONSTRATION],
        "Solar panels on the office roof",
        {
            "factory": yuen_long,
            "planned_start": start,
            "planned_end": start + timedelta(days=120),
            "technology": "Rooftop solar panels for the office.",
            "equipment": "20 kW photovoltaic array and inverter.",
            "baseline_description": "Office lighting and air conditioning.",
            "expected_benefits": "Lower electricity bills.",
            "etsp": etsp2,
            "etsp_quotation_ref": "DES-2026-090",
            **DECLARED,
        },
        [
            {
                "item": "Photovoltaic array and inverter",
                "supplier": "Delta Energy Services Co.",
                "quotation_ref": "DES-2026-090",
                "amount_hkd": Decimal("180000"),
            }
        ],
    )
    if created:
        _file(
            other,
            harbour,
            "equipment_quotation",
            "DES-2026-090.pdf",
            application=rejected,
        )
        _file(
            other,
            harbour,
            "technical_proposal",
            "Solar proposal.pdf",
            application=rejected,
        )
        _submit(other, rejected)
        services.application_move(
            application=rejected,
            user=secretariat,
            to_status=ApplicationStatus.SCREENING,
        )
        services.application_decide(
            application=rejected,
            user=secretariat,
            outcome="rejected",
            reasons="The project concerns the office, not a production process, so it "
            "is outside the Demonstration Project's scope.",
        )
    # Demo data sends no e-mail.
    Decision.objects.filter(notified_at__isnull=True).update(notified_at=timezone.now())
    ApplicationMessage.objects.filter(notified_at__isnull=True).update(
        notified_at=timezone.now()
    )
