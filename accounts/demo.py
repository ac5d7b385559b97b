"""Demo users, one per role, all with the password ``cpportal-demo``.

The Secretariat and EPD demo users must sign in with two factors like real staff, so
they get an authenticator app with a published secret: add DEMO_TOTP_SECRET to any
authenticator app, or run ``manage.py demo_totp`` for the current code.
"""

from django.contrib.auth.models import Group

from .models import User
from .roles import APPLICANT, EPD_VIEWER, SECRETARIAT

DEMO_PASSWORD = "cpportal-demo"  # noqa: S105 - published demo credential
DEMO_TOTP_SECRET = "CPPORTALDEMOTOTPKEYFORSTAFF23456"  # noqa: S105 - published too
DEMO_USERS = [
    ("applicant@example.com", "Chan Tai Man", APPLICANT, False, "en"),
    (
        "secretariat@example.com",
        "Lee Ka Yan (HKPC Secretariat)",
        SECRETARIAT,
        True,
        "en",
    ),
    ("epd@example.com", "Wong Siu Ming (EPD)", EPD_VIEWER, False, "en"),
]


def seed(*, stdout=None) -> None:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import encrypt

    for email, name, role, is_staff, language in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={"full_name": name, "is_staff": is_staff, "language": language},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=role))
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if role in (SECRETARIAT, EPD_VIEWER):
            Authenticator.objects.update_or_create(
                user=user,
                type=Authenticator.Type.TOTP,
                defaults={"data": {"secret": encrypt(DEMO_TOTP_SECRET)}},
            )
