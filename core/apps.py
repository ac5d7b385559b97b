from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal")

    def ready(self):
        from .pagecache import connect_signals, connect_write_watcher

        connect_signals()
        connect_write_watcher()
