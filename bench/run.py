#!/usr/bin/env python
"""`make bench`: seed, serve with gunicorn (production settings), load with wrk.

For each size in BENCH_SIZES (default 1000,100000): seed_bench tops the data up,
ANALYZE, count each page's queries (in-process, first and repeated request), then
gunicorn (2 sync workers, the production recommendation for 2 cores) serves the pages
and wrk drives each with 16 connections on loopback: 2 s warm-up, then BENCH_SECONDS
(default 10) measured. Results: var/bench/results.json and results.md, and stdout.
"""
# ruff: noqa: S101, S603, S607, S608 - a local benchmark script run by make bench

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cpportal_bench"
)
os.environ.update(
    DJANGO_SETTINGS_MODULE="cpportal.settings.bench",
    DATABASE_URL=DATABASE_URL,
    REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6"),
    CACHE_KEY_PREFIX="bench",
    SECRET_KEY="bench-only-not-a-secret-" + "y" * 40,
)
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,100000").split(",")]
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
PORT = int(os.environ.get("BENCH_PORT", "8160"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
OUT = BASE / "var" / "bench"


def ensure_database() -> None:
    url = urlparse(DATABASE_URL)
    name = url.path.lstrip("/")
    args = ["-h", url.hostname or "127.0.0.1", "-p", str(url.port or 5432)]
    args += ["-U", url.username or "postgres"]
    exists = subprocess.run(
        [
            "psql",
            *args,
            "-d",
            "postgres",
            "-Atqc",
            f"select 1 from pg_database where datname='{name}'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["createdb", *args, name], check=True)


ensure_database()
import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.middleware import TOTP_CHECKED_KEY  # noqa: E402
from bench.pages import BARE, PAGES, role_user  # noqa: E402
from tests.faults import gunicorn  # noqa: E402


def session_cookies() -> dict[str, str]:
    """A signed-in session per role, as after a login (with two factors for staff)."""
    cookies = {}
    for role in {p.role for p in PAGES if p.role}:
        client = Client(HTTP_HOST="127.0.0.1")
        user = role_user(role)
        client.force_login(user)
        session = client.session
        session[TOTP_CHECKED_KEY] = user.pk
        session.save()
        cookies[role] = session.session_key
    return cookies


def client_for(role, cookies) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    if role:
        client.cookies[settings.SESSION_COOKIE_NAME] = cookies[role]
    return client


def count_queries(page, cookies) -> tuple[int, int]:
    """Queries of a first request (empty cache) and of a repeated one."""
    cache.clear()
    counts = []
    for _ in range(2):
        client = client_for(page.role, cookies)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.address())
        assert response.status_code == 200, (page.name, response.status_code)
        counts.append(len(queries))
    return counts[0], counts[1]


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(path: str, cookie: str | None, seconds: int) -> dict:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {settings.SESSION_COOKIE_NAME}={cookie}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{PORT}{path}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout

    def latency(percent: str) -> float:
        value, unit = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)\b", output).groups()
        return round(float(value) * UNITS[unit], 1)

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors.group(1) if errors else "",
    }


def run_size(size: int, cookies_holder: dict) -> dict:
    started = time.monotonic()
    call_command("seed_bench", applications=size)
    seed_seconds = time.monotonic() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    cookies = session_cookies()
    pages = [BARE, *PAGES]
    results = {"size": size, "seed_seconds": round(seed_seconds, 1), "pages": []}
    for page in pages:
        cold, warm = count_queries(page, cookies)
        results["pages"].append(
            {
                "name": page.name,
                "path": page.address(),
                "role": page.role,
                "queries_cold": cold,
                "queries": warm,
            }
        )
    connection.close()
    server = gunicorn.start(
        port=PORT,
        database=DATABASE_URL,
        redis=os.environ["REDIS_URL"],
        secret_key=os.environ["SECRET_KEY"],
        workers=WORKERS,
        collect=False,
    )
    try:
        for entry in results["pages"]:
            cookie = cookies.get(entry["role"]) if entry["role"] else None
            wrk(entry["path"], cookie, 2)  # warm-up
            entry.update(wrk(entry["path"], cookie, SECONDS))
            print(
                f"  {size:>7} {entry['name']:<34} {entry['rps']:>7.0f} req/s "
                f"p50 {entry['p50_ms']:>6} ms p99 {entry['p99_ms']:>6} ms "
                f"queries {entry['queries']}",
                flush=True,
            )
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
    bare = results["pages"][0]["rps"]
    for entry in results["pages"]:
        entry["ratio"] = round(entry["rps"] / bare, 2) if bare else None
    return results


def markdown(all_results: list[dict]) -> str:
    by_size = {r["size"]: {p["name"]: p for p in r["pages"]} for r in all_results}
    sizes = sorted(by_size)
    big = sizes[-1]
    lines = [
        f"wrk -t2 -c{CONNECTIONS} -d{SECONDS}s on loopback, gunicorn {WORKERS} sync "
        f"workers, production settings; {os.cpu_count()} cores.",
        "",
        "| page | req/s | ratio to bare | p50 ms | p99 ms | queries at "
        + " / ".join(f"{s:,}" for s in sizes)
        + " |",
        "|---|---|---|---|---|---|",
    ]
    for name, entry in by_size[big].items():
        queries = " / ".join(str(by_size[s][name]["queries"]) for s in sizes)
        colds = " / ".join(str(by_size[s][name]["queries_cold"]) for s in sizes)
        if colds != queries:
            queries += f" (first request: {colds})"
        lines.append(
            f"| {name} | {entry['rps']:.0f} | {entry['ratio']:.2f} | "
            f"{entry['p50_ms']} | {entry['p99_ms']} | {queries} |"
        )
    lines.append("")
    lines.append(
        f"Figures at {big:,} applications; seeding took "
        + ", ".join(f"{r['seed_seconds']} s to {r['size']:,}" for r in all_results)
        + "."
    )
    return "\n".join(lines)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("collectstatic", verbosity=0, interactive=False)
    all_results = []
    for size in SIZES:
        print(f"{size:,} applications", flush=True)
        all_results.append(run_size(size, {}))
    (OUT / "results.json").write_text(json.dumps(all_results, indent=2))
    table = markdown(all_results)
    (OUT / "results.md").write_text(table + "\n")
    print()
    print(table)


if __name__ == "__main__":
    main()
