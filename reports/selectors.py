"""EPD's figures, read from the applications app's tables as database aggregates.

Every figure group is one aggregate query (GROUP BY in PostgreSQL), so the number of
queries is the same for ten applications or a hundred thousand. The result holds keys
and numbers only (labels come later, in the reader's language), so it can be cached:
``REPORTS_CACHE_SECONDS`` > 0 keeps each filter's figures that long.

Definitions (the README's "## Reports" states them for EPD):
- received: submitted applications (drafts never count); the period is the
  submission date in Hong Kong time;
- approved: the committee approved it (approved, in progress, final report submitted,
  completed, closed); rejected, withdrawn and pending (not decided yet) likewise by
  status; approval rate = approved / (approved + rejected);
- processing time: days from first submission to the committee's first decision;
- committed: the approved grant of the decision in force (the latest) of approved
  applications; paid: the sum of disbursements; remaining: budget - committed;
- benefits: from verified final reports only, the latest verified one per
  application; "per HK$1 million" divides by the approved grant of those applications.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Aggregate,
    Count,
    DecimalField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from applications.models import (
    Application,
    ApplicationStatus,
    Decision,
    DecisionOutcome,
    Disbursement,
    Phase,
    ProjectReport,
    ReportFuel,
    ReportKind,
    ReportStatus,
)

from .filters import ReportFilters

S = ApplicationStatus
APPROVED_STATUSES = (
    S.APPROVED,
    S.IN_PROGRESS,
    S.FINAL_REPORT_SUBMITTED,
    S.COMPLETED,
    S.CLOSED,
)
PENDING_STATUSES = (
    S.SUBMITTED,
    S.SCREENING,
    S.INFO_REQUESTED,
    S.TECHNICAL_ASSESSMENT,
    S.VETTING,
)
ZERO = Decimal("0")
ZERO_HKD = Decimal("0.00")
CENT = Decimal("0.01")
MILLION = Decimal("1000000")
BENEFIT_FIELDS = (
    "electricity_saved_kwh",
    "water_saved_m3",
    "effluent_reduced_m3",
    "co2_avoided_tonnes",
    "nox_reduced_kg",
    "so2_reduced_kg",
    "pm_reduced_kg",
    "voc_reduced_kg",
)
CACHE_VERSION = 1


class PercentileCont(Aggregate):
    """PostgreSQL's continuous percentile of an ordered set (works on intervals)."""

    function = "percentile_cont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"

    def __init__(self, expression, fraction: float, **extra):
        super().__init__(
            expression,
            fraction=float(fraction),
            output_field=DurationField(),
            **extra,
        )


def _percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(
        Decimal("0.1"), ROUND_HALF_UP
    )


def _days(value: timedelta | None) -> Decimal | None:
    if value is None:
        return None
    return (Decimal(value.total_seconds()) / 86400).quantize(
        Decimal("0.1"), ROUND_HALF_UP
    )


@dataclass
class CountRow:
    """Applications of one group (a scheme, an industry, a month...)."""

    key: object
    received: int = 0
    approved: int = 0
    rejected: int = 0
    withdrawn: int = 0
    pending: int = 0

    @property
    def approval_rate(self) -> Decimal | None:
        """Approved as a percentage of those decided (approved or rejected)."""
        return _percent(self.approved, self.approved + self.rejected)


@dataclass
class MoneyRow:
    """Grants of one group; ``budget`` only for phases."""

    key: object
    committed: Decimal = ZERO_HKD
    paid: Decimal = ZERO_HKD
    budget: Decimal | None = None

    @property
    def unpaid(self) -> Decimal:
        return self.committed - self.paid

    @property
    def remaining(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.committed

    @property
    def committed_share(self) -> Decimal | None:
        return None if self.budget is None else _percent(self.committed, self.budget)

    @property
    def paid_share(self) -> Decimal | None:
        return None if self.budget is None else _percent(self.paid, self.budget)


@dataclass
class FuelRow:
    fuel: str
    unit: str
    saved: Decimal
    co2_avoided_tonnes: Decimal


@dataclass
class Benefits:
    """Sums over the counted final reports, and the grant approved for them."""

    reports: int = 0
    grant: Decimal = ZERO_HKD
    totals: dict[str, Decimal] = field(default_factory=dict)
    fuels: list[FuelRow] = field(default_factory=list)

    def per_million(self, name: str) -> Decimal | None:
        """The benefit per HK$1 million of grant, to three decimal places."""
        if not self.grant:
            return None
        return (self.totals[name] * MILLION / self.grant).quantize(
            Decimal("0.001"), ROUND_HALF_UP
        )


@dataclass
class Dashboard:
    """Every figure of the dashboard for one filter (keys and numbers only)."""

    filters: ReportFilters
    totals: CountRow
    median_days: Decimal | None
    p90_days: Decimal | None
    decided: int
    by_scheme: list[CountRow]
    by_phase: list[CountRow]
    by_industry: list[CountRow]
    by_location: list[CountRow]
    by_month: list[CountRow]
    money_by_phase: list[MoneyRow]
    money_by_scheme: list[MoneyRow]
    money_by_industry: list[MoneyRow]
    benefits: Benefits
    computed_at: object = None

    @property
    def money_total(self) -> MoneyRow:
        rows = self.money_by_phase
        budgets = [r.budget for r in rows if r.budget is not None]
        return MoneyRow(
            key=None,
            committed=sum((r.committed for r in rows), ZERO_HKD),
            paid=sum((r.paid for r in rows), ZERO_HKD),
            budget=sum(budgets, ZERO_HKD) if budgets else None,
        )


# --- Queries --------------------------------------------------------------------------


def _status_counts(prefix: str = "") -> dict:
    pk = f"{prefix}pk"
    status = f"{prefix}status"
    return {
        "received": Count(pk),
        "approved": Count(pk, filter=Q(**{f"{status}__in": APPROVED_STATUSES})),
        "rejected": Count(pk, filter=Q(**{status: S.REJECTED})),
        "withdrawn": Count(pk, filter=Q(**{status: S.WITHDRAWN})),
        "pending": Count(pk, filter=Q(**{f"{status}__in": PENDING_STATUSES})),
    }


def _applications(filters: ReportFilters):
    return Application.objects.filter(filters.application_q()).order_by()


COUNT_FIELDS = ("received", "approved", "rejected", "withdrawn", "pending")
# The dimensions the dashboard groups by, as paths from an application. One query
# groups by all of them at once (a few thousand groups at most: schemes x industries
# x locations), and each breakdown is rolled up from those aggregate rows.
DIMENSIONS = {
    "scheme": "scheme_id",
    "phase": "scheme__phase_id",
    "industry": "factory__industry",
    "location": "factory__location",
}


def _sort_key(key):
    return (key is None, key if key is not None else 0)


def _count_cube(filters: ReportFilters) -> list[dict]:
    return list(
        _applications(filters).values(*DIMENSIONS.values()).annotate(**_status_counts())
    )


def _roll_up_counts(cube: list[dict], path: str | None) -> list[CountRow]:
    """Sum the cube's rows by one dimension (all of them into one row if None)."""
    rows: dict[object, CountRow] = {}
    for cell in cube:
        key = cell[path] if path else None
        row = rows.setdefault(key, CountRow(key=key))
        for name in COUNT_FIELDS:
            setattr(row, name, getattr(row, name) + cell[name])
    return sorted(rows.values(), key=lambda r: _sort_key(r.key))


def _counts_by_month(filters: ReportFilters) -> list[CountRow]:
    rows = (
        _applications(filters)
        .annotate(
            month=TruncMonth("submitted_at", tzinfo=timezone.get_current_timezone())
        )
        .values("month")
        .annotate(**_status_counts())
        .order_by("month")
    )
    return [CountRow(key=row.pop("month").date(), **row) for row in rows]


def decisions_in_force():
    """Each application's latest decision (an amended decision replaces the earlier)."""
    later = Decision.objects.filter(
        application=OuterRef("application"), number__gt=OuterRef("number")
    )
    return Decision.objects.filter(~Exists(later)).order_by()


def _committed(filters: ReportFilters):
    return decisions_in_force().filter(
        filters.application_q("application__"),
        outcome=DecisionOutcome.APPROVED,
        application__status__in=APPROVED_STATUSES,
    )


MONEY_DIMENSIONS = ("scheme", "phase", "industry")


def _money_cube(filters: ReportFilters) -> list[tuple[dict, str]]:
    """Committed and paid grouped by scheme, phase and industry: two queries."""
    money = DecimalField(max_digits=16, decimal_places=2)
    paths = [f"application__{DIMENSIONS[d]}" for d in MONEY_DIMENSIONS]
    committed = (
        _committed(filters)
        .values(*paths)
        .annotate(
            total=Coalesce(
                Sum("approved_amount_hkd"), Value(ZERO_HKD), output_field=money
            )
        )
    )
    paid = (
        Disbursement.objects.filter(filters.application_q("application__"))
        .order_by()
        .values(*paths)
        .annotate(
            total=Coalesce(Sum("amount_hkd"), Value(ZERO_HKD), output_field=money)
        )
    )
    return [(row, "committed") for row in committed] + [(row, "paid") for row in paid]


def _roll_up_money(cube: list[tuple[dict, str]], dimension: str) -> list[MoneyRow]:
    path = f"application__{DIMENSIONS[dimension]}"
    rows: dict[object, MoneyRow] = {}
    for cell, figure in cube:
        row = rows.setdefault(cell[path], MoneyRow(key=cell[path]))
        setattr(row, figure, getattr(row, figure) + cell["total"])
    return sorted(rows.values(), key=lambda r: _sort_key(r.key))


def _money_by_phase(filters: ReportFilters, cube) -> list[MoneyRow]:
    """Every phase (or the one filtered) with its budget, even without grants."""
    by_phase = {row.key: row for row in _roll_up_money(cube, "phase")}
    phases = Phase.objects.order_by("opens_on")
    if filters.phase:
        phases = phases.filter(pk=filters.phase)
    rows = []
    for phase_id, budget in phases.values_list("pk", "budget_hkd"):
        row = by_phase.get(phase_id) or MoneyRow(key=phase_id)
        row.budget = budget
        rows.append(row)
    return rows


def counted_final_reports(filters: ReportFilters):
    """Verified final reports, the latest verified one per application."""
    verified = {"kind": ReportKind.FINAL, "status": ReportStatus.VERIFIED}
    later = ProjectReport.objects.filter(
        application=OuterRef("application"), number__gt=OuterRef("number"), **verified
    )
    return (
        ProjectReport.objects.filter(filters.application_q("application__"), **verified)
        .filter(~Exists(later))
        .order_by()
    )


def _benefits(filters: ReportFilters) -> Benefits:
    reports = counted_final_reports(filters)
    quantity = DecimalField(max_digits=20, decimal_places=3)
    sums = reports.aggregate(
        reports=Count("pk"),
        **{
            name: Coalesce(Sum(name), Value(ZERO), output_field=quantity)
            for name in BENEFIT_FIELDS
        },
    )
    count = sums.pop("reports")
    grant = (
        decisions_in_force()
        .filter(
            outcome=DecisionOutcome.APPROVED,
            application__in=reports.values("application_id"),
        )
        .aggregate(total=Sum("approved_amount_hkd"))["total"]
        or ZERO_HKD
    )
    fuels = (
        ReportFuel.objects.filter(report__in=reports.values("pk"))
        .order_by()
        .values("fuel", "unit")
        .annotate(
            saved_total=Coalesce(Sum("saved"), Value(ZERO), output_field=quantity),
            co2_total=Coalesce(
                Sum("co2_avoided_tonnes"), Value(ZERO), output_field=quantity
            ),
        )
        .order_by("fuel", "unit")
    )
    return Benefits(
        reports=count,
        grant=grant,
        totals=sums,
        fuels=[
            FuelRow(r["fuel"], r["unit"], r["saved_total"], r["co2_total"])
            for r in fuels
        ],
    )


def _percentile_cont(values: list[timedelta], fraction: float) -> timedelta | None:
    """percentile_cont in Python: linear interpolation between the nearest ranks."""
    if not values:
        return None
    values = sorted(values)
    position = fraction * (len(values) - 1)
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def _processing_times(filters: ReportFilters) -> dict:
    first_decisions = Decision.objects.filter(
        filters.application_q("application__"), number=1
    ).order_by()
    if connection.vendor != "postgresql":
        # The embedded default (SQLite, make demo) has no ordered-set aggregates:
        # the same figures computed here, for a demo-sized table.
        waits = [
            decided - submitted
            for decided, submitted in first_decisions.values_list(
                "decided_at", "application__submitted_at"
            )
            if submitted is not None
        ]
        return {
            "decided": first_decisions.count(),
            "median": _percentile_cont(waits, 0.5),
            "p90": _percentile_cont(waits, 0.9),
        }
    waited = ExpressionWrapper(
        F("decided_at") - F("application__submitted_at"), output_field=DurationField()
    )
    return first_decisions.aggregate(
        decided=Count("pk"),
        median=PercentileCont(waited, 0.5),
        p90=PercentileCont(waited, 0.9),
    )


def dashboard_compute(*, filters: ReportFilters) -> Dashboard:
    """Every figure for ``filters``, straight from the database (10 queries)."""
    cube = _count_cube(filters)
    money = _money_cube(filters)
    times = _processing_times(filters)
    totals = _roll_up_counts(cube, None)
    return Dashboard(
        filters=filters,
        totals=totals[0] if totals else CountRow(key=None),
        median_days=_days(times["median"]),
        p90_days=_days(times["p90"]),
        decided=times["decided"],
        by_scheme=_roll_up_counts(cube, DIMENSIONS["scheme"]),
        by_phase=_roll_up_counts(cube, DIMENSIONS["phase"]),
        by_industry=_roll_up_counts(cube, DIMENSIONS["industry"]),
        by_location=_roll_up_counts(cube, DIMENSIONS["location"]),
        by_month=_counts_by_month(filters),
        money_by_phase=_money_by_phase(filters, money),
        money_by_scheme=_roll_up_money(money, "scheme"),
        money_by_industry=_roll_up_money(money, "industry"),
        benefits=_benefits(filters),
        computed_at=timezone.now(),
    )


def _cache_key(filters: ReportFilters) -> str:
    digest = hashlib.sha256(repr(filters).encode()).hexdigest()[:32]
    return f"reports:dashboard:v{CACHE_VERSION}:{digest}"


def dashboard_get(*, filters: ReportFilters) -> Dashboard:
    """The figures for ``filters``, from the cache when REPORTS_CACHE_SECONDS > 0."""
    seconds = getattr(settings, "REPORTS_CACHE_SECONDS", 0)
    if seconds <= 0:
        return dashboard_compute(filters=filters)
    key = _cache_key(filters)
    dashboard = cache.get(key)
    if dashboard is None:
        dashboard = dashboard_compute(filters=filters)
        cache.set(key, dashboard, seconds)
    return dashboard


def month_range(rows: list[CountRow]) -> list[date]:
    """Every month from the first to the last row's, so a chart's gaps show as zero."""
    if not rows:
        return []
    first, last = rows[0].key, rows[-1].key
    months, current = [], first
    while current <= last:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months
