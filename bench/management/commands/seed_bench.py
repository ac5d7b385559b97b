"""Bulk benchmark data: `manage.py seed_bench --applications 100000` (idempotent per size)."""

from django.core.management.base import BaseCommand

from bench.seed import seed


class Command(BaseCommand):
    help = "Add bench organisations and applications up to the given number."

    def add_arguments(self, parser):
        parser.add_argument("--applications", type=int, default=1000)

    def handle(self, *args, applications, **options):
        seed(applications, stdout=self.stdout)
