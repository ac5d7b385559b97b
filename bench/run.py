#!/usr/bin/env python
"""`make bench`: seed, serve with gunicorn (production settings), load with wrk.

For each size in BENCH_SIZES (default 1000,100000), in a database of its own
(<BENCH_DATABASE_URL>_<size>, seeded once and reused): seed_bench tops the data up,
ANALYZE, each page's queries are counted in-process (first request with an empty cache,
then a repeated one), then gunicorn (2 sync workers, the production recommendation for
2 cores) serves them and wrk drives each page with 16 connections on loopback: 2 s
warm-up, then BENCH_SECONDS (default 10) measured, the bare view measured right before
each page so that both see the same machine. Then the signed-in pages again from a
gunicorn with their page cache off (PRIVATE_PAGE_CACHE_SECONDS=0), named ", uncached":
what a page costs when it must be rendered. Results: var/bench/results.json and
results.md, and stdout.
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
OUT = BASE / "var" / "bench"
DATABASE_BASE = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cpportal_bench"
)
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,100000").split(",")]
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
PORT = int(os.environ.get("BENCH_PORT", "8160"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


# --- The parent: one child process per size, then the table ------------------------


def parent() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for size in SIZES:
        print(f"{size:,} applications", flush=True)
        subprocess.run([sys.executable, __file__, str(size)], check=True)
        results.append(json.loads((OUT / f"size-{size}.json").read_text()))
    (OUT / "results.json").write_text(json.dumps(results, indent=2))
    table = markdown(results)
    (OUT / "results.md").write_text(table + "\n")
    print()
    print(table)


def markdown(all_results: list[dict]) -> str:
    by_size = {r["size"]: {p["name"]: p for p in r["pages"]} for r in all_results}
    sizes = sorted(by_size)
    big = sizes[-1]
    lines = [
        f"| page (at {big:,} applications) | req/s | bare view req/s | ratio | "
        "p50 ms | p99 ms | queries at " + " / ".join(f"{s:,}" for s in sizes) + " |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, entry in by_size[big].items():
        queries = " / ".join(str(by_size[s][name]["queries"]) for s in sizes)
        colds = " / ".join(str(by_size[s][name]["queries_cold"]) for s in sizes)
        if colds != queries:
            queries += f" (first request: {colds})"
        lines.append(
            f"| {name} | {entry['rps']:.0f} | {entry['bare_rps']:.0f} | "
            f"{entry['ratio']:.2f} | {entry['p50_ms']} | {entry['p99_ms']} | {queries} |"
        )
    lines += [
        "",
        f"wrk -t2 -c{CONNECTIONS} -d{SECONDS}s on loopback; gunicorn {WORKERS} sync "
        f"workers, production settings (cpportal.settings.bench); {os.cpu_count()} "
        "cores; 1-minute load average during the run: "
        + ", ".join(
            f"{min(p['load_average'] for p in r['pages'])}–"
            f"{max(p['load_average'] for p in r['pages'])} at {r['size']:,}"
            for r in all_results
        )
        + ". Seeding: "
        + ", ".join(f"{r['seed_seconds']} s to {r['size']:,}" for r in all_results)
        + " (0 s: already seeded).",
    ]
    return "\n".join(lines)


def ensure_database(url_text: str) -> None:
    url = urlparse(url_text)
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


# --- A child: one size ----------------------------------------------------------------


def child(size: int) -> None:
    database = f"{DATABASE_BASE}_{size}"
    ensure_database(database)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cpportal.settings.bench",
        DATABASE_URL=database,
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6"),
        CACHE_KEY_PREFIX=f"bench-{size}",
        SECRET_KEY="bench-only-not-a-secret-" + "y" * 40,
    )
    sys.path.insert(0, str(BASE))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings

    from bench.pages import BARE, PAGES
    from tests.faults import gunicorn

    call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("collectstatic", verbosity=0, interactive=False)
    started = time.monotonic()
    call_command("seed_bench", applications=size)
    seed_seconds = time.monotonic() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    cookies = session_cookies()
    pages = []
    for page in [BARE, *PAGES]:
        cold, warm = count_queries(page, cookies)
        pages.append(entry_for(page, cold, warm))
    # The signed-in pages once more with their page cache off (PRIVATE_PAGE_CACHE_SECONDS
    # = 0): what a page costs when it has to be rendered, e.g. right after a change.
    uncached = []
    with override_settings(PRIVATE_PAGE_CACHE_SECONDS=0):
        for page in PAGES:
            if page.role:
                cold, warm = count_queries(page, cookies)
                uncached.append(entry_for(page, cold, warm, uncached=True))
    connection.close()
    bare = pages[0]
    for entries, cache_seconds in ((pages, None), (uncached, "0")):
        if cache_seconds is not None:
            os.environ["PRIVATE_PAGE_CACHE_SECONDS"] = cache_seconds
        server = gunicorn.start(
            port=PORT,
            database=database,
            redis=os.environ["REDIS_URL"],
            secret_key=os.environ["SECRET_KEY"],
            workers=WORKERS,
            collect=False,
        )
        try:
            warm_up([bare, *entries], cookies)
            measure(size, entries, bare, cookies)
        finally:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)
    os.environ.pop("PRIVATE_PAGE_CACHE_SECONDS", None)
    pages += uncached
    result = {"size": size, "seed_seconds": round(seed_seconds, 1), "pages": pages}
    (OUT / f"size-{size}.json").write_text(json.dumps(result, indent=2))


def entry_for(page, cold: int, warm: int, uncached: bool = False) -> dict:
    return {
        "name": f"{page.name}, uncached" if uncached else page.name,
        "path": page.address(),
        "role": page.role,
        "queries_cold": cold,
        "queries": warm,
    }


def measure(size: int, entries: list[dict], bare: dict, cookies: dict) -> None:
    """wrk on each page, the bare view measured right before it."""
    for entry in entries:
        cookie = cookies.get(entry["role"]) if entry["role"] else None
        wrk(bare["path"], None, 2)
        bare_now = wrk(bare["path"], None, SECONDS)
        wrk(entry["path"], cookie, 2)
        entry.update(wrk(entry["path"], cookie, SECONDS))
        entry["bare_rps"] = bare_now["rps"]
        entry["ratio"] = round(entry["rps"] / max(bare_now["rps"], 0.01), 2)
        entry["load_average"] = round(os.getloadavg()[0], 1)
        print(
            f"  {size:>7} {entry['name']:<34} {entry['rps']:>7.0f} req/s "
            f"(bare {bare_now['rps']:.0f}) p50 {entry['p50_ms']} ms "
            f"p99 {entry['p99_ms']} ms queries {entry['queries']}"
            f" non-2xx {entry['non_2xx']} {entry['socket_errors']}",
            flush=True,
        )


def warm_up(pages, cookies) -> None:
    """A few requests per page, so that both workers have loaded everything."""
    import urllib.request

    from django.conf import settings

    for entry in pages:
        for _ in range(4):
            request = urllib.request.Request(f"http://127.0.0.1:{PORT}{entry['path']}")
            if entry["role"]:
                request.add_header(
                    "Cookie", f"{settings.SESSION_COOKIE_NAME}={cookies[entry['role']]}"
                )
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                response.read()


def session_cookies() -> dict[str, str]:
    """A signed-in session per role, as after a login (with two factors for staff)."""
    from django.test import Client

    from accounts.middleware import TOTP_CHECKED_KEY
    from bench.pages import PAGES, role_user

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


def count_queries(page, cookies) -> tuple[int, int]:
    """Queries of a first request (empty cache) and of a repeated one."""
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    counts = []
    for _ in range(2):
        client = Client(HTTP_HOST="127.0.0.1")
        if page.role:
            client.cookies[settings.SESSION_COOKIE_NAME] = cookies[page.role]
        address = page.address()  # may query: not counted
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address)
        assert response.status_code == 200, (page.name, response.status_code)
        counts.append(len(queries))
    return counts[0], counts[1]


def wrk(path: str, cookie: str | None, seconds: int) -> dict:
    from django.conf import settings

    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "10s"]  # a slow answer counts in p99, not as an error
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


if __name__ == "__main__":
    if len(sys.argv) > 1:
        child(int(sys.argv[1]))
    else:
        parent()
