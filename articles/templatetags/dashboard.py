from django import template

from articles.dashboard import dashboard_context

register = template.Library()


@register.inclusion_tag("admin/articles/dashboard.html", takes_context=True)
def newsroom_dashboard(context):
    user = context["request"].user
    if not user.has_perm("articles.view_article"):
        return {"show": False}
    return {"show": True, **dashboard_context()}
