"""Load the CP Toolbox's published content into a database that lacks it (production).

Adds missing factors, tariffs, industries, processes, end uses and measures; rows that
exist are left as the Secretariat edited them.
"""

from django.core.management.base import BaseCommand

from toolbox.demo import seed


class Command(BaseCommand):
    help = "Add the CP Toolbox's reference figures and measures that are missing."

    def handle(self, *args, **options):
        seed(stdout=self.stdout, overwrite=False)
        self.stdout.write(self.style.SUCCESS("CP Toolbox content ready."))
