"""Use the names Thai readers know where iso-codes gives the long official form."""

from django.db import migrations

COMMON_THAI = {"LA": "ลาว"}  # iso-codes: สาธารณรัฐประชาธิปไตยประชาชนลาว (kept as an alias)


def forwards(apps, schema_editor):
    Country = apps.get_model("articles", "Country")
    for code, name in COMMON_THAI.items():
        country = Country.objects.using(schema_editor.connection.alias).filter(code=code).first()
        if country and country.name_th != name:
            if country.name_th and country.name_th not in country.aliases:
                country.aliases = [*country.aliases, country.name_th]
            country.name_th = name
            country.save(update_fields=["name_th", "aliases"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_article_date")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
