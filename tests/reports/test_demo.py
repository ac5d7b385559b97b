"""The demo gives EPD's dashboard real figures, and loading it twice changes nothing."""

import pytest
from django.core.management import call_command

from applications.models import Decision, Disbursement, ProjectReport
from reports.filters import ReportFilters
from reports.selectors import dashboard_compute

pytestmark = pytest.mark.django_db


def test_the_demo_fills_every_part_of_the_dashboard_once():
    with open("/dev/null", "w") as quiet:
        call_command("seed_demo", stdout=quiet)
        rows = (Decision.objects.count(), Disbursement.objects.count())
        first = dashboard_compute(filters=ReportFilters())
        call_command("seed_demo", stdout=quiet)

    assert (Decision.objects.count(), Disbursement.objects.count()) == rows
    again = dashboard_compute(filters=ReportFilters())
    assert again.totals == first.totals
    assert first.totals.approved > 0 and first.totals.rejected > 0
    assert first.money_total.committed > first.money_total.paid > 0
    assert first.benefits.reports > 0 and first.benefits.fuels
    assert first.benefits.totals["co2_avoided_tonnes"] > 0
    assert {r.key for r in first.by_industry} >= {"metal", "textiles", None}
    assert ProjectReport.objects.filter(status="submitted").exists()
