"""Fault drill: PostgreSQL restarts under a running portal (gunicorn, persistent
connections). The portal answers again without being restarted itself, thanks to
CONN_HEALTH_CHECKS, and nothing committed before the restart is lost.

It really restarts the local PostgreSQL cluster (pg_ctlcluster), which every database
on it feels: it runs only under `make faults` (FAULTS_RESTART_POSTGRES=1)."""

import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.db import connection

from applications.models import Application
from tests.applications.factories import MembershipFactory, PhaseFactory, SchemeFactory

from . import gunicorn

PORT = int(os.environ.get("FAULTS_PORT", "8106"))
pytestmark = pytest.mark.skipif(
    os.environ.get("FAULTS_RESTART_POSTGRES") != "1",
    reason="restarts the local PostgreSQL server: run with `make faults`",
)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect (e.g. to the login page) is an answer to check


OPENER = urllib.request.build_opener(NoRedirect)


def get(path: str, cookie: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}")
    if cookie:
        request.add_header("Cookie", f"__Host-sessionid={cookie}")
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def restart_postgres() -> float:
    """Restart the local cluster; returns the seconds it took."""
    assert shutil.which("pg_ctlcluster"), "pg_ctlcluster (postgresql-common) is missing"
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    started = time.monotonic()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
        check=True,
    )
    return time.monotonic() - started


@pytest.mark.django_db(transaction=True)
def test_the_portal_answers_again_after_postgresql_restarts(client):
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    phase = PhaseFactory(code="drill", name="Drill intake")
    scheme = SchemeFactory(phase=phase)
    member = MembershipFactory()
    from applications import services

    draft = services.application_create_draft(user=member.user, scheme=scheme)
    services.application_save_step(
        application=draft,
        user=member.user,
        values={"title": "Written before the restart"},
    )
    client.force_login(member.user)
    cookie = client.cookies["sessionid"].value
    server = gunicorn.start(
        port=PORT,
        database=gunicorn.database_url(connection.settings_dict),
        redis=settings.CACHES["default"].get("LOCATION", ""),
        secret_key=settings.SECRET_KEY,  # the session's auth hash depends on it
    )
    try:
        # Every worker holds a persistent connection before the restart.
        for _ in range(20):
            assert get("/en/cases/")[0] == 200
            assert get("/en/apply/", cookie)[0] == 200
        workers_before = set(
            subprocess.run(
                ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
            ).stdout.split()
        )

        seconds = restart_postgres()
        connection.close()  # this test's own connection died with the server too

        # The first requests after the restart already work: no error page, no
        # restart of gunicorn or its workers.
        answers = [get("/en/apply/", cookie) for _ in range(20)]
        answers += [get("/en/cases/") for _ in range(20)]
        answers += [get("/healthz") for _ in range(5)]
        failed = [status for status, _ in answers if status != 200]
        print(
            f"\nPostgreSQL restart took {seconds:.1f} s; requests after it: "
            f"{len(answers)}, failed: {len(failed)}"
        )
        assert failed == []
        assert server.poll() is None
        workers_after = set(
            subprocess.run(
                ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
            ).stdout.split()
        )
        assert workers_after == workers_before
        # Nothing lost: the draft, its answers and the signed-in session survive.
        status, body = get("/en/apply/", cookie)
        assert status == 200 and "Written before the restart" in body
        assert (
            Application.objects.get(pk=draft.pk).title == "Written before the restart"
        )
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=20)
