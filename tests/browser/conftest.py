"""Playwright on Debian's Chromium against pytest-django's live server.

Never ``playwright install``: the browser comes from ``scripts/system-deps.sh test``.
Every page a test opens collects Content-Security-Policy violations and carries
axe-core (from npm), both injected as init scripts, which the page's CSP does not
govern.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-deps.sh test (as root)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, started while MEDIA_URL is set: Django's server
    thread wraps a media handler that breaks without one. Our files stay private
    (MEDIA_URL is None everywhere else); no test asks for that address."""
    from django.test import override_settings
    from pytest_django.live_server_helper import LiveServer

    address = request.config.getvalue("liveserver") or "localhost"
    with override_settings(MEDIA_URL="/__private-files-are-not-served__/"):
        server = LiveServer(address)
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _plain_static(settings):
    """live_server serves static files by their plain names, not manifest-hashed ones."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture
def page(page):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run npm ci")
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.add_init_script(path=str(AXE))
    page.set_default_timeout(5000)
    return page


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def serious_axe_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the current page, one line each."""
    results = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                            "wcag22aa", "best-practice"]},
            resultTypes: ["violations"],
        })"""
    )
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at "
        + ", ".join(node["target"][0] for node in v["nodes"][:3])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
