"""Letters per second: WeasyPrint rendering the letter HTML directly, next to one
Celery worker making the same letters through the task path, in the same run.

    make bench-letters            (BENCH_LETTERS=30 letters, a third in each language)

The direct path renders ``letter_html(letter)`` with ``core.pdf.html_to_pdf`` in this
process. The task path dispatches the same letters to one prefork worker
(concurrency 1, ``--max-memory-per-child`` as in ``make worker``) and times from the
first dispatch until the last letter is stored; the worker's processes are sampled
for memory every 50 ms. Uses its own database (BENCH_DATABASE_URL) and Redis db 3.
"""

# ruff: noqa: S603, S607 - starts our own tools (psql, celery) on purpose
import os
import resource
import statistics
import subprocess
import sys
import threading
import time

from common import ROOT, children, create_database, status_kib

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cpportal_letters_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
COUNT = int(os.environ.get("BENCH_LETTERS", "30"))
LANGUAGES = ("en", "zh-hant", "zh-hans")
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "cpportal.settings.test",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "CELERY_TASK_ALWAYS_EAGER": "false",
}


class MemorySampler(threading.Thread):
    """The largest RSS seen of the worker's main process and of any child."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.main_peak, self.child_peak, self.running = pid, 0, 0, True
        self.child_hwm: dict[int, int] = {}

    def run(self):
        while self.running:
            self.main_peak = max(self.main_peak, status_kib(self.pid, "VmRSS"))
            for child in children(self.pid):
                self.child_peak = max(self.child_peak, status_kib(child, "VmRSS"))
                self.child_hwm[child] = max(
                    self.child_hwm.get(child, 0), status_kib(child, "VmHWM")
                )
            time.sleep(0.05)


def make_letters(count: int):
    from letters.models import LetterRequest
    from tests.letters.factories import DecisionFactory

    letters = []
    for index in range(count):
        language = LANGUAGES[index % len(LANGUAGES)]
        decision = DecisionFactory(
            application__language=language, rejected=index % 5 == 4
        )
        application = decision.application
        letters.append(
            LetterRequest.objects.create(
                decision=decision,
                application=application,
                version=1,
                language=language,
                addressee=application.created_by,
            )
        )
    return letters


def direct(letters) -> dict:
    from core.pdf import html_to_pdf
    from letters.services import letter_html

    html_to_pdf(letter_html(letters[0]))  # warm-up: imports, fonts
    times, sizes = [], []
    started = time.perf_counter()
    for letter in letters:
        t = time.perf_counter()
        sizes.append(len(html_to_pdf(letter_html(letter))))
        times.append(time.perf_counter() - t)
    total = time.perf_counter() - started
    return {
        "letters": len(letters),
        "seconds": round(total, 2),
        "letters_per_s": round(len(letters) / total, 2),
        "mean_ms": round(statistics.mean(times) * 1000),
        "median_ms": round(statistics.median(times) * 1000),
        "max_ms": round(max(times) * 1000),
        "mean_pdf_kib": round(statistics.mean(sizes) / 1024),
        "peak_rss_mib": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ),
    }


def through_worker(letters) -> dict:
    from cpportal.celery import app
    from letters.models import LetterRequest
    from letters.services import letter_dispatch

    app.control.purge()
    log = ROOT / "var" / "bench-letters-worker.log"
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "cpportal",
            "worker",
            "-l",
            "warning",
            "--concurrency",
            "1",
            "--max-memory-per-child",
            "1200000",
            "--without-gossip",
            "--without-mingle",
        ],  # fmt: skip
        cwd=ROOT,
        env=ENV,
        stdout=open(log, "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )
    sampler = MemorySampler(worker.pid)
    sampler.start()
    try:
        warm, rest = letters[0], letters[1:]
        letter_dispatch(request_id=warm.pk)  # the worker's first letter: imports, fonts
        while not LetterRequest.objects.filter(pk=warm.pk, status="done").exists():
            time.sleep(0.05)
        ids = [letter.pk for letter in rest]
        started = time.perf_counter()
        for pk in ids:
            letter_dispatch(request_id=pk)
        while LetterRequest.objects.filter(pk__in=ids, status="done").count() < len(
            ids
        ):
            time.sleep(0.05)
        total = time.perf_counter() - started
        done = LetterRequest.objects.filter(pk__in=ids)
        render_ms = [letter.render_ms for letter in done]
        child_now = {c: status_kib(c, "VmRSS") for c in children(worker.pid)}
    finally:
        sampler.running = False
        worker.terminate()
        worker.wait(timeout=30)
    return {
        "letters": len(ids),
        "seconds": round(total, 2),
        "letters_per_s": round(len(ids) / total, 2),
        "in_task_render_mean_ms": round(statistics.mean(render_ms)),
        "in_task_render_median_ms": round(statistics.median(render_ms)),
        "worker_main_peak_rss_mib": round(sampler.main_peak / 1024),
        "worker_child_peak_rss_mib": round(sampler.child_peak / 1024),
        "worker_child_hwm_mib": round(max(sampler.child_hwm.values() or [0]) / 1024),
        "worker_child_rss_after_mib": round(max(child_now.values() or [0]) / 1024),
    }


def main() -> None:
    (ROOT / "var").mkdir(exist_ok=True)
    create_database(DATABASE_URL, ENV)
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    letters = make_letters(COUNT + 1)
    print(f"Letters: {COUNT} ({', '.join(LANGUAGES)} in turn; every fifth a refusal)")
    first = direct(letters[1:])
    print("WeasyPrint directly, in one process:")
    for key, value in first.items():
        print(f"   {key}: {value}")
    second = through_worker(letters)
    print("Through Celery: on_commit dispatch -> Redis -> one worker (prefork, 1):")
    for key, value in second.items():
        print(f"   {key}: {value}")
    ratio = second["letters_per_s"] / first["letters_per_s"]
    print(f"Task path / direct rendering (letters per second): {ratio:.2f}")


if __name__ == "__main__":
    main()
