"""Site-wide template context: the language switcher and hreflang alternates."""

from django.conf import settings
from django.urls import translate_url


def site(request) -> dict:
    path = request.get_full_path()
    alternates = [
        {"code": code, "name": name, "url": translate_url(path, code)}
        for code, name in settings.LANGUAGES
    ]
    return {
        "alternates": alternates,
        "corrections_email": settings.NEWSROOM_CORRECTIONS_EMAIL,
        "site_name": "Newsroom",
    }
