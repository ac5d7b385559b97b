"""axe-core on the signed-in key pages in the three languages: the applicant's
dashboard, organisation and every page of the application form, and the Secretariat's
change list of applications. No serious or critical violation, no CSP violation."""

import pytest
from django.conf import settings
from django.test import Client

from accounts.middleware import TOTP_CHECKED_KEY
from accounts.roles import SECRETARIAT
from applications import services
from applications.steps import steps_for
from tests.applications.conftest import build_ready_draft
from tests.applications.factories import (
    FactoryFactory,
    MembershipFactory,
    PhaseFactory,
    ProviderFactory,
    SchemeFactory,
)
from tests.factories import UserFactory

from .conftest import csp_violations, serious_axe_violations

LANGUAGES = ["en", "zh-hant", "zh-hans"]


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    session = client.session
    session[TOTP_CHECKED_KEY] = user.pk  # staff: as after the two-factor step
    session.save()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )


def problems_on(page, live_server, paths: list[str], language: str) -> list[str]:
    problems = []
    for path in paths:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.get_attribute("html", "lang") == language, path
        problems += [f"{path}: {v}" for v in serious_axe_violations(page)]
        problems += [f"{path}: CSP {v}" for v in csp_violations(page)]
    return problems


@pytest.fixture
def applicant_data(db):
    scheme = SchemeFactory(phase=PhaseFactory(name="Current intake"))
    member = MembershipFactory()
    factory = FactoryFactory(organisation=member.organisation)
    provider = ProviderFactory()
    submitted = build_ready_draft(
        user=member.user, scheme=scheme, factory=factory, provider=provider
    )
    services.application_submit(application=submitted, user=member.user)
    draft = services.application_create_draft(user=member.user, scheme=scheme)
    return member.user, draft, submitted


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_applicant_pages_have_no_serious_accessibility_problems(
    live_server, page, applicant_data, language
):
    user, draft, submitted = applicant_data
    sign_in(page, live_server, user)
    apply = f"/{language}/apply"
    paths = [
        f"{apply}/",
        f"{apply}/new/?kind=OA",
        f"{apply}/organisation/",
        f"{apply}/organisation/edit/",
        f"{apply}/factories/new/",
        f"{apply}/applications/{draft.pk}/",
        *[
            f"{apply}/applications/{draft.pk}/steps/{step.slug}/"
            for step in steps_for(draft.scheme.kind)
        ],
        f"{apply}/applications/{draft.pk}/steps/project/?check=1",
        f"{apply}/applications/{draft.pk}/check/",
        f"{apply}/applications/{submitted.pk}/",
        f"{apply}/applications/{submitted.pk}/submitted/",
        f"{apply}/applications/{submitted.pk}/versions/1/",
    ]

    problems = problems_on(page, live_server, paths, language)

    assert problems == [], "\n".join(problems)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_secretariats_change_list_has_no_serious_accessibility_problems(
    live_server, page, applicant_data, language
):
    staff = UserFactory(role=SECRETARIAT, is_staff=True)
    sign_in(page, live_server, staff)
    admin = f"/{language}/admin/applications/application/"

    problems = problems_on(
        page, live_server, [admin, f"{admin}?status__exact=submitted&q=OA"], language
    )

    assert problems == [], "\n".join(problems)
