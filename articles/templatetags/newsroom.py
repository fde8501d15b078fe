"""Template helpers for the public site."""

import datetime

from django import template
from django.http import QueryDict
from django.utils import formats, translation

from articles import search

register = template.Library()


@register.filter
def reader_date(value) -> str:
    """A date in the reader's language; Thai readers see the Buddhist-era year."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if (translation.get_language() or "en").startswith("th"):
        from pythainlp.util import thai_strftime

        return thai_strftime(datetime.datetime.combine(value, datetime.time()), "%-d %B %Y")
    return formats.date_format(value, "DATE_FORMAT")


@register.filter
def clip(value, length: int) -> str:
    """Text cut to `length` characters on a word boundary (Thai ones too), "…" marking it."""
    return search.clip(str(value or ""), int(length))


@register.simple_tag(takes_context=True)
def query(context, **changes) -> str:
    """The current query string with some parameters changed (None removes one); page resets."""
    params: QueryDict = context["request"].GET.copy()
    params.pop("page", None)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def toggle(context, name: str, value: str) -> str:
    """The query string with one facet option switched on or off (other options kept)."""
    params: QueryDict = context["request"].GET.copy()
    params.pop("page", None)
    values = params.getlist(name)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    params.setlist(name, values)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
