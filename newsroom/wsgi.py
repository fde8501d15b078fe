"""WSGI entry point (gunicorn newsroom.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
application = get_wsgi_application()

if os.environ.get("WARM_FACET_INDEX", "1") != "0":
    from articles.counts import warm_in_background

    warm_in_background()  # each worker builds its counts as it starts, not on a first reader
