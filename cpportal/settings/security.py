"""Security settings shared by every environment (imported at the end of base.py).

What each control enforces, and how to configure it, is in the README's Security
section. production.py adds the HTTPS-only parts (HSTS, secure cookies).
"""

from datetime import timedelta

import environ
from csp.constants import NONE, SELF

env = environ.Env()

# --- Content-Security-Policy (django-csp) ----------------------------------------
# The same strict policy everywhere, so developers see violations while they work.
# No inline scripts or styles anywhere: Bootstrap sets styles through the CSSOM
# (element.style), which style-src does not govern, and crispy-bootstrap5, the
# admin and allauth's templates emit no style attributes. Bootstrap's icons are
# data: SVGs in its CSS, hence img-src data:.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if env("CSP_REPORT_URI", default=""):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["report-uri"] = [env("CSP_REPORT_URI")]

# Sent on every response by SecurityMiddleware / XFrameOptionsMiddleware.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Client address ------------------------------------------------------------
# How many reverse proxies we run in front of Django. X-Forwarded-For is trusted for
# exactly that many hops, never more, so a client cannot choose its own address for
# the login throttles (allauth and axes read the same setting).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# --- Login throttling ----------------------------------------------------------
# django-axes locks out a username from one address after LOGIN_FAILURE_LIMIT
# failures for LOGIN_LOCKOUT_MINUTES: the right password is refused meanwhile, and
# other users (and the same user elsewhere) are unaffected. allauth's own limits are
# set looser, as a second net: one account tried from many addresses, and one
# address trying many accounts.
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A locked-out attacker hammering on does not extend the lockout of the victim.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "accounts.security.login_username"
AXES_CLIENT_IP_CALLABLE = "accounts.security.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.security.lockout_response"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/m/ip,10/15m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}

# --- Two-factor authentication (allauth.mfa) -----------------------------------
# Secretariat and EPD accounts must set up an authenticator app before they can do
# anything else (accounts.middleware.StaffTwoFactorMiddleware); applicants may.
STAFF_2FA_REQUIRED = env.bool("STAFF_2FA_REQUIRED", default=True)
MFA_ADAPTER = "accounts.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "CP Portal"
# Changing e-mail addresses and authenticators asks for the password again.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_NOTIFICATIONS = True

# --- Sessions ------------------------------------------------------------------
# SESSION_COOKIE_AGE (base.py) is the absolute lifetime of a signed-in session;
# SESSION_IDLE_TIMEOUT ends it earlier after that many seconds without a request.
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=30 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
