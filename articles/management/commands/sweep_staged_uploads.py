"""Remove uploads whose preview was never confirmed, once NEWSROOM_STAGED_UPLOAD_HOURS pass."""

from django.core.management.base import BaseCommand

from articles import staging


class Command(BaseCommand):
    help = "Remove expired staged uploads (previews never confirmed)."

    def handle(self, *args, **options):
        removed = staging.sweep()
        self.stdout.write(f"Removed {removed} expired staged upload(s).")
