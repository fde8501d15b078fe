"""Template helpers for the article change form."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """Look a key up in a dict (the review flags of the field being drawn)."""
    return (mapping or {}).get(key) or []
