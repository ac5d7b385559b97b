"""Demo data for EPD's dashboard: a programme history to report on.

Eighteen Hong Kong businesses with a factory each and two trade associations applied
in phases 3 to 5; their applications were decided, paid and reported on, so every
figure, chart and table of ``/reports/`` shows something real. Rows are written
directly (this is history, not a workflow to replay) from a fixed pseudo-random
sequence, once: a second run finds the first organisation and changes nothing.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from applications.models import (
    Application,
    ApplicationStatus,
    ConnectionTest,
    Decision,
    DecisionOutcome,
    Disbursement,
    Factory,
    FuelType,
    FuelUnit,
    FundingScheme,
    Organisation,
    OrganisationKind,
    ProjectReport,
    ReportFuel,
    ReportKind,
    ReportStatus,
    SchemeKind,
)
from applications.rules import grant_amount
from applications.services.applications import reference_allocate

S = ApplicationStatus
BR_PREFIX = "99"  # the demo history's Business Registration numbers: 99000001...
CO2_KG_PER_KWH = Decimal("0.7")
# (name, Chinese name, industry, location)
BUSINESSES = [
    ("Kowloon Bay Printing Company", "九龍灣印刷公司", "printing", "hk-kwun-tong"),
    ("Tsuen Wan Dyeing Works", "荃灣染廠", "textiles", "hk-tsuen-wan"),
    ("Shing Mun Food Products", "城門食品", "food", "hk-kwai-tsing"),
    ("Tai Po Paper Converters", "大埔紙品", "paper", "hk-tai-po"),
    ("Yuen Long Metal Finishing", "元朗金屬表面處理", "metal", "hk-yuen-long"),
    ("Dongguan Precision Plating", "東莞精密電鍍", "metal", "gd-dongguan"),
    ("Shenzhen Circuit Chemicals", "深圳電路化工", "chemical", "gd-shenzhen"),
    ("Foshan Ceramic Tiles", "佛山陶瓷磚", "non_metallic", "gd-foshan"),
    ("Zhongshan Furniture Makers", "中山傢俬", "furniture", "gd-zhongshan"),
    ("Huizhou Garment Manufacturing", "惠州製衣", "textiles", "gd-huizhou"),
    ("Jiangmen Food Canning", "江門罐頭食品", "food", "gd-jiangmen"),
    ("Guangzhou Packaging Print", "廣州包裝印刷", "printing", "gd-guangzhou"),
    ("Zhuhai Paperboard", "珠海紙板", "paper", "gd-zhuhai"),
    ("Dongguan Toy Moulding", "東莞玩具注塑", "other", "gd-dongguan"),
    ("Shenzhen Electronics Assembly", "深圳電子裝嵌", "other", "gd-shenzhen"),
    ("Foshan Aluminium Extrusion", "佛山鋁型材", "metal", "gd-foshan"),
    ("Kwai Chung Chemical Blending", "葵涌化工調配", "chemical", "hk-kwai-tsing"),
    ("Qingyuan Glass Works", "清遠玻璃廠", "non_metallic", "gd-qingyuan"),
]
ASSOCIATIONS = [
    ("Hong Kong Printers Association (demo)", "香港印刷業商會（示範）"),
    ("Federation of Plating Industries (demo)", "電鍍業聯會（示範）"),
]
# Per phase: (scheme code, how many, statuses to draw from)
FINISHED = [S.COMPLETED, S.COMPLETED, S.CLOSED, S.CLOSED, S.REJECTED, S.WITHDRAWN]
PLAN = {
    "phase-3": [("OA", 10, FINISHED), ("DP", 8, FINISHED), ("OS", 2, [S.CLOSED])],
    "phase-4": [
        ("OA", 10, FINISHED),
        ("DP(i)", 8, [*FINISHED, S.IN_PROGRESS, S.FINAL_REPORT_SUBMITTED]),
        ("DP(ii)", 4, [S.COMPLETED, S.IN_PROGRESS, S.REJECTED]),
        ("OS", 2, [S.COMPLETED, S.IN_PROGRESS]),
    ],
    "phase-5": [
        (
            "DP",
            8,
            [
                S.APPROVED,
                S.IN_PROGRESS,
                S.VETTING,
                S.TECHNICAL_ASSESSMENT,
                S.REJECTED,
                S.SCREENING,
            ],
        ),
    ],
}
DECIDED = {
    S.APPROVED,
    S.IN_PROGRESS,
    S.FINAL_REPORT_SUBMITTED,
    S.COMPLETED,
    S.CLOSED,
    S.REJECTED,
}
REPORTED = {S.COMPLETED, S.CLOSED}


def seed(*, stdout=None) -> None:
    if Organisation.objects.filter(br_number=f"{BR_PREFIX}000001").exists():
        return
    schemes = {
        (s.phase.code, s.code): s
        for s in FundingScheme.objects.select_related("phase").filter(
            phase__code__in=PLAN
        )
    }
    secretariat = User.objects.filter(email="secretariat@example.com").first()
    if secretariat is None or len(schemes) < 8:
        return  # applications' demo data is not there: nothing to report on
    with transaction.atomic():
        _seed_history(schemes, secretariat)
    if stdout is not None:
        stdout.write("Reports: programme history for the EPD dashboard.\n")


def _aware(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def _organisations():
    businesses, associations = [], []
    for n, (name, name_zh, industry, location) in enumerate(BUSINESSES, start=1):
        organisation = Organisation.objects.create(
            kind=OrganisationKind.BUSINESS,
            name_en=f"{name} Limited",
            name_zh=f"{name_zh}有限公司",
            br_number=f"{BR_PREFIX}{n:06d}",
            address="Hong Kong",
        )
        hk = location.startswith("hk-")
        factory = Factory.objects.create(
            organisation=organisation,
            name=f"{name} plant",
            address="Hong Kong" if hk else "Guangdong",
            location=location,
            connection_test=ConnectionTest.HK_FACTORY if hk else ConnectionTest.GD_WFOE,
            industry=industry,
            industry_other="Toys and electronics" if industry == "other" else "",
            employees=40 + 20 * n,
            main_processes="Production line with boilers, compressed air and drying.",
        )
        businesses.append((organisation, factory))
    for n, (name, name_zh) in enumerate(ASSOCIATIONS, start=len(BUSINESSES) + 1):
        associations.append(
            Organisation.objects.create(
                kind=OrganisationKind.ASSOCIATION,
                name_en=name,
                name_zh=name_zh,
                br_number=f"{BR_PREFIX}{n:06d}",
                address="Hong Kong",
            )
        )
    return businesses, associations


def _seed_history(schemes, secretariat) -> None:
    rng = random.Random(8)  # noqa: S311 - demo figures, not security
    businesses, associations = _organisations()
    turn = 0
    for phase_code, plan in PLAN.items():
        for scheme_code, count, statuses in plan:
            scheme = schemes[(phase_code, scheme_code)]
            for i in range(count):
                status = statuses[i % len(statuses)]
                if scheme.kind == SchemeKind.ASSOCIATION:
                    organisation, factory = associations[i % len(associations)], None
                else:
                    organisation, factory = businesses[turn % len(businesses)]
                    turn += 1
                _application(rng, scheme, organisation, factory, status, secretariat)


def _cost(rng, scheme) -> Decimal:
    if scheme.kind == SchemeKind.ASSESSMENT:
        return Decimal(rng.randrange(36, 110) * 1000)
    if scheme.kind == SchemeKind.ASSOCIATION:
        return Decimal(rng.randrange(150, 600) * 1000)
    return Decimal(rng.randrange(300, 1600) * 1000)


def _application(rng, scheme, organisation, factory, status, secretariat) -> None:
    phase = scheme.phase
    window = (phase.closes_on - phase.opens_on).days
    submitted_on = phase.opens_on + timedelta(
        days=rng.randrange(0, max(window - 30, 1))
    )
    cost = _cost(rng, scheme)
    requested = grant_amount(
        eligible_cost=cost, share=scheme.funding_share, ceiling=scheme.ceiling_hkd
    )
    application = Application.objects.create(
        organisation=organisation,
        scheme=scheme,
        factory=factory,
        status=status,
        status_changed_at=_aware(submitted_on + timedelta(days=90)),
        reference=reference_allocate(kind=scheme.kind, year=submitted_on.year),
        submitted_at=_aware(submitted_on),
        title=f"{scheme.get_kind_display()} · {organisation.name_en}",
        eligible_cost_hkd=cost,
        funding_share=scheme.funding_share,
        ceiling_hkd=scheme.ceiling_hkd,
        requested_grant_hkd=requested,
        **_declared(),
    )
    if status not in DECIDED:
        return
    decided_on = submitted_on + timedelta(days=rng.randrange(35, 150))
    if status == S.REJECTED:
        Decision.objects.create(
            application=application,
            outcome=DecisionOutcome.REJECTED,
            reasons="The expected benefits were not shown.",
            decided_by=secretariat,
            decided_at=_aware(decided_on, 15),
        )
        return
    approved_cost = (cost * Decimal(rng.choice(["1", "0.9", "0.8"]))).quantize(
        Decimal("1")
    )
    grant = grant_amount(
        eligible_cost=approved_cost,
        share=scheme.funding_share,
        ceiling=scheme.ceiling_hkd,
    )
    months = scheme.max_duration_months
    decision = Decision.objects.create(
        application=application,
        outcome=DecisionOutcome.APPROVED,
        approved_eligible_cost_hkd=approved_cost,
        funding_share=scheme.funding_share,
        ceiling_hkd=scheme.ceiling_hkd,
        approved_amount_hkd=grant,
        project_start=decided_on + timedelta(days=30),
        project_end=decided_on + timedelta(days=30 + 30 * months),
        decided_by=secretariat,
        decided_at=_aware(decided_on, 15),
    )
    if status == S.APPROVED:
        return
    end = decision.project_end
    if status == S.IN_PROGRESS:
        if scheme.kind != SchemeKind.ASSESSMENT:
            _pay(application, grant, [Decimal("0.3")], decided_on, secretariat)
        return
    _pay(
        application,
        grant,
        [Decimal("0.3"), Decimal("0.7")]
        if scheme.kind != SchemeKind.ASSESSMENT
        else [Decimal("1")],
        end,
        secretariat,
    )
    report_status = (
        ReportStatus.VERIFIED if status in REPORTED else ReportStatus.SUBMITTED
    )
    if status in REPORTED:
        Application.objects.filter(pk=application.pk).update(completed_on=end)
    if factory is not None:
        _final_report(
            rng, application, factory, scheme, end, report_status, secretariat
        )


def _declared() -> dict:
    return {
        "declares_no_double_funding": True,
        "declares_no_early_start": True,
        "declares_information_true": True,
        "declares_etsp_not_related": True,
    }


def _pay(application, grant, shares, on, secretariat) -> None:
    paid = Decimal("0")
    for n, share in enumerate(shares, start=1):
        amount = (
            (grant * share).quantize(Decimal("1")) if n < len(shares) else grant - paid
        )
        if amount <= 0:
            continue
        paid += amount
        Disbursement.objects.create(
            application=application,
            amount_hkd=amount,
            approved_amount_hkd=grant,
            paid_to_date_hkd=paid,
            paid_on=on + timedelta(days=30 * n),
            payment_reference=f"PV-{application.reference}-{n}",
            recorded_by=secretariat,
        )


def _final_report(rng, application, factory, scheme, end, status, secretariat) -> None:
    big = scheme.kind == SchemeKind.DEMONSTRATION
    electricity_before = Decimal(rng.randrange(300, 3000) * 1000)
    electricity_saved = (
        electricity_before * Decimal(rng.randrange(4, 25 if big else 10)) / 100
    ).quantize(Decimal("1"))
    water_before = Decimal(rng.randrange(5, 60) * 1000)
    water_saved = (water_before * Decimal(rng.randrange(2, 20)) / 100).quantize(
        Decimal("1")
    )
    effluent_saved = (water_saved * Decimal("0.8")).quantize(Decimal("1"))
    voc_before = Decimal(rng.randrange(0, 40) * 100)
    voc_saved = (voc_before * Decimal(rng.randrange(10, 60)) / 100).quantize(
        Decimal("1")
    )
    nox_saved = Decimal(rng.randrange(0, 800))
    so2_saved = Decimal(rng.randrange(0, 300))
    pm_saved = Decimal(rng.randrange(0, 200))
    diesel_before = Decimal(rng.randrange(0, 30) * 1000)
    diesel_saved = (diesel_before * Decimal(rng.randrange(5, 40)) / 100).quantize(
        Decimal("1")
    )
    diesel_co2 = (diesel_saved * Decimal("2.68") / 1000).quantize(Decimal("0.001"))
    co2 = (electricity_saved * CO2_KG_PER_KWH / 1000).quantize(Decimal("0.001"))
    verified = status == ReportStatus.VERIFIED
    report = ProjectReport.objects.create(
        application=application,
        kind=ReportKind.FINAL,
        status=status,
        due_on=end + timedelta(days=60),
        period_start=end,
        period_end=end + timedelta(days=365),
        narrative="Measured for a year after the project, against the baseline year.",
        electricity_before_kwh=electricity_before,
        electricity_after_kwh=electricity_before - electricity_saved,
        water_before_m3=water_before,
        water_after_m3=water_before - water_saved,
        effluent_before_m3=water_before * Decimal("0.8"),
        effluent_after_m3=water_before * Decimal("0.8") - effluent_saved,
        voc_before_kg=voc_before,
        voc_after_kg=voc_before - voc_saved,
        electricity_saved_kwh=electricity_saved if verified else None,
        water_saved_m3=water_saved if verified else None,
        effluent_reduced_m3=effluent_saved if verified else None,
        nox_reduced_kg=nox_saved if verified else None,
        so2_reduced_kg=so2_saved if verified else None,
        pm_reduced_kg=pm_saved if verified else None,
        voc_reduced_kg=voc_saved if verified else None,
        co2_avoided_tonnes=(co2 + diesel_co2) if verified else None,
        factors_used={
            "electricity_kg_co2_per_kwh": "0.7",
            "diesel_kg_co2_per_l": "2.68",
        }
        if verified
        else {},
        submitted_at=_aware(end + timedelta(days=40)),
        verified_at=_aware(end + timedelta(days=55)) if verified else None,
        verified_by=secretariat if verified else None,
    )
    if diesel_before:
        ReportFuel.objects.create(
            report=report,
            fuel=FuelType.DIESEL,
            unit=FuelUnit.LITRE,
            before=diesel_before,
            after=diesel_before - diesel_saved,
            saved=diesel_saved if verified else None,
            co2_avoided_tonnes=diesel_co2 if verified else None,
        )
