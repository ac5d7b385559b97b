"""The demo: two organisations, factories on both sides of the border, applications in
several states; loading it twice changes nothing."""

import pytest
from django.apps import apps
from django.core.management import call_command

from applications.models import Application, ApplicationStatus, Membership

pytestmark = pytest.mark.django_db


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in apps.get_app_config("applications").get_models()
    }


def test_seed_demo_twice_changes_nothing():
    with open("/dev/null", "w") as quiet:
        call_command("seed_demo", stdout=quiet)
        first = counts()
        call_command("seed_demo", stdout=quiet)

    assert counts() == first
    # The two applicant organisations (reports/demo.py adds member-less history).
    assert Membership.objects.values("organisation").distinct().count() == 2


def test_the_demo_applicant_has_two_factories_and_applications_in_several_states():
    with open("/dev/null", "w") as quiet:
        call_command("seed_demo", stdout=quiet)

    organisation = Membership.objects.get(
        user__email="applicant@example.com"
    ).organisation
    assert sorted(f.region for f in organisation.factories.all()) == ["GD", "HK"]
    statuses = set(organisation.applications.values_list("status", flat=True))
    assert statuses == {
        ApplicationStatus.DRAFT,
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.INFO_REQUESTED,
        ApplicationStatus.APPROVED,  # with its letter (letters/demo.py, issue 5)
    }
    other = Membership.objects.get(user__email="other@example.com").organisation
    assert other != organisation
    # The Secretariat's later stages (issue 4) are shown on the other organisation.
    assert set(
        Application.objects.filter(organisation=other).values_list("status", flat=True)
    ) == {
        ApplicationStatus.DRAFT,
        ApplicationStatus.IN_PROGRESS,
        ApplicationStatus.CLOSED,
        ApplicationStatus.REJECTED,
    }
