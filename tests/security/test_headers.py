"""Security headers on every kind of response, and production settings that pass
Django's deployment checklist."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def parse_csp(header: str) -> dict[str, str]:
    directives = [part.strip().split(" ", 1) for part in header.split(";")]
    return {name: (rest[0] if rest else "") for name, *rest in directives}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/en/", 200),
        ("/zh-hant/accounts/login/", 200),
        ("/en/no-such-page/", 404),
        ("/en/apply/", 302),
        ("/healthz", 200),
    ],
)
def test_every_response_carries_the_security_headers(client, path, status):
    response = client.get(path)

    assert response.status_code == status
    policy = parse_csp(response["Content-Security-Policy"])
    assert {name: policy.get(name) for name in CSP} == CSP
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_signed_in_pages_are_not_stored_by_browsers_or_proxies(client, applicant_user):
    client.force_login(applicant_user)

    response = client.get("/en/apply/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_our_pages_have_no_inline_scripts_styles_or_handlers(client, applicant_user):
    """The CSP forbids them; this finds them before a browser does."""
    pages = ["/en/", "/en/accounts/login/", "/en/accounts/signup/"]
    client.force_login(applicant_user)
    pages += ["/en/apply/", "/en/accounts/profile/", "/en/accounts/2fa/"]

    for path in pages:
        body = client.get(path).content.decode()
        inline_scripts = [
            tag
            for tag in re.findall(r"<script\b[^>]*>", body)
            if "src=" not in tag and "application/json" not in tag
        ]
        assert inline_scripts == [], path
        assert re.findall(r"<style\b", body) == [], path
        assert re.findall(r"\sstyle=", body) == [], path
        assert re.findall(r"\son[a-z]+=", body) == [], path


def run_with_production_settings(*args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cpportal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "portal.example.hk",
    }
    env.pop("DEBUG", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for Playwright only
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_settings():
    result = run_with_production_settings(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING"
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_use_https_only_cookies_and_hsts():
    script = (
        "import django, json; django.setup(); from django.conf import settings as s;"
        "print(json.dumps({k: getattr(s, k) for k in ["
        "'DEBUG','SECURE_SSL_REDIRECT','SECURE_HSTS_SECONDS',"
        "'SECURE_HSTS_INCLUDE_SUBDOMAINS','SESSION_COOKIE_SECURE',"
        "'CSRF_COOKIE_SECURE','SESSION_COOKIE_NAME','CSRF_COOKIE_NAME',"
        "'SESSION_COOKIE_HTTPONLY','LANGUAGE_COOKIE_SECURE',"
        "'STAFF_2FA_REQUIRED','AXES_FAILURE_LIMIT']}))"
    )

    result = run_with_production_settings("-c", script)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "SESSION_COOKIE_HTTPONLY": True,
        "LANGUAGE_COOKIE_SECURE": True,
        "STAFF_2FA_REQUIRED": True,
        "AXES_FAILURE_LIMIT": 5,
    }
