"""The three roles are groups; this module is the one place that names them."""

from django.db.models import Q

APPLICANT = "Applicant"
SECRETARIAT = "Secretariat"
EPD_VIEWER = "EPD viewer"
ROLE_GROUPS = (APPLICANT, SECRETARIAT, EPD_VIEWER)

# Model permissions per role, as "app_label.codename" patterns: "app.*" is every
# permission of the app, "app.view_*" every view permission. Apps add their own
# models here as they arrive; sync_role_permissions() applies this after migrate.
ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    APPLICANT: (),
    SECRETARIAT: (
        "accounts.view_user",
        "applications.*",
        "cases.*",
        "toolbox.*",
        "pages.*",
        "providers.*",
        "recognition.*",
        "letters.*",  # issue 5
        "reminders.*",  # issue 5
        "django_celery_beat.*",
        # Login lockouts: see who was locked out, and lift a lockout by deleting it.
        "axes.view_*",
        "axes.delete_accessattempt",
    ),
    EPD_VIEWER: (),
}


def user_role(user) -> str | None:
    """The role a signed-in user acts in: "secretariat", "epd", "applicant" or None."""
    if user is None or not user.is_authenticated:
        return None
    cached = getattr(user, "_portal_role", False)
    if cached is not False:
        return cached
    names = set(user.groups.values_list("name", flat=True))
    if user.is_superuser or SECRETARIAT in names:
        role = "secretariat"
    elif EPD_VIEWER in names:
        role = "epd"
    elif APPLICANT in names:
        role = "applicant"
    else:
        role = None
    user._portal_role = role
    return role


def is_secretariat(user) -> bool:
    return user_role(user) == "secretariat"


def is_epd_viewer(user) -> bool:
    return user_role(user) == "epd"


def is_applicant(user) -> bool:
    return user_role(user) == "applicant"


def can_read_reports(user) -> bool:
    return user_role(user) in {"secretariat", "epd"}


def _permission_filter(patterns: tuple[str, ...]) -> Q:
    query = Q(pk__in=[])
    for pattern in patterns:
        app_label, codename = pattern.split(".", 1)
        if codename == "*":
            query |= Q(content_type__app_label=app_label)
        elif codename.endswith("*"):
            query |= Q(
                content_type__app_label=app_label,
                codename__startswith=codename[:-1],
            )
        else:
            query |= Q(content_type__app_label=app_label, codename=codename)
    return query


def sync_role_permissions(sender=None, **kwargs) -> None:
    """Create the role groups and give each exactly the permissions listed above."""
    from django.contrib.auth.models import Group, Permission

    for name in ROLE_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        wanted = Permission.objects.filter(_permission_filter(ROLE_PERMISSIONS[name]))
        group.permissions.set(wanted)
