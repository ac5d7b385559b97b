"""Fault drills of the letters' outbox, with real processes (make faults-letters).

Drill 1, worker killed while rendering: a prefork worker's child is SIGKILLed while it
holds the letter's row inside its rendering transaction; Celery requeues the message
(acks_late + reject_on_worker_lost) and a new child finishes it.
Drill 2, whole worker killed while rendering: the main process and its child are
SIGKILLed; the message stays unacknowledged in Redis (for the visibility timeout, an
hour), so a new worker gets nothing until the sweep sends the letter again.
Drill 3, Redis stopped while an application is approved: on a Redis server of its
own (port 6390, never the shared one), stopped with redis-cli shutdown; the decision
is saved, and after Redis is back celery beat's one-minute sweep gets the letter made.

Each drill checks that the decision has exactly one letter, issued, with one file.
The drills use their own database (FAULTS_DATABASE_URL, created and migrated here).
Run:  .venv/bin/python bench/faults_letters.py [1 2 3]
"""

# ruff: noqa: S603, S607 - starts our own tools (psql, redis, celery) on purpose
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import common

ROOT = common.ROOT
DATABASE_URL = os.environ.get(
    "FAULTS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cpportal_letters_faults"
)
SHARED_REDIS = os.environ.get("FAULTS_REDIS_URL", "redis://127.0.0.1:6379/3")
OWN_REDIS_PORT = int(os.environ.get("FAULTS_OWN_REDIS_PORT", "6390"))
OWN_REDIS = f"redis://127.0.0.1:{OWN_REDIS_PORT}/0"
LOGS = str(ROOT / "var" / "faults")  # the drills' worker, beat and Redis logs
PIDFILE = f"{LOGS}/redis-{OWN_REDIS_PORT}.pid"


def env_for(redis_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cpportal.settings.test",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "PYTHONUNBUFFERED": "1",
    }


def create_database() -> None:
    Path(LOGS).mkdir(parents=True, exist_ok=True)
    common.create_database(DATABASE_URL, env_for(SHARED_REDIS))


def setup_django(redis_url: str) -> None:
    os.environ.update(env_for(redis_url))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def start(kind: str, redis_url: str, log: str, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "celery", "-A", "cpportal", kind, "-l", "info"]
    return subprocess.Popen(
        [*command, *extra],
        cwd=ROOT,
        env=env_for(redis_url),
        stdout=open(log, "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def worker(redis_url: str, log: str) -> subprocess.Popen:
    return start(
        "worker",
        redis_url,
        log,
        "--concurrency",
        "1",
        "--max-memory-per-child",
        "1200000",
        "--without-gossip",
        "--without-mingle",
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_for(condition, timeout: float, step: float = 0.01):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return None


def new_decision(language: str = "zh-hant"):
    from tests.applications import factories as applications
    from tests.factories import UserFactory
    from tests.letters.factories import ApplicationFactory, DecisionFactory

    # Each drill is a new process on the same database: start the factories'
    # numbering (e-mails, BR numbers, references) where no earlier drill was.
    start = int(time.time() * 10) % 10**7
    for factory in (
        UserFactory,
        applications.OrganisationFactory,
        applications.PhaseFactory,
        ApplicationFactory,
    ):
        factory.reset_sequence(start)

    return DecisionFactory(application__language=language)


def request_letter(decision):
    from django.db import transaction

    from letters.services import letter_request_for_decision

    with transaction.atomic():
        return letter_request_for_decision(decision_id=decision.pk)


def rendering_backend(letter_id: int):
    """The PostgreSQL backend that holds the letter's row lock in an open
    transaction: a worker inside letter_render, between its SELECT ... FOR UPDATE
    and its commit, i.e. rendering the PDF."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            "JOIN pg_class c ON c.oid = l.relation "
            "WHERE c.relname = 'letters_letterrequest' AND l.mode = 'RowShareLock' "
            "AND a.state = 'idle in transaction' AND a.pid <> pg_backend_pid()"
        )
        row = cursor.fetchone()
    return row[0] if row else None


def verdict(decision) -> dict:
    from letters.models import LetterRequest

    letters = list(LetterRequest.objects.filter(decision=decision))
    files = []
    if letters and letters[0].file:
        files = list(Path(letters[0].file.path).parent.glob(f"{letters[0].uuid}*"))
    return {
        "letters": len(letters),
        "status": letters[0].status if letters else None,
        "attempts": letters[0].attempts if letters else None,
        "files": len(files),
        "exactly_one_letter": len(letters) == 1
        and letters[0].status == "done"
        and len(files) == 1,
    }


def done(letter_id: int) -> bool:
    from letters.models import LetterRequest

    return LetterRequest.objects.filter(pk=letter_id, status="done").exists()


def kill_during_rendering(letter, *, whole_worker: bool, process) -> dict:
    backend = wait_for(lambda: rendering_backend(letter.pk), timeout=60, step=0.005)
    if backend is None:
        raise SystemExit("the worker never started rendering")
    found = time.monotonic()
    victims = common.children(process.pid)
    if whole_worker:
        victims = [process.pid, *victims]
    for pid in victims:
        os.kill(pid, signal.SIGKILL)
    killed_after = time.monotonic() - found
    # PostgreSQL notices the dead connection and rolls its transaction back.
    wait_for(lambda: rendering_backend(letter.pk) is None, timeout=30)
    from letters.models import LetterRequest

    state = LetterRequest.objects.get(pk=letter.pk)
    return {
        "killed_pids": victims,
        "kill_within_s": round(killed_after, 3),
        "status_right_after_kill": state.status,
        "file_right_after_kill": bool(state.file),
    }


def drill_child_killed() -> dict:
    from cpportal.celery import app

    app.control.purge()
    process = worker(SHARED_REDIS, LOGS + "/drill1-worker.log")
    try:
        decision = new_decision()
        letter = request_letter(decision)
        result = kill_during_rendering(letter, whole_worker=False, process=process)
        started = time.monotonic()
        finished = wait_for(lambda: done(letter.pk), timeout=120, step=0.1)
        result["letter_done_after_kill_s"] = (
            round(time.monotonic() - started, 2) if finished else None
        )
        time.sleep(3)  # a duplicate delivery, if any, would run now
        result.update(verdict(decision))
    finally:
        stop(process)
    return result


def drill_worker_killed() -> dict:
    from datetime import timedelta

    from django.utils import timezone

    from cpportal.celery import app
    from letters.services import letters_sweep

    app.control.purge()
    process = worker(SHARED_REDIS, LOGS + "/drill2-worker.log")
    replacement = None
    try:
        decision = new_decision("zh-hans")
        letter = request_letter(decision)
        result = kill_during_rendering(letter, whole_worker=True, process=process)
        process.wait()
        replacement = worker(SHARED_REDIS, LOGS + "/drill2-worker2.log")
        started = time.monotonic()
        not_redelivered = not wait_for(lambda: done(letter.pk), timeout=15, step=0.2)
        result["not_done_15s_after_restart_without_sweep"] = not_redelivered
        # What beat's sweep does once the letter has been pending for the
        # re-dispatch period (LETTERS_REDISPATCH_AFTER_SECONDS, 120 s).
        later = timezone.now() + timedelta(seconds=121)
        result["sweep"] = letters_sweep(now=later)
        finished = wait_for(lambda: done(letter.pk), timeout=120, step=0.1)
        result["letter_done_after_restart_s"] = (
            round(time.monotonic() - started, 2) if finished else None
        )
        time.sleep(3)
        result.update(verdict(decision))
    finally:
        stop(process)
        if replacement:
            stop(replacement)
    return result


def redis_up() -> None:
    subprocess.run(
        [
            "redis-server",
            "--daemonize",
            "yes",
            "--bind",
            "127.0.0.1",
            "--port",
            str(OWN_REDIS_PORT),
            "--save",
            "",
            "--appendonly",
            "no",
            "--pidfile",
            PIDFILE,
            "--logfile",
            f"{LOGS}/redis-{OWN_REDIS_PORT}.log",
        ],  # fmt: skip
        check=True,
    )
    wait_for(lambda: redis_ping(), timeout=10, step=0.05)


def redis_ping() -> bool:
    answer = subprocess.run(
        ["redis-cli", "-p", str(OWN_REDIS_PORT), "ping"], capture_output=True, text=True
    )
    return answer.stdout.strip() == "PONG"


def redis_down() -> None:
    subprocess.run(
        ["redis-cli", "-p", str(OWN_REDIS_PORT), "shutdown", "nosave"],
        capture_output=True,
    )
    wait_for(lambda: not redis_ping(), timeout=10, step=0.05)


def drill_redis_stopped() -> dict:
    from django.db import connection

    from applications.models import Decision
    from letters.models import LetterRequest

    redis_up()
    processes = [
        worker(OWN_REDIS, LOGS + "/drill3-worker.log"),
        start(
            "beat",
            OWN_REDIS,
            LOGS + "/drill3-beat.log",
            "--schedule",
            LOGS + "/beat-schedule",
        ),
    ]
    try:
        time.sleep(8)  # worker and beat connected
        redis_down()
        decision = new_decision("en")
        started = time.monotonic()
        letter = request_letter(decision)  # the decision's transaction commits here
        approve_s = time.monotonic() - started
        connection.close()
        saved = Decision.objects.filter(pk=decision.pk).exists()
        pending = LetterRequest.objects.get(pk=letter.pk)
        result = {
            "approve_with_redis_down_s": round(approve_s, 3),
            "decision_saved": saved,
            "letter_status_while_down": pending.status,
            "dispatched_while_down": pending.dispatched_at is not None,
        }
        time.sleep(5)
        redis_up()
        back = time.monotonic()
        finished = wait_for(lambda: done(letter.pk), timeout=150, step=0.2)
        result["letter_done_after_redis_back_s"] = (
            round(time.monotonic() - back, 2) if finished else None
        )
        time.sleep(3)
        result.update(verdict(decision))
    finally:
        for process in processes:
            stop(process)
        redis_down()
    return result


DRILLS = {
    "1": ("worker child killed while rendering", drill_child_killed, SHARED_REDIS),
    "2": ("whole worker killed while rendering", drill_worker_killed, SHARED_REDIS),
    "3": ("Redis stopped during approval", drill_redis_stopped, OWN_REDIS),
}


def run(key: str) -> bool:
    title, drill, redis_url = DRILLS[key]
    setup_django(redis_url)
    print(f"== drill {key}: {title}", flush=True)
    outcome = drill()
    for name, value in outcome.items():
        print(f"   {name}: {value}", flush=True)
    ok = outcome["exactly_one_letter"]
    print(f"   => {'PASS' if ok else 'FAIL'}: exactly one letter", flush=True)
    return ok


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--no-create"]:
        args = args[1:]
    else:
        create_database()
    if len(args) == 1:
        sys.exit(0 if run(args[0]) else 1)
    # Each drill in a process of its own: Django and Celery read REDIS_URL once.
    failed = sum(
        subprocess.run([sys.executable, __file__, "--no-create", key]).returncode != 0
        for key in args or list(DRILLS)
    )
    sys.exit(1 if failed else 0)
