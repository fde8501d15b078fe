"""Create (or reuse) a local admin login for development and print it."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = Path(settings.BASE_DIR) / ".local" / "admin-password"


class Command(BaseCommand):
    help = (
        "Create a local superuser 'admin' with a random password and print it (dev settings only)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not settings.NEWSROOM_LOCAL_ADMIN:
            raise CommandError(
                "createlocaladmin only runs with the dev settings; use createsuperuser elsewhere."
            )
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        password = PASSWORD_FILE.read_text().strip() if PASSWORD_FILE.exists() else ""
        if user is None or not password or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            PASSWORD_FILE.parent.mkdir(exist_ok=True)
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
            if user is None:
                user = User(username=username, email=f"{username}@localhost")
            user.is_staff = user.is_superuser = user.is_active = True
            user.set_password(password)
            user.save()
        self.stdout.write(
            self.style.SUCCESS("Local admin login")
            + f" — user: {username}   password: {password}   (saved in {PASSWORD_FILE})"
        )
