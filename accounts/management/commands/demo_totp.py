"""Print the current two-factor code of the demo Secretariat and EPD accounts."""

import time

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.core.management.base import BaseCommand, CommandError

from accounts.demo import DEMO_TOTP_SECRET


def current_code(secret: str, at: float | None = None) -> str:
    """The TOTP code an authenticator app shows for ``secret`` now (or at ``at``)."""
    counter = int(at if at is not None else time.time()) // app_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


class Command(BaseCommand):
    help = (
        "Print the current authenticator code of the demo staff accounts "
        "(only accounts that use the published demo secret)."
    )

    def handle(self, *args, **options):
        demo_staff = [
            auth.user.email
            for auth in Authenticator.objects.filter(
                type=Authenticator.Type.TOTP
            ).select_related("user")
            if decrypt(auth.data["secret"]) == DEMO_TOTP_SECRET
        ]
        if not demo_staff:
            raise CommandError(
                "No account uses the demo authenticator secret: run seed_demo first."
            )
        now = time.time()
        remaining = app_settings.TOTP_PERIOD - int(now) % app_settings.TOTP_PERIOD
        self.stdout.write(
            f"Two-factor code: {current_code(DEMO_TOTP_SECRET, now)} "
            f"(valid for {remaining} more seconds)"
        )
        self.stdout.write("for " + ", ".join(sorted(demo_staff)))
        self.stdout.write(
            f"Or add the secret {DEMO_TOTP_SECRET} to an authenticator app."
        )
