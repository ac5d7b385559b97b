import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import EPD_VIEWER, SECRETARIAT

# Secretariat and EPD users must have an authenticator app (STAFF_2FA_REQUIRED); the
# factory gives them this one. totp_code() is what the app would show now.
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105


def totp_code(secret: str = TEST_TOTP_SECRET, at: float | None = None) -> str:
    return format_hotp_value(hotp_value(secret, int(at or time.time()) // 30))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    full_name = factory.Faker("name")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """UserFactory(role=SECRETARIAT) also sets up an authenticator app, unless
        UserFactory(role=SECRETARIAT, role__totp=False)."""
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
            if extracted in (SECRETARIAT, EPD_VIEWER) and kwargs.get("totp", True):
                Authenticator.objects.create(
                    user=self,
                    type=Authenticator.Type.TOTP,
                    data={"secret": TEST_TOTP_SECRET},
                )

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(
                user=self, email=self.email, verified=True, primary=True
            )
