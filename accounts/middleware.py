"""Session timeouts and the two-factor requirement for Secretariat and EPD accounts."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from .security import has_totp, requires_two_factor

LAST_SEEN_KEY = "_portal_last_seen"
SIGNED_IN_KEY = "_portal_signed_in"
TOTP_CHECKED_KEY = "_portal_totp_checked"
# Write the last-seen time at most this often, so a page view rarely writes.
LAST_SEEN_RESOLUTION = 60


class SessionTimeoutMiddleware:
    """Signs out after SESSION_IDLE_TIMEOUT idle seconds or SESSION_COOKIE_AGE in all;
    marks signed-in pages as not to be stored by browsers or proxies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self._enforce_timeouts(request)
        response = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_store=True)
        return response

    def _enforce_timeouts(self, request) -> None:
        now = int(time.time())
        session = request.session
        last_seen = session.get(LAST_SEEN_KEY)
        signed_in = session.get(SIGNED_IN_KEY)
        if last_seen and now - last_seen > settings.SESSION_IDLE_TIMEOUT:
            self._sign_out(
                request,
                _(
                    "You were signed out after %(minutes)d minutes without "
                    "activity. Please sign in again."
                )
                % {"minutes": settings.SESSION_IDLE_TIMEOUT // 60},
            )
        elif signed_in and now - signed_in > settings.SESSION_COOKIE_AGE:
            self._sign_out(
                request,
                _(
                    "You were signed out because your session reached its "
                    "limit of %(hours)d hours. Please sign in again."
                )
                % {"hours": settings.SESSION_COOKIE_AGE // 3600},
            )
        else:
            if not signed_in:
                session[SIGNED_IN_KEY] = now
            if not last_seen or now - last_seen >= LAST_SEEN_RESOLUTION:
                session[LAST_SEEN_KEY] = now

    @staticmethod
    def _sign_out(request, message: str) -> None:
        logout(request)
        messages.info(request, message)


class StaffTwoFactorMiddleware:
    """A signed-in Secretariat or EPD user without an authenticator app may only set
    one up (or sign out) until they have done so."""

    ALLOWED_URL_NAMES = frozenset(
        {
            "mfa_activate_totp",
            "mfa_index",
            "mfa_view_recovery_codes",
            "mfa_download_recovery_codes",
            "account_reauthenticate",
            "account_logout",
            "set_language",
            "healthz",
        }
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up_totp(request) and not self._is_allowed(request):
            if request.method == "GET":
                messages.warning(
                    request,
                    _(
                        "Secretariat and EPD accounts must use two-factor "
                        "authentication. Set up an authenticator app to continue."
                    ),
                )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _must_set_up_totp(request) -> bool:
        user = getattr(request, "user", None)
        if user is None or not requires_two_factor(user):
            return False
        # Staff cannot remove their authenticator (accounts.adapters.MFAAdapter),
        # so once found it is remembered for the session.
        if request.session.get(TOTP_CHECKED_KEY) == user.pk:
            return False
        if has_totp(user):
            request.session[TOTP_CHECKED_KEY] = user.pk
            return False
        return True

    def _is_allowed(self, request) -> bool:
        if request.path_info.startswith(settings.STATIC_URL):
            return True
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True  # a 404 page reveals nothing
        return match.url_name in self.ALLOWED_URL_NAMES
