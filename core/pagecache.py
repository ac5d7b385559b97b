"""Whole-page cache for anonymous visitors of public pages, safe with CSRF forms.

Public pages (home, success cases, the CP Toolbox) are the same for every anonymous
visitor except for the CSRF token in their forms (the language switcher, "apply for
funding"). ``public_page`` stores the rendered page with the token taken out, and puts
each visitor's own token back in when serving it, so every visitor still gets a token
that matches their own CSRF cookie. Not cached: signed-in users, requests carrying a
session or flash messages, anything but a plain 200.

The cache is emptied, in effect, whenever public content changes: every save or delete
of a model of the apps in ``PUBLIC_APPS`` (or of a phase or scheme) moves a version
number that is part of each key. ``PUBLIC_PAGE_CACHE_SECONDS`` (default 600; 0 turns
the cache off) bounds what is left, e.g. "open now" on the day a phase closes.
"""

import hashlib
import logging
import re
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_save
from django.db.transaction import TransactionManagementError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

logger = logging.getLogger(__name__)
PUBLIC_APPS = {"cases", "pages", "toolbox", "providers"}
PUBLIC_MODELS = {("applications", "phase"), ("applications", "fundingscheme")}
VERSION_KEY = "public-page:version"
TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
PLACEHOLDER = "\x00csrf\x00"


def _seconds() -> int:
    return getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 600)


def _counter(key: str) -> int | None:
    """A number that only grows; after Redis lost it (restart, eviction) it starts again
    from the time in milliseconds, above anything it counted before."""
    current = cache.get(key)
    if current is None:
        cache.add(key, int(timezone.now().timestamp() * 1000), None)
        current = cache.get(key)
    return current


def _move(key: str) -> None:
    """Move a counter on. Never fails the save that called it: with Redis unreachable
    there is no cached page to serve either (logged)."""
    try:
        cache.incr(key)
    except ValueError:  # not there (yet, or evicted): the next read starts a new number
        pass
    except Exception:  # noqa: BLE001 - Redis down: the save stands
        logger.warning("Could not move the page cache counter %s", key, exc_info=True)


def version() -> int | None:
    return _counter(VERSION_KEY)


def public_content_changed(**kwargs) -> None:
    """Every cached public page is stale from now on."""
    _move(VERSION_KEY)


def _on_change(sender, **kwargs) -> None:
    meta = sender._meta
    if meta.app_label in PUBLIC_APPS or (meta.app_label, meta.model_name) in (
        PUBLIC_MODELS
    ):
        public_content_changed()


def connect_signals() -> None:
    post_save.connect(_on_change, dispatch_uid="public-page-cache-save")
    post_delete.connect(_on_change, dispatch_uid="public-page-cache-delete")


def _cacheable_request(request) -> bool:
    return (
        _seconds() > 0
        and request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request) -> str | None:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    htmx = "h" if request.headers.get("HX-Request") else "p"
    today = timezone.localdate().isoformat()
    current = version()
    if current is None:
        return None
    return f"public-page:{current}:{get_language()}:{today}:{htmx}:{path}"


def _store(key: str, response, seconds: int) -> None:
    """Keep a plain 200 HTML page, its CSRF tokens taken out."""
    if getattr(response, "is_rendered", True) is False:
        response.render()  # a TemplateResponse (the admin's): render it now
    if (
        response.status_code == 200
        and not response.streaming
        and not [c for c in response.cookies if c != settings.CSRF_COOKIE_NAME]
        and "text/html" in response.get("Content-Type", "")
    ):
        content = TOKEN.sub(
            rf"\g<1>{PLACEHOLDER}\g<2>", response.content.decode(response.charset)
        )
        cache.set(key, (content, response["Content-Type"]), seconds)


def _serve(request, cached) -> HttpResponse:
    """A stored page, with the visitor's own CSRF token put back."""
    content, content_type = cached
    if PLACEHOLDER in content:
        token = get_token(request)  # the visitor's own; sets the cookie if needed
        content = content.replace(PLACEHOLDER, token)
    return HttpResponse(content, content_type=content_type)


def _through_cache(request, render, key, seconds: int, storable=lambda: True):
    """The stored page for ``key`` (a function of the request), else ``render()``'s
    answer, stored when ``storable()``. With Redis unreachable: rendered, logged."""
    try:
        key = key(request)
        cached = cache.get(key) if key else None
    except Exception:  # noqa: BLE001 - Redis down: render as if uncached
        logger.warning("Page cache unreachable", exc_info=True)
        return render()
    if cached is not None:
        return _serve(request, cached)
    response = render()
    if key and storable():
        try:
            _store(key, response, seconds)
        except Exception:  # noqa: BLE001
            logger.warning("Page cache unreachable", exc_info=True)
    return response


def public_page(view):
    """Serve the view's page from the cache to anonymous visitors (see the module)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        return _through_cache(
            request, lambda: view(request, *args, **kwargs), _key, _seconds()
        )

    return wrapper


# --- Signed-in pages --------------------------------------------------------------------
#
# A signed-in page is cached for its own user only, under a key that holds a "data
# generation": a number that moves after every committed write to the database (any
# INSERT, UPDATE, DELETE or TRUNCATE through Django, whatever the model, queryset update
# or raw SQL), so a cached page never outlives a change to what it shows. Writes to the
# session table do not count: a session's last-seen time shows on no page.
# ``PRIVATE_PAGE_CACHE_SECONDS`` (0 turns it off) bounds the rest: time passing ("due in
# 3 days") and writes made outside Django.

GENERATION_KEY = "private-page:generation"
WRITE_SQL = re.compile(r"\s*(INSERT|UPDATE|DELETE|TRUNCATE)\b", re.IGNORECASE)
IGNORED_TABLES = ('"django_session"',)


def _private_seconds() -> int:
    return getattr(settings, "PRIVATE_PAGE_CACHE_SECONDS", 120)


def generation() -> int | None:
    return _counter(GENERATION_KEY)


def data_changed() -> None:
    """Every cached signed-in page is stale from now on."""
    _move(GENERATION_KEY)


def _is_counted_write(sql: str) -> bool:
    return bool(WRITE_SQL.match(sql)) and not any(t in sql[:64] for t in IGNORED_TABLES)


def watch_writes(execute, sql, params, many, context):
    """A database execute wrapper: moves the generation once the write is committed
    (at once in autocommit, else once per transaction, on commit)."""
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and _is_counted_write(sql):
        connection = context["connection"]
        pending = connection.in_atomic_block and any(
            func is data_changed for _, func, _ in connection.run_on_commit
        )
        if not pending:
            try:
                connection.on_commit(data_changed)
            except TransactionManagementError:  # manual transaction: no commit hook
                data_changed()
    return result


def _watch_connection(sender, connection, **kwargs) -> None:
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)


def connect_write_watcher() -> None:
    connection_created.connect(_watch_connection, dispatch_uid="private-page-writes")
    for connection in connections.all(initialized_only=True):
        _watch_connection(None, connection)


def _private_key(request) -> str | None:
    current = generation()
    if current is None:
        return None
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    htmx = "h" if request.headers.get("HX-Request") else "p"
    return (
        f"private-page:{current}:{request.user.pk}:{get_language()}:"
        f"{timezone.get_current_timezone_name()}:{timezone.localdate().isoformat()}:"
        f"{htmx}:{path}"
    )


def private_page(view):
    """Serve a signed-in user's own page from the cache while nothing it shows has
    changed (see above). Access checks stay in front of it: put it under
    ``login_required`` and the role checks. Pages with flash messages are never
    cached or served from the cache."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if (
            _private_seconds() <= 0
            or request.method not in ("GET", "HEAD")
            or not request.user.is_authenticated
        ):
            return view(request, *args, **kwargs)
        notices = messages.get_messages(request)
        if len(notices):
            return view(request, *args, **kwargs)
        return _through_cache(
            request,
            lambda: view(request, *args, **kwargs),
            _private_key,
            _private_seconds(),
            storable=lambda: not len(notices),  # none added while rendering
        )

    return wrapper
