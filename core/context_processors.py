from django.conf import settings

from accounts.roles import user_role


def portal(request):
    """What every page needs: the visitor's role and the language switcher's targets."""
    return {
        "portal_role": user_role(getattr(request, "user", None)),
        "SITE_URL": settings.SITE_URL,
    }
