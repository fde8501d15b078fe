"""`field__any_of=[...]`: membership in a long list with one array parameter on PostgreSQL.

`__in` with a thousand values makes Django prepare and psycopg parse a thousand placeholders per
query; `= ANY(%s)` sends one array. Other databases get an ordinary IN list.
"""

from django.db.models import Field, ForeignKey, Lookup


class AnyOf(Lookup):
    lookup_name = "any_of"

    def get_prep_lookup(self):
        return [self.lhs.output_field.get_prep_value(v) for v in self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = list(self.rhs)
        if not values:
            return "1 = 0", []
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, values]
        placeholders = ", ".join(["%s"] * len(values))
        return f"{lhs} IN ({placeholders})", [*lhs_params, *values]


Field.register_lookup(AnyOf)
ForeignKey.register_lookup(AnyOf)  # related fields keep their own lookup registry


class TsMatch(Lookup):
    """`search__document__tsmatch=<tsquery text>`: PostgreSQL full-text match (articles.search)."""

    lookup_name = "tsmatch"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if connection.vendor != "postgresql":
            raise NotImplementedError("tsmatch is PostgreSQL's; SQLite searches through FTS5")
        return f"{lhs} @@ %s::tsquery", [*lhs_params, self.rhs]
