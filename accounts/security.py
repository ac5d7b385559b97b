"""Who must use two factors, whose address a request comes from, and the lockout page."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .roles import user_role

TWO_FACTOR_ROLES = frozenset({"secretariat", "epd"})


def requires_two_factor(user) -> bool:
    """Secretariat and EPD accounts (and any staff) must use an authenticator app."""
    if not settings.STAFF_2FA_REQUIRED or not user.is_authenticated:
        return False
    return user.is_staff or user_role(user) in TWO_FACTOR_ROLES


def has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user_id=user.pk, type=Authenticator.Type.TOTP
    ).exists()


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: X-Forwarded-For is trusted for TRUSTED_PROXY_COUNT hops only."""
    proxies = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    candidate = request.META.get("REMOTE_ADDR", "")
    forwarded = request.headers.get("x-forwarded-for", "")
    if proxies > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",")]
        if len(hops) >= proxies:
            candidate = hops[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def login_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """The account a login attempt is for, normalised so that case changes count alike."""
    credentials = credentials or {}
    value = (
        credentials.get("email")
        or credentials.get("username")
        or request.POST.get("login")
        or request.POST.get("username")
        or ""
    )
    return str(value).strip().lower()


def lockout_response(
    request: HttpRequest, original_response=None, credentials: dict | None = None
) -> HttpResponse:
    """The page shown instead of the login form while an account is locked out."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/lockout.html",
        {
            "username": login_username(request, credentials),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": minutes,
        },
        status=429,
    )
