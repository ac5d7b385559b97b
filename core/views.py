from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from core.choices import Industry
from core.pagecache import public_page
from cpportal.celery import app as celery_app


def _database_state() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "up"


def _cache_state() -> str:
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return what was stored")
    return "up"


def _broker_state() -> str:
    if celery_app.conf.broker_url.startswith("memory"):
        return "not configured: tasks run in-process"
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "up"


@never_cache
def healthz(request):
    """JSON state of the database, the cache and the Celery broker; 503 names what is down."""
    checks = {
        "database": _database_state,
        "cache": _cache_state,
        "broker": _broker_state,
    }
    result, down = {}, []
    for name, check in checks.items():
        try:
            result[name] = check()
        except Exception as exc:  # noqa: BLE001 - any failure means "down"
            result[name] = f"down: {exc.__class__.__name__}"
            down.append(name)
    result["cache_backend"] = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    result["status"] = "ok" if not down else "down: " + ", ".join(down)
    return JsonResponse(result, status=503 if down else 200)


@public_page
def home(request):
    """The programme in brief: funding, industries, key dates, news and cases."""
    from cases.selectors import case_list_featured
    from pages import selectors as pages
    from pages.models import Section

    return render(
        request,
        "core/home.html",
        {
            "sections": pages.section_list(page=Section.Page.HOME),
            "funding": pages.funding_overview(),
            "industries": Industry.targeted(),
            "news": pages.news_list_published()[:4],
            "events": pages.event_list_upcoming()[:3],
            "cases": case_list_featured(limit=3),
            "today": timezone.localdate(),
        },
    )
