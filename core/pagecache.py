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
import re
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

PUBLIC_APPS = {"cases", "pages", "toolbox", "providers"}
PUBLIC_MODELS = {("applications", "phase"), ("applications", "fundingscheme")}
VERSION_KEY = "public-page:version"
TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
PLACEHOLDER = "\x00csrf\x00"


def _seconds() -> int:
    return getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 600)


def version() -> int:
    current = cache.get(VERSION_KEY)
    if current is None:
        current = int(timezone.now().timestamp() * 1000)
        cache.add(VERSION_KEY, current, None)
        current = cache.get(VERSION_KEY, current)
    return current


def public_content_changed(**kwargs) -> None:
    """Every cached public page is stale from now on."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there yet (or evicted): a new, higher number
        cache.set(VERSION_KEY, int(timezone.now().timestamp() * 1000), None)


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


def _key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    htmx = "h" if request.headers.get("HX-Request") else "p"
    today = timezone.localdate().isoformat()
    return f"public-page:{version()}:{get_language()}:{today}:{htmx}:{path}"


def public_page(view):
    """Serve the view's page from the cache to anonymous visitors (see the module)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            if PLACEHOLDER in content:
                token = get_token(request)  # the visitor's own; sets the cookie
                content = content.replace(PLACEHOLDER, token)
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.streaming
            and not [c for c in response.cookies if c != settings.CSRF_COOKIE_NAME]
            and "text/html" in response.get("Content-Type", "")
        ):
            content = TOKEN.sub(
                rf"\g<1>{PLACEHOLDER}\g<2>", response.content.decode(response.charset)
            )
            cache.set(key, (content, response["Content-Type"]), _seconds())
        return response

    return wrapper
