"""Post an article's admin change form as a browser would: its current values, with changes."""

from django.urls import reverse


def post_change_form(client, article, **changes):
    """Open the change form, keep every value it shows, apply `changes`, and post it back."""
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update({"slug": article.slug, "language": article.language, **changes})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    return response
