"""The editorial roles as groups: Editor, Chief editor (Data desk exists since 0005)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VOCABULARY_VIEW = ["view_source", "view_topic", "view_agency", "view_country"]
ROLES = {
    "Editor": [
        "view_article", "add_article", "change_article", "view_historicalarticle",
        "view_statuschange", *VOCABULARY_VIEW,
    ],
    "Chief editor": [
        "view_article", "add_article", "change_article", "delete_article", "publish_article",
        "view_historicalarticle", "view_statuschange", *VOCABULARY_VIEW,
        "add_source", "change_source", "add_topic", "change_topic", "add_agency", "change_agency",
        "change_country",
    ],
}  # fmt: skip


def create_roles(apps, schema_editor):
    config = apps.get_app_config("articles")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.using(schema_editor.connection.alias).get_or_create(name=name)
        group.permissions.set(
            Permission.objects.using(schema_editor.connection.alias).filter(
                content_type__app_label="articles", codename__in=codenames
            )
        )


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(
        name__in=ROLES
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
