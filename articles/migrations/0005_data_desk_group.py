"""Create the Data desk role: it may import and export the catalogue spreadsheets."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DATA_DESK = "Data desk"
PERMISSIONS = [
    "view_article", "import_catalogue", "export_catalogue",
    "view_source", "view_topic", "view_agency", "view_country",
    "change_source", "change_topic", "change_agency", "add_source", "add_topic", "add_agency",
]  # fmt: skip


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure ours exist now.
    config = apps.get_app_config("articles")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(schema_editor.connection.alias).get_or_create(name=DATA_DESK)
    group.permissions.add(
        *Permission.objects.using(schema_editor.connection.alias).filter(
            content_type__app_label="articles", codename__in=PERMISSIONS
        )
    )


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(
        name=DATA_DESK
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_catalogue_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
