"""seed_bench makes consistent data fast, and adds only what is missing per size."""

import pytest

from applications.models import (
    Application,
    ApplicationStatus,
    Decision,
    Disbursement,
    ProjectReport,
)
from bench.seed import bench_user, seed
from cases.models import SuccessCase
from tests.applications.factories import PhaseFactory, ProviderFactory, SchemeFactory
from tests.cases.factories import SuccessCaseFactory


@pytest.mark.django_db
def test_seed_bench_tops_up_to_each_size_and_keeps_the_rules(secretariat_user):
    phase = PhaseFactory()
    for n in range(6):
        SchemeFactory(phase=phase, code=f"S{n}", demonstration=n % 2 == 1)
    ProviderFactory()
    SuccessCaseFactory()

    first = seed(25)  # whole organisations of 10: 30
    again = seed(30)
    more = seed(240)

    assert (first["added"], again["added"], more["added"]) == (30, 0, 210)
    applications = Application.objects.filter(organisation__name_en__startswith="Bench")
    assert applications.count() == 240
    assert applications.filter(status=ApplicationStatus.COMPLETED).count() == 48
    assert Decision.objects.count() == 24 * 5
    assert Disbursement.objects.count() == 24 * 3
    assert ProjectReport.objects.count() == 48
    assert SuccessCase.objects.filter(slug__startswith="bench-case-").count() == 2
    assert bench_user().membership.organisation.applications.count() == 10
