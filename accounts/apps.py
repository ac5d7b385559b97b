from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from .roles import sync_role_permissions

        # Permissions of later apps exist only after their migrations: re-sync each time.
        post_migrate.connect(sync_role_permissions, dispatch_uid="accounts.sync_roles")
