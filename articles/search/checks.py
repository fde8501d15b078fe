"""Database checks the search needs (a UTF-8 LC_CTYPE on PostgreSQL)."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

checked: set[tuple[str, str]] = set()
BAD_CTYPES = {"C", "POSIX"}


def check_lc_ctype(sender=None, connection=connection, **kwargs) -> None:
    """Refuse a PostgreSQL database whose LC_CTYPE is C/POSIX (connected once per process).

    Under C, PostgreSQL treats every non-ASCII character as unclassified: upper()/lower() leave
    Thai and Vietnamese alone, and trigram matching drops Thai altogether.
    """
    if connection.vendor != "postgresql":
        return
    key = (connection.alias, str(connection.settings_dict.get("NAME")))
    if key in checked:
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database(), current_setting('lc_ctype')")
        name, ctype = cursor.fetchone()
    ensure_usable_ctype(name, ctype)
    checked.add(key)


def ensure_usable_ctype(database: str, ctype: str) -> None:
    if ctype.upper() in BAD_CTYPES:
        raise ImproperlyConfigured(
            f"PostgreSQL database {database!r} has LC_CTYPE {ctype!r}: case-insensitive search "
            "and Thai/Vietnamese text handling need a UTF-8 locale. Create the database with "
            f"one, e.g. createdb --template=template0 --locale=C.UTF-8 {database}"
        )
