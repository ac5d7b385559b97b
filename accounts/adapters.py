import time
from datetime import UTC, datetime

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from django.contrib.auth.models import Group
from django.utils import translation

from .roles import APPLICANT


class AccountAdapter(DefaultAccountAdapter):
    """Everyone who signs up on the site is an applicant; staff accounts are made in the admin."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.full_name = form.cleaned_data.get("full_name", "")
        user.language = form.cleaned_data.get("language") or translation.get_language()
        user.save()
        user.groups.add(Group.objects.get_or_create(name=APPLICANT)[0])
        return user

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """A password entered moments ago counts while setting up two factors: staff
        sent to the set-up page right after signing in are not asked for it again,
        neither to activate the app nor to see the recovery codes it produced."""
        if app == "allauth.mfa" and self._setting_up_first_authenticator():
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def _setting_up_first_authenticator(self) -> bool:
        from allauth.mfa.models import Authenticator

        request = self.request or context.request
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        records = get_authentication_records(request, user)
        if not records:
            return False
        signed_in_at = records[-1]["at"]
        if time.time() - signed_in_at >= account_settings.REAUTHENTICATION_TIMEOUT:
            return False
        # No authenticator older than this sign-in: none existed when the password
        # was entered, so nothing is being changed behind the owner's back.
        return not Authenticator.objects.filter(
            user_id=user.pk,
            created_at__lt=datetime.fromtimestamp(signed_in_at, tz=UTC),
        ).exists()


class MFAAdapter(DefaultMFAAdapter):
    """Staff who must use two factors cannot switch their authenticator app off."""

    def can_delete_authenticator(self, authenticator) -> bool:
        from allauth.mfa.models import Authenticator

        from .security import requires_two_factor

        if authenticator.type == Authenticator.Type.TOTP:
            return not requires_two_factor(authenticator.user)
        return True
