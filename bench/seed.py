"""Bulk data for the load benchmarks: N applications of bench organisations, with their
users, factories, status history, decisions, disbursements and final reports, and one
published success case per 100 applications. Idempotent per size: it counts the bench
applications already there and adds only the missing ones (bulk_create in batches).

Needs the programme, providers, toolbox content and demo users of ``seed_demo``.
"""

import time
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from accounts.models import User
from accounts.roles import APPLICANT
from applications.models import (
    Actor,
    Application,
    ApplicationStatus,
    Decision,
    DecisionOutcome,
    Disbursement,
    Factory,
    FundingScheme,
    Membership,
    Organisation,
    OrganisationKind,
    ProjectReport,
    ReportKind,
    ReportStatus,
    StatusChange,
)
from cases.models import SuccessCase
from providers.models import ServiceProvider

S = ApplicationStatus
PER_ORGANISATION = 10
# The 10 applications of an organisation, by position: 6 open ones (each under a
# different scheme, as the one-open-per-factory-and-scheme constraint wants) and 4 done.
STATUSES = [
    S.DRAFT,
    S.SUBMITTED,
    S.SCREENING,
    S.TECHNICAL_ASSESSMENT,
    S.APPROVED,
    S.IN_PROGRESS,
    S.COMPLETED,
    S.REJECTED,
    S.COMPLETED,
    S.WITHDRAWN,
]
DECIDED = {S.APPROVED, S.IN_PROGRESS, S.COMPLETED, S.REJECTED}
NAME = "Bench Manufacturing Co. {:06d}"
EMAIL = "bench{:06d}@bench.example"
PASSWORD = "bench-password-1"  # noqa: S105 - a benchmark account on a local database
BATCH = 5000
CHUNK_ORGANISATIONS = 1000


def bench_user() -> User:
    """The applicant the benchmark signs in as (organisation 0)."""
    return User.objects.get(email=EMAIL.format(0))


def bench_applications():
    return Application.objects.filter(organisation__name_en__startswith="Bench ")


def seed(applications: int, stdout=None) -> dict:
    """Top the bench data up to ``applications`` (rounded up to a multiple of 10)."""
    started = time.monotonic()
    # Whole organisations only, so that a top-up never meets a half-filled one.
    applications = -(-applications // PER_ORGANISATION) * PER_ORGANISATION
    say = stdout.write if stdout else (lambda *_: None)
    have = bench_applications().count()
    if have >= applications:
        say(f"{have} bench applications already there: nothing to add.")
        return {"added": 0, "seconds": 0.0, "applications": have}
    schemes = list(
        FundingScheme.objects.filter(admits_business=True)
        .select_related("phase")
        .order_by("phase__opens_on", "ordering", "pk")
    )
    if len(schemes) < 6:
        raise RuntimeError("run seed_demo first: it makes the programme's schemes")
    provider = ServiceProvider.objects.order_by("pk").first()
    secretariat = User.objects.filter(is_staff=True).order_by("pk").first()
    if secretariat is None:
        raise RuntimeError("run seed_demo first: it makes the Secretariat's account")
    applicant_group = Group.objects.get(name=APPLICANT)
    password = make_password(PASSWORD)
    first_org = have // PER_ORGANISATION  # bench organisations are filled in order
    last_org = -(-applications // PER_ORGANISATION)
    for chunk_start in range(first_org, last_org, CHUNK_ORGANISATIONS):
        chunk = range(chunk_start, min(chunk_start + CHUNK_ORGANISATIONS, last_org))
        with transaction.atomic():
            _seed_chunk(
                chunk,
                applications,
                schemes=schemes,
                provider=provider,
                secretariat=secretariat,
                group=applicant_group,
                password=password,
            )
        say(f"  organisations {chunk.start}–{chunk.stop - 1} done")
    cases = _seed_cases(applications // 100)
    seconds = time.monotonic() - started
    total = bench_applications().count()
    say(
        f"{total} bench applications ({total - have} added, {cases} success cases "
        f"added) in {seconds:.1f} s"
    )
    return {"added": total - have, "seconds": seconds, "applications": total}


def _seed_chunk(orgs, limit, *, schemes, provider, secretariat, group, password):
    now = timezone.now()
    existing = set(
        Organisation.objects.filter(
            name_en__in=[NAME.format(n) for n in orgs]
        ).values_list("name_en", flat=True)
    )
    new = [n for n in orgs if NAME.format(n) not in existing]
    users = User.objects.bulk_create(
        [
            User(
                email=EMAIL.format(n),
                full_name=f"Bench Applicant {n}",
                password=password,
                language=("en", "zh-hant", "zh-hans")[n % 3],
            )
            for n in new
        ],
        batch_size=BATCH,
    )
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=u.pk, group_id=group.pk) for u in users],
        batch_size=BATCH,
    )
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                kind=OrganisationKind.BUSINESS,
                name_en=NAME.format(n),
                name_zh=f"測試製造有限公司 {n:06d}",
                br_number=f"9{n:07d}",
                address=f"{n % 200 + 1} Kwun Tong Road, Kowloon",
                phone="2788 0000",
                email=EMAIL.format(n),
            )
            for n in new
        ],
        batch_size=BATCH,
    )
    Membership.objects.bulk_create(
        [
            Membership(organisation=o, user=u, role="admin")
            for o, u in zip(organisations, users, strict=True)
        ],
        batch_size=BATCH,
    )
    factories = Factory.objects.bulk_create(
        [
            Factory(
                organisation=o,
                name=f"{o.name_en} plant",
                address=o.address,
                location="hk-kwun-tong" if n % 2 else "gd-dongguan",
                connection_test="hk_factory" if n % 2 else "gd_wfoe",
                industry=("textiles", "food", "printing", "metal")[n % 4],
                employees=20 + n % 300,
                main_processes="Dyeing, drying, finishing",
                baseline_year=2024,
                baseline_electricity_kwh=Decimal(500000 + n % 1000 * 1000),
            )
            for n, o in zip(new, organisations, strict=True)
        ],
        batch_size=BATCH,
    )
    by_org = dict(
        zip(new, zip(organisations, users, factories, strict=True), strict=True)
    )

    rows, plans = [], []
    for n in new:
        organisation, user, factory = by_org[n]
        for j in range(PER_ORGANISATION):
            index = n * PER_ORGANISATION + j
            if index >= limit:
                break
            scheme = schemes[j % len(schemes)]
            status = STATUSES[j]
            created = now - timedelta(
                days=30 + (index * 7) % 2000, minutes=index % 1440
            )
            cost = Decimal(40000 + (index % 50) * 5000)
            grant = min(cost * scheme.funding_share, scheme.ceiling_hkd or cost)
            grant = grant.quantize(Decimal("0.01"))
            submitted = status not in (S.DRAFT, S.WITHDRAWN)
            rows.append(
                Application(
                    organisation=organisation,
                    scheme=scheme,
                    factory=factory,
                    created_by=user,
                    status=status,
                    status_changed_at=created + timedelta(days=20),
                    reference=f"{scheme.kind}-B{index:07d}" if submitted else None,
                    submitted_at=created + timedelta(days=3) if submitted else None,
                    completed_on=(created + timedelta(days=300)).date()
                    if status == S.COMPLETED
                    else None,
                    title=f"Cleaner production project {index}",
                    etsp=provider,
                    eligible_cost_hkd=cost,
                    funding_share=scheme.funding_share,
                    ceiling_hkd=scheme.ceiling_hkd,
                    requested_grant_hkd=grant,
                )
            )
            plans.append((status, created, grant, cost, scheme, user))
    created_apps = Application.objects.bulk_create(rows, batch_size=BATCH)
    # auto_now_add set "now": spread the creation dates as the plans say.
    for application, (_s, created, *_rest) in zip(created_apps, plans, strict=True):
        application.created_at = created
    Application.objects.bulk_update(created_apps, ["created_at"], batch_size=BATCH)

    changes, decisions, payments, reports = [], [], [], []
    for application, (status, created, grant, cost, scheme, user) in zip(
        created_apps, plans, strict=True
    ):
        changes.append(
            StatusChange(
                application=application,
                from_status="",
                to_status=S.DRAFT,
                actor=user,
                actor_role=Actor.APPLICANT,
                created_at=created,
            )
        )
        if status != S.DRAFT:
            changes.append(
                StatusChange(
                    application=application,
                    from_status=S.DRAFT,
                    to_status=status,
                    actor=secretariat if status in DECIDED else user,
                    actor_role=Actor.SECRETARIAT
                    if status in DECIDED
                    else Actor.APPLICANT,
                    created_at=created + timedelta(days=20),
                )
            )
        if status in DECIDED:
            approved = status != S.REJECTED
            decisions.append(
                Decision(
                    application=application,
                    outcome=DecisionOutcome.APPROVED
                    if approved
                    else DecisionOutcome.REJECTED,
                    approved_eligible_cost_hkd=cost if approved else None,
                    funding_share=scheme.funding_share if approved else None,
                    ceiling_hkd=scheme.ceiling_hkd,
                    approved_amount_hkd=grant if approved else None,
                    reasons="" if approved else "Outside the programme's scope",
                    decided_by=secretariat,
                    decided_at=created + timedelta(days=20),
                )
            )
        if status in (S.IN_PROGRESS, S.COMPLETED):
            paid = (
                grant
                if status == S.COMPLETED
                else (grant / 2).quantize(Decimal("0.01"))
            )
            payments.append(
                Disbursement(
                    application=application,
                    amount_hkd=paid,
                    approved_amount_hkd=grant,
                    paid_to_date_hkd=paid,
                    paid_on=(created + timedelta(days=200)).date(),
                    payment_reference=f"PAY-{application.pk}",
                    recorded_by=secretariat,
                )
            )
        if status == S.COMPLETED:
            saved = Decimal(20000 + application.pk % 5000)
            reports.append(
                ProjectReport(
                    application=application,
                    kind=ReportKind.FINAL,
                    status=ReportStatus.VERIFIED,
                    narrative="Installed and measured for three months.",
                    electricity_before_kwh=Decimal(500000),
                    electricity_after_kwh=Decimal(500000) - saved,
                    electricity_saved_kwh=saved,
                    co2_avoided_tonnes=(saved * Decimal("0.00071")).quantize(
                        Decimal("0.001")
                    ),
                    submitted_at=created + timedelta(days=280),
                    verified_at=created + timedelta(days=290),
                    verified_by=secretariat,
                )
            )
    StatusChange.objects.bulk_create(changes, batch_size=BATCH)
    Decision.objects.bulk_create(decisions, batch_size=BATCH)
    Disbursement.objects.bulk_create(payments, batch_size=BATCH)
    ProjectReport.objects.bulk_create(reports, batch_size=BATCH)


def _seed_cases(wanted: int) -> int:
    """Published success cases, copies of the first demo case, up to ``wanted``."""
    have = SuccessCase.objects.filter(slug__startswith="bench-case-").count()
    template = SuccessCase.objects.exclude(slug__startswith="bench-case-").first()
    if template is None or have >= wanted:
        return 0
    fields = model_to_dict(template, exclude=["id", "slug"])
    today = timezone.localdate()
    SuccessCase.objects.bulk_create(
        [
            SuccessCase(
                **{
                    **fields,
                    "slug": f"bench-case-{n:06d}",
                    "title": f"{template.title_en} ({n})",
                    "title_en": f"{template.title_en} ({n})",
                    "is_published": True,
                    "is_featured": False,
                    "published_on": today - timedelta(days=n % 3000),
                }
            )
            for n in range(have, wanted)
        ],
        batch_size=BATCH,
    )
    return wanted - have
