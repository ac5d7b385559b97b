"""Start gunicorn with the production-like bench settings against a given database, for
the fault drills (and the same way as `make bench`)."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
GUNICORN = Path(sys.executable).with_name("gunicorn")


def database_url(settings_dict: dict) -> str:
    user = settings_dict.get("USER") or "postgres"
    password = settings_dict.get("PASSWORD")
    auth = f"{user}:{password}" if password else user
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}@{host}:{port}/{settings_dict['NAME']}"


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"gunicorn did not listen on {port} in {seconds} s")


def start(
    *,
    port: int,
    database: str,
    redis: str,
    secret_key: str,
    workers: int = 2,
    collect: bool = True,
):
    """gunicorn on 127.0.0.1:port; collectstatic first (manifest static files)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cpportal.settings.bench",
        "DATABASE_URL": database,
        "REDIS_URL": redis,
        "CACHE_KEY_PREFIX": f"drill-{port}",
        "SECRET_KEY": secret_key,
    }
    if collect:
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=BASE,
            env=env,
            check=True,
        )
    process = subprocess.Popen(
        [
            str(GUNICORN),
            "cpportal.wsgi:application",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        cwd=BASE,
        env=env,
        start_new_session=True,
    )
    wait_for_port(port)
    return process
