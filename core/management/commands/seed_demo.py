"""Load the demo data: every app's ``demo.seed()``, in INSTALLED_APPS order. Idempotent."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load demo users and sample content; running it twice changes nothing."

    def handle(self, *args, **options):
        # One transaction: what apps queue for after commit (e-mails, letters) runs only
        # once every app has seeded, so a later app (letters) can mark the demo's
        # notifications as sent first: demo data sends no e-mail.
        with transaction.atomic():
            for config in apps.get_app_configs():
                try:
                    module = import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                with transaction.atomic():
                    module.seed(stdout=self.stdout)
                self.stdout.write(f"  seeded {config.label}")
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
