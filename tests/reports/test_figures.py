"""The dashboard's figures against totals worked out by hand (conftest.history)."""

from datetime import date
from decimal import Decimal

import pytest

from reports.filters import ReportFilters
from reports.selectors import dashboard_compute

pytestmark = pytest.mark.django_db


def test_applications_are_counted_by_outcome_and_drafts_never(history):
    d = dashboard_compute(filters=ReportFilters())

    t = d.totals
    assert (t.received, t.approved, t.rejected, t.withdrawn, t.pending) == (
        7,
        4,
        1,
        1,
        1,
    )
    assert t.approval_rate == Decimal("80.0")


def test_processing_times_are_median_and_90th_percentile_of_first_decisions(history):
    d = dashboard_compute(filters=ReportFilters())

    # First decisions after 10, 20, 30, 30 and 40 days (the amendment does not count).
    assert d.decided == 5
    assert d.median_days == Decimal("30.0")
    assert d.p90_days == Decimal("36.0")


def test_money_uses_the_decision_in_force_and_every_payment(history):
    d = dashboard_compute(filters=ReportFilters())

    total = d.money_total
    assert total.committed == Decimal("360000.00")
    assert total.paid == Decimal("165000.00")
    assert total.budget == Decimal("1500000.00")
    assert total.remaining == Decimal("1140000.00")
    phases = {row.key: row for row in d.money_by_phase}
    p, q = phases[history["p"].pk], phases[history["q"].pk]
    assert (p.budget, p.committed, p.paid, p.remaining, p.committed_share) == (
        Decimal("1000000.00"),
        Decimal("270000.00"),
        Decimal("165000.00"),
        Decimal("730000.00"),
        Decimal("27.0"),
    )
    assert (q.committed, q.paid, q.remaining) == (
        Decimal("90000.00"),
        Decimal("0"),
        Decimal("410000.00"),
    )
    industries = {row.key: (row.committed, row.paid) for row in d.money_by_industry}
    assert industries == {
        "metal": (Decimal("120000.00"), Decimal("120000.00")),
        "textiles": (Decimal("150000.00"), Decimal("45000.00")),
        None: (Decimal("90000.00"), Decimal("0")),
    }
    assert all(isinstance(row.committed, Decimal) for row in d.money_by_scheme)


def test_benefits_count_only_the_latest_verified_final_report(history):
    b = dashboard_compute(filters=ReportFilters()).benefits

    assert b.reports == 2
    assert b.totals["electricity_saved_kwh"] == Decimal("160000.000")
    assert b.totals["co2_avoided_tonnes"] == Decimal("112.000")
    assert b.totals["nox_reduced_kg"] == Decimal("10.000")
    assert b.totals["so2_reduced_kg"] == Decimal("0")
    assert b.grant == Decimal("120000.00")
    # 112 tonnes for HK$120,000: 933.333 tonnes per HK$1 million.
    assert b.per_million("co2_avoided_tonnes") == Decimal("933.333")
    (diesel,) = b.fuels
    assert (diesel.fuel, diesel.unit, diesel.saved, diesel.co2_avoided_tonnes) == (
        "diesel",
        "L",
        Decimal("1000.000"),
        Decimal("2.680"),
    )


@pytest.mark.parametrize(
    ("filters", "received", "committed"),
    [
        ({"scheme": "DP"}, 2, Decimal("250000.00")),
        ({"location": "GD"}, 2, Decimal("150000.00")),
        ({"location": "hk-kwun-tong"}, 3, Decimal("120000.00")),
        ({"industry": "none"}, 1, Decimal("90000.00")),
        ({"industry": "textiles"}, 2, Decimal("150000.00")),
        (
            {"date_from": date(2025, 1, 1), "date_to": date(2025, 12, 31)},
            3,
            Decimal("190000.00"),
        ),
        ({"date_to": date(2024, 3, 5)}, 1, Decimal("20000.00")),
    ],
)
def test_every_figure_follows_the_filter(history, filters, received, committed):
    d = dashboard_compute(filters=ReportFilters(**filters))

    assert d.totals.received == received
    assert d.money_total.committed == committed
    assert sum(r.received for r in d.by_industry) == received
    assert sum(r.received for r in d.by_month) == received


def test_a_phase_filter_shows_that_phase_budget_only(history):
    d = dashboard_compute(filters=ReportFilters(phase=history["q"].pk))

    assert d.totals.received == 1
    assert [(r.key, r.budget, r.committed) for r in d.money_by_phase] == [
        (history["q"].pk, Decimal("500000.00"), Decimal("90000.00"))
    ]
    assert d.benefits.reports == 0
    assert d.benefits.per_million("co2_avoided_tonnes") is None


def test_months_group_by_hong_kong_date(history):
    d = dashboard_compute(filters=ReportFilters())

    assert [(r.key, r.received) for r in d.by_month] == [
        (date(2024, 3, 1), 1),
        (date(2024, 4, 1), 1),
        (date(2024, 5, 1), 1),
        (date(2024, 7, 1), 1),
        (date(2025, 1, 1), 1),
        (date(2025, 2, 1), 1),
        (date(2025, 3, 1), 1),
    ]


def test_no_data_gives_zeros_not_errors(db):
    d = dashboard_compute(filters=ReportFilters())

    assert d.totals.received == 0
    assert d.totals.approval_rate is None
    assert d.median_days is None
    assert d.money_total.committed == Decimal("0")
    assert d.benefits.reports == 0


def test_the_embedded_defaults_percentiles_match_postgresqls_percentile_cont():
    """make demo runs on SQLite, which has no percentile_cont: the Python fallback
    interpolates the same way (checked here against PostgreSQL itself)."""
    from datetime import timedelta

    from django.db import connection

    from reports.selectors import _percentile_cont

    days = [timedelta(days=n) for n in (4, 1, 3, 2)]
    assert _percentile_cont(days, 0.5) == timedelta(days=2.5)
    assert _percentile_cont(days, 0.9) == timedelta(days=3.7)
    assert _percentile_cont([], 0.5) is None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY d) "
            "FROM unnest(ARRAY[interval '4 days', interval '1 day', "
            "interval '3 days', interval '2 days']) AS d"
        )
        assert cursor.fetchone()[0] == timedelta(days=3.7)
