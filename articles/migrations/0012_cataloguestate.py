from django.db import migrations, models


def create_row(apps, schema_editor):
    apps.get_model("articles", "CatalogueState").objects.using(
        schema_editor.connection.alias
    ).get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_search")]

    operations = [
        migrations.CreateModel(
            name="CatalogueState",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("generation", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "catalogue state", "verbose_name_plural": "catalogue state"},
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
