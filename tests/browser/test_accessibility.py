"""axe-core on every public page (the sitemap) and the account entrances, in the three
languages: no serious or critical violations, and no CSP violations."""

import re

import pytest
from django.core.management import call_command

from .conftest import csp_violations, serious_axe_violations

ENTRANCES = ["accounts/login/", "accounts/signup/", "accounts/password/reset/"]


def public_paths(page, base: str, language: str) -> list[str]:
    sitemap = page.request.get(f"{base}/sitemap.xml").text()
    locations = re.findall(r"<loc>\s*https?://[^/<]+(/[^<\s]*)\s*</loc>", sitemap)
    paths = {p for p in locations if p.startswith(f"/{language}/")}
    paths |= {f"/{language}/{entrance}" for entrance in ENTRANCES}
    return sorted(paths)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_public_pages_have_no_serious_accessibility_problems(
    live_server, page, language
):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    paths = public_paths(page, live_server.url, language)
    problems = []

    for path in paths:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.get_attribute("html", "lang") == language
        problems += [f"{path}: {v}" for v in serious_axe_violations(page)]
        problems += [f"{path}: CSP {v}" for v in csp_violations(page)]

    assert len(paths) >= 10 + len(ENTRANCES)
    assert problems == [], "\n".join(problems)
