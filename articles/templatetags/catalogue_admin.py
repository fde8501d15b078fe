"""Template helpers for the article changelist."""

from django import template

from ..admin_changelist import date_levels

register = template.Library()


@register.inclusion_tag("admin/date_hierarchy.html")
def article_date_hierarchy(cl):
    """Django's date hierarchy, with the levels found by EXISTS queries (see date_levels)."""
    return date_levels(cl)
