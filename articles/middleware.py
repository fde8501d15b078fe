"""Answer 503 with a friendly page while the database is unreachable, instead of a stack trace."""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.template.response import SimpleTemplateResponse

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """Turn "cannot reach the database" into 503 + Retry-After; the next request reconnects."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if isinstance(exception, DatabaseError) and "locked" in str(exception).lower():
            return None  # SQLite contention is a bug to see, not an outage
        logger.error("Database unavailable: %s", exception)
        response = SimpleTemplateResponse("503.html", status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response.render()
