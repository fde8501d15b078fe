"""A list-of-strings model field that editors edit as one entry per line."""

from django import forms
from django.db import models


class LinesFormField(forms.CharField):
    """Edit a list of strings in a textarea, one per line; drop blanks and duplicates."""

    widget = forms.Textarea(attrs={"rows": 4, "cols": 60})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value) -> list[str]:
        lines = value if isinstance(value, list | tuple) else (value or "").splitlines()
        seen: dict[str, None] = {}
        for line in lines:
            line = line.strip()
            if line:
                seen.setdefault(line, None)
        return list(seen)

    def has_changed(self, initial, data) -> bool:
        return self.to_python(initial) != self.to_python(data)


class StringListField(models.JSONField):
    """A JSON list of strings (aliases, domains, keywords) shown to editors as lines of text."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        defaults = {"form_class": LinesFormField, "required": not self.blank}
        defaults.update(kwargs)
        # JSONField.formfield forces its own form class; go straight to Field.formfield.
        return models.Field.formfield(self, **defaults)


class SearchTextField(models.TextField):
    """A search document: a `tsvector` on PostgreSQL, the analysed text (for FTS5) elsewhere.

    The value written is always the analysed text made by `articles.search` (tokens separated by
    spaces); PostgreSQL turns it into a tsvector with the `simple` configuration on the way in.
    """

    description = "Full-text search document"

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"

    def get_placeholder(self, value, compiler, connection):
        if connection.vendor == "postgresql":
            return "to_tsvector('simple'::regconfig, %s)"
        return "%s"

    def select_format(self, compiler, sql, params):
        # Read back as text (psycopg has no tsvector loader).
        if compiler.connection.vendor == "postgresql":
            return f"{sql}::text", params
        return sql, params
