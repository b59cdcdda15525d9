"""The bell no longer carries the result of one's own Excel import (it shows on the job's page): remove the
notices of that kind already sent, so they stop burying what others asked of their readers."""

from django.db import migrations


def drop(apps, schema_editor):
    apps.get_model("core", "Notification").objects.filter(kind="import_finished").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_verbose_names"),
        ("emulation", "0009_score_version_set_null"),
    ]

    operations = [migrations.RunPython(drop, migrations.RunPython.noop)]
