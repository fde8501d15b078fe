"""Publish the scheduled articles that are due. Run it every minute (cron or a systemd timer)."""

from django.core.management.base import BaseCommand

from articles.services import publish_due


class Command(BaseCommand):
    help = (
        "Flip scheduled articles whose publication time has passed to published. Readers see them "
        "on time even if this runs late: the public pages already respect the time."
    )

    def handle(self, *args, **options):
        count = publish_due()
        if options["verbosity"]:
            self.stdout.write(f"{count} scheduled article(s) published.")
